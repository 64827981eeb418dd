// AwsIds: the identifiers AWS gives Sidewalk resources, made deterministically for the twin's exported fleet
// and its AWS-shaped records: 12-digit account ids, UUID-shaped resource ids, ARNs, Sidewalk ids and the DAK's
// CertificateId. Derived by SHA-256 from the seed and what they name, so one seed gives the same ids.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace st::aws {

inline constexpr std::string_view kRegion = "us-east-1";  // Sidewalk is in us-east-1 only

// The developer's AWS account: 12 decimal digits.
std::string account_id(std::uint64_t seed, std::string_view developer);
// A UUID-shaped id (version 4 and variant bits set) from a kind ("WirelessDevice", "DeviceProfile", ...) and the
// bytes that name the resource.
std::string resource_uuid(std::uint64_t seed, std::string_view kind, std::span<const std::uint8_t> name);
// "arn:aws:iotwireless:us-east-1:ACCOUNT:KIND/ID".
std::string arn(std::string_view account, std::string_view kind, std::string_view id);
// The Sidewalk id the cloud gives a device (AmazonId / SidewalkId): 10 upper-case hex characters (5 bytes).
std::string sidewalk_id(std::uint64_t seed, std::span<const std::uint8_t, 32> smsn);
// The DAK's CertificateId as AWS shows it: the hex (upper case) of the ASCII text "APID-STAGE", as in AWS's
// example "4C7438772D50524F544F54595045" ("Lt8w-PROTOTYPE").
std::string certificate_id(std::string_view apid, std::string_view stage);
// Upper-case hex.
std::string upper_hex(std::span<const std::uint8_t> bytes);

}  // namespace st::aws
