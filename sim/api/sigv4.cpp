#include "sim/api/sigv4.hpp"

#include <time.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "models/security/bytes.hpp"
#include "models/security/primitives.hpp"
#include "sim/api/uri_codec.hpp"

namespace st::api {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A header value as SigV4 canonicalises it: surrounding spaces trimmed, runs of spaces made one.
std::string trim_value(std::string_view v) {
  std::string out;
  bool space = false;
  for (const char c : v) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::optional<std::string> header(const SignedRequest& r, std::string_view name) {
  std::optional<std::string> out;
  for (const auto& [k, v] : r.headers) {
    if (lower(k) != name) continue;
    if (out) out->append(",").append(trim_value(v));
    else out = trim_value(v);
  }
  return out;
}

std::string hex_sha256(std::string_view text) { return security::to_hex(security::sha256(security::as_bytes(text))); }

std::array<std::uint8_t, 32> hmac(std::span<const std::uint8_t> key, std::string_view msg) {
  return security::hmac_sha256(key, security::as_bytes(msg));
}

// "20150830T123600Z" -> seconds since 1970, or nullopt.
std::optional<std::int64_t> parse_amz_date(const std::string& text) {
  std::tm tm{};
  const char* end = ::strptime(text.c_str(), "%Y%m%dT%H%M%SZ", &tm);
  if (end == nullptr || *end != '\0' || text.size() != 16) return std::nullopt;
  return static_cast<std::int64_t>(::timegm(&tm));
}

struct Authorization {
  std::string access_key_id, date, region, service;
  std::vector<std::string> signed_headers;
  std::string signature;
};

// "AWS4-HMAC-SHA256 Credential=K/D/R/S/aws4_request, SignedHeaders=a;b, Signature=hex".
std::optional<Authorization> parse_authorization(std::string_view v) {
  if (v.substr(0, kAlgorithm.size()) != kAlgorithm || v.size() == kAlgorithm.size() || v[kAlgorithm.size()] != ' ')
    return std::nullopt;
  v.remove_prefix(kAlgorithm.size() + 1);
  Authorization a;
  bool credential = false, headers = false, signature = false;
  while (!v.empty()) {
    while (!v.empty() && (v.front() == ' ' || v.front() == ',')) v.remove_prefix(1);
    const std::size_t comma = v.find(',');
    const std::string_view part = v.substr(0, comma);
    v = comma == std::string_view::npos ? std::string_view{} : v.substr(comma);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
    if (key == "Credential") {
      std::vector<std::string> fields;
      std::size_t from = 0;
      for (std::size_t slash; (slash = value.find('/', from)) != std::string_view::npos; from = slash + 1)
        fields.emplace_back(value.substr(from, slash - from));
      fields.emplace_back(value.substr(from));
      if (fields.size() != 5 || fields[4] != "aws4_request" || fields[0].empty()) return std::nullopt;
      a.access_key_id = fields[0], a.date = fields[1], a.region = fields[2], a.service = fields[3];
      credential = true;
    } else if (key == "SignedHeaders") {
      std::size_t from = 0;
      for (std::size_t semi; (semi = value.find(';', from)) != std::string_view::npos; from = semi + 1)
        a.signed_headers.emplace_back(value.substr(from, semi - from));
      a.signed_headers.emplace_back(value.substr(from));
      headers = true;
    } else if (key == "Signature") {
      a.signature = std::string(value);
      signature = true;
    }
  }
  if (!credential || !headers || !signature) return std::nullopt;
  return a;
}

SigV4Verdict refuse(SigV4Error e, std::string message) { return {e, std::move(message), {}}; }

}  // namespace

std::string_view aws_error_type(SigV4Error e) {
  switch (e) {
    case SigV4Error::None: return "";
    case SigV4Error::MissingAuthenticationToken: return "MissingAuthenticationTokenException";
    case SigV4Error::IncompleteSignature: return "IncompleteSignatureException";
    case SigV4Error::UnrecognizedClient: return "UnrecognizedClientException";
    case SigV4Error::InvalidSignature: return "InvalidSignatureException";
  }
  return "";
}

std::optional<std::string> canonical_request(const SignedRequest& r, const std::vector<std::string>& signed_headers,
                                             std::string_view payload_hash) {
  const std::size_t q = r.target.find('?');
  std::string path = r.target.substr(0, q);
  if (path.empty()) path = "/";
  auto query = split_query(q == std::string::npos ? std::string_view{} : std::string_view(r.target).substr(q + 1));
  if (!query) return std::nullopt;
  for (auto& [k, v] : *query) k = uri_encode(k), v = uri_encode(v);
  std::sort(query->begin(), query->end());
  std::string out = r.method + "\n" + uri_encode(path, /*keep_slash=*/true) + "\n";
  for (std::size_t i = 0; i < query->size(); ++i)
    out.append(i ? "&" : "").append((*query)[i].first).append("=").append((*query)[i].second);
  out.append("\n");
  for (const std::string& name : signed_headers) {
    const auto value = header(r, name);
    if (!value) return std::nullopt;
    out.append(name).append(":").append(*value).append("\n");
  }
  out.append("\n");
  for (std::size_t i = 0; i < signed_headers.size(); ++i) out.append(i ? ";" : "").append(signed_headers[i]);
  out.append("\n").append(payload_hash);
  return out;
}

std::optional<std::string> sigv4_signature(const SignedRequest& r, const std::vector<std::string>& signed_headers,
                                           const std::string& secret, std::string_view amz_date,
                                           std::string_view region, std::string_view service) {
  const auto payload = header(r, "x-amz-content-sha256");
  const auto canonical = canonical_request(r, signed_headers, payload ? *payload : hex_sha256(r.body));
  if (!canonical || amz_date.size() < 8) return std::nullopt;
  const std::string_view date = amz_date.substr(0, 8);
  std::string scope(date);
  scope.append("/").append(region).append("/").append(service).append("/aws4_request");
  std::string to_sign(kAlgorithm);
  to_sign.append("\n").append(amz_date).append("\n").append(scope).append("\n").append(hex_sha256(*canonical));
  const std::string k_secret = "AWS4" + secret;
  auto key = hmac(security::as_bytes(k_secret), date);
  key = hmac(key, region);
  key = hmac(key, service);
  key = hmac(key, "aws4_request");
  return security::to_hex(hmac(key, to_sign));
}

SigV4Verdict verify_sigv4(const SignedRequest& r,
                          const std::function<std::optional<std::string>(std::string_view)>& lookup,
                          std::string_view region, std::string_view service, std::int64_t now_unix_s,
                          std::int64_t max_skew_s) {
  const auto authorization = header(r, "authorization");
  if (!authorization) return refuse(SigV4Error::MissingAuthenticationToken, "Missing Authentication Token");
  const auto a = parse_authorization(*authorization);
  if (!a)
    return refuse(SigV4Error::IncompleteSignature,
                  "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters of "
                  "AWS4-HMAC-SHA256");
  const auto amz_date = header(r, "x-amz-date");
  if (!amz_date) return refuse(SigV4Error::IncompleteSignature, "Authorization requires the X-Amz-Date header");
  const auto when = parse_amz_date(*amz_date);
  if (!when) return refuse(SigV4Error::IncompleteSignature, "X-Amz-Date is not a date like 20150830T123600Z");
  if (std::find(a->signed_headers.begin(), a->signed_headers.end(), "host") == a->signed_headers.end())
    return refuse(SigV4Error::IncompleteSignature, "the Host header must be signed");
  if (!std::is_sorted(a->signed_headers.begin(), a->signed_headers.end()))
    return refuse(SigV4Error::IncompleteSignature, "SignedHeaders must be in order");
  if (a->date != amz_date->substr(0, 8) || a->region != region || a->service != service)
    return refuse(SigV4Error::InvalidSignature, "Credential should be scoped to " + std::string(region) + "/" +
                                                    std::string(service) + " on the date of X-Amz-Date");
  const auto secret = lookup(a->access_key_id);
  if (!secret) return refuse(SigV4Error::UnrecognizedClient, "The security token included in the request is invalid.");
  if (*when < now_unix_s - max_skew_s)
    return refuse(SigV4Error::InvalidSignature, "Signature expired: " + *amz_date + " is more than " +
                                                    std::to_string(max_skew_s / 60) + " minutes before the time");
  if (*when > now_unix_s + max_skew_s)
    return refuse(SigV4Error::InvalidSignature, "Signature not yet current: " + *amz_date + " is more than " +
                                                    std::to_string(max_skew_s / 60) + " minutes after the time");
  if (const auto payload = header(r, "x-amz-content-sha256"); payload && *payload != hex_sha256(r.body))
    return refuse(SigV4Error::InvalidSignature, "The body does not match X-Amz-Content-Sha256");
  const auto expected = sigv4_signature(r, a->signed_headers, *secret, *amz_date, region, service);
  if (!expected)
    return refuse(SigV4Error::IncompleteSignature, "a signed header is missing, or the query string is malformed");
  const auto given = security::from_hex(a->signature);
  const auto want = security::from_hex(*expected);
  if (!given || !security::constant_time_equal(*given, *want))
    return refuse(SigV4Error::InvalidSignature,
                  "The request signature we calculated does not match the signature you provided.");
  return {SigV4Error::None, {}, a->access_key_id};
}

}  // namespace st::api
