// TrustedRoots: the AMZN roots a fleet's chains must end in, one per algorithm, as a scenario's
// cloud.trusted_roots file gives them: {"ed25519": {"public_key": HEX, "serial": HEX}, "p256r1": {...}}.
#pragma once
#include <array>
#include <filesystem>
#include <optional>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"

namespace st::aws {

struct TrustedRoot {
  security::Bytes public_key;  // record form: Ed25519 32 bytes, P-256 64 (X || Y)
  security::Bytes serial;      // the AMZN record's serial
};

struct TrustedRoots {
  std::array<std::optional<TrustedRoot>, 2> by_alg;  // index_of(SignatureAlgorithm); a missing one trusts none
};

// Throws FileError for a file that is not JSON, lacks a field, or holds a key or serial of the wrong form.
TrustedRoots read_trusted_roots(const std::filesystem::path& file);

}  // namespace st::aws
