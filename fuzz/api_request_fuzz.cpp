// Fuzz target: the API's request path as the network thread and the simulation thread run it: SigV4 verification
// of the headers, the route, the query string and the JSON body taken apart, and the operation run against a small
// device directory (what it would change the world with is dropped). Input: the request line ("METHOD TARGET"),
// header lines "Name: value", an empty line, the body.
#include <memory>
#include <string>
#include <variant>

#include "fuzz/fuzz_support.hpp"
#include "sim/api/api_call.hpp"
#include "sim/api/device_directory.hpp"
#include "sim/api/iot_wireless_operations.hpp"
#include "sim/api/sigv4.hpp"

namespace {

struct World {
  World() {
    st::models::DeviceTypeConfig t;
    t.name = "meter";
    t.count = 3;
    t.reserve = 1;
    t.device_type_id = "A1B2C3D4E5F6G7";
    t.apid = "ab12";
    types.push_back(t);
    directory = std::make_unique<st::api::DeviceDirectory>(sink, 5, types);
    for (std::uint32_t d = 0; d < 3; ++d) {
      smsn[d].fill(static_cast<std::uint8_t>(d + 1));
      directory->transition({st::kSecond, d, 0, smsn[d], st::metrics::FleetState::None,
                             d == 0 ? st::metrics::FleetState::Registered : st::metrics::FleetState::Created,
                             st::models::Cause::Provisioned});
    }
    st::api::ApiWorld w;
    w.seed = 5;
    w.start_unix_s = 1767225600;
    w.types = &types;
    w.destination = &destination;
    w.directory = directory.get();
    w.submit = [](st::world::Stimulus, st::SimTime live) { return live; };
    ops = std::make_unique<st::api::IotWirelessOperations>(std::move(w));
  }
  st::metrics::NullSink sink;
  std::vector<st::models::DeviceTypeConfig> types;
  st::models::DestinationConfig destination;
  std::array<std::array<std::uint8_t, 32>, 3> smsn{};
  std::unique_ptr<st::api::DeviceDirectory> directory;
  std::unique_ptr<st::api::IotWirelessOperations> ops;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static World world;
  const std::string in(st::fuzz::text(data, size));
  st::api::SignedRequest r;
  std::size_t pos = in.find('\n');
  const std::string first = in.substr(0, pos);
  const std::size_t space = first.find(' ');
  r.method = first.substr(0, space);
  r.target = space == std::string::npos ? "/" : first.substr(space + 1);
  while (pos != std::string::npos) {
    const std::size_t next = in.find('\n', pos + 1);
    const std::string line = in.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    pos = next;
    if (line.empty()) {
      if (pos != std::string::npos) r.body = in.substr(pos + 1);
      break;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    r.headers.emplace_back(line.substr(0, colon), line.substr(std::min(line.size(), colon + 2)));
  }
  (void)st::api::verify_sigv4(
      r, [](std::string_view id) -> std::optional<std::string> {
        if (id == "AKIDFUZZ") return std::string("fuzz-secret");
        return std::nullopt;
      },
      "us-east-1", "iotwireless", 1767225600);
  auto call = st::api::parse_call(r);
  if (auto* c = std::get_if<st::api::ApiCall>(&call)) {
    st::SimTime scheduled = st::kNever;
    (void)world.ops->run(*c, 10 * st::kSecond, scheduled);
  }
  return 0;
}
