// SigV4: AWS Signature Version 4 (AWS4-HMAC-SHA256) for the twin's AWS-shaped API: the canonical request, the
// string to sign, the signing key and the signature of a request, and the verification of a request's
// Authorization header against known credentials, a region, a service and the host clock. HMAC-SHA256 and
// SHA-256 are OpenSSL's (models/security/primitives.hpp).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace st::api {

// A request as it came off the wire: the target is the raw path and query ("/wireless-devices?maxResults=2").
struct SignedRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // names in any case
  std::string body;
};

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
};

// What a refusal is, in AWS's error types (all answered 403 by the API).
enum class SigV4Error {
  None,
  MissingAuthenticationToken,  // no Authorization header: MissingAuthenticationTokenException
  IncompleteSignature,         // an Authorization header that does not parse, or misses X-Amz-Date or a signed header
  UnrecognizedClient,          // an access key id the server does not know: UnrecognizedClientException
  InvalidSignature,            // the signature does not match, or the request is dated too far from the clock
};
std::string_view aws_error_type(SigV4Error e);  // "InvalidSignatureException", ...

struct SigV4Verdict {
  SigV4Error error = SigV4Error::None;
  std::string message;        // AWS-style text for the error body
  std::string access_key_id;  // the caller, when it verified
};

// The canonical request of AWS's specification (non-S3 services: the path's segments encoded again).
std::optional<std::string> canonical_request(const SignedRequest& r, const std::vector<std::string>& signed_headers,
                                             std::string_view payload_hash);
// The hex signature of a request with the given credentials, scope and X-Amz-Date ("20150830T123600Z"): what a
// client computes (the tests sign with it; the server compares with it).
std::optional<std::string> sigv4_signature(const SignedRequest& r, const std::vector<std::string>& signed_headers,
                                           const std::string& secret, std::string_view amz_date,
                                           std::string_view region, std::string_view service);

// Verifies the request's Authorization header: AWS4-HMAC-SHA256, a credential scope of the given region and
// service whose date is X-Amz-Date's, a known access key, X-Amz-Date within `max_skew_s` of `now_unix_s`, the
// host header signed, and the signature (compared in constant time). `lookup` gives the secret of a key id.
SigV4Verdict verify_sigv4(const SignedRequest& r,
                          const std::function<std::optional<std::string>(std::string_view)>& lookup,
                          std::string_view region, std::string_view service, std::int64_t now_unix_s,
                          std::int64_t max_skew_s = 300);

}  // namespace st::api
