// A live timeline action: the JSON object of a timeline entry's keys without `at`, `repeat` or `every` (a telemetry
// client's `action` command, a stimuli.jsonl line), read by the timeline's own reader to take effect at an instant.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::scenario {

// A live action refused: what() is one line naming the key and the cause as the scenario reader says them, e.g.
// "action.device_type: undefined device type 'sensr' (did you mean 'sensor'?)".
class LiveActionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `json`: the action's JSON text (anything but an object is refused; empty: none was given). It takes effect at
// `now`, which its checks take as its `at` (an outage must end within the run); `earlier`: the live actions taken
// before it (a whole device type is qualified or revoked once). Throws LiveActionError.
Action read_live_action(std::string_view json, const Scenario& s, SimTime now, const std::vector<Action>& earlier = {});

// The action as a JSON object of its timeline keys, one line, which read_live_action reads back to the same action
// (stimuli.jsonl's `action`), e.g.
// {"action":"outage","target":"gateways","gateway_group":"city","fraction":0.3,"for":"10min"}.
std::string live_action_json(const Action& a);

}  // namespace st::scenario
