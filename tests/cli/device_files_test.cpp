// `export` and `verify-device` end to end: the exported folders and their shapes, every exported device file
// verifying (and one corrupted byte refused with the chain, record and cause), AWS's published example, the
// console certificate.json shape, trusted roots, bad input (exit 2, FILE: field: cause, nothing written), --limit,
// and determinism (P-256 signatures apart).
#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "models/security/base64.hpp"
#include "models/security/bytes.hpp"
#include "models/security/primitives.hpp"
#include "tests/cli/cli_fixture.hpp"

namespace st::cli_test {
namespace {

const std::string kVectors = std::string(ST_SOURCE_DIR) + "/tests/security/vectors/";

std::vector<fs::path> files_in(const fs::path& d) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(d)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class cliDeviceFiles : public cliRun {
 protected:
  fs::path small_scenario() {
    const fs::path file = dir_ / "small.yaml";
    write(file, kSmall);
    return file;
  }
};

TEST_F(cliDeviceFiles, ExportWritesTheFoldersAndEveryDeviceVerifies) {
  const Result r = twin("export " + quote(small_scenario().string()) + " --out " + quote((dir_ / "x").string()) +
                        " --limit 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("exported 10 devices of 2 device types"), std::string::npos) << r.out;
  const fs::path x = dir_ / "x";
  for (const char* type : {"tracker", "sensor"}) {
    SCOPED_TRACE(type);
    const auto profile = nlohmann::json::parse(read(x / "device-profiles" / (std::string(type) + ".json")));
    EXPECT_EQ(profile["Name"], type);
    EXPECT_EQ(profile["Sidewalk"]["ApplicationServerPublicKey"].get<std::string>().size(), 64u);
    const auto& dak = profile["Sidewalk"]["DakCertificateMetadata"][0];
    for (const char* k : {"CertificateId", "MaxAllowedSignature", "FactorySupport", "ApId", "DeviceTypeId"})
      EXPECT_TRUE(dak.contains(k)) << k;
    const auto log = nlohmann::json::parse(read(x / "control-logs" / (std::string(type) + ".json")));
    ASSERT_EQ(log["controlLogs"].size(), 5u);
    EXPECT_EQ(log["controlLogs"][0]["version"], "4-0-1");
    const auto imp = lines(read(x / "import" / (std::string(type) + ".csv")));
    ASSERT_EQ(imp.size(), 6u);
    EXPECT_EQ(imp[0], "smsn");
    const auto fac = lines(read(x / "manufacturing" / (std::string(type) + ".csv")));
    ASSERT_EQ(fac.size(), 6u);
    EXPECT_EQ(fac[0], "smsn,dsn,device_type_id,apid,stage");
    for (std::size_t i = 1; i < imp.size(); ++i) {
      EXPECT_EQ(fac[i].substr(0, 64), imp[i]);
      EXPECT_EQ(log["controlLogs"][i - 1]["device"]["serialNumber"], security::to_hex(*security::from_hex(imp[i])));
      // The factory's record recomputes the SMSN: SHA-256 of DeviceTypeId "-" STAGE DSN APID.
      std::vector<std::string> col;
      std::stringstream ss(fac[i]);
      for (std::string c; std::getline(ss, c, ',');) col.push_back(c);
      ASSERT_EQ(col.size(), 5u);
      EXPECT_EQ(col[4], std::string(type) == "tracker" ? "PRODUCTION" : "PREPRODUCTION");
      const auto smsn = security::sha256(security::as_bytes(col[2] + "-" + col[4] + col[1] + col[3]));
      EXPECT_EQ(security::to_hex(smsn), security::to_hex(*security::from_hex(col[0])));
    }
  }
  const auto devices = files_in(x / "wireless-devices");
  ASSERT_EQ(devices.size(), 10u);
  for (const fs::path& d : devices) {
    const Result v = twin("verify-device " + quote(d.string()));
    EXPECT_EQ(v.exit_code, 0) << d << ": " << v.err;
    const auto j = nlohmann::json::parse(read(d));
    EXPECT_EQ(j["Sidewalk"]["SidewalkManufacturingSn"].get<std::string>() + ".json", d.filename().string());
    EXPECT_EQ(j["Sidewalk"]["Status"], "PROVISIONED");
    EXPECT_EQ(security::from_base64(j["Sidewalk"]["DeviceCertificates"][0]["Value"].get<std::string>())->size(), 628u);
    EXPECT_EQ(security::from_base64(j["Sidewalk"]["DeviceCertificates"][1]["Value"].get<std::string>())->size(), 820u);
  }
  // One byte of the PRODUCT record's signature flipped: refused, naming the chain, the record and the cause.
  auto j = nlohmann::json::parse(read(devices[0]));
  auto blob = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][1]["Value"].get<std::string>());
  blob[160 + 132 + 4 + 64 + 5] ^= 0x01;  // DEVICE (160), DAK (132), PRODUCT serial and key, into its signature
  j["Sidewalk"]["DeviceCertificates"][1]["Value"] = security::to_base64(blob);
  write(dir_ / "bad.json", j.dump());
  const Result bad = twin("verify-device " + quote((dir_ / "bad.json").string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, (dir_ / "bad.json").string() + ": P-256 chain: PRODUCT record: signature does not verify\n");
}

TEST_F(cliDeviceFiles, OneSeedGivesTheSameFilesButTheP256Signatures) {
  const std::string scenario = quote(small_scenario().string());
  ASSERT_EQ(twin("export " + scenario + " --out " + quote((dir_ / "a").string()) + " --limit 3").exit_code, 0);
  ASSERT_EQ(twin("export " + scenario + " --out " + quote((dir_ / "b").string()) + " --limit 3").exit_code, 0);
  const auto a = snapshot(dir_ / "a"), b = snapshot(dir_ / "b");
  ASSERT_EQ(a.size(), b.size());
  std::size_t differing = 0;
  for (const auto& [name, text] : a) {
    if (text == b.at(name)) continue;
    ++differing;
    // Only P-256 chains differ, and within them only signatures: the Ed25519 chains, keys and ids are equal.
    const bool device = name.rfind("wireless-devices/", 0) == 0, log = name.rfind("control-logs/", 0) == 0;
    EXPECT_TRUE(device || log) << name;
    if (device) {
      const auto ja = nlohmann::json::parse(text), jb = nlohmann::json::parse(b.at(name));
      EXPECT_EQ(ja["Sidewalk"]["DeviceCertificates"][0], jb["Sidewalk"]["DeviceCertificates"][0]);
      EXPECT_EQ(ja["Sidewalk"]["PrivateKeys"], jb["Sidewalk"]["PrivateKeys"]);
      EXPECT_EQ(ja["Id"], jb["Id"]);
    }
  }
  EXPECT_GT(differing, 0u) << "OpenSSL 3.0's ECDSA nonces are random";
  // Another seed: other keys.
  std::string other = kSmall;
  other.replace(other.find("seed: 5"), 7, "seed: 6");
  write(dir_ / "other.yaml", other);
  ASSERT_EQ(twin("export " + quote((dir_ / "other.yaml").string()) + " --out " + quote((dir_ / "c").string()) +
                 " --limit 3").exit_code, 0);
  EXPECT_NE(read(dir_ / "c" / "import" / "tracker.csv"), "");
  EXPECT_EQ(read(dir_ / "c" / "import" / "tracker.csv"), read(dir_ / "a" / "import" / "tracker.csv"))
      << "the SMSN depends on the type's codes and the DSN, not the seed";
  EXPECT_NE(read(dir_ / "c" / "device-profiles" / "tracker.json"), read(dir_ / "a" / "device-profiles" / "tracker.json"));
}

TEST_F(cliDeviceFiles, ABadScenarioWritesNothing) {
  write(dir_ / "bad.yaml", std::string(kSmall) + "bogus: 1\n");
  fs::create_directories(dir_ / "out");
  write(dir_ / "out" / "keep.txt", "mine");
  const Result r = twin("export " + quote((dir_ / "bad.yaml").string()) + " --out " + quote((dir_ / "out").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:"), std::string::npos) << r.err;
  EXPECT_EQ(files_in(dir_ / "out").size(), 1u);
}

TEST_F(cliDeviceFiles, TheAwsDeveloperGuideExampleVerifiesAndAFlippedByteDoesNot) {
  const std::string example = kVectors + "aws_example_get_wireless_device.json";
  const Result ok = twin("verify-device " + quote(example));
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("SMSN 843764270F4BDAE3023918C89A3307AB3351EA761887A40A9DC4A5E46B6140D9"), std::string::npos);
  for (const char* serial : {"019200f2", "05f80078", "023e007c", "75000003", "01800003", "019100f2", "01800002"})
    EXPECT_NE(ok.out.find(serial), std::string::npos) << serial;
  // The AMZN roots of the example as trusted roots; then another root.
  auto j = nlohmann::json::parse(read(example));
  const auto ed = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][0]["Value"].get<std::string>());
  const auto p = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][1]["Value"].get<std::string>());
  const std::string ed_root = security::to_hex(std::span(ed).subspan(ed.size() - 96, 32));
  const std::string p_root = security::to_hex(std::span(p).subspan(p.size() - 128, 64));
  write(dir_ / "roots.json", R"({"ed25519": {"public_key": ")" + ed_root + R"(", "serial": "01800003"},
      "p256r1": {"public_key": ")" + p_root + R"(", "serial": "01800002"}})");
  const Result trusted = twin("verify-device " + quote(example) + " --trusted-roots " + quote((dir_ / "roots.json").string()));
  EXPECT_EQ(trusted.exit_code, 0) << trusted.err;
  write(dir_ / "other-roots.json", R"({"ed25519": {"public_key": ")" + std::string(64, '1') + R"(", "serial": "01800003"},
      "p256r1": {"public_key": ")" + p_root + R"(", "serial": "01800002"}})");
  const Result foreign =
      twin("verify-device " + quote(example) + " --trusted-roots " + quote((dir_ / "other-roots.json").string()));
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("Ed25519 chain: AMZN record: not the trusted root"), std::string::npos) << foreign.err;
  // One byte of the DAK record's signature flipped (offset 32 + 32 + 64 + 4 + 32 + 10 of the Ed25519 blob).
  auto flipped = ed;
  flipped[32 + 32 + 64 + 4 + 32 + 10] ^= 0x80;
  j["Sidewalk"]["DeviceCertificates"][0]["Value"] = security::to_base64(flipped);
  write(dir_ / "flipped.json", j.dump(4));
  const Result bad = twin("verify-device " + quote((dir_ / "flipped.json").string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, (dir_ / "flipped.json").string() + ": Ed25519 chain: DAK record: signature does not verify\n");
  EXPECT_EQ(bad.out, "");
}

