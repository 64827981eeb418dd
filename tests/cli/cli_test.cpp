// The command line as users and scripts see it: exit codes, the one-line located error, the run directory
// contract (untouched on bad input, byte-identical for one seed), --check and the key log. Each test spawns
// the sidewalk-twin binary (so every simulation runs in its own process).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/security/bytes.hpp"
#include "models/security/primitives.hpp"

#include "tests/cli/cli_fixture.hpp"

namespace st::cli_test {
namespace {

// ---- validate --------------------------------------------------------------------------------------------------

TEST_F(cliRun, ValidateTypoKeyExits2WithOneLocatedLine) {
  const fs::path file = dir_ / "typo.yaml";
  write(file, R"(scenario:
  name: typo
  duration: 10min
topology:
  gateways:
    - name: gw
      links: [ble]
fleet:
  device_types:
    - name: tracker
      count: 10
      qualifed: true
)");
  const Result r = twin("validate " + quote(file.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const auto errs = lines(r.err);
  ASSERT_EQ(errs.size(), 1u) << r.err;
  EXPECT_EQ(r.err.back(), '\n');
  const std::string prefix = file.string() + ":12:7: ";
  EXPECT_EQ(errs[0].rfind(prefix, 0), 0u) << errs[0];
  EXPECT_NE(errs[0].find("qualifed"), std::string::npos) << errs[0];
}

TEST_F(cliRun, ValidateMissingFileExits2WithOneLine) {
  const std::string missing = (dir_ / "nope.yaml").string();
  const Result r = twin("validate " + quote(missing));
  EXPECT_EQ(r.exit_code, 2);
  const auto errs = lines(r.err);
  ASSERT_EQ(errs.size(), 1u) << r.err;
  EXPECT_EQ(errs[0].rfind(missing + ":0:0: ", 0), 0u) << errs[0];
}

TEST_F(cliRun, TemplateOutputValidates) {
  const std::string text = template_text();
  ASSERT_GT(text.size(), 1000u);
  const fs::path file = dir_ / "template.yaml";
  write(file, text);
  const Result r = twin("validate " + quote(file.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find(": ok (template, 3 device types, 200 devices"), std::string::npos) << r.out;
}

TEST_F(cliRun, BadArgumentsExit2) {
  EXPECT_EQ(twin("").exit_code, 2);
  EXPECT_EQ(twin("frobnicate").exit_code, 2);
  EXPECT_EQ(twin("run " + quote((dir_ / "x.yaml").string())).exit_code, 2);  // --out is required
  EXPECT_EQ(twin("run x.yaml --out o --entropy maybe").exit_code, 2);
  EXPECT_FALSE(fs::exists("o"));
}

// ---- run: bad input leaves --out alone -------------------------------------------------------------------------

TEST_F(cliRun, RunOfABadScenarioLeavesAnExistingOutDirectoryByteIdentical) {
  const fs::path bad = dir_ / "bad.yaml";
  write(bad, "scenario:\n  name: bad\n  duration: -5min\nfleet:\n  device_types: []\n");
  const fs::path out = dir_ / "out";
  fs::create_directories(out / "sub");
  write(out / "summary.json", "{\"previous\": \"run\"}\n");
  write(out / "notes.txt", "do not touch\n");
  write(out / "sub" / "x.bin", std::string("\x00\x01\x02", 3));
  const auto before = snapshot(dir_);
  const Result r = twin("run " + quote(bad.string()) + " --out " + quote(out.string()) + " --check");
  EXPECT_EQ(r.exit_code, 2);
  const auto errs = lines(r.err);
  ASSERT_EQ(errs.size(), 1u) << r.err;
  EXPECT_EQ(errs[0].rfind(bad.string() + ":3:13: ", 0), 0u) << errs[0];
  EXPECT_EQ(snapshot(dir_), before) << "the out directory (or its parent) changed on bad input";
}

TEST_F(cliRun, RunWithOutNamingAFileExits2AndKeepsTheFile) {
  const fs::path scenario = dir_ / "small.yaml";
  write(scenario, kSmall);
  const fs::path out = dir_ / "plainfile";
  write(out, "not a directory\n");
  const Result r = twin("run " + quote(scenario.string()) + " --out " + quote(out.string()) + " -q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_EQ(read(out), "not a directory\n");
}

// ---- run: determinism ------------------------------------------------------------------------------------------

nlohmann::json summary_without_wall_time(const fs::path& run_dir) {
  nlohmann::json j = nlohmann::json::parse(read(run_dir / "summary.json"));
  EXPECT_TRUE(j.contains("wall_s"));
  j.erase("wall_s");
  return j;
}

// A pcap file with the frame bytes of registration messages blanked: they carry the device's P-256 certificate,
// whose ECDSA signature OpenSSL 3.0 draws with a random nonce (docs/pcap.md). Everything else stays: the record
// headers, every pseudo-header, and every other frame's bytes.
std::string pcap_without_signatures(std::string pcap) {
  constexpr std::size_t kGlobal = 24, kRecord = 16, kPseudo = 44, kKindOffset = 7;
  std::size_t at = kGlobal;
  while (at + kRecord <= pcap.size()) {
    const auto u32 = [&](std::size_t o) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(pcap[o])) |
             static_cast<std::uint32_t>(static_cast<unsigned char>(pcap[o + 1])) << 8 |
             static_cast<std::uint32_t>(static_cast<unsigned char>(pcap[o + 2])) << 16 |
             static_cast<std::uint32_t>(static_cast<unsigned char>(pcap[o + 3])) << 24;
    };
    const std::size_t len = u32(at + 8);
    const std::size_t data = at + kRecord;
    if (data + len > pcap.size()) break;
    if (len > kPseudo && pcap[data + kKindOffset] == 1)  // registration
      std::fill(pcap.begin() + static_cast<std::ptrdiff_t>(data + kPseudo),
                pcap.begin() + static_cast<std::ptrdiff_t>(data + len), '\0');
    at = data + len;
  }
  return pcap;
}

TEST_F(cliRun, SameSeedGivesByteIdenticalRunFilesAndAnotherSeedDiffers) {
  const fs::path scenario = dir_ / "template.yaml";
  write(scenario, template_text());
  const std::string s = quote(scenario.string());
  const Result a = twin("run " + s + " --out " + quote((dir_ / "a").string()) + " --seed 42 --quiet --pcap " +
                        quote((dir_ / "a.pcap").string()));
  const Result b = twin("run " + s + " --out " + quote((dir_ / "b").string()) + " --seed 42 --quiet --pcap " +
                        quote((dir_ / "b.pcap").string()));
  const Result c = twin("run " + s + " --out " + quote((dir_ / "c").string()) + " --seed 43 --quiet");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(a.out, "") << "--quiet prints nothing on stdout";
  // The physical layer's outputs too: gateways.csv and every radio frame of the pcap file.
  EXPECT_GT(read(dir_ / "a.pcap").size(), 10000u);
  EXPECT_EQ(pcap_without_signatures(read(dir_ / "a.pcap")), pcap_without_signatures(read(dir_ / "b.pcap")))
      << "the pcap files differ between two runs";
  for (const char* f : {"states.csv", "handshakes.csv", "events.jsonl", "gateways.csv", "devices.csv"}) {
    const std::string fa = read(dir_ / "a" / f);
    EXPECT_GT(fa.size(), 100u) << f;
    EXPECT_TRUE(fa == read(dir_ / "b" / f)) << f << " differs between two runs with the same seed";
  }
  EXPECT_EQ(summary_without_wall_time(dir_ / "a"), summary_without_wall_time(dir_ / "b"));
  EXPECT_EQ(summary_without_wall_time(dir_ / "a")["seed"], 42);
  // Another seed: other random draws, other key material.
  EXPECT_NE(read(dir_ / "a" / "handshakes.csv"), read(dir_ / "c" / "handshakes.csv"));
  EXPECT_EQ(summary_without_wall_time(dir_ / "c")["seed"], 43);
  // The run directory holds exactly the seven documented files (gateways.csv, devices.csv: the physical layer is on).
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_ / "a")) names.insert(e.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"counters.jsonl", "devices.csv", "events.jsonl", "gateways.csv",
                                          "handshakes.csv", "states.csv", "summary.json"}));
  // No staging directory is left beside the run directories.
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
}

