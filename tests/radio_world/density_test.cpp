// Density through the World: CSS cells of 20, 400 and 400 devices (8 demodulators) in one run; busy and collision
// losses grow with load, and the frame records agree with the capture, demodulator and half-duplex rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <vector>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;

std::string cell_type(const std::string& name, int count, const std::string& centre) {
  return "    - name: " + name + "\n      count: " + std::to_string(count) +
         R"(
      qualified: true
      links: [css, ble]
      register_via: mobile_app
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
      traffic: {uplink_period: 2min}
      radio:
        placement: {pattern: disc, radius: 300m, center: )" + centre + "}\n";
}

std::string density_scenario() {
  return radio_scenario("8min", "",
                        R"(    - name: sparse
      links: [css]
      placement: {pattern: list, points: [[0m, 0m]]}
    - name: dense
      links: [css]
      placement: {pattern: list, points: [[100km, 0m]]}
    - name: dense8
      links: [css]
      demodulators: 8
      placement: {pattern: list, points: [[200km, 0m]]}
)",
                        cell_type("sparse", 20, "[0m, 0m]") + cell_type("dense", 400, "[100km, 0m]") +
                            cell_type("dense8", 400, "[200km, 0m]"));
}

struct CellTally {
  std::size_t frames = 0, received = 0, collision = 0, busy = 0, half_duplex = 0, below = 0;
  std::size_t captured = 0;  // received although a same-channel frame overlapped it
  double airtime_s = 0;
  double lost(std::size_t n) const { return static_cast<double>(n) / static_cast<double>(frames); }
  // Collision and busy losses per frame the gateway could have received: half-duplex (its own transmissions)
  // takes precedence over both in the medium, so those frames are left out.
  double medium_loss() const {
    return static_cast<double>(collision + busy) / static_cast<double>(frames - half_duplex - below);
  }
};

