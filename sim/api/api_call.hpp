// ApiCall: a request of the IoT Wireless API taken apart: which operation its method and path name (AWS's routes),
// the resource id in its path, its query parameters and its JSON body, all decoded.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "sim/api/http_server.hpp"
#include "sim/api/sigv4.hpp"

namespace st::api {

enum class Operation : std::uint8_t {
  ListWirelessDevices,          // GET   /wireless-devices
  CreateWirelessDevice,         // POST  /wireless-devices
  GetWirelessDevice,            // GET   /wireless-devices/{Identifier}?identifierType=
  GetWirelessDeviceStatistics,  // GET   /wireless-devices/{Id}/statistics
  SendDataToWirelessDevice,     // POST  /wireless-devices/{Id}/data
  ListQueuedMessages,           // GET   /wireless-devices/{Id}/data
  DeregisterWirelessDevice,     // PATCH /wireless-devices/{Identifier}/deregister
  ListDeviceProfiles,           // GET   /device-profiles
  GetDeviceProfile,             // GET   /device-profiles/{Id}
};
inline constexpr std::size_t kOperationCount = static_cast<std::size_t>(Operation::GetDeviceProfile) + 1;
std::string_view to_string(Operation op);

struct ApiCall {
  Operation op = Operation::ListWirelessDevices;
  std::string id;                             // the path's {Id} or {Identifier}
  std::map<std::string, std::string> query;   // the last value of each name
  nlohmann::json body;                        // an object (empty when the request has no body)
};

// The call a request makes, or the error to answer: UnknownOperationException (404) for a method and path that
// name no operation, ValidationException (400) for a malformed escape, a query name given twice, or a body that is
// not a JSON object.
std::variant<ApiCall, HttpResponse> parse_call(const SignedRequest& r);

}  // namespace st::api
