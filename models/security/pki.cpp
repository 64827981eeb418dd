// Pki construction: deterministic CA keys, serials and records from the KeySource.
#include "models/security/pki.hpp"

#include <openssl/crypto.h>

#include <stdexcept>

#include "models/security/ca_serial.hpp"

namespace st::security {

namespace {
constexpr std::array<SignatureAlgorithm, 2> kAlgs{SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256};

std::string key_label(const std::string& base, std::string_view role, SignatureAlgorithm alg) {
  return base + "/" + std::string(role) + "/" + std::string(to_string(alg));
}

// A CA serial in the standard 4-byte form: the role's published bit fields and a 23-bit number from the source.
Bytes ca_serial(const KeySource& source, const std::string& base, CaRole role, std::uint64_t id, SignatureAlgorithm alg) {
  Bytes n(4);
  source.fill(base + "/" + std::string(to_string(role)) + "/serial", id, static_cast<std::uint32_t>(index_of(alg)), n);
  return make_ca_serial(role, static_cast<std::uint32_t>(n[0]) | (static_cast<std::uint32_t>(n[1]) << 8) |
                                  (static_cast<std::uint32_t>(n[2]) << 16));
}
}  // namespace

Pki::Pki(const KeySource& source, std::string_view label) : source_(source), label_(label) {
  for (SignatureAlgorithm alg : kAlgs) {
    const std::size_t a = index_of(alg);
    KeyPair root = generate_signing_key(alg, source_, key_label(label_, "amzn", alg), 0);
    KeyPair sw = generate_signing_key(alg, source_, key_label(label_, "sw", alg), 0);
    KeyPair man = generate_signing_key(alg, source_, key_label(label_, "man", alg), 0);
    anchor_.root_public[a] = to_record_public(alg, root.public_key);
    // The AMZN root signs its own record; each CA below is signed by the one above it.
    amzn_[a] = issue_certificate(alg, root.private_key, ca_serial(source_, label_, CaRole::Amzn, 0, alg),
                                 anchor_.root_public[a]);
    sw_[a] = issue_certificate(alg, root.private_key, ca_serial(source_, label_, CaRole::Sw, 0, alg),
                               to_record_public(alg, sw.public_key));
    man_[a] = issue_certificate(alg, sw.private_key, ca_serial(source_, label_, CaRole::Man, 0, alg),
                                to_record_public(alg, man.public_key));
    man_private_[a] = std::move(man.private_key);
    if (alg == SignatureAlgorithm::Ed25519) {
      network_server_.key = generate_signing_key(alg, source_, label_ + "/sns/ed25519", 0);
      network_server_.cert = issue_certificate(alg, sw.private_key, ca_serial(source_, label_, CaRole::NetworkServer, 0, alg),
                                               to_record_public(alg, network_server_.key.public_key));
      application_server_.key = generate_signing_key(alg, source_, label_ + "/appserver/ed25519", 0);
    }
    OPENSSL_cleanse(root.private_key.data(), root.private_key.size());
    OPENSSL_cleanse(sw.private_key.data(), sw.private_key.size());
  }
}

std::uint16_t Pki::add_device_type(std::string_view name, std::uint32_t dak_signature_limit) {
  if (types_.size() >= 0xffff) throw std::length_error("too many device types");
  const auto type = static_cast<std::uint16_t>(types_.size());
  TypeEntry entry;
  entry.name = std::string(name);
  std::array<std::array<std::uint8_t, 32>, 2> dak_private{};
  for (SignatureAlgorithm alg : kAlgs) {
    const std::size_t a = index_of(alg);
    KeyPair product = generate_signing_key(alg, source_, key_label(label_, "product", alg), type);
    KeyPair dak = generate_signing_key(alg, source_, key_label(label_, "dak", alg), type);
    CertRecord product_rec = issue_certificate(alg, man_private_[a], ca_serial(source_, label_, CaRole::Product, type, alg),
                                               to_record_public(alg, product.public_key));
    CertRecord dak_rec = issue_certificate(alg, product.private_key, ca_serial(source_, label_, CaRole::Dak, type, alg),
                                           to_record_public(alg, dak.public_key));
    auto& chain = entry.chains.upper[a];
    chain = {std::move(dak_rec), std::move(product_rec), man_[a], sw_[a], amzn_[a]};
    std::copy(dak.private_key.begin(), dak.private_key.end(), dak_private[a].begin());
    OPENSSL_cleanse(product.private_key.data(), product.private_key.size());
    OPENSSL_cleanse(dak.private_key.data(), dak.private_key.size());
  }
  types_.push_back(std::move(entry));
  daks_.emplace_back(dak_private[0], dak_private[1], dak_signature_limit);
  OPENSSL_cleanse(dak_private.data(), sizeof(dak_private));
  return type;
}

void Pki::use_application_server_key(const Bytes& private_key) {
  application_server_.key.private_key = private_key;
  application_server_.key.public_key = signing_public_key(SignatureAlgorithm::Ed25519, private_key);
}

}  // namespace st::security
