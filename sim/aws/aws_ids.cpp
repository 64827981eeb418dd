#include "sim/aws/aws_ids.hpp"

#include <cstdio>

#include "models/security/bytes.hpp"
#include "models/security/primitives.hpp"

namespace st::aws {

namespace {
std::array<std::uint8_t, 32> digest(std::uint64_t seed, std::string_view kind, std::span<const std::uint8_t> name) {
  security::Bytes in;
  security::append(in, security::as_bytes("sidewalk-twin aws id v1"));
  in.push_back(0);
  for (int i = 7; i >= 0; --i) in.push_back(static_cast<std::uint8_t>(seed >> (8 * i)));
  security::append(in, security::as_bytes(kind));
  in.push_back(0);
  security::append(in, name);
  return security::sha256(in);
}
}  // namespace

std::string upper_hex(std::span<const std::uint8_t> bytes) {
  std::string s = security::to_hex(bytes);
  for (char& c : s)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string account_id(std::uint64_t seed, std::string_view developer) {
  const auto d = digest(seed, "account", security::as_bytes(developer));
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n = (n << 8) | d[static_cast<std::size_t>(i)];
  char buf[16];
  std::snprintf(buf, sizeof buf, "%012llu", static_cast<unsigned long long>(n % 1'000'000'000'000ULL));
  return buf;
}

std::string resource_uuid(std::uint64_t seed, std::string_view kind, std::span<const std::uint8_t> name) {
  auto d = digest(seed, kind, name);
  d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x40);  // version 4
  d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);  // RFC 4122 variant
  const std::string h = security::to_hex(std::span(d).first(16));
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string arn(std::string_view account, std::string_view kind, std::string_view id) {
  std::string s = "arn:aws:iotwireless:";
  s.append(kRegion).append(":").append(account).append(":").append(kind).append("/").append(id);
  return s;
}

std::string sidewalk_id(std::uint64_t seed, std::span<const std::uint8_t, 32> smsn) {
  const auto d = digest(seed, "SidewalkId", smsn);
  return upper_hex(std::span(d).first(5));
}

std::string certificate_id(std::string_view apid, std::string_view stage) {
  std::string text(apid);
  text.append("-").append(stage);
  return upper_hex(security::as_bytes(text));
}

}  // namespace st::aws
