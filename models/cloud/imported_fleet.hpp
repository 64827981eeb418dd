// ImportedFleet: device types made of real devices (a scenario's `import:`): each imported device's
// manufacturing store as its files give it (SMSN, key pairs, the DAK's signatures) with the verdict on its own
// chains, each type's chains, the roots the cloud trusts for them, and the application server key they hold.
#pragma once
#include <optional>
#include <vector>

#include "models/security/certificate.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"

namespace st::models {

struct ImportedDevice {
  security::DeviceIdentity identity;
  // Its own chains (as its file gives them) up to a trusted root: anything but None rejects it at the ingest.
  security::ChainError verdict = security::ChainError::None;
};

struct ImportedType {
  security::TypeChains chains;  // the upper chains of the type's first device whose chains verify
  std::vector<ImportedDevice> devices;  // in the order of their file names; index = index in the type
};

struct ImportedFleet {
  std::vector<std::optional<ImportedType>> types;  // by device type id; nullopt: made by the twin
  std::array<std::vector<security::Bytes>, 2> trusted_roots;  // record-form AMZN keys, by algorithm
  std::optional<security::Bytes> application_server_key;  // Ed25519 private key, 32 bytes
  const ImportedType* type(std::uint16_t t) const { return t < types.size() && types[t] ? &*types[t] : nullptr; }
};

}  // namespace st::models