TEST_F(cliDeviceFiles, TheConsoleCertificateShapeVerifiesToo) {
  const auto j = nlohmann::json::parse(read(kVectors + "aws_example_get_wireless_device.json"));
  nlohmann::json c;
  c["eD25519"] = j["Sidewalk"]["DeviceCertificates"][0]["Value"];
  c["p256R1"] = j["Sidewalk"]["DeviceCertificates"][1]["Value"];
  c["metadata"] = {{"smsn", j["Sidewalk"]["SidewalkManufacturingSn"]},
                   {"devicePrivKeyEd25519", j["Sidewalk"]["PrivateKeys"][0]["Value"]},
                   {"devicePrivKeyP256R1", j["Sidewalk"]["PrivateKeys"][1]["Value"]},
                   {"apid", "fe98"}};
  write(dir_ / "certificate.json", c.dump());
  EXPECT_EQ(twin("verify-device " + quote((dir_ / "certificate.json").string())).exit_code, 0);
  // Another device's private key: the file no longer holds this device.
  c["metadata"]["devicePrivKeyP256R1"] = std::string(63, '0') + "1";
  write(dir_ / "certificate.json", c.dump());
  const Result r = twin("verify-device " + quote((dir_ / "certificate.json").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("P-256 chain: DEVICE record: the private key does not match its public key"), std::string::npos)
      << r.err;
}

TEST_F(cliDeviceFiles, BadDeviceFilesExit2NamingTheFieldAndTheCause) {
  const auto example = nlohmann::json::parse(read(kVectors + "aws_example_get_wireless_device.json"));
  struct Case {
    std::string text, message;
  };
  auto without_certs = example;
  without_certs["Sidewalk"].erase("DeviceCertificates");
  auto short_smsn = example;
  short_smsn["Sidewalk"]["SidewalkManufacturingSn"] = "8437";
  auto not_base64 = example;
  not_base64["Sidewalk"]["DeviceCertificates"][1]["Value"] = "***";
  const std::vector<Case> cases = {
      {"{\"Sidewalk\": ", "not valid JSON"},
      {"[1, 2]", "not a JSON object"},
      {"{}", "neither a GetWirelessDevice response"},
      {without_certs.dump(), "Sidewalk: missing field 'DeviceCertificates'"},
      {short_smsn.dump(), "Sidewalk.SidewalkManufacturingSn: not 64 hex characters"},
      {not_base64.dump(), "Sidewalk.DeviceCertificates[1].Value: not base64"},
  };
  for (const Case& c : cases) {
    write(dir_ / "d.json", c.text);
    const Result r = twin("verify-device " + quote((dir_ / "d.json").string()));
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind((dir_ / "d.json").string() + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_EQ(twin("verify-device " + quote((dir_ / "missing.json").string())).exit_code, 2);
}

}  // namespace
}  // namespace st::cli_test

namespace st::cli_test {
namespace {

// ---- run --aws-records ---------------------------------------------------------------------------------------

TEST_F(cliDeviceFiles, AwsRecordsAgreeWithTheRunAndTheExportAndChangeNothingElse) {
  std::string scenario = kSmall;
  scenario.replace(scenario.find("  seed: 5\n"), 10, "  seed: 5\n  start: 2027-03-04T05:06:07Z\n");
  write(dir_ / "s.yaml", scenario);
  const std::string file = quote((dir_ / "s.yaml").string());
  ASSERT_EQ(twin("run " + file + " --out " + quote((dir_ / "plain").string()) + " --quiet").exit_code, 0);
  const Result r = twin("run " + file + " --out " + quote((dir_ / "aws").string()) + " --quiet --aws-records");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto plain = snapshot(dir_ / "plain"), aws = snapshot(dir_ / "aws");
  const std::string events = aws["aws-events.jsonl"], destination = aws["destination.jsonl"];
  aws.erase("aws-events.jsonl");
  aws.erase("destination.jsonl");
  plain.erase("summary.json");  // (wall_s)
  aws.erase("summary.json");
  EXPECT_EQ(plain, aws) << "--aws-records only adds its two files";

  const auto summary = nlohmann::json::parse(read(dir_ / "aws" / "summary.json"));
  std::map<std::string, std::size_t> by_kind;
  std::set<std::string> device_ids;
  for (const std::string& line : lines(events)) {
    const auto e = nlohmann::json::parse(line);
    ++by_kind[e["eventType"].get<std::string>() + "/" + e["operation"].get<std::string>()];
    EXPECT_EQ(e["timestamp"].get<std::string>().rfind("2027-03-04T", 0), 0u) << line;
    EXPECT_EQ(e["Sidewalk"]["SidewalkManufacturingSn"].get<std::string>().size(), 64u);
    EXPECT_EQ(e["Sidewalk"]["AmazonId"].get<std::string>().size(), 10u);
    device_ids.insert(e["WirelessDeviceId"]);
  }
  EXPECT_EQ(by_kind["registered/register"], summary["handshakes"]["succeeded"].get<std::size_t>());
  EXPECT_EQ(by_kind["provisioned/create"], 120u);
  std::size_t n = 0;
  for (const std::string& line : lines(destination)) {
    const auto m = nlohmann::json::parse(line);
    const auto payload = *security::from_base64(m["PayloadData"].get<std::string>());
    ASSERT_EQ(payload.size(), 19u);
    EXPECT_EQ(payload[0], 0x01) << "report format";
    const std::uint32_t counter = (payload[1] << 24) | (payload[2] << 16) | (payload[3] << 8) | payload[4];
    EXPECT_EQ(counter % 16384, m["WirelessMetadata"]["Sidewalk"]["Seq"].get<std::uint32_t>());
    EXPECT_LE(payload[5], 100) << "battery percent";
    EXPECT_TRUE(device_ids.count(m["WirelessDeviceId"])) << "a device of the events";
    ++n;
  }
  EXPECT_EQ(n, summary["uplinks"]["delivered"].get<std::size_t>());
  // The export of the same scenario names the same devices.
  ASSERT_EQ(twin("export " + file + " --out " + quote((dir_ / "x").string())).exit_code, 0);
  std::set<std::string> exported;
  for (const auto& e : fs::directory_iterator(dir_ / "x" / "wireless-devices"))
    exported.insert(nlohmann::json::parse(read(e.path()))["Id"].get<std::string>());
  EXPECT_EQ(exported, device_ids);
}

}  // namespace
}  // namespace st::cli_test

namespace st::cli_test {
namespace {

// ---- import ----------------------------------------------------------------------------------------------------

// A fleet exported from one scenario (seed 5) imported into another (seed 9, another PKI), trusting the
// exporter's roots.
class cliImport : public cliDeviceFiles {
 protected:
  void SetUp() override {
    cliDeviceFiles::SetUp();
    write(dir_ / "a.yaml", head("a", 5) + "    - {name: tracker, count: 12, qualified: true, links: [fsk, ble]}\n");
    ASSERT_EQ(twin("export " + quote((dir_ / "a.yaml").string()) + " --out " + quote((dir_ / "exp").string())).exit_code, 0);
    fs::create_directories(dir_ / "field" / "devices");
    for (const auto& e : fs::directory_iterator(dir_ / "exp" / "wireless-devices"))
      fs::copy_file(e.path(), dir_ / "field" / "devices" / e.path().filename());
    fs::copy_file(dir_ / "exp" / "device-profiles" / "tracker.json", dir_ / "field" / "profile.json");
    fs::copy_file(dir_ / "exp" / "trusted-roots.json", dir_ / "field" / "roots.json");  // the exporter's roots
  }
  // A scenario's head: 4 gateways on the explicit link model, then `fleet.device_types:`.
  static std::string head(const std::string& name, int seed) {
    return "scenario: {name: " + name + ", seed: " + std::to_string(seed) + R"(, duration: 20min}
topology:
  radio: explicit
  gateways:
    - {name: gw, count: 4, links: [ble, fsk]}
fleet:
  device_types:
)";
  }
  std::string scenario(const std::string& import_extra = "", const std::string& cloud = "  trusted_roots: field/roots.json\n") {
    return head("b", 9) + R"(    - name: field-units
      qualified: true
      links: [fsk, ble]
      import:
        devices: field/devices
        profile: field/profile.json
)" + import_extra + R"(    - {name: own, count: 5, qualified: true, links: [fsk, ble]}
cloud:
)" + cloud;
  }
  nlohmann::json run(const std::string& text, const std::string& out, int expect_exit = 0, Result* result = nullptr) {
    write(dir_ / "b.yaml", text);
    const Result r = twin("run " + quote((dir_ / "b.yaml").string()) + " --out " + quote((dir_ / out).string()) +
                          " --quiet --keylog " + quote((dir_ / (out + ".keylog")).string()));
    if (result) *result = r;
    EXPECT_EQ(r.exit_code, expect_exit) << r.err;
    if (r.exit_code != 0) return {};
    return nlohmann::json::parse(read(dir_ / out / "summary.json"));
  }
};

TEST_F(cliImport, ImportedDevicesKeepTheirIdentityAndRegisterWithTheirKeys) {
  const auto s = run(scenario(), "run");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s["devices"], 17);
  EXPECT_EQ(s["final_states_by_type"]["field-units"]["registered"], 12);
  EXPECT_EQ(s["final_states_by_type"]["own"]["registered"], 5);
  // Their SMSNs are the files' (the handshakes name them), and the key log holds their sessions.
  std::set<std::string> files, registered;
  for (const auto& f : files_in(dir_ / "field" / "devices")) {
    std::string smsn = f.stem().string();
    for (char& c : smsn) c = static_cast<char>(std::tolower(c));
    files.insert(smsn);
  }
  for (const std::string& line : lines(read(dir_ / "run" / "handshakes.csv")))
    if (line.find(",field-units,") != std::string::npos && line.find(",success,") != std::string::npos)
      registered.insert(line.substr(0, 64));
  EXPECT_EQ(registered, files);
  const std::string keylog = read(dir_ / "run.keylog");
  for (const std::string& smsn : files) EXPECT_NE(keylog.find("SESSION_KEY " + smsn + " network device"), std::string::npos);
  // The validate command counts them.
  const Result v = twin("validate " + quote((dir_ / "b.yaml").string()));
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("17 devices (12 imported)"), std::string::npos) << v.out;
}

