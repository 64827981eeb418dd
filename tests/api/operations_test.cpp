// The API's operations without a server or a kernel: routes, the device directory kept from records, reads with
// their pagination, and the inputs AWS's model refuses (ValidationException, ResourceNotFoundException) before
// anything reaches the world; and the stimulus log's reader.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

#include "sim/api/api_call.hpp"
#include "sim/api/device_directory.hpp"
#include "sim/api/iot_wireless_operations.hpp"
#include "sim/api/stimulus_log.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::api {
namespace {

std::vector<world::TimedStimulus> read_stimulus_log_text(const std::string& line) {
  return {parse_stimulus_line(line, "stimuli.jsonl:1", 4)};
}

ApiCall call_of(const std::string& method, const std::string& target, const std::string& body = "") {
  SignedRequest r{method, target, {}, body};
  auto parsed = parse_call(r);
  if (auto* error = std::get_if<HttpResponse>(&parsed)) ADD_FAILURE() << error->body;
  return std::get<ApiCall>(parsed);
}

std::string error_type(const HttpResponse& r) {
  for (const auto& [name, value] : r.headers)
    if (name == "x-amzn-ErrorType") return value;
  return "";
}

TEST(apiRoutes, MethodsAndPathsNameAwsOperationsAndTheirIds) {
  EXPECT_EQ(call_of("GET", "/wireless-devices?maxResults=2").op, Operation::ListWirelessDevices);
  EXPECT_EQ(call_of("GET", "/wireless-devices?maxResults=2").query.at("maxResults"), "2");
  const ApiCall get = call_of("GET", "/wireless-devices/ab%2Fc?identifierType=WirelessDeviceId");
  EXPECT_EQ(get.op, Operation::GetWirelessDevice);
  EXPECT_EQ(get.id, "ab/c");
  EXPECT_EQ(call_of("GET", "/wireless-devices/x/statistics").op, Operation::GetWirelessDeviceStatistics);
  EXPECT_EQ(call_of("POST", "/wireless-devices/x/data", "{}").op, Operation::SendDataToWirelessDevice);
  EXPECT_EQ(call_of("GET", "/wireless-devices/x/data").op, Operation::ListQueuedMessages);
  EXPECT_EQ(call_of("PATCH", "/wireless-devices/x/deregister").op, Operation::DeregisterWirelessDevice);
  EXPECT_EQ(call_of("POST", "/wireless-devices", "{}").op, Operation::CreateWirelessDevice);
  EXPECT_EQ(call_of("GET", "/device-profiles").op, Operation::ListDeviceProfiles);
  EXPECT_EQ(call_of("GET", "/device-profiles/p").op, Operation::GetDeviceProfile);
}

TEST(apiRoutes, UnknownOperationsAndMalformedRequestsAreRefusedWithAwsErrors) {
  const auto refused = [](const std::string& method, const std::string& target, const std::string& body = "") {
    auto parsed = parse_call(SignedRequest{method, target, {}, body});
    EXPECT_TRUE(std::holds_alternative<HttpResponse>(parsed)) << method << " " << target;
    return std::holds_alternative<HttpResponse>(parsed) ? std::get<HttpResponse>(parsed) : HttpResponse{};
  };
  HttpResponse r = refused("DELETE", "/wireless-devices/x");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(error_type(r), "UnknownOperationException");
  r = refused("GET", "/wireless-devices?maxResults=%zz");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(error_type(r), "ValidationException");
  r = refused("POST", "/wireless-devices/x/data", "[1, 2]");
  EXPECT_EQ(error_type(r), "ValidationException");
  r = refused("GET", "/wireless-devices?maxResults=1&maxResults=2");
  EXPECT_EQ(error_type(r), "ValidationException");
  EXPECT_EQ(nlohmann::json::parse(r.body).at("message"), "query parameter 'maxResults' given twice");
}

// A directory of `n` devices of one type, as the records of a run would fill it.
struct Directory {
  explicit Directory(std::uint32_t n) {
    models::DeviceTypeConfig t;
    t.name = "meter";
    t.count = n;
    t.device_type_id = "A1B2C3D4E5F6G7";
    t.apid = "ab12";
    types.push_back(t);
    dir = std::make_unique<DeviceDirectory>(sink, 5, types);
    for (std::uint32_t d = 0; d < n; ++d) {
      smsn[d].fill(static_cast<std::uint8_t>(d + 1));
      dir->transition({kSecond, d, 0, smsn[d], metrics::FleetState::None, metrics::FleetState::Created,
                       models::Cause::Provisioned});
    }
    world.seed = 5;
    world.start_unix_s = 1767225600;  // 2026-01-01T00:00:00Z
    world.types = &types;
    world.destination = &destination;
    world.directory = dir.get();
    ops = std::make_unique<IotWirelessOperations>(world);
  }
  HttpResponse run(const std::string& method, const std::string& target, const std::string& body = "") {
    SimTime scheduled = kNever;
    return ops->run(call_of(method, target, body), 10 * kSecond, scheduled);
  }
  metrics::NullSink sink;
  std::vector<models::DeviceTypeConfig> types;
  models::DestinationConfig destination;
  std::array<std::array<std::uint8_t, 32>, 16> smsn{};
  std::unique_ptr<DeviceDirectory> dir;
  ApiWorld world;
  std::unique_ptr<IotWirelessOperations> ops;
};

TEST(apiOperations, ListWirelessDevicesPagesThroughEveryDeviceOnce) {
  Directory d(7);
  std::vector<std::string> ids;
  std::string token;
  for (int page = 0; page < 10; ++page) {
    const HttpResponse r = d.run("GET", "/wireless-devices?maxResults=3" + (token.empty() ? "" : "&nextToken=" + token));
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto j = nlohmann::json::parse(r.body);
    for (const auto& item : j.at("WirelessDeviceList")) {
      ids.push_back(item.at("Id"));
      EXPECT_EQ(item.at("Type"), "Sidewalk");
      EXPECT_EQ(item.at("Sidewalk").at("Status"), "PROVISIONED");
      EXPECT_EQ(item.at("DestinationName"), "SidewalkDestination");
    }
    if (!j.contains("NextToken")) break;
    token = j.at("NextToken");
  }
  ASSERT_EQ(ids.size(), 7u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 7u);
  EXPECT_EQ(error_type(d.run("GET", "/wireless-devices?maxResults=251")), "ValidationException");
  EXPECT_EQ(error_type(d.run("GET", "/wireless-devices?maxResults=two")), "ValidationException");
  EXPECT_EQ(error_type(d.run("GET", "/wireless-devices?nextToken=zz")), "ValidationException");
  const auto lora = nlohmann::json::parse(d.run("GET", "/wireless-devices?wirelessDeviceType=LoRaWAN").body);
  EXPECT_TRUE(lora.at("WirelessDeviceList").empty());
}

TEST(apiOperations, GetWirelessDeviceByIdOrSmsnAndStatisticsFollowTheRecords) {
  Directory d(2);
  const std::string id = d.dir->device(1)->id;
  const HttpResponse got = d.run("GET", "/wireless-devices/" + id + "?identifierType=WirelessDeviceId");
  ASSERT_EQ(got.status, 200u);
  const auto j = nlohmann::json::parse(got.body);
  EXPECT_EQ(j.at("Name"), "meter-SN0000001");
  EXPECT_FALSE(j.at("Sidewalk").contains("PrivateKeys"));
  const std::string smsn = j.at("Sidewalk").at("SidewalkManufacturingSn");
  const HttpResponse by_smsn = d.run("GET", "/wireless-devices/" + smsn + "?identifierType=SidewalkManufacturingSn");
  EXPECT_EQ(nlohmann::json::parse(by_smsn.body).at("Id"), id);
  EXPECT_EQ(error_type(d.run("GET", "/wireless-devices/" + id)), "ValidationException");  // identifierType required
  EXPECT_EQ(d.run("GET", "/wireless-devices/" + id + "?identifierType=ThingName").status, 404u);
  EXPECT_EQ(error_type(d.run("GET", "/wireless-devices/" + id + "?identifierType=Serial")), "ValidationException");

  auto stats = nlohmann::json::parse(d.run("GET", "/wireless-devices/" + id + "/statistics").body);
  EXPECT_EQ(stats.at("Sidewalk").at("DeviceState"), "Provisioned");
  d.dir->transition({2 * kSecond, 1, 0, d.smsn[1], metrics::FleetState::Created, metrics::FleetState::Registered,
                     models::Cause::Registered});
  stats = nlohmann::json::parse(d.run("GET", "/wireless-devices/" + id + "/statistics").body);
  EXPECT_EQ(stats.at("Sidewalk").at("DeviceState"), "RegisteredNotSeen");
  const std::uint8_t report[6] = {0x01, 0, 0, 0, 1, 4};  // a report: battery 4 %
  d.dir->application_uplink({3 * kSecond, 1, 0, d.smsn[1], 1, report});
  stats = nlohmann::json::parse(d.run("GET", "/wireless-devices/" + id + "/statistics").body);
  EXPECT_EQ(stats.at("Sidewalk").at("DeviceState"), "RegisteredReachable");
  EXPECT_EQ(stats.at("Sidewalk").at("BatteryLevel"), "critical");
  EXPECT_EQ(stats.at("LastUplinkReceivedAt"), "2026-01-01T00:00:03.000Z");
}

TEST(apiOperations, SendDataChecksItsInputAsAwsModelsIt) {
  Directory d(1);
  const std::string path = "/wireless-devices/" + d.dir->device(0)->id + "/data";
  const auto refused = [&](const std::string& body) { return error_type(d.run("POST", path, body)); };
  EXPECT_EQ(refused(R"({"PayloadData": "AQID"})"), "ValidationException");                     // no TransmitMode
  EXPECT_EQ(refused(R"({"TransmitMode": 2, "PayloadData": "AQID"})"), "ValidationException");  // 0 or 1
  EXPECT_EQ(refused(R"({"TransmitMode": 0})"), "ValidationException");                          // no payload
  EXPECT_EQ(refused(R"({"TransmitMode": 0, "PayloadData": "not base64!"})"), "ValidationException");
  EXPECT_EQ(refused(R"({"TransmitMode": "0", "PayloadData": "AQID"})"), "ValidationException");
  EXPECT_EQ(refused(R"({"TransmitMode": 0, "PayloadData": "AQID", "WirelessMetadata": {"Sidewalk": {"Seq": 16384}}})"),
            "ValidationException");
  EXPECT_EQ(refused(R"({"TransmitMode": 0, "PayloadData": "AQID", "WirelessMetadata": {"Sidewalk": {"MessageType": "X"}}})"),
            "ValidationException");
  const std::string big(400, 'A');  // 300 bytes: more than a Sidewalk frame
  EXPECT_EQ(refused(R"({"TransmitMode": 0, "PayloadData": ")" + big + "\"}"), "ValidationException");
  EXPECT_EQ(error_type(d.run("POST", "/wireless-devices/nobody/data", R"({"TransmitMode": 0, "PayloadData": "AQID"})")),
            "ResourceNotFoundException");
  EXPECT_EQ(error_type(d.run("PATCH", "/wireless-devices/" + d.dir->device(0)->id + "/deregister")),
            "ConflictException");  // provisioned, not registered
}

