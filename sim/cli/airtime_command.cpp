// The `airtime` subcommand: option checks, the link's hw_models airtime function, millisecond output.
#include "sim/cli/airtime_command.hpp"

#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "hw_models/radio/ble_timing.hpp"
#include "hw_models/radio/fsk_airtime.hpp"
#include "hw_models/radio/lora_airtime.hpp"

namespace st::cli {

namespace {
constexpr long long kMaxPreambleSymbolsCss = 65535;  // SX126x 16-bit LoRa preamble length [D, sidewalk.md §5.1]
constexpr long long kMaxPreambleBytesFsk = 8191;     // SX126x 16-bit GFSK preamble length in bits [D, sidewalk.md §5.1]
constexpr long long kMaxPayloadAnyLink = 65535;      // beyond every link's limit; keeps the cast safe

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument(what); }

std::string unknown_rate(const AirtimeOptions& o, const std::string& known) {
  return "unknown rate '" + o.rate + "' for link " + o.link + " (known: " + known + ")";
}

unsigned checked_preamble(const AirtimeOptions& o, long long max, const char* unit) {
  const long long n = *o.preamble;
  if (n < 1 || n > max) {
    bad("--preamble " + std::to_string(n) + " is outside 1.." + std::to_string(max) + " " + unit + " for link " +
        o.link);
  }
  return static_cast<unsigned>(n);
}
}  // namespace

SimTime airtime(const AirtimeOptions& o) {
  if (o.link != "css" && o.link != "fsk" && o.link != "ble") {
    bad("unknown link '" + o.link + "' (known: css, fsk, ble)");
  }
  if (o.payload < 0) bad("payload must not be negative, got " + std::to_string(o.payload) + " B");
  if (o.payload > kMaxPayloadAnyLink) {
    bad("payload " + std::to_string(o.payload) + " B is too large for link " + o.link);
  }
  const auto payload = static_cast<unsigned>(o.payload);

  if (o.link == "css") {
    auto p = hw::sidewalk_css_rate(o.rate);
    if (!p) bad(unknown_rate(o, hw::known_css_rates()));
    if (o.preamble) p->preamble_symbols = checked_preamble(o, kMaxPreambleSymbolsCss, "symbols");
    return hw::lora_time_on_air(*p, payload);
  }
  if (o.link == "fsk") {
    auto p = hw::sidewalk_fsk_rate(o.rate);
    if (!p) bad(unknown_rate(o, hw::known_fsk_rates()));
    if (o.preamble) p->preamble_bytes = checked_preamble(o, kMaxPreambleBytesFsk, "bytes");
    return hw::fsk_time_on_air(*p, payload);
  }
  const auto phy = hw::ble_rate(o.rate);
  if (!phy) bad(unknown_rate(o, hw::known_ble_rates()));
  if (o.preamble) bad("--preamble is not settable for link ble (the PHY fixes it)");
  return hw::ble_packet_airtime(*phy, payload);
}

std::string format_airtime_ms(SimTime t) {
  const SimTime us = (t + kMicrosecond / 2) / kMicrosecond;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%llu.%03llu ms", static_cast<unsigned long long>(us / 1000),
                static_cast<unsigned long long>(us % 1000));
  return buf;
}

int airtime_command(const AirtimeOptions& o, std::ostream& out, std::ostream& err) {
  try {
    out << format_airtime_ms(airtime(o)) << '\n';
    return 0;
  } catch (const std::invalid_argument& e) {
    err << "sidewalk-twin: airtime: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace st::cli
