// Coverage through the World: CSS devices on a line away from one gateway; reception falls with distance as
// the log-distance path loss and the per-frame fading say, and devices beyond range never reach the network.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;

// 20 CSS devices from 50 m to 5 km of one CSS gateway, registered from the phone (so registration does not
// depend on range), an uplink a minute. No shadowing: the mean link budget is a function of distance only,
// and what varies from frame to frame is the fading (2 dB).
std::string coverage_scenario() {
  return radio_scenario("30min", "  propagation:\n    sub_ghz: {shadowing: 0dB}\n",
                        R"(    - name: gw
      links: [css]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                        R"(    - name: probe
      count: 20
      qualified: true
      links: [css, ble]
      register_via: mobile_app
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        placement: {pattern: line, from: 50m, to: 5km}
)");
}

TEST(radio_world, CoverageReceptionFallsWithDistanceAsPathLossAndFadingSay) {
  RadioRun run(coverage_scenario());
  run.world->run();
  const auto& sink = run.sink;
  constexpr std::uint32_t kDevices = 20;
  constexpr double kSensitivity = -127.0;  // CSS 2 kbps (SF11, 500 kHz)
  constexpr double kTxDbm = 20.0;
  constexpr double kFadingDb = 2.0;
  ASSERT_EQ(run.world->fleet().size(), kDevices);

  std::vector<double> distance(kDevices), mean_rssi(kDevices);
  std::vector<std::size_t> frames(kDevices, 0), received(kDevices, 0), below(kDevices, 0), sent(kDevices, 0);
  for (std::uint32_t d = 0; d < kDevices; ++d) {
    distance[d] = run.distance_to(d, 0);
    EXPECT_NEAR(distance[d], 50.0 + d * (4950.0 / 19.0), 0.01) << "line placement, device " << d;
    mean_rssi[d] = mean_subghz_rssi(run.scenario, kTxDbm, distance[d]);
    sent[d] = sink.traffic_of(d, "uplink", "sent");
    EXPECT_GT(sent[d], 15u) << "device " << d << " registered from the phone and sends every minute";
  }
  double residual_sum = 0, residual_sq = 0;
  std::size_t residual_n = 0;
  for (const Frame& f : sink.frames) {
    if (!f.is_uplink_message()) continue;
    ASSERT_EQ(f.link, LinkType::Css);
    ASSERT_EQ(f.gateway, 0u);
    ++frames[f.device];
    received[f.device] += f.received();
    below[f.device] += f.outcome == "below_sensitivity";
    // A frame is below sensitivity exactly when its RSSI (mean budget + this frame's fading) is under -127 dBm.
    EXPECT_EQ(f.outcome == "below_sensitivity", f.rssi < kSensitivity)
        << "device " << f.device << " rssi " << f.rssi << " outcome " << f.outcome;
    const double r = f.rssi - mean_rssi[f.device];
    residual_sum += r;
    residual_sq += r * r;
    ++residual_n;
  }
  ASSERT_GT(residual_n, 200u);
  // The fading is zero-mean with a 2 dB deviation.
  const double mean = residual_sum / static_cast<double>(residual_n);
  const double sd = std::sqrt(residual_sq / static_cast<double>(residual_n) - mean * mean);
  EXPECT_NEAR(mean, 0.0, 0.3);
  EXPECT_NEAR(sd, kFadingDb, 0.3);

  // A device is homed when its mean budget is within two fading deviations of the sensitivity: 20 dBm - PL(d)
  // >= -131 dBm, PL(d) = 31.68 + 35 log10(d): d <= 2.57 km. Beyond, it never puts a frame on the air.
  for (std::uint32_t d = 0; d < kDevices; ++d) {
    const bool in_range = mean_rssi[d] + 2 * kFadingDb >= kSensitivity;
    EXPECT_EQ(run.radio().home(d, LinkType::Css) != models::RadioAccessNetwork::kNone, in_range) << "device " << d;
    if (!in_range) {
      EXPECT_EQ(frames[d], 0u) << "device " << d << " at " << distance[d] << " m";
      EXPECT_EQ(sink.traffic_of(d, "uplink", "delivered"), 0u) << "device " << d;
    }
  }
  // Near half (50 m .. 2.4 km) against far half (2.7 .. 5 km): uplinks received per uplink sent.
  std::size_t near_sent = 0, near_received = 0, far_sent = 0, far_received = 0;
  for (std::uint32_t d = 0; d < kDevices; ++d) {
    (d < kDevices / 2 ? near_sent : far_sent) += sent[d];
    (d < kDevices / 2 ? near_received : far_received) += received[d];
  }
  const double near_ratio = static_cast<double>(near_received) / static_cast<double>(near_sent);
  const double far_ratio = static_cast<double>(far_received) / static_cast<double>(far_sent);
  std::printf("coverage: near half %zu/%zu, far half %zu/%zu\n", near_received, near_sent, far_received, far_sent);
  EXPECT_GT(near_ratio, 0.6);
  EXPECT_EQ(far_ratio, 0.0);

  // The nearest devices (<= 1.1 km, 9 dB or more above the sensitivity) never lose a frame to the channel; what
  // they lose is the gateway busy with another frame or sending an acknowledgement (a few per cent).
  std::size_t nearest_frames = 0, nearest_received = 0;
  for (std::uint32_t d = 0; d < 5; ++d) {
    ASSERT_GT(frames[d], 0u);
    EXPECT_EQ(below[d], 0u) << "device " << d;
    EXPECT_GE(static_cast<double>(received[d]) / static_cast<double>(frames[d]), 0.7) << "device " << d;
    nearest_frames += frames[d];
    nearest_received += received[d];
  }
  EXPECT_GE(static_cast<double>(nearest_received) / static_cast<double>(nearest_frames), 0.85);
  EXPECT_EQ(sink.count_frames([](const Frame& f) {
    return f.is_uplink_message() && f.device < 5 && !f.received() && f.outcome != "gateway_busy" &&
           f.outcome != "half_duplex" && f.outcome != "collision";
  }), 0u);
  // The edge devices lose frames below sensitivity, as many as the fading predicts: a frame of a device whose
  // mean RSSI is m is lost with probability Phi((sens - m) / 2 dB).
  double expected = 0, variance = 0;
  std::size_t observed = 0;
  for (std::uint32_t d = 0; d < kDevices; ++d) {
    if (frames[d] == 0) continue;
    const double p = phi((kSensitivity - mean_rssi[d]) / kFadingDb);
    expected += static_cast<double>(frames[d]) * p;
    variance += static_cast<double>(frames[d]) * p * (1 - p);
    observed += below[d];
    if (below[d] > 0) {
      EXPECT_GT(distance[d], 1500.0) << "device " << d << " lost frames below sensitivity";
    }
    std::printf("  device %2u at %6.0f m: mean %7.1f dBm, %3zu frames, %3zu received, %3zu below sensitivity "
                "(p %.3f)\n",
                d, distance[d], mean_rssi[d], frames[d], received[d], below[d], p);
  }
  EXPECT_GT(observed, 10u) << "the edge devices lose frames below sensitivity";
  EXPECT_NEAR(static_cast<double>(observed), expected, 4.0 * std::sqrt(variance) + 1.0);
  // Received fraction by distance band: falls from the inner band to the edge band.
  const auto band = [&](std::uint32_t from, std::uint32_t to) {
    std::size_t n = 0, ok = 0;
    for (std::uint32_t d = from; d < to; ++d) {
      n += frames[d];
      ok += received[d];
    }
    return n ? static_cast<double>(ok) / static_cast<double>(n) : 0.0;
  };
  EXPECT_GT(band(0, 5), band(5, 8));
  EXPECT_GT(band(5, 8), band(8, 10));
  EXPECT_LT(band(8, 10), 0.5);
}

}  // namespace
}  // namespace st::test