TEST_F(cliImport, ADeviceThatDoesNotVerifyIsRejectedAtTheIngestAndTheFactoryNotified) {
  const fs::path victim = files_in(dir_ / "field" / "devices")[3];
  auto j = nlohmann::json::parse(read(victim));
  auto blob = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][0]["Value"].get<std::string>());
  blob[128 + 4 + 32 + 5] ^= 0x01;  // the DAK record's signature
  j["Sidewalk"]["DeviceCertificates"][0]["Value"] = security::to_base64(blob);
  write(victim, j.dump(4));
  const auto s = run(scenario(), "run");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s["final_states_by_type"]["field-units"]["registered"], 11);
  EXPECT_EQ(s["final_states_by_type"]["field-units"]["rejected"], 1);
  EXPECT_EQ(s["refusals"]["by_cause"]["bad_chain_signature"], 1);
  std::string smsn = victim.stem().string();
  for (char& c : smsn) c = static_cast<char>(std::tolower(c));
  EXPECT_NE(read(dir_ / "run" / "events.jsonl").find("\"kind\":\"factory_notified\",\"detail\":\"device " + smsn +
                                                      " rejected: bad_chain_signature\""),
            std::string::npos);
  // Without the trusted roots, none of them verifies: foreign_root, all 12; the twin's own devices are fine.
  const auto s2 = run(scenario("", "  ack_timeout: 5s\n"), "run2");
  ASSERT_FALSE(s2.is_null());
  EXPECT_EQ(s2["final_states_by_type"]["field-units"]["rejected"], 12);
  EXPECT_EQ(s2["refusals"]["by_cause"]["foreign_root"], 12);  // (the root is checked first)
  EXPECT_EQ(s2["final_states_by_type"]["own"]["registered"], 5);
}

