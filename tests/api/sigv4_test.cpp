// AWS Signature Version 4 as the twin's API checks it: percent-encoding, AWS's signing test suite (get-vanilla,
// the query-order case, post-vanilla), every refusal with AWS's error type, and requests signed by botocore, AWS's
// own SDK (Debian's python3-boto3), verifying.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/api/sigv4.hpp"
#include "sim/api/uri_codec.hpp"

namespace st::api {
namespace {

const std::string kKeyId = "AKIDEXAMPLE";
const std::string kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr std::int64_t kSuiteTime = 1440938160;  // 2015-08-30T12:36:00Z

SignedRequest suite_request(const std::string& method, const std::string& target) {
  return {method, target, {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, ""};
}

std::optional<std::string> lookup(std::string_view id) {
  if (id == kKeyId) return kSecret;
  return std::nullopt;
}

SignedRequest authorized(SignedRequest r, const std::string& signature, const std::string& scope = "us-east-1/service") {
  r.headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=" + kKeyId + "/20150830/" + scope +
                                              "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + signature);
  return r;
}

TEST(apiUriCodec, EncodesDecodesAndSplitsAsAwsSpecifies) {
  EXPECT_EQ(uri_encode("a-Z_0.~ /+=&%"), "a-Z_0.~%20%2F%2B%3D%26%25");
  EXPECT_EQ(uri_encode("/wireless-devices/a b", true), "/wireless-devices/a%20b");
  EXPECT_EQ(uri_decode("a%2Fb%2fc+d"), "a/b/c+d");
  EXPECT_FALSE(uri_decode("a%2"));
  EXPECT_FALSE(uri_decode("%G0"));
  const auto q = split_query("b=2&a=1&&c&d=x%3Dy");
  ASSERT_TRUE(q);
  EXPECT_EQ(*q, (std::vector<std::pair<std::string, std::string>>{{"b", "2"}, {"a", "1"}, {"c", ""}, {"d", "x=y"}}));
  EXPECT_FALSE(split_query("a=%zz"));
}

TEST(apiSigV4, TheSigningTestSuite) {
  const std::vector<std::string> host_date = {"host", "x-amz-date"};
  const auto sign = [&](const SignedRequest& r) {
    return sigv4_signature(r, host_date, kSecret, "20150830T123600Z", "us-east-1", "service").value_or("?");
  };
  EXPECT_EQ(sign(suite_request("GET", "/")), "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  EXPECT_EQ(sign(suite_request("GET", "/?Param2=value2&Param1=value1")),
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  EXPECT_EQ(sign(suite_request("POST", "/")), "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
  // The canonical request of get-vanilla, as the suite publishes it.
  EXPECT_EQ(canonical_request(suite_request("GET", "/"), host_date,
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(apiSigV4, VerifiesTheSuiteRequestsAndRefusesWithAwsErrorTypes) {
  const std::string good = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
  const auto verify = [](const SignedRequest& r, std::int64_t now = kSuiteTime) {
    return verify_sigv4(r, lookup, "us-east-1", "service", now);
  };
  const SigV4Verdict ok = verify(authorized(suite_request("GET", "/"), good));
  EXPECT_EQ(ok.error, SigV4Error::None) << ok.message;
  EXPECT_EQ(ok.access_key_id, kKeyId);
  EXPECT_EQ(verify(authorized(suite_request("GET", "/"), good), kSuiteTime + 299).error, SigV4Error::None);
  // Dated more than 5 minutes from the clock, either way.
  EXPECT_EQ(verify(authorized(suite_request("GET", "/"), good), kSuiteTime + 301).error, SigV4Error::InvalidSignature);
  EXPECT_EQ(verify(authorized(suite_request("GET", "/"), good), kSuiteTime - 301).error, SigV4Error::InvalidSignature);
  // Another method, path, query, body, or header value than the one signed.
  EXPECT_EQ(verify(authorized(suite_request("POST", "/"), good)).error, SigV4Error::InvalidSignature);
  EXPECT_EQ(verify(authorized(suite_request("GET", "/x"), good)).error, SigV4Error::InvalidSignature);
  EXPECT_EQ(verify(authorized(suite_request("GET", "/?a=1"), good)).error, SigV4Error::InvalidSignature);
  SignedRequest body = authorized(suite_request("GET", "/"), good);
  body.body = "{}";
  EXPECT_EQ(verify(body).error, SigV4Error::InvalidSignature);
  SignedRequest host = authorized(suite_request("GET", "/"), good);
  host.headers[0].second = "example.com";
  EXPECT_EQ(verify(host).error, SigV4Error::InvalidSignature);
  // One hex digit of the signature changed.
  EXPECT_EQ(verify(authorized(suite_request("GET", "/"), "6" + good.substr(1))).error, SigV4Error::InvalidSignature);
  // Scoped to another service or region.
  EXPECT_EQ(verify(authorized(suite_request("GET", "/"), good, "us-west-2/service")).error, SigV4Error::InvalidSignature);
  // An unknown key, no Authorization, one that does not parse, no date, the host not signed.
  SignedRequest stranger = suite_request("GET", "/");
  stranger.headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDOTHER/20150830/us-east-1/service/"
                                                 "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + good);
  EXPECT_EQ(verify(stranger).error, SigV4Error::UnrecognizedClient);
  EXPECT_EQ(verify(suite_request("GET", "/")).error, SigV4Error::MissingAuthenticationToken);
  SignedRequest garbage = suite_request("GET", "/");
  garbage.headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Signature=" + good);
  EXPECT_EQ(verify(garbage).error, SigV4Error::IncompleteSignature);
  SignedRequest undated = authorized(suite_request("GET", "/"), good);
  undated.headers.erase(undated.headers.begin() + 1);
  EXPECT_EQ(verify(undated).error, SigV4Error::IncompleteSignature);
  SignedRequest unsigned_host = suite_request("GET", "/");
  unsigned_host.headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                                                      "service/aws4_request, SignedHeaders=x-amz-date, Signature=" + good);
  EXPECT_EQ(verify(unsigned_host).error, SigV4Error::IncompleteSignature);
  EXPECT_EQ(aws_error_type(SigV4Error::InvalidSignature), "InvalidSignatureException");
  EXPECT_EQ(aws_error_type(SigV4Error::UnrecognizedClient), "UnrecognizedClientException");
}

// A request signed by botocore now, as the server receives it.
SignedRequest botocore_signed(const std::string& method, const std::string& url, const std::string& body) {
  const std::string cmd = "/usr/bin/python3 " + std::string(ST_SOURCE_DIR) + "/tests/api/botocore_sign.py " + method +
                          " '" + url + "' '" + body + "' " + kKeyId + " '" + kSecret + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
  std::string out;
  char buf[4096];
  while (pipe && std::fgets(buf, sizeof buf, pipe.get())) out += buf;
  const auto j = nlohmann::json::parse(out);
  SignedRequest r{j["method"], j["target"], {}, j["body"]};
  for (const auto& h : j["headers"]) r.headers.emplace_back(h[0], h[1]);
  return r;
}

TEST(apiSigV4, RequestsSignedByBotocoreVerify) {
  const std::int64_t now = std::time(nullptr);
  const auto verify = [&](const SignedRequest& r) { return verify_sigv4(r, lookup, "us-east-1", "iotwireless", now); };
  const SignedRequest list =
      botocore_signed("GET", "http://127.0.0.1:8443/wireless-devices?maxResults=2&nextToken=a%2Fb%3D", "");
  EXPECT_EQ(verify(list).message, "");
  const SignedRequest send = botocore_signed(
      "POST", "http://127.0.0.1:8443/wireless-devices/3f2a/data",
      R"({"TransmitMode": 1, "PayloadData": "AQID", "WirelessMetadata": {"Sidewalk": {"Seq": 7}}})");
  EXPECT_EQ(verify(send).message, "");
  EXPECT_EQ(verify_sigv4(send, lookup, "us-east-1", "iotwireless", now + 600).error, SigV4Error::InvalidSignature);
  SignedRequest tampered = send;
  tampered.body[10] = '2';
  EXPECT_EQ(verify(tampered).error, SigV4Error::InvalidSignature);
}

}  // namespace
}  // namespace st::api
