// IotWirelessOperations: the IoT Wireless operations for Sidewalk devices, run on the simulation thread between
// two kernel activations. Reads answer from the device directory (the run's records) and the scenario's device
// types; calls that change the world become stimuli through the world's one entry point (StimulusPort), at the
// simulated instant the caller met the run. Inputs are checked as AWS's model states them (ValidationException).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "models/base/cloud_config.hpp"
#include "models/base/device_type_config.hpp"
#include "models/security/bytes.hpp"
#include "sim/api/api_call.hpp"
#include "sim/api/device_directory.hpp"
#include "sim/aws/device_profile_file.hpp"
#include "sim/world/stimulus_port.hpp"

namespace st::api {

struct ApiWorld {
  std::uint64_t seed = 0;
  std::int64_t start_unix_s = 0;  // the UTC instant simulated time 0 stands for (timestamps)
  const std::vector<models::DeviceTypeConfig>* types = nullptr;
  const models::DestinationConfig* destination = nullptr;
  security::Bytes application_server_public_key;  // GetDeviceProfile
  DeviceDirectory* directory = nullptr;
  // Where a change to the world goes (world::StimulusPort::submit): returns the instant it takes effect.
  std::function<SimTime(world::Stimulus, SimTime live)> submit;
};

class IotWirelessOperations {
 public:
  explicit IotWirelessOperations(ApiWorld w);

  // Runs one call with the world at simulated time `live`; lowers `scheduled` to the time of a stimulus it submitted.
  HttpResponse run(const ApiCall& call, SimTime live, SimTime& scheduled);

 private:
  HttpResponse list_wireless_devices(const ApiCall& c);
  HttpResponse get_wireless_device(const ApiCall& c);
  HttpResponse get_statistics(const ApiCall& c, SimTime live);
  HttpResponse send_data(const ApiCall& c, SimTime live, SimTime& scheduled);
  HttpResponse list_queued_messages(const ApiCall& c);
  HttpResponse deregister(const ApiCall& c, SimTime live, SimTime& scheduled);
  HttpResponse list_device_profiles(const ApiCall& c);
  HttpResponse get_device_profile(const ApiCall& c);
  HttpResponse create_wireless_device(const ApiCall& c, SimTime live, SimTime& scheduled);

  nlohmann::ordered_json device_json(const DirectoryEntry& e) const;
  std::string timestamp(SimTime t) const;

  ApiWorld w_;
  std::vector<aws::DeviceProfileFile> profiles_;  // one per device type, made once
  std::uint32_t next_message_ = 0;  // the run's serial of the next downlink
  std::vector<std::uint32_t> reserve_taken_;  // per device type: devices of its reserve created so far
  std::map<std::string, nlohmann::ordered_json> created_;  // CreateWirelessDevice's answer by ClientRequestToken
};

}  // namespace st::api
