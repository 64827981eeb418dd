#include "sim/aws/fleet_export.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "models/cloud/contract_manufacturer.hpp"
#include "models/security/chain_blob.hpp"
#include "models/security/pki.hpp"
#include "sim/aws/aws_ids.hpp"
#include "models/cloud/control_log_record.hpp"
#include "sim/aws/device_file.hpp"
#include "sim/aws/device_profile_file.hpp"

namespace st::aws {

namespace fs = std::filesystem;
using security::SignatureAlgorithm;

namespace {

constexpr std::uint32_t kBatch = 2048;

class Output {
 public:
  explicit Output(const fs::path& path) : out_(path, std::ios::binary) {
    if (!out_) throw std::runtime_error(path.string() + ": cannot be written");
    path_ = path;
  }
  std::ofstream& operator*() { return out_; }
  void close() {
    out_.close();
    if (!out_) throw std::runtime_error(path_.string() + ": write failed");
  }

 private:
  std::ofstream out_;
  fs::path path_;
};

void write_json(const fs::path& path, const nlohmann::ordered_json& j) {
  Output out(path);
  *out << j.dump(4) << '\n';
  out.close();
}

// Device key pairs and DAK signatures of devices [first, first + n) of a type, on `threads` threads.
std::vector<security::DeviceIdentity> make_batch(const models::DeviceTypeConfig& cfg, std::uint16_t type,
                                                 std::uint32_t first_device, std::uint32_t first_index, std::uint32_t n,
                                                 const security::KeySource& keys, security::Pki& pki,
                                                 unsigned threads, const models::ImportedType* imported) {
  std::vector<security::DeviceIdentity> out(n);
  if (imported != nullptr) {  // real devices: as their files give them
    for (std::uint32_t k = 0; k < n; ++k) out[k] = imported->devices.at(first_index + k).identity;
    return out;
  }
  const auto work = [&](std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t k = from; k < to; ++k) {
      out[k] = security::make_device_identity(keys, type, models::device_smsn(cfg, first_index + k), first_device + k);
      pki.dak(type).sign_reserved(out[k]);
    }
  };
  const unsigned t = std::max(1u, std::min<unsigned>(threads, (n + 63) / 64));
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < t; ++w) pool.emplace_back(work, n * w / t, n * (w + 1) / t);
  work(0, n / t);
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace

ExportCounts export_fleet(const models::WorldConfig& world, const security::KeySource& keys, std::uint32_t limit,
                          const fs::path& dir, unsigned threads, const models::ImportedFleet* imported) {
  for (const char* folder : kExportFolders) fs::create_directories(dir / folder);
  security::Pki pki(keys);
  const security::Bytes app_server_key = pki.application_server().key.public_key;
  {
    nlohmann::ordered_json roots;
    for (const auto alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
      const security::CertRecord& amzn = pki.amzn_record(alg);
      roots[alg == SignatureAlgorithm::Ed25519 ? "ed25519" : "p256r1"] = {
          {"public_key", security::to_hex(amzn.public_key)}, {"serial", security::to_hex(amzn.serial)}};
    }
    write_json(dir / "trusted-roots.json", roots);
  }
  ExportCounts counts;
  std::uint32_t first_device = 0;
  for (const models::DeviceTypeConfig& cfg : world.device_types) {
    const auto type = pki.add_device_type(cfg.name, cfg.dak_signature_limit);
    const models::ImportedType* real = imported != nullptr ? imported->type(type) : nullptr;
    if (real != nullptr) pki.use_chains(type, real->chains);
    const std::string stage(security::smsn_stage(cfg.stage));
    const DeviceProfileFile profile = device_profile_of(world.seed, cfg, app_server_key);
    write_json(dir / "device-profiles" / (cfg.name + ".json"), device_profile_json(profile));

    Output control(dir / "control-logs" / (cfg.name + ".json"));
    Output import(dir / "import" / (cfg.name + ".csv"));
    Output factory(dir / "manufacturing" / (cfg.name + ".csv"));
    *control << "{\"controlLogs\": [";
    *import << "smsn\n";
    *factory << "smsn,dsn,device_type_id,apid,stage\n";
    const std::uint32_t n = limit == 0 ? cfg.count : std::min(cfg.count, limit);
    // The DAK signs devices in the order they are made; past a pre-production limit it refuses.
    std::uint32_t signable = 0;
    while (signable < n && (real != nullptr || pki.dak(type).reserve())) ++signable;
    counts.unsigned_devices += n - signable;
    for (std::uint32_t from = 0; from < signable; from += kBatch) {
      const std::uint32_t m = std::min(kBatch, signable - from);
      const auto batch = make_batch(cfg, type, first_device + from, from, m, keys, pki, threads, real);
      for (std::uint32_t k = 0; k < m; ++k) {
        const security::DeviceIdentity& d = batch[k];
        const std::uint32_t index = from + k;
        // (An imported device's DSN and codes are its factory's: unknown here, left empty.)
        const std::string dsn = real != nullptr ? std::string() : models::device_serial_number(cfg, index);
        const std::string smsn = upper_hex(d.smsn);
        WirelessDeviceView view = device_view_of(world.seed, cfg, dsn, d.smsn, "SidewalkDestination");
        const models::ControlLogRecord record = models::make_control_log_record(
            d, pki.type_chains(type), cfg.apid, std::string(models::to_string(cfg.stage)));
        view.chain_blobs = record.chain_blobs;
        view.private_keys[0].assign(d.ed25519_private.begin(), d.ed25519_private.end());
        view.private_keys[1].assign(d.p256_private.begin(), d.p256_private.end());
        write_json(dir / "wireless-devices" / (smsn + ".json"), wireless_device_json(view));
        *control << (index == 0 ? "\n  " : ",\n  ") << models::encode(record);
        *import << smsn << '\n';
        if (real != nullptr)
          *factory << smsn << ",,,," << stage << '\n';
        else
          *factory << smsn << ',' << dsn << ',' << cfg.device_type_id << ',' << cfg.apid << ',' << stage << '\n';
      }
    }
    *control << "\n]}\n";
    control.close();
    import.close();
    factory.close();
    counts.devices += signable;
    ++counts.device_types;
    first_device += cfg.count;
  }
  return counts;
}

}  // namespace st::aws
