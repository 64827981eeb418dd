// Invariants of the frame records of a mixed run (time order, gateway choice, link budget, bookkeeping), and
// determinism: a forked child runs the same scenario and both processes report identical frames.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;
constexpr std::uint32_t kNone = models::RadioAccessNetwork::kNone;
constexpr SimTime kDown = 5 * kMinute, kUp = 10 * kMinute;

std::string mixed_scenario() {
  return radio_scenario("15min", "",
                        R"(    - name: grid
      count: 4
      links: [ble, fsk, css]
      placement: {pattern: grid, spacing: 400m}
)",
                        R"(    - name: tracker
      count: 60
      qualified: true
      links: [fsk, css]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
      traffic: {uplink_period: 2min, downlink_every: 3}
      radio:
        placement: {pattern: disc, radius: 600m, center: [200m, 200m]}
    - name: tag
      count: 30
      qualified: true
      links: [ble]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
      traffic: {uplink_period: 2min}
      radio:
        placement: {pattern: near_gateways, radius: 15m}
    - name: meter
      count: 40
      qualified: true
      links: [css, ble]
      register_via: mobile_app
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
      traffic: {uplink_period: 2min}
      radio:
        placement: {pattern: disc, radius: 1500m, center: [200m, 200m]}
)",
                        R"(timeline:
  - {at: 5min, action: outage, target: gateways, count: 1, for: 5min}
)");
}

TEST(radio_world, FrameRecordsKeepTheirInvariants) {
  RadioRun run(mixed_scenario());
  run.world->run();
  const auto& sink = run.sink;
  const auto& gw = run.world->gateways();
  ASSERT_EQ(gw.gateway_count(), 4u);
  std::uint32_t down_gateway = kNone;
  for (std::uint32_t g = 0; g < 4; ++g)
    if (!gw.up(g, kDown + kMinute)) down_gateway = g;
  ASSERT_NE(down_gateway, kNone);
  ASSERT_GT(sink.frames.size(), 500u);

  SimTime previous_end = 0;
  std::array<std::size_t, 3> frames_by_link{};
  std::vector<std::uint64_t> received(4, 0), lost(4, 0);
  std::size_t moved = 0;
  // RSSI against distance: least squares of rssi on 10 log10(d) over sub-GHz frames; and the link budget
  // replayed: 20 dBm (device and gateway alike) - PL(d) - shadowing of the (device, gateway) pair, the same
  // both ways, leaves only the frame's fading, N(0, 2 dB).
  double sx = 0, sy = 0, sxx = 0, sxy = 0, fade = 0, fade_sq = 0;
  std::size_t n = 0;
  const auto& subghz = run.scenario.world.radio.subghz;
  for (const Frame& f : sink.frames) {
    // Reported at their ends, in time order.
    EXPECT_GE(f.end, previous_end);
    previous_end = f.end;
    EXPECT_LT(f.start, f.end);
    EXPECT_GT(f.length, 0u);
    ++frames_by_link[models::link_index(f.link)];
    // One frame's payload on FSK and CSS (a BLE record is a whole transfer over the connection).
    EXPECT_LE(f.length, f.link == LinkType::Fsk ? 251u : f.link == LinkType::Css ? 255u : 0xFFFFu);
    EXPECT_LT(f.channel, f.link == LinkType::Ble ? 37u : 50u) << "a BLE data channel or a sub-GHz slot";
    if (f.gateway == metrics::kNoGateway) {  // the phone
      EXPECT_EQ(f.link, LinkType::Ble);
      EXPECT_EQ(f.message, "registration");
      continue;
    }
    ASSERT_LT(f.gateway, 4u);
    EXPECT_TRUE(gw.serves(f.gateway, f.link));
    if (f.link != LinkType::Ble) {
      const double d = run.distance_to(f.device, f.gateway);
      const double x = 10.0 * std::log10(std::max(1.0, d));
      sx += x;
      sy += f.rssi;
      sxx += x * x;
      sxy += x * f.rssi;
      const double r = f.rssi - (20.0 - subghz.loss_with_shadowing_db(d, run.scenario.world.seed, f.device, f.gateway));
      fade += r;
      fade_sq += r * r;
      ++n;
    }
    if (!f.uplink) continue;
    (f.received() ? received : lost)[f.gateway]++;
    // Its home gateway on that link, or, while the home is down, another one that is up.
    const std::uint32_t home = run.radio().home(f.device, f.link);
    ASSERT_NE(home, kNone) << "device " << f.device << " sent on a link it has no gateway for";
    if (f.gateway != home) {
      ++moved;
      EXPECT_EQ(home, down_gateway) << "device " << f.device << " left a gateway that was up";
      EXPECT_TRUE(f.start >= kDown && f.start < kUp + kMinute) << "moved at " << to_seconds(f.start) << " s";
      EXPECT_FALSE(gw.down_during(f.gateway, f.start, f.end));
    }
    // Lost to the outage exactly when the gateway was down during the frame and nothing on the air took it first.
    const bool medium_loss = f.outcome == "below_sensitivity" || f.outcome == "collision" ||
                             f.outcome == "gateway_busy" || f.outcome == "half_duplex";
    EXPECT_EQ(f.outcome == "gateway_down", gw.down_during(f.gateway, f.start, f.end) && !medium_loss)
        << "device " << f.device << " at " << to_seconds(f.start) << " s: " << f.outcome;
  }
  for (LinkType l : {LinkType::Ble, LinkType::Fsk, LinkType::Css})
    EXPECT_GT(frames_by_link[models::link_index(l)], 50u) << models::to_string(l);
  EXPECT_GT(moved, 0u) << "the devices of the gateway that went down moved to another one";
  const double slope = (static_cast<double>(n) * sxy - sx * sy) / (static_cast<double>(n) * sxx - sx * sx);
  const double fade_mean = fade / static_cast<double>(n);
  const double fade_sd = std::sqrt(fade_sq / static_cast<double>(n) - fade_mean * fade_mean);
  std::printf("rssi slope %.2f dB per 10 dB of distance, fading %.2f +- %.2f dB over %zu frames\n", slope, fade_mean,
              fade_sd, n);
  // Exponent 3.5, made shallower by selection: a device uses its best gateway, and far devices are heard only
  // where their shadowing is favourable.
  EXPECT_LT(slope, -2.5);
  EXPECT_GT(slope, -4.0);
  EXPECT_NEAR(fade_mean, 0.0, 0.2);
  EXPECT_NEAR(fade_sd, 2.0, 0.2);
  // The gateways' tallies are those of the frame records.
  for (std::uint32_t g = 0; g < 4; ++g) {
    EXPECT_EQ(gw.load(g).frames_received, received[g]) << "gateway " << g;
    EXPECT_EQ(gw.load(g).frames_lost, lost[g]) << "gateway " << g;
  }
  // A device's radio is half-duplex too: it never receives a frame while it is transmitting on the same medium.
  std::map<std::uint32_t, std::vector<const Frame*>> by_device;
  for (const Frame& f : sink.frames)
    if (f.gateway != metrics::kNoGateway) by_device[f.device].push_back(&f);
  std::size_t overlapping = 0;
  for (const auto& [device, mine] : by_device) {
    for (const Frame* down : mine) {
      if (down->uplink || !down->received()) continue;
      for (const Frame* up : mine) {
        if (!up->uplink || (up->link == LinkType::Ble) != (down->link == LinkType::Ble)) continue;
        if (up->start < down->end && down->start < up->end) {
          ++overlapping;
          ADD_FAILURE() << "device " << device << " received a " << down->message << " at "
                        << to_seconds(down->start) << " s while sending (" << up->message << " at "
                        << to_seconds(up->start) << " s)";
        }
      }
    }
  }
  EXPECT_EQ(overlapping, 0u);
  EXPECT_EQ(run.radio().medium().late_registrations(), 0u);
}

