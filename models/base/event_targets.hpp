// The calendar targets of one world: which model's handler a calendar entry goes to. Each model that schedules
// entries has one id here; the world attaches its handler to it.
#pragma once
#include <cstdint>

namespace st::models {

enum EventTarget : std::uint8_t {
  kProvisioningTarget = 1,
  kRegistrationTarget = 2,
  kTrafficTarget = 3,
  kRadioTarget = 4,       // the radio access network's frame ends
  kDownlinkTarget = 5,    // the developer's downlinks (SendDataToWirelessDevice)
  kFirstWorldTarget = 8,  // targets from here on belong to the world builder (timeline, sampler)
};

}  // namespace st::models
