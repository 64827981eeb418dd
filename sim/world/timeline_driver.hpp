// TimelineDriver: plays the scenario's timeline: at each action's time (and each repetition) it performs the
// action on the lifecycle model and reports it as a notice; live actions (a telemetry client's, through the
// stimulus port) are performed the same way, at once.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "models/gateway/gateway_pool.hpp"
#include "models/lifecycle/device_lifecycle.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/metrics/metrics_sink.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::world {

class TimelineDriver : public EventHandler {
 public:
  static constexpr std::uint8_t kTarget = models::kFirstWorldTarget;
  enum Kind : std::uint16_t { kAction, kOutageEnd };

  TimelineDriver(const scenario::Scenario& s, Dispatcher& kernel, models::DeviceLifecycle& lifecycle,
                 models::GatewayPool& gateways, metrics::MetricsSink& sink);
  void schedule();
  void on_event(const CalendarEntry& e) override;
  // A live action, performed now as a scenario's action is (the same notices); kept for its outage's end.
  void perform_live(const scenario::Action& a);

 private:
  // The scenario's actions by index, then the live ones (an outage's end finds its action by this index).
  const scenario::Action& action(std::uint32_t index) const;
  std::optional<std::uint16_t> type_index(const std::optional<std::string>& name) const;
  void perform(const scenario::Action& a, std::uint32_t index);
  // Takes the action's share of gateways (of its group, or of all) down for its duration: which ones, in the order
  // picked (their indices in the pool, as in gateways.csv).
  std::vector<std::uint32_t> gateway_outage(const scenario::Action& a);

  const scenario::Scenario& scenario_;
  Dispatcher& kernel_;
  models::DeviceLifecycle& lifecycle_;
  models::GatewayPool& gateways_;
  metrics::MetricsSink& sink_;
  RandomStream rng_;
  std::deque<scenario::Action> live_;  // a deque: an action stays where it is while more come
};

}  // namespace st::world