TEST_F(cliImport, TheAwsDeveloperGuideDeviceRegistersInTheTwin) {
  fs::create_directories(dir_ / "aws" / "devices");
  fs::copy_file(kVectors + "aws_example_get_wireless_device.json", dir_ / "aws" / "devices" / "device.json");
  const auto j = nlohmann::json::parse(read(kVectors + "aws_example_get_wireless_device.json"));
  const auto ed = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][0]["Value"].get<std::string>());
  const auto p = *security::from_base64(j["Sidewalk"]["DeviceCertificates"][1]["Value"].get<std::string>());
  write(dir_ / "aws" / "roots.json", R"({"ed25519": {"public_key": ")" +
                                         security::to_hex(std::span(ed).subspan(ed.size() - 96, 32)) +
                                         R"(", "serial": "01800003"}, "p256r1": {"public_key": ")" +
                                         security::to_hex(std::span(p).subspan(p.size() - 128, 64)) +
                                         R"(", "serial": "01800002"}})");
  write(dir_ / "aws" / "profile.json", R"({"Sidewalk": {"ApplicationServerPublicKey": ")" + std::string(64, 'a') + "\"}}");
  const auto s = run(R"(scenario: {name: x, seed: 3, duration: 10min}
topology:
  radio: explicit
  gateways:
    - {name: gw, count: 1, links: [ble]}
fleet:
  device_types:
    - name: aws-example
      stage: prototype
      links: [ble]
      import: {devices: aws/devices, profile: aws/profile.json}
cloud:
  trusted_roots: aws/roots.json
)", "run");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s["final_states_by_type"]["aws-example"]["registered"], 1);
  EXPECT_EQ(read(dir_ / "run" / "handshakes.csv").find("843764270f4bdae3023918c89a3307ab3351ea761887a40a9dc4a5e46b6140d9,aws-example"),
            lines(read(dir_ / "run" / "handshakes.csv"))[0].size() + 1);
}

