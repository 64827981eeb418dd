// The twin's formats against the public record (tests/security/vectors/README.md): the published SMSN example,
// AWS's example chains (628 and 820 bytes) read, re-encoded and verified, every single-byte corruption of them
// refused, Amazon's signing tool's chains with extended CA serials, and the CA serial bit fields.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "models/security/base64.hpp"
#include "models/security/ca_serial.hpp"
#include "models/security/chain_blob.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/primitives.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {

Bytes vector_blob(const std::string& name) {
  std::ifstream in(std::string(ST_SOURCE_DIR) + "/tests/security/vectors/" + name);
  std::stringstream text;
  text << in.rdbuf();
  const auto bytes = from_base64(text.str());
  EXPECT_TRUE(bytes.has_value()) << name;
  return bytes.value_or(Bytes{});
}

constexpr auto kEd = SignatureAlgorithm::Ed25519;
constexpr auto kP256 = SignatureAlgorithm::EcdsaP256;
const char* const kAwsSmsn = "843764270f4bdae3023918c89a3307ab3351ea761887a40a9dc4a5e46b6140d9";

std::vector<std::string> serials_of(const DeviceChain& c) {
  std::vector<std::string> out;
  for (const CertRecord& r : c.upper) out.push_back(to_hex(r.serial));
  return out;
}

TEST(securityPublicVectors, TheSmsnOfTheCertificateProfilePage) {
  // The device answers `cert smsn "A17XHX23H06INH" "SN1234567" "pd25"` with two base64 fragments.
  Bytes printed = from_base64("dwhuv44g0HQYDxoB//JWaI3uaLqpkMNh").value();
  append(printed, from_base64("AHDmbIb2/zk=").value());
  const auto smsn = make_smsn("A17XHX23H06INH", "PRODUCTION", "SN1234567", "pd25");
  EXPECT_EQ(Bytes(smsn.begin(), smsn.end()), printed);
}

TEST(securityPublicVectors, AwsExampleChainsReadReEncodeAndVerify) {
  for (const auto alg : {kEd, kP256}) {
    const bool ed = alg == kEd;
    SCOPED_TRACE(ed ? "Ed25519" : "P-256");
    const Bytes blob = vector_blob(ed ? "aws_example_ed25519.b64" : "aws_example_p256.b64");
    EXPECT_EQ(blob.size(), ed ? 628u : 820u);
    EXPECT_EQ(blob.size(), chain_blob_size(alg));
    DeviceChain chain;
    ASSERT_FALSE(parse_chain(alg, blob, chain));
    EXPECT_EQ(to_hex(chain.device.serial), kAwsSmsn);
    EXPECT_EQ(serials_of(chain), ed ? (std::vector<std::string>{"019200f2", "05f80078", "023e007c", "75000003",
                                                                "01800003"})
                                    : (std::vector<std::string>{"019100f2", "05f70078", "023d007c", "75000002",
                                                                "01800002"}));
    EXPECT_FALSE(check_chain_signatures(alg, chain));
    EXPECT_EQ(encode_chain(alg, chain), blob);
  }
}

TEST(securityPublicVectors, AwsExamplePrivateKeysAreTheDeviceKeys) {
  DeviceChain ed, p;
  ASSERT_FALSE(parse_chain(kEd, vector_blob("aws_example_ed25519.b64"), ed));
  ASSERT_FALSE(parse_chain(kP256, vector_blob("aws_example_p256.b64"), p));
  EXPECT_EQ(signing_public_key(kEd, *from_hex("2c24d4572327f23b9bef38097137c29224a9e979081b3d90124ac9dfa477934e")),
            ed.device.public_key);
  const Bytes point =
      signing_public_key(kP256, *from_hex("38d526f29cfaf142f596deca187bd809ef71bc13435eedc885b63bb825d63def"));
  EXPECT_EQ(to_record_public(kP256, point), p.device.public_key);
}

