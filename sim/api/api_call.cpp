#include "sim/api/api_call.hpp"

#include <vector>

#include "sim/api/aws_response.hpp"
#include "sim/api/uri_codec.hpp"

namespace st::api {

std::string_view to_string(Operation op) {
  switch (op) {
    case Operation::ListWirelessDevices: return "ListWirelessDevices";
    case Operation::CreateWirelessDevice: return "CreateWirelessDevice";
    case Operation::GetWirelessDevice: return "GetWirelessDevice";
    case Operation::GetWirelessDeviceStatistics: return "GetWirelessDeviceStatistics";
    case Operation::SendDataToWirelessDevice: return "SendDataToWirelessDevice";
    case Operation::ListQueuedMessages: return "ListQueuedMessages";
    case Operation::DeregisterWirelessDevice: return "DeregisterWirelessDevice";
    case Operation::ListDeviceProfiles: return "ListDeviceProfiles";
    case Operation::GetDeviceProfile: return "GetDeviceProfile";
  }
  return "?";
}

namespace {

// AWS's routes: a method and the path's segments, "{}" standing for the resource id.
struct Route {
  const char* method;
  std::vector<std::string_view> segments;
  Operation op;
};
const std::vector<Route>& routes() {
  static const std::vector<Route> table = {
      {"GET", {"wireless-devices"}, Operation::ListWirelessDevices},
      {"POST", {"wireless-devices"}, Operation::CreateWirelessDevice},
      {"GET", {"wireless-devices", "{}"}, Operation::GetWirelessDevice},
      {"GET", {"wireless-devices", "{}", "statistics"}, Operation::GetWirelessDeviceStatistics},
      {"POST", {"wireless-devices", "{}", "data"}, Operation::SendDataToWirelessDevice},
      {"GET", {"wireless-devices", "{}", "data"}, Operation::ListQueuedMessages},
      {"PATCH", {"wireless-devices", "{}", "deregister"}, Operation::DeregisterWirelessDevice},
      {"GET", {"device-profiles"}, Operation::ListDeviceProfiles},
      {"GET", {"device-profiles", "{}"}, Operation::GetDeviceProfile},
  };
  return table;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const std::size_t end = path.find('/', i);
    out.push_back(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (end == std::string_view::npos) break;
    i = end;
  }
  return out;
}

}  // namespace

std::variant<ApiCall, HttpResponse> parse_call(const SignedRequest& r) {
  const std::string_view target = r.target;
  const std::size_t q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::vector<std::string_view> segments = split_path(path);
  ApiCall call;
  const Route* found = nullptr;
  for (const Route& route : routes()) {
    if (route.method != r.method || route.segments.size() != segments.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i)
      match = route.segments[i] == "{}" || route.segments[i] == segments[i];
    if (!match) continue;
    found = &route;
    break;
  }
  if (found == nullptr)
    return aws_error(AwsError::UnknownOperation, "no IoT Wireless operation at " + r.method + " " + std::string(path));
  call.op = found->op;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (found->segments[i] != "{}") continue;
    const auto id = uri_decode(segments[i]);
    if (!id || id->empty()) return aws_error(AwsError::Validation, "the resource id in the path is not a valid escape");
    call.id = *id;
  }
  if (q != std::string_view::npos) {
    const auto pairs = split_query(target.substr(q + 1));
    if (!pairs) return aws_error(AwsError::Validation, "the query string has a malformed %-escape");
    for (const auto& [name, value] : *pairs) {
      if (name.empty()) continue;
      if (!call.query.emplace(name, value).second)
        return aws_error(AwsError::Validation, "query parameter '" + name + "' given twice");
    }
  }
  if (r.body.empty()) {
    call.body = nlohmann::json::object();
  } else {
    call.body = nlohmann::json::parse(r.body, nullptr, false);
    if (call.body.is_discarded() || !call.body.is_object())
      return aws_error(AwsError::Validation, "the request body is not a JSON object");
  }
  return call;
}

}  // namespace st::api
