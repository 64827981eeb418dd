// Pki: the per-run public key infrastructure. AMZN root (a self-signed record), Sidewalk (SW) CA and manufacturer
// (MAN) CA in both algorithms, a PRODUCT CA and DAK per device type, and the network and application server
// identities. CA serials follow the published bit fields (ca_serial.hpp).
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "models/security/certificate.hpp"
#include "models/security/dak_signer.hpp"
#include "models/security/key_source.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

struct ServerIdentity {
  KeyPair key;      // Ed25519
  CertRecord cert;  // network server: signed by the SW Ed25519 CA; application server: empty (no chain)
};

class Pki {
 public:
  // All keys derive from `source` under labels "<label>/<role>/<alg>" (docs/security.md).
  explicit Pki(const KeySource& source, std::string_view label = "pki");

  // Creates the PRODUCT CA and DAK of a new device type in both algorithms; returns its id (0, 1, 2, ...).
  // dak_signature_limit 0 = unlimited.
  std::uint16_t add_device_type(std::string_view name, std::uint32_t dak_signature_limit);

  const TrustAnchor& trust_anchor() const { return anchor_; }
  // An imported fleet's root the cloud trusts besides the twin's own (before any verifier copies the anchor).
  void also_trust(SignatureAlgorithm alg, Bytes root_public) { anchor_.also_trusted[index_of(alg)].push_back(std::move(root_public)); }
  // An imported device type's chains replace those the twin made for it (its devices come signed).
  void use_chains(std::uint16_t type, TypeChains chains) { types_.at(type).chains = std::move(chains); }
  // The application server's Ed25519 key pair, from its private key (an imported fleet's, 32 bytes).
  void use_application_server_key(const Bytes& private_key);
  // Throws std::out_of_range for an unknown type. References stay valid for the life of the Pki.
  const TypeChains& type_chains(std::uint16_t type) const { return types_.at(type).chains; }
  DakSigner& dak(std::uint16_t type) { return daks_.at(type); }
  const ServerIdentity& network_server() const { return network_server_; }
  const ServerIdentity& application_server() const { return application_server_; }
  std::size_t device_type_count() const { return types_.size(); }
  bool has_device_type(std::uint16_t type) const { return type < types_.size(); }
  const std::string& device_type_name(std::uint16_t type) const { return types_.at(type).name; }
  // The AMZN root's self-signed record of one algorithm (the last record of every chain the twin makes).
  const CertRecord& amzn_record(SignatureAlgorithm alg) const { return amzn_[index_of(alg)]; }
  // The SW CA record of one algorithm (the top of every upper chain; the SNS cert's issuer for Ed25519).
  const CertRecord& sw_record(SignatureAlgorithm alg) const { return sw_[index_of(alg)]; }

 private:
  struct TypeEntry {
    std::string name;
    TypeChains chains;
  };
  KeySource source_;
  std::string label_;
  TrustAnchor anchor_;
  std::array<CertRecord, 2> amzn_;
  std::array<CertRecord, 2> sw_;
  std::array<CertRecord, 2> man_;
  std::array<Bytes, 2> man_private_;
  std::deque<TypeEntry> types_;  // deque: type_chains() references stay valid as types are added
  std::deque<DakSigner> daks_;  // deque: references stay valid as types are added
  ServerIdentity network_server_;
  ServerIdentity application_server_;
};

}  // namespace st::security
