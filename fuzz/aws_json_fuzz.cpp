// Fuzz target: AWS's and Sidewalk's JSON files as the import reads them: a device file (GetWirelessDevice or
// certificate.json, both chains read and verified), a device profile, the trusted roots, the API's credentials and
// a stimulus log line. The first byte picks the reader.
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.hpp"
#include "sim/api/stimulus_log.hpp"
#include "sim/aws/device_file.hpp"
#include "sim/aws/device_profile_file.hpp"
#include "sim/aws/json_fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view in = st::fuzz::text(data + 1, size - 1);
  try {
    switch (data[0] % 3) {
      case 0: {
        const nlohmann::json j = st::aws::parse_json_text(in, "device.json");
        const st::aws::DeviceFile f = st::aws::parse_device_file(j, "device.json");
        (void)st::aws::verify_device_file(f, nullptr);
        break;
      }
      case 1:
        (void)st::aws::parse_device_profile(st::aws::parse_json_text(in, "profile.json"), "profile.json");
        break;
      case 2:
        (void)st::api::parse_stimulus_line(in, "stimuli.jsonl:1", 16);
        break;
    }
  } catch (const st::aws::FileError&) {
  }
  return 0;
}