TEST(radio_world, DensityBusyAndCollisionLossesGrowWithLoadAndDemodulatorsRelieveTheReceiver) {
  RadioRun run(density_scenario());
  run.world->run();
  constexpr double kCapture = 6.0;
  ASSERT_EQ(run.world->gateways().gateway_count(), 3u);
  // Every device is homed on its own cell's gateway.
  for (std::uint32_t d = 0; d < run.world->fleet().size(); ++d)
    ASSERT_EQ(run.radio().home(d, LinkType::Css), run.world->fleet()[d].device_type) << "device " << d;

  std::array<std::vector<Frame>, 3> uplinks, downlinks;
  for (const Frame& f : run.sink.frames) {
    if (f.gateway >= 3) continue;  // the phone (registration)
    ASSERT_EQ(f.link, LinkType::Css);
    ASSERT_EQ(f.gateway, f.type) << "a frame reached another cell's gateway";
    (f.uplink ? uplinks : downlinks)[f.gateway].push_back(f);
  }
  constexpr SimTime kRunEnd = 8 * kMinute;
  std::array<SimTime, 3> longest_down{};
  for (std::uint32_t g = 0; g < 3; ++g)
    for (const Frame& f : downlinks[g]) longest_down[g] = std::max(longest_down[g], f.end - f.start);
  std::array<CellTally, 3> cell{};
  for (std::uint32_t g = 0; g < 3; ++g) {
    CellTally& c = cell[g];
    auto& up = uplinks[g];
    std::sort(up.begin(), up.end(), [](const Frame& a, const Frame& b) { return a.start < b.start; });
    SimTime longest = 0;
    for (const Frame& f : up) longest = std::max(longest, f.end - f.start);
    for (std::size_t i = 0; i < up.size(); ++i) {
      const Frame& f = up[i];
      ++c.frames;
      c.airtime_s += to_seconds(f.end - f.start);
      c.received += f.received();
      c.collision += f.outcome == "collision";
      c.busy += f.outcome == "gateway_busy";
      c.half_duplex += f.outcome == "half_duplex";
      c.below += f.outcome == "below_sensitivity";
      // Replay the medium's rules from the records: the frames overlapping f at its gateway, on its channel.
      bool same_channel_overlap = false, beaten = false, started_under_another = false;
      // (sorted by start: the overlapping frames start within the longest frame before f, and before its end)
      std::size_t from = i;
      while (from > 0 && up[from - 1].start + longest > f.start) --from;
      for (std::size_t j = from; j < up.size() && up[j].start < f.end; ++j) {
        if (j == i) continue;
        const Frame& o = up[j];
        if (!(o.start < f.end && f.start < o.end)) continue;
        if (o.start <= f.start && f.start < o.end) started_under_another = true;
        if (o.channel != f.channel) continue;
        same_channel_overlap = true;
        if (f.rssi - o.rssi < kCapture) beaten = true;
      }
      bool gateway_sending = false;
      const auto& down = downlinks[g];  // reported at their ends, so sorted by end
      for (auto it = std::upper_bound(down.begin(), down.end(), f.start,
                                      [](SimTime t, const Frame& x) { return t < x.end; });
           it != down.end() && !gateway_sending; ++it) {
        gateway_sending = it->start < f.end && f.start < it->end;
        if (it->end > f.end + kMinute) break;
      }
      if (f.received()) {
        EXPECT_FALSE(beaten) << "cell " << g << ": a received frame overlapped a same-channel frame less than 6 dB "
                             << "weaker (capture threshold)";
        EXPECT_FALSE(gateway_sending) << "cell " << g << ": received while its gateway transmitted";
        c.captured += same_channel_overlap;
      }
      if (f.outcome == "collision") {
        EXPECT_TRUE(beaten) << "cell " << g << ": collision without a same-channel frame within 6 dB";
      }
      // (A downlink still on the air when the run ends is never reported: frames that end within one downlink
      // airtime of the end may have lost to it.)
      if (f.outcome == "half_duplex" && f.end + longest_down[g] <= kRunEnd) {
        EXPECT_TRUE(gateway_sending) << "cell " << g << ": half-duplex loss while its gateway was silent";
      }
      if (f.outcome == "gateway_busy" && g < 2) {
        // One demodulator: a frame is dropped busy only when another frame holds the receiver at its start.
        EXPECT_TRUE(started_under_another) << "cell " << g << ": busy with nothing on the air at its start";
      }
    }
    std::printf("cell %u: %zu uplink frames (G %.2f), %zu received, %zu collision, %zu busy, %zu half-duplex, "
                "%zu below sensitivity, %zu captured\n",
                g, c.frames, c.airtime_s / to_seconds(run.scenario.duration), c.received, c.collision, c.busy,
                c.half_duplex, c.below, c.captured);
    ASSERT_GT(c.frames, 50u) << "cell " << g;
    EXPECT_EQ(c.below, 0u) << "every device is within 300 m";
  }
  const CellTally &sparse = cell[0], &dense = cell[1], &dense8 = cell[2];
  // Offered load: 20 devices x ~0.37 s every 2 min is G ~ 0.06; 400 devices G > 1 (retransmissions included).
  // Losses to the medium (collision + busy) per frame: a few per cent in the sparse cell, most frames in the
  // dense one (one receiver, first frame wins: about 1 - exp(-G)).
  const double sparse_loss = sparse.medium_loss();
  const double dense_loss = dense.medium_loss();
  const double dense8_loss = dense8.medium_loss();
  EXPECT_LT(sparse_loss, 0.12);
  EXPECT_GT(dense_loss, 0.4);
  EXPECT_GT(dense_loss, 4 * sparse_loss);
  EXPECT_GT(dense.collision, sparse.collision);
  // Eight demodulators: busy losses drop by far more than half; what is left is mostly collisions on the same
  // channel (1 in 50 overlaps), which more demodulators do not cure.
  EXPECT_LT(dense8.lost(dense8.busy), 0.5 * dense.lost(dense.busy));
  EXPECT_LT(dense8_loss, dense_loss);
  EXPECT_GT(dense8.lost(dense8.received), dense.lost(dense.received));
  // With several frames held at once, same-channel overlaps survive by capture.
  EXPECT_GT(dense8.captured, 0u);
  EXPECT_GT(dense8.collision, 0u);
  // The devices' radios are half-duplex too: a downlink (acknowledgement) is never received while its device
  // transmits (a retransmission after an acknowledgement timeout can run into its own receive window), and a
  // downlink lost half-duplex at the device overlapped one of its own uplinks.
  std::map<std::uint32_t, std::vector<const Frame*>> own_uplinks;
  for (const Frame& f : run.sink.frames)
    if (f.uplink && f.gateway < 3) own_uplinks[f.device].push_back(&f);
  std::size_t downlinks_checked = 0, downlinks_half_duplex = 0;
  for (std::uint32_t g = 0; g < 3; ++g) {
    for (const Frame& d : downlinks[g]) {
      bool sending = false;
      for (const Frame* u : own_uplinks[d.device]) sending = sending || (u->start < d.end && d.start < u->end);
      if (d.received()) {
        EXPECT_FALSE(sending) << "device " << d.device << " heard its gateway while sending";
      }
      if (d.outcome == "half_duplex") {
        EXPECT_TRUE(sending) << "device " << d.device << ": half-duplex loss while it was silent";
        ++downlinks_half_duplex;
      }
      ++downlinks_checked;
    }
  }
  EXPECT_GT(downlinks_checked, 1000u);
  EXPECT_GT(downlinks_half_duplex, 0u);
  EXPECT_EQ(run.radio().medium().late_registrations(), 0u);
}

}  // namespace
}  // namespace st::test
