// DeviceIdentity: the fixed-size manufacturing identity of one device (SMSN, both key pairs, both DAK
// signatures), the SMSN derivation and the device's two leaf certificate records.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "models/base/crypto_algorithms.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/security/certificate.hpp"
#include "models/security/key_source.hpp"

namespace st::security {

// No heap members: 322 bytes, trivially copyable.
struct DeviceIdentity {
  std::array<std::uint8_t, 32> smsn{};
  std::array<std::uint8_t, 32> ed25519_private{};
  std::array<std::uint8_t, 32> ed25519_public{};
  std::array<std::uint8_t, 32> p256_private{};
  std::array<std::uint8_t, 64> p256_public{};  // X || Y
  std::array<std::uint8_t, 64> ed25519_signature{};  // by the DAK over ed25519_public || smsn
  std::array<std::uint8_t, 64> p256_signature{};     // by the DAK over p256_public || smsn
  std::uint16_t device_type = 0;
};

// The SMSN as Sidewalk defines it: SHA-256 of the ASCII text DeviceTypeId + "-" + STAGE + DSN + APID, e.g.
// "A17XHX23H06INH-PRODUCTIONSN1234567pd25" (docs/security.md).
std::array<std::uint8_t, 32> make_smsn(std::string_view device_type_id, std::string_view stage, std::string_view dsn,
                                       std::string_view apid);
// The STAGE text of a device type's stage: PRODUCTION, PREPRODUCTION, or TEST for prototypes.
std::string_view smsn_stage(models::Stage stage);

// Generates both key pairs from the source (labels "device ed25519" / "device p256", id = device_index);
// the signatures are left zero until a DakSigner signs the identity.
DeviceIdentity make_device_identity(const KeySource& source, std::uint16_t device_type,
                                    const std::array<std::uint8_t, 32>& smsn, std::uint64_t device_index);

// The leaf record of one chain: serial = SMSN, the record-form public key, the DAK signature.
CertRecord device_certificate(const DeviceIdentity& id, SignatureAlgorithm alg);

}  // namespace st::security

static_assert(sizeof(st::security::DeviceIdentity) == 322);
