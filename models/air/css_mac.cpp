#include "models/air/css_mac.hpp"

#include "hw_models/radio/lora_airtime.hpp"
#include "models/air/air_timing.hpp"
#include "models/channel/channel_plan.hpp"

namespace st::models::air {

FramePlan CssMac::plan(const FrameRequest& f, RandomStream& /*rng*/) {
  const LinkBudget::TypeRadio& tp = p_.budget.type(f.type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  FramePlan out;
  out.air = hw::lora_time_on_air(tp.css, f.frame_bytes);
  if (f.uplink) {
    out.start = f.ready + r.sx1262.warm_wake;
    out.device_charge_uc = r.sx1262.transmit(out.air, tp.subghz_dbm).charge_uc;
  } else {
    out.start = p_.schedule.book_downlink(f.gateway, f.device, r.css_rx_interval, f.ready, out.air, f.now);
    out.device_charge_uc = r.sx1262.receive_window(out.air + kRxGuard).charge_uc;
  }
  out.channel = channel::channel_for(LinkType::Css, p_.seed, f.device, out.start);
  return out;
}

unsigned CssMac::max_frame_payload(std::uint16_t /*type*/) const { return hw::kLoraMaxPayloadBytes; }

SimTime CssMac::response_allowance(std::uint16_t type) const {
  const LinkBudget::TypeRadio& tp = p_.budget.type(type);
  return tp.cfg->radio.css_rx_interval + 2 * hw::lora_time_on_air(tp.css, 64);
}

double CssMac::listening_ma(std::uint16_t type) const {
  const LinkBudget::TypeRadio& tp = p_.budget.type(type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  const auto symbol = static_cast<SimTime>(hw::lora_symbol_time_s(tp.css) * 1e9);
  double listen_ma = 0;
  listen_ma += r.sx1262.receive_window(6 * symbol).charge_uc / to_millis(r.css_rx_interval);
  return listen_ma;
}

}  // namespace st::models::air
