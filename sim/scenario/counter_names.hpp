// The run's counter names: the ones `counter:` expectations may name (docs/scenario-format.md), the ones the run
// recorder samples into counters.jsonl and the live stream, and the per-cause forms "<base>.<cause>" with cause a
// lowercase snake_case identifier. The recorder creates no counter outside these (tests/output checks it).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace st::scenario {

inline constexpr std::array<std::string_view, 23> kCounterNames = {
    "uplinks_sent",         "uplinks_delivered",     "uplinks_rejected",     "uplinks_dropped",
    "uplinks_duplicate",    "uplinks_accepted_from_blocked",                 "downlinks_sent",
    "downlinks_delivered",  "downlinks_rejected",    "downlinks_dropped",    "handshakes_succeeded",
    "handshakes_failed",    "registrations",         "deregistrations",      "ingest_rejected",
    "provisioning_rejected", "refusals",             "radio_frames",         "radio_received",
    "radio_lost",           "link_switches",         "attacker_frames",      "attacker_frames_unheard",
};
// Counters that also exist per cause, e.g. "uplinks_rejected.replay", "blocked.device_type_revoked".
// Radio counters exist per link ("radio_frames.css", "radio_received.fsk") and per loss cause
// ("radio_lost.collision"); link switches by cause ("link_switches.registration", ".uplink", ".back_to_preferred").
// Per device type (the type's name, in snake_case): "uplinks_sent_by_type.tracker",
// "uplinks_delivered_by_type.tracker", "radio_uplinks_by_type.tracker" (radio frames of uplinks, with
// retransmissions), "radio_uplinks_received_by_type.tracker" and "link_switches_by_type.tracker".
inline constexpr std::array<std::string_view, 16> kPerCauseCounters = {
    "uplinks_rejected", "uplinks_dropped", "downlinks_rejected", "downlinks_dropped", "handshakes_failed",
    "refusals", "blocked", "radio_frames", "radio_received", "radio_lost", "link_switches", "uplinks_sent_by_type",
    "uplinks_delivered_by_type", "radio_uplinks_by_type", "radio_uplinks_received_by_type", "link_switches_by_type"};

// The counters sampled with every states.csv row (counters.jsonl, the `counters` record of the live stream), and
// the per-cause families sampled as "<base>_by_cause" maps.
inline constexpr std::array<std::string_view, 15> kSampledCounters = {
    "uplinks_sent",       "uplinks_delivered",   "uplinks_duplicate", "uplinks_rejected",     "uplinks_dropped",
    "downlinks_sent",     "downlinks_delivered", "downlinks_rejected", "downlinks_dropped",   "handshakes_succeeded",
    "handshakes_failed",  "refusals",            "radio_frames",      "radio_received",       "radio_lost"};
inline constexpr std::array<std::string_view, 4> kSampledPerCause = {"uplinks_rejected", "uplinks_dropped", "refusals",
                                                                     "radio_lost"};

// The per-device-type counter families (each "<family>.<device type>").
inline constexpr std::string_view kUplinksSentByType = "uplinks_sent_by_type";
inline constexpr std::string_view kUplinksDeliveredByType = "uplinks_delivered_by_type";
inline constexpr std::string_view kRadioUplinksByType = "radio_uplinks_by_type";
inline constexpr std::string_view kRadioUplinksReceivedByType = "radio_uplinks_received_by_type";
inline constexpr std::string_view kLinkSwitchesByType = "link_switches_by_type";

// nullopt when name is a valid counter name, else why not (with a did-you-mean when one is close).
std::optional<std::string> counter_name_problem(std::string_view name);
bool is_counter_name(std::string_view name);

}  // namespace st::scenario
