// One format per protection layer, as a user checks it: every uplink and downlink captured with --pcap opens with
// the session keys of --keylog, the network key opening the network frame (11-byte header) and the application
// key the application part inside it (6-byte header, type 0x01), 49 bytes over the payload; the uplinks carry
// the documented report (docs/outputs.md, "Uplink payload").
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "models/security/bytes.hpp"
#include "models/security/secure_frame.hpp"
#include "tests/cli/cli_fixture.hpp"

namespace st::cli_test {
namespace {

std::uint32_t le32(const std::string& b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at])) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1])) << 8) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 2])) << 16) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 3])) << 24);
}

struct Captured {
  std::uint32_t device;
  int direction;
  security::Bytes bytes;
};

// The frames of a --pcap file (docs/pcap.md): uplink (code 2) and downlink (code 4) messages with their bytes.
std::vector<Captured> read_capture(const std::string& pcap) {
  std::vector<Captured> out;
  std::size_t at = 24;
  while (at + 16 <= pcap.size()) {
    const std::uint32_t incl = le32(pcap, at + 8);
    const std::string rec = pcap.substr(at + 16, incl);
    at += 16 + incl;
    const int flags = static_cast<std::uint8_t>(rec[4]);
    const int message = static_cast<std::uint8_t>(rec[7]);
    if ((flags & 1) || (message != 2 && message != 4)) continue;
    out.push_back({le32(rec, 24), static_cast<std::uint8_t>(rec[6]), security::Bytes(rec.begin() + 44, rec.end())});
  }
  return out;
}

TEST_F(cliRun, CapturedTrafficOpensWithTheLoggedKeysInTheOneFormatOfEachLayer) {
  write(dir_ / "s.yaml", R"(scenario: {name: capture, seed: 12, duration: 30min}
topology:
  gateways:
    - {name: gw, count: 2, links: [fsk], placement: {pattern: list, points: [[0m, 0m], [300m, 0m]]}}
fleet:
  device_types:
    - name: meter
      count: 30
      qualified: true
      links: [fsk]
      traffic: {uplink_period: 2min, downlink_every: 3}
      radio: {placement: {pattern: disc, radius: 200m}}
timeline:
  - {at: 12min, action: deregister, fraction: 50%}
  - {at: 14min, action: register, fraction: 100%}
)");
  const Result r = twin("run " + quote((dir_ / "s.yaml").string()) + " --out " + quote((dir_ / "run").string()) +
                        " --quiet --pcap " + quote((dir_ / "run.pcap").string()) + " --keylog " +
                        quote((dir_ / "run.keylog").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Device index -> SMSN (events.jsonl), SMSN -> every session's keys in order (the key log).
  std::map<std::uint32_t, std::string> smsn_of;
  for (const std::string& line : lines(read(dir_ / "run" / "events.jsonl"))) {
    const auto e = nlohmann::json::parse(line);
    if (e.contains("device") && e.contains("smsn")) smsn_of[e["device"].get<std::uint32_t>()] = e["smsn"];
  }
  std::map<std::string, std::vector<std::array<std::uint8_t, 16>>> network, application;
  for (const std::string& line : lines(read(dir_ / "run.keylog"))) {
    const auto w = split(line);
    if (w.size() != 5 || w[0] != "SESSION_KEY" || w[3] != "device") continue;
    const auto key = *security::from_hex(w[4]);
    std::array<std::uint8_t, 16> k{};
    std::copy(key.begin(), key.end(), k.begin());
    (w[2] == "network" ? network : application)[w[1]].push_back(k);
  }
  const auto frames = read_capture(read(dir_ / "run.pcap"));
  std::size_t uplinks = 0, downlinks = 0;
  std::set<std::uint32_t> rekeyed;
  for (const Captured& f : frames) {
    ASSERT_TRUE(smsn_of.count(f.device));
    const std::string& smsn = smsn_of[f.device];
    const auto header = security::parse_frame_header(f.bytes);
    ASSERT_TRUE(header.has_value());
    bool opened = false;
    for (std::size_t i = 0; i < network[smsn].size() && !opened; ++i) {
      security::SessionKey net, app;
      net.install(network[smsn][i], header->epoch);
      security::ReplayWindow net_window, app_window;
      security::Bytes app_part, payload;
      const auto dir = f.direction == 0 ? security::Direction::Uplink : security::Direction::Downlink;
      if (security::open_frame(net, dir, f.bytes, net_window, app_part) != security::FrameError::None) continue;
      // The application part: type 0x01, the epoch, the counter, the ciphertext and the tag (6 + n + 16 bytes).
      ASSERT_GE(app_part.size(), security::kAppOverhead);
      EXPECT_EQ(app_part[0], security::kAppTypeData);
      app.install(application[smsn][i], app_part[1]);
      ASSERT_EQ(security::open_app_payload(app, dir, app_part, app_window, payload), security::FrameError::None)
          << "the network key of session " << i << " opened the frame, its application key must open the part";
      EXPECT_EQ(f.bytes.size(), payload.size() + security::kFrameOverhead);
      if (f.direction == 0) {
        ASSERT_EQ(payload.size(), 19u);
        EXPECT_EQ(payload[0], 0x01) << "the report format";
        ++uplinks;
      } else {
        ++downlinks;
      }
      if (i > 0) rekeyed.insert(f.device);
      opened = true;
    }
    EXPECT_TRUE(opened) << "a frame of device " << f.device << " opens with none of its logged keys";
  }
  EXPECT_GT(uplinks, 300u);
  EXPECT_GT(downlinks, 50u);
  EXPECT_GT(rekeyed.size(), 5u) << "frames after the re-registrations open with the second session's keys";
}

}  // namespace
}  // namespace st::cli_test
