#include "sim/cli/device_file_commands.hpp"

#include <chrono>
#include <filesystem>
#include <ostream>
#include <thread>

#include "models/security/certificate.hpp"
#include "models/security/key_source.hpp"
#include "sim/aws/aws_ids.hpp"
#include "sim/aws/device_file.hpp"
#include "sim/aws/fleet_export.hpp"
#include "sim/aws/fleet_import.hpp"
#include "sim/aws/json_fields.hpp"
#include "sim/output/run_directory.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace st::cli {

namespace fs = std::filesystem;
using security::SignatureAlgorithm;

int export_command(const ExportOptions& o, std::ostream& out, std::ostream& err) {
  scenario::Scenario s;
  try {
    s = scenario::load_scenario_file(o.scenario_file);
  } catch (const scenario::ScenarioError& e) {
    err << e.what() << '\n';
    return 2;
  }
  if (fs::exists(o.out_dir) && !fs::is_directory(o.out_dir)) {
    err << o.out_dir << ": --out exists and is not a directory\n";
    return 2;
  }
  models::ImportedFleet imported;
  try {
    imported = aws::load_imported_fleet(s.world);
  } catch (const aws::FileError& e) {
    err << e.what() << '\n';
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  output::RunDirectory dir(o.out_dir);
  fs::path staged;
  for (const char* folder : aws::kExportFolders) staged = dir.stage(folder).parent_path();
  dir.stage("trusted-roots.json");
  const unsigned cores = std::thread::hardware_concurrency();
  const aws::ExportCounts n =
      aws::export_fleet(s.world, security::KeySource::deterministic(s.world.seed), o.limit, staged, cores ? cores : 1,
                        &imported);
  // The export replaces a previous export's folders in DIR; nothing else there is touched.
  for (const char* folder : aws::kExportFolders) fs::remove_all(dir.target() / folder);
  dir.commit();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out << "sidewalk-twin: exported " << n.devices << " devices of " << n.device_types << " device types ("
      << s.name << ", seed " << s.world.seed << ") in " << wall << " s to "
      << fs::absolute(o.out_dir).lexically_normal().string() << "/\n";
  if (n.unsigned_devices > 0)
    out << "  " << n.unsigned_devices << " devices past a pre-production DAK's signature limit have no files\n";
  return 0;
}

int verify_device_command(const VerifyDeviceOptions& o, std::ostream& out, std::ostream& err) {
  aws::DeviceFile file;
  std::optional<aws::TrustedRoots> roots;
  try {
    file = aws::read_device_file(o.device_file);
    if (!o.trusted_roots.empty()) roots = aws::read_trusted_roots(o.trusted_roots);
  } catch (const aws::FileError& e) {
    err << e.what() << '\n';
    return 2;
  }
  const aws::DeviceVerdict v = aws::verify_device_file(file, roots ? &*roots : nullptr);
  if (!v.valid()) {
    err << o.device_file << ": " << v.problem << '\n';
    return 2;
  }
  out << o.device_file << ": valid " << aws::to_string(file.shape) << " file"
      << (roots ? " (both roots trusted)" : " (roots not checked: no --trusted-roots)")
      << "\nSMSN " << aws::upper_hex(file.smsn) << '\n';
  for (const auto alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    const security::DeviceChain& c = v.chains[security::index_of(alg)];
    out << aws::signing_alg_name(alg) << " chain: " << security::encode_chain(alg, c).size() << " bytes\n";
    out << "  DEVICE   " << security::to_hex(c.device.serial) << '\n';
    const char* names[] = {"DAK     ", "PRODUCT ", "MAN     ", "SW      ", "AMZN    "};
    for (std::size_t i = 0; i < c.upper.size(); ++i)
      out << "  " << names[i] << " " << security::to_hex(c.upper[i].serial) << '\n';
    out << "  root public key " << security::to_hex(c.upper.back().public_key) << '\n';
  }
  return 0;
}

}  // namespace st::cli
