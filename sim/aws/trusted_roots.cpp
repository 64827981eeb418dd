#include "sim/aws/trusted_roots.hpp"

#include "models/security/ca_serial.hpp"
#include "models/security/certificate.hpp"
#include "models/security/primitives.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::aws {

using security::SignatureAlgorithm;

TrustedRoots read_trusted_roots(const std::filesystem::path& file) {
  const nlohmann::json json = read_json_file(file);
  const JsonField top(json, file.string());
  TrustedRoots roots;
  bool any = false;
  for (const auto alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    const auto entry = top.find(alg == SignatureAlgorithm::Ed25519 ? "ed25519" : "p256r1");
    if (!entry) continue;
    TrustedRoot r;
    r.public_key = entry->at("public_key").hex(security::record_public_size(alg));
    const JsonField serial = entry->at("serial");
    const auto bytes = security::from_hex(serial.string());
    if (!bytes || bytes->empty() || security::ca_serial_length(*bytes) != bytes->size())
      serial.fail("not a CA serial in hex (4 bytes, or the length an extended serial announces)");
    r.serial = *bytes;
    roots.by_alg[security::index_of(alg)] = std::move(r);
    any = true;
  }
  if (!any) top.fail("names no root: give \"ed25519\" and \"p256r1\"");
  return roots;
}

}  // namespace st::aws
