#include "sim/campaign/sweep_manifest.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace st::campaign {

namespace {

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned int i = 0; i < length; ++i) s += {hex[digest[i] >> 4], hex[digest[i] & 15]};
  return s;
}

nlohmann::ordered_json manifest(const SweepSpec& spec) {
  nlohmann::ordered_json m;
  m["sweep"] = spec.name;
  m["scenario"] = spec.scenario_file;
  m["scenario_sha256"] = sha256_hex(read_all(spec.scenario_file));
  m["parameters"] = nlohmann::ordered_json::array();
  for (const auto& p : spec.parameters) m["parameters"].push_back({{"name", p.name}, {"key", p.key}, {"values", p.values}});
  return m;
}

}  // namespace

std::string manifest_text(const SweepSpec& spec) { return manifest(spec).dump(2) + "\n"; }

void claim_sweep_dir(const std::filesystem::path& dir, const SweepSpec& spec) {
  const std::filesystem::path file = dir / "sweep.json";
  const nlohmann::ordered_json mine = manifest(spec);
  if (!std::filesystem::exists(file)) {
    std::filesystem::create_directories(dir);
    std::ofstream out(file, std::ios::binary);
    out << mine.dump(2) << '\n';
    if (!out) throw std::runtime_error(file.string() + ": cannot write");
    return;
  }
  nlohmann::ordered_json theirs;
  try {
    theirs = nlohmann::ordered_json::parse(read_all(file));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": not a sweep's record (" + e.what() + ")");
  }
  const char* differs = nullptr;
  if (theirs.value("scenario_sha256", "") != mine["scenario_sha256"]) differs = "the base scenario changed since";
  else if (theirs.value("parameters", nlohmann::ordered_json()) != mine["parameters"]) differs = "its parameters differ";
  if (differs) {
    throw std::runtime_error(dir.string() + " holds the runs of another sweep (" + differs +
                             ", see sweep.json): give another --out, or delete the folder to start again");
  }
}

}  // namespace st::campaign