// The cryptography runs on a pool of worker threads beside the kernel and is joined at simulated times that do
// not depend on the pool: no worker (everything on the kernel's thread), one or two workers give the same
// run files byte for byte, with handshakes, ingest faults and revocations in the middle of the run, and devices
// moving between their links.
TEST_F(cliRun, CryptoWorkersDoNotChangeAnyRunFile) {
  for (const char* name : {"revocation", "mass-production", "link-fallback"}) {
    const std::string scenario = quote(std::string(ST_SCENARIOS_DIR) + "/" + name + ".yaml");
    std::map<unsigned, fs::path> dirs;
    for (unsigned workers : {0u, 1u, 2u}) {
      dirs[workers] = dir_ / (std::string(name) + "-w" + std::to_string(workers));
      const Result r = twin("run " + scenario + " --quiet --out " + quote(dirs[workers].string()) +
                            " --crypto-workers " + std::to_string(workers) + " --pcap " +
                            quote(dirs[workers].string() + ".pcap"));
      ASSERT_EQ(r.exit_code, 0) << name << " with " << workers << " workers: " << r.err;
    }
    const auto reference = snapshot(dirs[0]);
    EXPECT_GT(read(dirs[0] / "handshakes.csv").size(), 1000u) << name;
    if (std::string(name) == "link-fallback") {
      EXPECT_NE(read(dirs[0] / "events.jsonl").find(R"("kind":"link_switch")"), std::string::npos);
    }
    for (unsigned workers : {1u, 2u}) {
      const auto other = snapshot(dirs[workers]);
      ASSERT_EQ(reference.size(), other.size()) << name;
      for (const auto& [file, text] : reference) {
        if (file == "summary.json") continue;  // compared below without its wall time
        EXPECT_TRUE(other.count(file) && other.at(file) == text)
            << name << ": " << file << " differs between 0 and " << workers << " workers";
      }
      EXPECT_EQ(summary_without_wall_time(dirs[0]), summary_without_wall_time(dirs[workers])) << name;
      EXPECT_EQ(pcap_without_signatures(read(dirs[0].string() + ".pcap")),
                pcap_without_signatures(read(dirs[workers].string() + ".pcap")))
          << name << ": the pcap files differ between 0 and " << workers << " workers";
    }
  }
}