// Found by fuzz/api_request_fuzz: an error message quoting a path id that is not UTF-8 made the JSON writer throw,
// which took the API down. The bytes are replaced now.
TEST(apiOperations, AnIdThatIsNotUtf8IsQuotedInTheErrorWithoutThrowing) {
  Directory d(1);
  const HttpResponse r = d.run("GET", "/wireless-devices/01%D3%DE%F1%FD?identifierType=WirelessDeviceId");
  EXPECT_EQ(r.status, 404u);
  EXPECT_TRUE(nlohmann::json::accept(r.body));
}

// Found by fuzz/aws_json_fuzz: a number too large for a double escaped the JSON readers as another exception.
TEST(apiOperations, ANumberTooLargeIsAFileErrorNotACrash) {
  EXPECT_THROW(read_stimulus_log_text("{\"activation\": 6e2407}"), aws::FileError);
}

TEST(apiOperations, DeviceProfilesListAndGet) {
  Directory d(1);
  const auto list = nlohmann::json::parse(d.run("GET", "/device-profiles").body);
  ASSERT_EQ(list.at("DeviceProfileList").size(), 1u);
  const std::string id = list.at("DeviceProfileList")[0].at("Id");
  const auto profile = nlohmann::json::parse(d.run("GET", "/device-profiles/" + id).body);
  EXPECT_EQ(profile.at("Name"), "meter");
  EXPECT_EQ(d.run("GET", "/device-profiles/nope").status, 404u);
}

