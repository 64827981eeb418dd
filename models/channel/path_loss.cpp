// Path loss models (free space, log-distance, Okumura-Hata) and per-link log-normal shadowing.
#include "models/channel/path_loss.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

// Stream tag of shadowing draws, so they never coincide with device or actor streams of the same seed.
constexpr std::uint64_t kShadowingStreamTag = 0x5AAD'0000'0000'0000ULL;

double floored(double distance_m) { return std::max(distance_m, kMinDistance_m); }

}  // namespace

double free_space_loss_db(double distance_m, double frequency_hz) {
  return 20.0 * std::log10(4.0 * std::numbers::pi * floored(distance_m) * frequency_hz / kSpeedOfLight_m_s);
}

double okumura_hata_loss_db(double distance_m, double frequency_hz, double base_height_m, double mobile_height_m,
                            HataEnvironment env) {
  const double d_m = floored(distance_m);
  const double f = std::clamp(frequency_hz / 1e6, 150.0, 1500.0);  // MHz
  const double hb = std::clamp(base_height_m, 30.0, 200.0);
  const double hm = std::clamp(mobile_height_m, 1.0, 10.0);
  const double lf = std::log10(f);
  const double lhb = std::log10(hb);

  double a_hm;  // mobile antenna correction
  if (env == HataEnvironment::UrbanLarge) {
    a_hm = f >= 300.0 ? 3.2 * std::pow(std::log10(11.75 * hm), 2) - 4.97
                      : 8.29 * std::pow(std::log10(1.54 * hm), 2) - 1.1;
  } else {
    a_hm = (1.1 * lf - 0.7) * hm - (1.56 * lf - 0.8);
  }
  const double urban =
      69.55 + 26.16 * lf - 13.82 * lhb - a_hm + (44.9 - 6.55 * lhb) * std::log10(d_m / 1000.0);
  double loss = urban;
  switch (env) {
    case HataEnvironment::UrbanSmallMedium:
    case HataEnvironment::UrbanLarge: break;
    case HataEnvironment::Suburban: loss = urban - 2.0 * std::pow(std::log10(f / 28.0), 2) - 5.4; break;
    case HataEnvironment::Open: loss = urban - 4.78 * lf * lf + 18.33 * lf - 40.94; break;
  }
  // Never less than free space (matters below ~1 km, where the formula is extrapolated).
  return std::max(loss, free_space_loss_db(d_m, frequency_hz));
}

double PathLossModel::loss_db(double distance_m) const {
  const double d = floored(distance_m);
  switch (kind) {
    case PathLossKind::FreeSpace: return free_space_loss_db(d, frequency_hz);
    case PathLossKind::LogDistance:
      return reference_loss_db + 10.0 * exponent * std::log10(d / reference_distance_m);
    case PathLossKind::OkumuraHata:
      return okumura_hata_loss_db(d, frequency_hz, base_height_m, mobile_height_m, environment);
  }
  return free_space_loss_db(d, frequency_hz);
}

double PathLossModel::loss_with_shadowing_db(double distance_m, std::uint64_t seed, std::uint32_t transmitter,
                                             std::uint32_t receiver) const {
  return loss_db(distance_m) + shadowing_db(seed, transmitter, receiver, shadowing_sigma_db);
}

PathLossModel PathLossModel::free_space(double frequency_hz, double sigma_db) {
  PathLossModel m;
  m.kind = PathLossKind::FreeSpace;
  m.frequency_hz = frequency_hz;
  m.shadowing_sigma_db = sigma_db;
  return m;
}

PathLossModel PathLossModel::log_distance(double exponent, double sigma_db, double frequency_hz,
                                          double reference_distance_m) {
  PathLossModel m;
  m.kind = PathLossKind::LogDistance;
  m.frequency_hz = frequency_hz;
  m.reference_distance_m = std::max(reference_distance_m, kMinDistance_m);
  m.reference_loss_db = free_space_loss_db(m.reference_distance_m, frequency_hz);
  m.exponent = exponent;
  m.shadowing_sigma_db = sigma_db;
  return m;
}

PathLossModel PathLossModel::okumura_hata(HataEnvironment env, double frequency_hz, double base_height_m,
                                          double mobile_height_m, double sigma_db) {
  PathLossModel m;
  m.kind = PathLossKind::OkumuraHata;
  m.environment = env;
  m.frequency_hz = frequency_hz;
  m.base_height_m = base_height_m;
  m.mobile_height_m = mobile_height_m;
  m.shadowing_sigma_db = sigma_db;
  return m;
}

double shadowing_normal(std::uint64_t seed, std::uint32_t transmitter, std::uint32_t receiver) {
  const std::uint64_t pair = (static_cast<std::uint64_t>(transmitter) << 32) | receiver;
  RandomStream rng(seed, kShadowingStreamTag ^ mix64(pair));
  return rng.standard_normal();
}

double shadowing_db(std::uint64_t seed, std::uint32_t transmitter, std::uint32_t receiver, double sigma_db) {
  if (sigma_db == 0.0) return 0.0;
  return sigma_db * shadowing_normal(seed, transmitter, receiver);
}

}  // namespace st::models::channel