TEST_F(cliRun, RunIntoAnExistingDirectoryKeepsUnrelatedFiles) {
  const fs::path scenario = dir_ / "small.yaml";
  write(scenario, kSmall);
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  write(out / "README.md", "my notes\n");
  write(out / "summary.json", "stale\n");
  const Result r = twin("run " + quote(scenario.string()) + " --out " + quote(out.string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(out / "README.md"), "my notes\n");
  const auto j = nlohmann::json::parse(read(out / "summary.json"));
  EXPECT_EQ(j["scenario"], "small");
  EXPECT_EQ(j["devices"], 120);
}

// ---- run: --check ----------------------------------------------------------------------------------------------

TEST_F(cliRun, CheckWithAnImpossibleExpectationExits1AndNamesIt) {
  std::string text = template_text();
  ASSERT_NE(text.find("\nexpect:"), std::string::npos);
  if (text.back() != '\n') text += '\n';
  const auto line = static_cast<int>(lines(text).size()) + 1;  // the line of the appended entry
  // Every device registered at the end: allowed (the fleet has 200), but the template de-registers and
  // revokes some, so it cannot hold. (The loader refuses bounds above the fleet size, e.g. min: 1000000.)
  text += "  - state: registered\n    min: 200\n";
  const fs::path scenario = dir_ / "impossible.yaml";
  write(scenario, text);
  const std::string s = quote(scenario.string());

  const Result checked = twin("run " + s + " --out " + quote((dir_ / "checked").string()) + " --check -q");
  EXPECT_EQ(checked.exit_code, 1) << checked.err;
  const auto errs = lines(checked.err);
  ASSERT_EQ(errs.size(), 1u) << "exactly the impossible expectation fails:\n" << checked.err;
  EXPECT_EQ(errs[0].rfind(scenario.string() + ":" + std::to_string(line) + ":", 0), 0u) << errs[0];
  EXPECT_NE(errs[0].find("expectation failed"), std::string::npos) << errs[0];
  EXPECT_NE(errs[0].find("registered"), std::string::npos) << errs[0];
  EXPECT_NE(errs[0].find("200"), std::string::npos) << errs[0];
  // The run directory is still written, and the summary records the failure.
  const auto j = nlohmann::json::parse(read(dir_ / "checked" / "summary.json"));
  EXPECT_EQ(j["expectations"]["failed"], 1);
  EXPECT_EQ(j["expectations"]["total"], 7);  // the template's six, and the impossible one

  const Result unchecked = twin("run " + s + " --out " + quote((dir_ / "unchecked").string()) + " -q");
  EXPECT_EQ(unchecked.exit_code, 0) << unchecked.err;
}

TEST_F(cliRun, CheckOfTheTemplateAsShippedPasses) {
  const fs::path scenario = dir_ / "template.yaml";
  write(scenario, template_text());
  const Result r = twin("run " + quote(scenario.string()) + " --out " + quote((dir_ / "o").string()) + " --check");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("expectations: 6 passed, 0 failed"), std::string::npos) << r.out;
}

