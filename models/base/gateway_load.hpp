// GatewayLoad: what one gateway did during the run: frames received, lost and sent, airtime, backhaul traffic and
// the devices it serves. The gateway pool keeps one per gateway; the end-of-run GatewayRecord carries it out.
#pragma once
#include <cstdint>

#include "sim/kernel/sim_time.hpp"

namespace st::models {

// What one gateway did during the run (gateways.csv and the summary's per-gateway load).
struct GatewayLoad {
  std::uint64_t frames_received = 0;   // radio frames it decoded (uplinks)
  std::uint64_t frames_lost = 0;       // radio frames addressed to it that it lost (any cause)
  std::uint64_t frames_sent = 0;       // downlinks and acknowledgements (beacons are not counted)
  SimTime rx_airtime = 0;              // airtime of the frames addressed to it
  SimTime tx_airtime = 0;              // its own transmissions
  std::uint64_t backhaul_bytes = 0;    // bytes it moved to and from the network server
  std::uint64_t backhaul_delayed = 0;  // messages that waited for the bandwidth cap
  SimTime backhaul_wait = 0;           // total time they waited
  std::uint64_t backhaul_dropped = 0;  // messages dropped at the monthly data cap
  std::uint32_t devices_served = 0;    // devices homed on it (first link)
};

}  // namespace st::models
