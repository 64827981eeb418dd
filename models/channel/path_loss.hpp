// Path loss: free space (Friis), log-distance and Okumura-Hata median losses selected by PathLossModel, plus
// log-normal shadowing that is a stable function of (seed, transmitter, receiver). All losses in dB.
#pragma once
#include <cstdint>

namespace st::models::channel {

inline constexpr double kSpeedOfLight_m_s = 299'792'458.0;
inline constexpr double kMinDistance_m = 1.0;  // every model floors the distance here

// Friis free-space loss 20 log10(4 pi d f / c), d floored at 1 m.
double free_space_loss_db(double distance_m, double frequency_hz);

enum class PathLossKind : std::uint8_t { FreeSpace, LogDistance, OkumuraHata };
enum class HataEnvironment : std::uint8_t { UrbanSmallMedium, UrbanLarge, Suburban, Open };

// Median path loss of one propagation model; shadowing is added separately (shadowing_db()).
//
// LogDistance: PL(d) = PL(d0) + 10 n log10(d / d0), for every d >= 1 m (also below d0: extrapolated).
// The default is the free-space loss at d0 = 1 m and 915 MHz (31.68 dB) with n = 3.5 and sigma = 6 dB [E]:
// ground-level suburban links between houses and yards. Median ranges it gives: 20 dBm to -127 dBm (CSS SF11)
// ~2.0 km, 20 dBm to -108 dBm (FSK 50 kbps) ~570 m; with log_distance(3.5, 6, 2.44e9) (PL(1 m) = 40.2 dB),
// BLE 0 dBm to -95 dBm ~37 m (BLE tens of metres, FSK under a mile, CSS beyond: the usual picture of Sidewalk).
//
// OkumuraHata (Hata 1980, COST-231 report form), frequency 150-1500 MHz, base height 30-200 m, mobile 1-10 m,
// distance 1-20 km. Outside those ranges the inputs are CLAMPED for frequency and heights, while the distance is
// EXTRAPOLATED (the formula is linear in log10 d) and the result never goes below the free-space loss at the same
// distance and the true frequency: clamping d to 1 km would give a 10 m link the loss of a 1 km link, and most
// Sidewalk links are shorter than 1 km. Suburban and open corrections apply to the small/medium-city formula.
struct PathLossModel {
  PathLossKind kind = PathLossKind::LogDistance;
  double frequency_hz = 915e6;        // FreeSpace, OkumuraHata (and the PL(d0) helper below)
  // LogDistance
  double reference_distance_m = 1.0;  // d0 (> 0)
  double reference_loss_db = 31.68;   // PL(d0)
  double exponent = 3.5;              // n
  // OkumuraHata
  HataEnvironment environment = HataEnvironment::UrbanSmallMedium;
  double base_height_m = 30.0;
  double mobile_height_m = 1.5;
  // Log-normal shadowing standard deviation, applied by shadowing_db()/loss_with_shadowing_db().
  double shadowing_sigma_db = 6.0;

  // Median loss in dB at `distance_m` (floored at 1 m).
  double loss_db(double distance_m) const;
  // loss_db(distance) + shadowing_db(seed, transmitter, receiver, shadowing_sigma_db).
  double loss_with_shadowing_db(double distance_m, std::uint64_t seed, std::uint32_t transmitter,
                                std::uint32_t receiver) const;

  static PathLossModel free_space(double frequency_hz, double sigma_db = 0.0);
  // Log-distance with PL(d0) = the free-space loss at d0 and frequency_hz.
  static PathLossModel log_distance(double exponent, double sigma_db, double frequency_hz,
                                    double reference_distance_m = 1.0);
  static PathLossModel okumura_hata(HataEnvironment env, double frequency_hz, double base_height_m,
                                    double mobile_height_m, double sigma_db = 0.0);
};

// Okumura-Hata median loss for `distance_m` with the clamping/extrapolation rules above.
double okumura_hata_loss_db(double distance_m, double frequency_hz, double base_height_m, double mobile_height_m,
                            HataEnvironment env);

// Shadowing of the link transmitter -> receiver: sigma_db times a standard normal drawn from a RandomStream keyed
// by (seed, transmitter, receiver), so the same pair always sees the same value whatever the call order. It is
// directional; for a reciprocal link (uplink and downlink with the same shadowing) call it with (device,
// gateway) in both directions. Ids from different id spaces (devices, gateways) can be separated through `seed`.
double shadowing_db(std::uint64_t seed, std::uint32_t transmitter, std::uint32_t receiver, double sigma_db);
// The unit normal behind shadowing_db (sigma 1).
double shadowing_normal(std::uint64_t seed, std::uint32_t transmitter, std::uint32_t receiver);

// Received power: tx power + antenna gains - loss.
constexpr double received_power_dbm(double tx_power_dbm, double loss_db, double gains_db = 0.0) {
  return tx_power_dbm + gains_db - loss_db;
}

}  // namespace st::models::channel