TEST(stimulusLog, ARecordedLineReadsBackAndBadLinesNameTheirPlace) {
  const auto dir = std::filesystem::temp_directory_path() / ("stimuli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "stimuli.jsonl";
  world::TimedStimulus t{12, 34 * kSecond, {}};
  t.stimulus.kind = world::StimulusKind::SendData;
  t.stimulus.device = 1;
  t.stimulus.message = 9;
  t.stimulus.payload = {1, 2, 3};
  t.stimulus.acknowledged = true;
  t.stimulus.keep_for = 5 * kSecond;
  t.stimulus.request = R"({"MessageId":"m","WirelessMetadata":{"Sidewalk":{"Seq":4,"MessageType":"CUSTOM_COMMAND_ID_GET"}}})";
  {
    StimulusLogWriter w(file);
    w.write(t);
    w.close();
  }
  const auto back = read_stimulus_log(file, 2);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].activation, 12u);
  EXPECT_EQ(back[0].at, 34 * kSecond);
  EXPECT_EQ(back[0].stimulus.payload, t.stimulus.payload);
  EXPECT_EQ(back[0].stimulus.request, t.stimulus.request);
  const auto meta = downlink_meta(back[0].stimulus);
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->seq, 4u);
  EXPECT_EQ(meta->message_type, "CUSTOM_COMMAND_ID_GET");
  EXPECT_THROW(read_stimulus_log(file, 1), aws::FileError);  // device 1 is not in a run of one device
  std::ofstream(file, std::ios::app) << "{\"activation\": 3}\n";
  try {
    read_stimulus_log(file, 2);
    ADD_FAILURE() << "a short line was read";
  } catch (const aws::FileError& e) {
    EXPECT_NE(std::string(e.what()).find("stimuli.jsonl:2"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace st::api