// A digest of everything a frame record says.
std::uint64_t digest(const std::vector<Frame>& frames) {
  std::uint64_t h = 1469598103934665603ULL;
  const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
  for (const Frame& f : frames) {
    mix(static_cast<std::uint64_t>(f.start));
    mix(static_cast<std::uint64_t>(f.end));
    mix(f.device);
    mix(f.gateway);
    mix(static_cast<std::uint64_t>(f.link));
    mix(f.uplink);
    mix(f.channel);
    std::uint64_t bits = 0;
    std::memcpy(&bits, &f.rssi, sizeof bits);
    mix(bits);
    mix(f.length);
    for (char c : f.message + "/" + f.outcome) mix(static_cast<unsigned char>(c));
  }
  return h;
}

struct RunDigest {
  std::uint64_t hash = 0;
  std::uint64_t frames = 0;
  std::uint64_t received = 0;
};

RunDigest run_once() {
  RadioRun run(mixed_scenario());
  run.world->run();
  return {digest(run.sink.frames), run.sink.frames.size(),
          run.sink.count_frames([](const Frame& f) { return f.received(); })};
}

// Same scenario, same seed, two processes: identical frame records (times, gateways, channels, RSSI to the
// bit, outcomes). The child is forked before this process has started any simulation.
TEST(radio_world, SameScenarioSameFramesInTwoProcesses) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    const RunDigest d = run_once();
    const bool ok = write(fds[1], &d, sizeof d) == static_cast<ssize_t>(sizeof d);
    close(fds[1]);
    _exit(ok ? 0 : 1);
  }
  close(fds[1]);
  RunDigest theirs{};
  const ssize_t got = read(fds[0], &theirs, sizeof theirs);
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child run failed";
  ASSERT_EQ(got, static_cast<ssize_t>(sizeof theirs));
  const RunDigest mine = run_once();
  EXPECT_GT(mine.frames, 500u);
  EXPECT_EQ(mine.frames, theirs.frames);
  EXPECT_EQ(mine.received, theirs.received);
  EXPECT_EQ(mine.hash, theirs.hash);
}

}  // namespace
}  // namespace st::test
