// UriCodec: percent-encoding as AWS Signature Version 4 specifies it (RFC 3986 unreserved characters kept,
// everything else %XX in upper case), its decoding, and splitting a query string into decoded pairs. Debian 12's
// Boost (1.74) has no Boost.URL (it arrives in 1.81), and Beast leaves the target to its user, so these few rules
// are written here, each tested against AWS's signing test suite.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace st::api {

// Percent-encodes every byte but A-Z a-z 0-9 - _ . ~ (and '/' when keep_slash).
std::string uri_encode(std::string_view text, bool keep_slash = false);
// Decodes %XX escapes (either case); nullopt on a malformed escape. '+' stays '+' (AWS's REST APIs send %20).
std::optional<std::string> uri_decode(std::string_view text);
// "b=2&a=1&c" -> {("b","2"), ("a","1"), ("c","")}, each decoded; nullopt on a malformed escape.
std::optional<std::vector<std::pair<std::string, std::string>>> split_query(std::string_view query);

}  // namespace st::api
