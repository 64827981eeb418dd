// Base64 (RFC 4648, with padding) through OpenSSL's EVP codec: the encoding of the chain blobs in AWS's and
// Sidewalk's JSON files (DeviceCertificates[].Value, the control log's certificates).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "models/security/bytes.hpp"

namespace st::security {

std::string to_base64(std::span<const std::uint8_t> data);

// Decodes padded base64 (no whitespace); nullopt when the text is not base64.
std::optional<Bytes> from_base64(std::string_view text);

}  // namespace st::security