// The twin's own verifier, trusting the AMZN roots of the example, takes the example device.
TEST(securityPublicVectors, TheTwinsVerifierAcceptsTheAwsExampleDevice) {
  DeviceChain ed, p;
  ASSERT_FALSE(parse_chain(kEd, vector_blob("aws_example_ed25519.b64"), ed));
  ASSERT_FALSE(parse_chain(kP256, vector_blob("aws_example_p256.b64"), p));
  TrustAnchor anchor;
  anchor.root_public[index_of(kEd)] = ed.upper.back().public_key;
  anchor.root_public[index_of(kP256)] = p.upper.back().public_key;
  TypeChains chains;
  chains.upper[index_of(kEd)] = ed.upper;
  chains.upper[index_of(kP256)] = p.upper;
  DeviceIdentity d;
  std::copy(ed.device.serial.begin(), ed.device.serial.end(), d.smsn.begin());
  std::copy(ed.device.public_key.begin(), ed.device.public_key.end(), d.ed25519_public.begin());
  std::copy(p.device.public_key.begin(), p.device.public_key.end(), d.p256_public.begin());
  d.ed25519_signature = ed.device.signature;
  d.p256_signature = p.device.signature;
  ChainVerifier verifier(anchor);
  EXPECT_EQ(verifier.verify(d, chains), ChainError::None);
  TrustAnchor other = anchor;
  other.root_public[index_of(kP256)][0] ^= 1;
  ChainVerifier stranger(other);
  EXPECT_EQ(stranger.verify(d, chains), ChainError::ForeignRoot);
}

// Every byte of a chain is covered by a signature: flipping any one bit of either example is refused, by the
// reader or by a signature, and the defect names a record.
TEST(securityPublicVectors, EveryFlippedByteOfTheAwsExamplesIsRefused) {
  for (const auto alg : {kEd, kP256}) {
    const Bytes blob = vector_blob(alg == kEd ? "aws_example_ed25519.b64" : "aws_example_p256.b64");
    std::size_t by_reader = 0, by_signature = 0;
    for (std::size_t i = 0; i < blob.size(); ++i) {
      Bytes bad = blob;
      bad[i] ^= 0x01;
      DeviceChain chain;
      if (parse_chain(alg, bad, chain)) {
        ++by_reader;
        continue;
      }
      const auto defect = check_chain_signatures(alg, chain);
      ASSERT_TRUE(defect.has_value()) << "byte " << i << " flipped still verifies";
      ++by_signature;
    }
    EXPECT_EQ(by_reader + by_signature, blob.size());
    EXPECT_GT(by_signature, blob.size() * 9 / 10);
  }
  // The example of the issue: the DAK record's signature, one byte flipped.
  Bytes bad = vector_blob("aws_example_ed25519.b64");
  bad[32 + 32 + 64 + 4 + 32 + 10] ^= 0x80;
  DeviceChain chain;
  ASSERT_FALSE(parse_chain(kEd, bad, chain));
  const auto defect = check_chain_signatures(kEd, chain);
  ASSERT_TRUE(defect.has_value());
  EXPECT_EQ(defect->record, ChainRecord::Dak);
  EXPECT_EQ(defect->cause, "signature does not verify");
}

