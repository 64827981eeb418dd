// The `airtime` subcommand: the time on air of one frame on a Sidewalk link (css, fsk, ble) at a named
// rate, computed by the hw_models radio code. Exit codes: 0 success, 2 bad input.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>

#include "sim/kernel/sim_time.hpp"

namespace st::cli {

struct AirtimeOptions {
  std::string link;                   // css, fsk or ble
  std::string rate;                   // css: 2kbps, 12.5kbps, 22kbps; fsk: 50kbps, 150kbps, 250kbps; ble: 1Mbps, 2Mbps
  long long payload = 0;              // bytes: LoRa payload (css), application payload before the FCS (fsk),
                                      // LL PDU payload, unencrypted (ble)
  std::optional<long long> preamble;  // symbols (css), bytes (fsk); refused for ble
};

// The time on air; throws std::invalid_argument with a one-line cause for bad input.
SimTime airtime(const AirtimeOptions& o);
// A time as milliseconds with 3 decimals and the unit, rounded to the microsecond: "164.864 ms".
std::string format_airtime_ms(SimTime t);
// Prints the time on air on `out` (exit 0), or one line naming the problem on `err` (exit 2).
int airtime_command(const AirtimeOptions& o, std::ostream& out, std::ostream& err);

}  // namespace st::cli