// ---- run: --keylog ---------------------------------------------------------------------------------------------

TEST_F(cliRun, KeyLogLinesAreWellFormedRecomputableAndAgreeBetweenParties) {
  const fs::path scenario = dir_ / "small.yaml";
  write(scenario, kSmall);
  const fs::path keylog = dir_ / "keys" / "keylog.txt";
  fs::create_directories(keylog.parent_path());
  const Result r = twin("run " + quote(scenario.string()) + " --out " + quote((dir_ / "o").string()) +
                        " --keylog " + quote(keylog.string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(keylog));
  EXPECT_FALSE(fs::exists(dir_ / "o" / "keylog.partial"));
  const auto all = lines(read(keylog));
  ASSERT_GT(all.size(), 500u);

  auto is_hex = [](const std::string& s, std::size_t bytes) {
    return s.size() == 2 * bytes && s.find_first_not_of("0123456789abcdef") == std::string::npos;
  };
  // Per smsn: the sequence of session keys each party logged, per layer; and the ECDH secrets.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> session;  // smsn -> "layer/party" -> keys
  std::map<std::string, std::map<std::string, std::vector<std::string>>> secrets;  // smsn -> "layer/party" -> secrets
  std::map<std::string, std::string> curve_of;
  std::size_t ecdh_lines = 0;
  std::size_t recomputed = 0;
  for (const auto& l : all) {
    const auto w = split(l);
    ASSERT_FALSE(w.empty());
    if (w[0] == "ECDH") {
      ASSERT_EQ(w.size(), 8u) << l;
      const std::string &smsn = w[1], &layer = w[2], &curve = w[3], &party = w[4];
      EXPECT_TRUE(is_hex(smsn, 32)) << l;
      EXPECT_TRUE(layer == "network" || layer == "application") << l;
      ASSERT_TRUE(curve == "x25519" || curve == "p256") << l;
      EXPECT_TRUE(party == "device" || party == "cloud" || party == "appserver") << l;
      EXPECT_TRUE(party != "cloud" || layer == "network") << l;
      EXPECT_TRUE(party != "appserver" || layer == "application") << l;
      const bool x = curve == "x25519";
      EXPECT_TRUE(is_hex(w[5], 32)) << l;
      EXPECT_TRUE(is_hex(w[6], x ? 32 : 65)) << l;
      EXPECT_TRUE(is_hex(w[7], 32)) << l;
      if (curve_of.count(smsn)) {
        EXPECT_EQ(curve_of[smsn], curve) << "a device changed curve";
      }
      curve_of[smsn] = curve;
      // Recompute a sample (every third line, all for the first 30): ECDH(priv, peer) is the logged secret.
      if (ecdh_lines < 30 || ecdh_lines % 3 == 0) {
        const auto priv = security::from_hex(w[5]);
        const auto peer = security::from_hex(w[6]);
        ASSERT_TRUE(priv && peer) << l;
        const auto secret = security::ecdh(x ? security::EcdhCurve::X25519 : security::EcdhCurve::P256, *priv, *peer);
        ASSERT_TRUE(secret.has_value()) << l;
        EXPECT_EQ(security::to_hex(*secret), w[7]) << l;
        ++recomputed;
      }
      ++ecdh_lines;
      secrets[smsn][layer + "/" + party].push_back(w[7]);
    } else if (w[0] == "SESSION_KEY") {
      ASSERT_EQ(w.size(), 5u) << l;
      EXPECT_TRUE(is_hex(w[1], 32)) << l;
      EXPECT_TRUE(w[2] == "network" || w[2] == "application") << l;
      EXPECT_TRUE(w[3] == "device" || w[3] == "cloud" || w[3] == "appserver") << l;
      EXPECT_TRUE(is_hex(w[4], 16)) << l;
      session[w[1]][w[2] + "/" + w[3]].push_back(w[4]);
    } else {
      ADD_FAILURE() << "unknown key-log line: " << l;
    }
  }
  EXPECT_GT(recomputed, 100u);
  // Every device of the (loss-free) run registered, and each one's keys agree between the parties: the device
  // and the network server on the network key, the device and the application server on the application key,
  // attempt by attempt; and both sides of each exchange derived the same ECDH secret.
  EXPECT_EQ(session.size(), 120u);
  std::size_t x25519 = 0;
  for (auto& [smsn, parties] : session) {
    const auto& dn = parties["network/device"];
    const auto& cn = parties["network/cloud"];
    const auto& da = parties["application/device"];
    const auto& aa = parties["application/appserver"];
    EXPECT_FALSE(dn.empty()) << smsn;
    EXPECT_EQ(dn, cn) << "network keys of " << smsn;
    EXPECT_EQ(da, aa) << "application keys of " << smsn;
    for (std::size_t i = 0; i < std::min(dn.size(), da.size()); ++i) EXPECT_NE(dn[i], da[i]) << smsn;
    auto& sec = secrets[smsn];
    EXPECT_EQ(sec["network/device"], sec["network/cloud"]) << "network ECDH secrets of " << smsn;
    EXPECT_EQ(sec["application/device"], sec["application/appserver"]) << "application ECDH secrets of " << smsn;
    x25519 += curve_of[smsn] == "x25519";
  }
  EXPECT_EQ(x25519, 80u);  // the trackers; the 40 sensors use p256

  // The same seed gives the same key log (key material is derived from the seed).
  const fs::path keylog2 = dir_ / "keys" / "keylog2.txt";
  const Result r2 = twin("run " + quote(scenario.string()) + " --out " + quote((dir_ / "o2").string()) +
                         " --keylog " + quote(keylog2.string()) + " -q");
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  EXPECT_TRUE(read(keylog) == read(keylog2)) << "key logs of two runs with one seed differ";
}

// Key material from the OS entropy source changes nothing in the run files: only the key log depends on keys.
TEST_F(cliRun, OsEntropyGivesTheSameRunFilesAsDeterministicKeys) {
  const fs::path scenario = dir_ / "small.yaml";
  write(scenario, kSmall);
  const std::string s = quote(scenario.string());
  ASSERT_EQ(twin("run " + s + " --out " + quote((dir_ / "det").string()) + " -q").exit_code, 0);
  ASSERT_EQ(twin("run " + s + " --out " + quote((dir_ / "os").string()) + " -q --entropy os").exit_code, 0);
  for (const char* f : {"states.csv", "handshakes.csv", "events.jsonl"})
    EXPECT_TRUE(read(dir_ / "det" / f) == read(dir_ / "os" / f)) << f << " depends on the key material";
  EXPECT_EQ(summary_without_wall_time(dir_ / "det"), summary_without_wall_time(dir_ / "os"));
}

std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// The four run files tell one story: states.csv's last row is the summary's final states, handshakes.csv
// holds every attempt, events.jsonl every transition, refusal and notice, in time order.
TEST_F(cliRun, RunFilesAgreeWithTheSummary) {
  const fs::path scenario = dir_ / "template.yaml";
  write(scenario, template_text());
  ASSERT_EQ(twin("run " + quote(scenario.string()) + " --out " + quote((dir_ / "o").string()) + " -q").exit_code, 0);
  const auto summary = nlohmann::json::parse(read(dir_ / "o" / "summary.json"));
  const std::vector<std::string> states = {"created", "associated", "registered", "deregistered", "blocked",
                                           "rejected"};

  const auto rows = lines(read(dir_ / "o" / "states.csv"));
  ASSERT_EQ(rows.size(), 62u);  // header + every minute from 0 to 60 min inclusive
  EXPECT_EQ(rows[0], "time_s,created,associated,registered,deregistered,blocked,rejected");
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(csv_fields(rows[i])[0], std::to_string((i - 1) * 60));
  const auto last = csv_fields(rows.back());
  ASSERT_EQ(last.size(), 7u);
  for (std::size_t i = 0; i < states.size(); ++i)
    EXPECT_EQ(std::stoll(last[i + 1]), summary["final_states"][states[i]].get<long long>()) << states[i];

  const auto hs = lines(read(dir_ / "o" / "handshakes.csv"));
  ASSERT_GE(hs.size(), 2u);
  EXPECT_EQ(hs.size() - 1, summary["handshakes"]["attempts"].get<std::size_t>());
  std::size_t ok = 0;
  for (std::size_t i = 1; i < hs.size(); ++i) {
    const auto f = csv_fields(hs[i]);
    ASSERT_EQ(f.size(), 8u) << hs[i];
    ok += f[6] == "success";
    EXPECT_TRUE(f[6] == "success" ? f[7].empty() : !f[7].empty()) << hs[i];
  }
  EXPECT_EQ(ok, summary["handshakes"]["succeeded"].get<std::size_t>());

  std::map<std::string, long long> net;  // state -> transitions in minus out
  std::size_t refusals = 0;
  std::map<std::string, std::uint64_t> notices;
  double t = 0;
  for (const auto& l : lines(read(dir_ / "o" / "events.jsonl"))) {
    const auto e = nlohmann::json::parse(l);
    EXPECT_GE(e["t"].get<double>(), t) << "events out of time order: " << l;
    t = e["t"].get<double>();
    if (e["event"] == "transition") {
      ++net[e["to"].get<std::string>()];
      --net[e["from"].get<std::string>()];
    } else if (e["event"] == "refusal") {
      ++refusals;
    } else if (e["event"] == "notice") {
      ++notices[e["kind"].get<std::string>()];
    }
  }
  for (const auto& st : states) EXPECT_EQ(net[st], summary["final_states"][st].get<long long>()) << st;
  EXPECT_EQ(refusals, summary["refusals"]["total"].get<std::size_t>());
  for (const auto& [kind, n] : notices) EXPECT_EQ(n, summary["notices"][kind].get<std::uint64_t>()) << kind;
  EXPECT_EQ(summary["devices"], 200);
  EXPECT_EQ(summary["uplinks"]["accepted_from_blocked"], 0);
}

// PRODUCT BUG (sim/kernel/dispatcher.cpp:27, see kernel_tests kernelDispatcher....): in a run longer than
// 2^53 ns (104.25 days; the loader allows 365 days) nothing stamped at exactly the end runs: states.csv lacks
// its final row and `at: end` state expectations are evaluated on an empty snapshot (observed 0), so --check
// fails a true expectation with exit 1.
TEST_F(cliRun, LongRunsSampleAndCheckTheirEnd) {
  const fs::path scenario = dir_ / "long.yaml";
  write(scenario, R"(scenario:
  name: long
  duration: 200d
  sample_interval: 10d
topology:
  gateways:
    - name: gw
      links: [ble]
fleet:
  device_types:
    - name: tracker
      count: 1
      qualified: true
      traffic: {uplink_period: 1d}
expect:
  - state: registered
    min: 1
)");
  const Result r = twin("run " + quote(scenario.string()) + " --out " + quote((dir_ / "o").string()) + " --check -q");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto rows = lines(read(dir_ / "o" / "states.csv"));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.size(), 22u) << "header + a row every 10 days from 0 to 200 days";
  EXPECT_EQ(rows.back(), "17280000,0,0,1,0,0,0");
}

// An argument error is exit 2 with a one-line cause on stderr (README.md, "Commands"), as scripts read it: not
// CLI11's own app.exit(e), which adds a second line "Run with --help for more information." (--help keeps it).
TEST_F(cliRun, ArgumentErrorsPrintOneLine) {
  for (const std::string args : {"", "frobnicate", "run x.yaml", "run x.yaml --out o --seed abc"}) {
    const Result r = twin(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(lines(r.err).size(), 1u) << "`sidewalk-twin " << args << "` printed:\n" << r.err;
  }
}

}  // namespace
}  // namespace st::cli_test