TEST(securityPublicVectors, SigningToolChainsWithExtendedSerials) {
  DeviceChain readme, ed, p;
  ASSERT_FALSE(parse_chain(kEd, vector_blob("sst_readme_ed25519.b64"), readme));
  EXPECT_FALSE(check_chain_signatures(kEd, readme));
  EXPECT_EQ(to_hex(readme.device.serial), "24d4f05e620b05dd8e0cf49279d6150293c019edcbd74e906743b587bc1f1d35");
  const Bytes ed_blob = vector_blob("sst_test_dummy_ed25519.b64");
  EXPECT_EQ(ed_blob.size(), 633u);
  ASSERT_FALSE(parse_chain(kEd, ed_blob, ed));
  EXPECT_EQ(serials_of(ed),
            (std::vector<std::string>{"e47c83b107", "cea685b7612e76", "7bd5d47e", "3c344c41", "f1d803b9cd"}));
  EXPECT_FALSE(check_chain_signatures(kEd, ed));
  EXPECT_EQ(encode_chain(kEd, ed), ed_blob);
  const Bytes p_blob = vector_blob("sst_test_dummy_p256.b64");
  EXPECT_EQ(p_blob.size(), 828u);
  ASSERT_FALSE(parse_chain(kP256, p_blob, p));
  EXPECT_EQ(serials_of(p),
            (std::vector<std::string>{"6f0785bb8712b8", "733785baf8130c", "4a146c70", "b60504b00683", "39f3c366"}));
  EXPECT_FALSE(check_chain_signatures(kP256, p));
  // Cut anywhere, the blob is refused by the reader; with a byte more, too.
  for (std::size_t n = 0; n < p_blob.size(); n += 37) {
    DeviceChain cut;
    EXPECT_TRUE(parse_chain(kP256, std::span(p_blob).first(n), cut)) << n;
  }
  Bytes longer = p_blob;
  longer.push_back(0);
  DeviceChain extra;
  const auto defect = parse_chain(kP256, longer, extra);
  ASSERT_TRUE(defect.has_value());
  EXPECT_EQ(defect->record, ChainRecord::Amzn);
}

TEST(securityCaSerial, LengthsOfBothForms) {
  EXPECT_EQ(ca_serial_length(*from_hex("019200f2")), 4u);
  EXPECT_EQ(ca_serial_length(*from_hex("715c00fa")), 4u);
  EXPECT_EQ(ca_serial_length(*from_hex("155303b018")), 5u);
  EXPECT_EQ(ca_serial_length(*from_hex("334404b05212")), 6u);
  EXPECT_EQ(ca_serial_length(*from_hex("cea685b7612e76")), 7u);
  EXPECT_EQ(ca_serial_length(*from_hex("155303b0")), 0u) << "announces 5 bytes, has 4";
  EXPECT_EQ(ca_serial_length(*from_hex("150001b0aa")), 0u) << "an extended length below 4";
  EXPECT_EQ(ca_serial_length(*from_hex("0192")), 0u);
}

TEST(securityCaSerial, FieldsOfTheAwsExampleRoles) {
  // The DAK serial 019200f2 of the example, as the little-endian number 0xf2009201: type 3, chain size 3,
  // level 0, rights 4, number 0x9201.
  EXPECT_EQ(to_hex(make_ca_serial(CaRole::Dak, 0x9201)), "019200f2");
  EXPECT_EQ(to_hex(make_ca_serial(CaRole::Product, 0xf805)), "05f80078");
  EXPECT_EQ(to_hex(make_ca_serial(CaRole::Man, 0x3e02)), "023e007c");
  EXPECT_EQ(to_hex(make_ca_serial(CaRole::Sw, 0x75)), "75000003");
  EXPECT_EQ(to_hex(make_ca_serial(CaRole::Amzn, 0x8001)), "01800003");
  for (CaRole r : {CaRole::Dak, CaRole::Product, CaRole::Man, CaRole::Sw, CaRole::Amzn, CaRole::NetworkServer})
    EXPECT_EQ(ca_serial_length(make_ca_serial(r, 0x7fffff)), 4u) << to_string(r);
}

TEST(securityBase64, RoundTripAndRefusals) {
  const Bytes data = {0, 1, 2, 0xfe, 0xff};
  EXPECT_EQ(to_base64(data), "AAEC/v8=");
  EXPECT_EQ(from_base64("AAEC/v8="), data);
  EXPECT_EQ(from_base64(""), Bytes{});
  EXPECT_FALSE(from_base64("AAEC/v8"));
  EXPECT_FALSE(from_base64("AAEC /v8="));
  EXPECT_FALSE(from_base64("AA=C/v8="));
  EXPECT_FALSE(from_base64("AAEC*v8="));
}

}  // namespace
}  // namespace st::security