TEST_F(cliImport, BadImportsExit2NamingTheFileAndWriteNothing) {
  fs::create_directories(dir_ / "out");
  write(dir_ / "out" / "keep.txt", "mine");
  const fs::path first = files_in(dir_ / "field" / "devices").front();
  const std::string good = read(first);
  struct Case {
    std::string name, scenario_text, file_text, message;
  };
  auto no_keys = nlohmann::json::parse(good);
  no_keys["Sidewalk"].erase("PrivateKeys");
  const std::vector<Case> cases = {
      {"not json", scenario(), "{\"Sidewalk\": [", first.string() + ": not valid JSON"},
      {"no keys", scenario(), no_keys.dump(), first.string() + ": no Ed25519 private key"},
      {"count too", scenario("      count: 3\n"), good, "b.yaml:14:7: a device type with 'import' has as many devices as files (12"},
      {"no folder", std::regex_replace(scenario(), std::regex("field/devices"), "field/nothing"), good, "no such folder"},
      {"bad key file", scenario("        app_server_key: field/profile.json\n"), good,
       "profile.json: not an Ed25519 private key"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    write(first, c.file_text);
    Result r;
    write(dir_ / "b.yaml", c.scenario_text);
    r = twin("run " + quote((dir_ / "b.yaml").string()) + " --out " + quote((dir_ / "out").string()) + " --quiet");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(files_in(dir_ / "out").size(), 1u) << "nothing written";
  }
  write(first, good);
}

}  // namespace
}  // namespace st::cli_test
