#include "sim/aws/fleet_import.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "models/security/chain_blob.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/primitives.hpp"
#include "sim/aws/aws_ids.hpp"
#include "sim/aws/device_file.hpp"
#include "sim/aws/device_profile_file.hpp"
#include "sim/aws/json_fields.hpp"
#include "sim/aws/trusted_roots.hpp"

namespace st::aws {

namespace fs = std::filesystem;
using security::Bytes;
using security::SignatureAlgorithm;

namespace {

constexpr SignatureAlgorithm kAlgs[] = {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256};

std::string chain_label(SignatureAlgorithm alg) { return alg == SignatureAlgorithm::Ed25519 ? "Ed25519 chain" : "P-256 chain"; }

std::vector<fs::path> device_files(const std::string& folder) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The application server's Ed25519 private key: 64 hex characters (surrounding white space allowed).
Bytes read_app_server_key(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FileError(file + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  std::string hex = text.str();
  hex.erase(std::remove_if(hex.begin(), hex.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }),
            hex.end());
  const auto key = security::from_hex(hex);
  if (!key || key->size() != 32) throw FileError(file + ": not an Ed25519 private key (64 hex characters)");
  return *key;
}

// One device file as the twin's manufacturing store, and its own upper chains.
struct ReadDevice {
  security::DeviceIdentity identity;
  security::TypeChains own_chains;
};

ReadDevice read_imported_device(const fs::path& path) {
  const DeviceFile f = read_device_file(path);
  const std::string file = path.string();
  ReadDevice out;
  security::DeviceIdentity& id = out.identity;
  id.smsn = f.smsn;
  for (const auto alg : kAlgs) {
    const std::size_t a = security::index_of(alg);
    const std::string where = file + ": " + chain_label(alg) + ": ";
    security::DeviceChain chain;
    if (const auto defect = security::parse_chain(alg, f.chain_blobs[a], chain))
      throw FileError(where + std::string(security::to_string(defect->record)) + " record: " + std::string(defect->cause));
    if (!std::equal(f.smsn.begin(), f.smsn.end(), chain.device.serial.begin()))
      throw FileError(where + "DEVICE record: its serial is not the file's SMSN");
    if (!f.private_keys[a])
      throw FileError(file + ": no " + std::string(signing_alg_name(alg)) +
                      " private key: the twin runs an imported device's registrations with its own keys");
    const Bytes pub = security::to_record_public(alg, security::signing_public_key(alg, *f.private_keys[a]));
    if (pub != chain.device.public_key) throw FileError(where + "DEVICE record: the private key does not match its public key");
    if (alg == SignatureAlgorithm::Ed25519) {
      std::copy(f.private_keys[a]->begin(), f.private_keys[a]->end(), id.ed25519_private.begin());
      std::copy(pub.begin(), pub.end(), id.ed25519_public.begin());
      id.ed25519_signature = chain.device.signature;
    } else {
      std::copy(f.private_keys[a]->begin(), f.private_keys[a]->end(), id.p256_private.begin());
      std::copy(pub.begin(), pub.end(), id.p256_public.begin());
      id.p256_signature = chain.device.signature;
    }
    out.own_chains.upper[a] = std::move(chain.upper);
  }
  return out;
}

}  // namespace

models::ImportedFleet load_imported_fleet(const models::WorldConfig& world) {
  models::ImportedFleet fleet;
  fleet.types.resize(world.device_types.size());
  if (!world.cloud.trusted_roots.empty()) {
    const TrustedRoots roots = read_trusted_roots(world.cloud.trusted_roots);
    for (const auto alg : kAlgs)
      if (const auto& r = roots.by_alg[security::index_of(alg)]) fleet.trusted_roots[security::index_of(alg)].push_back(r->public_key);
  }
  // Each device's own chains, up to the trusted roots (the twin's own root is not one of them).
  security::TrustAnchor anchor;
  anchor.also_trusted = fleet.trusted_roots;
  security::ChainVerifier verifier(anchor);
  std::string app_server_key_file;
  std::map<std::array<std::uint8_t, 32>, std::string> seen;  // SMSN -> file
  for (std::size_t t = 0; t < world.device_types.size(); ++t) {
    const models::ImportConfig& imp = world.device_types[t].import;
    if (!imp.enabled()) continue;
    const DeviceProfileFile profile = read_device_profile(imp.profile);
    if (!imp.app_server_key.empty()) {
      const Bytes key = read_app_server_key(imp.app_server_key);
      const Bytes pub = security::signing_public_key(SignatureAlgorithm::Ed25519, key);
      if (pub != profile.application_server_public_key)
        throw FileError(imp.app_server_key + ": not the key of " + imp.profile + "'s ApplicationServerPublicKey");
      if (fleet.application_server_key && *fleet.application_server_key != key)
        throw FileError(imp.app_server_key + ": another application server key than " + app_server_key_file +
                        "'s: a run has one application server");
      fleet.application_server_key = key;
      app_server_key_file = imp.app_server_key;
    }
    models::ImportedType type;
    std::optional<security::TypeChains> verified_chains;
    for (const fs::path& path : device_files(imp.devices)) {
      ReadDevice d = read_imported_device(path);
      if (const auto [it, fresh] = seen.emplace(d.identity.smsn, path.string()); !fresh)
        throw FileError(path.string() + ": the SMSN " + upper_hex(d.identity.smsn) + " of " + it->second + " too");
      models::ImportedDevice device{d.identity, verifier.verify(d.identity, d.own_chains)};
      if (device.verdict == security::ChainError::None && !verified_chains) verified_chains = d.own_chains;
      if (type.devices.empty()) type.chains = d.own_chains;
      type.devices.push_back(device);
    }
    if (verified_chains) type.chains = std::move(*verified_chains);
    fleet.types[t] = std::move(type);
  }
  return fleet;
}

}  // namespace st::aws
