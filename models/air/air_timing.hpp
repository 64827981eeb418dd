// Timing constants of the links' MACs and receivers that several parts of the radio layer share [E] (sidewalk.md,
// "Modelling choices": the Sidewalk MAC is not public).
#pragma once
#include "sim/kernel/sim_time.hpp"

namespace st::models::air {

inline constexpr SimTime kTurnaround = kMillisecond;          // RX -> TX turnaround before a MAC ACK
inline constexpr SimTime kAckTimeout = 10 * kMillisecond;     // an FSK sender waits this long for the MAC ACK
inline constexpr SimTime kCca = 5 * kMillisecond / 10;        // listen-before-talk: clear channel assessment, 0.5 ms
inline constexpr SimTime kRxGuard = 2 * kMillisecond;         // a receive window opens this early for clock drift
inline constexpr unsigned kAckBytes = 4;                      // FSK MAC ACK payload
inline constexpr SimTime kFastRxSpacing = 63 * kMillisecond;  // the shortest FSK receive spacing [D, sidewalk.md §1.2]

}  // namespace st::models::air
