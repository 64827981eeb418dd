// ServiceStation: a cloud actor's service-time model: a configured latency distribution, an optional
// number of parallel servers (FIFO queueing), and outage windows during which it does not answer.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

class ServiceStation {
 public:
  ServiceStation(std::string name, Distribution latency, std::uint32_t servers = 0)
      : name_(std::move(name)), latency_(latency), free_at_(servers, 0) {}

  const std::string& name() const { return name_; }
  bool available(SimTime now) const { return now >= down_until_ || now < down_from_; }
  void outage(SimTime from, SimTime until) { down_from_ = from; down_until_ = until; }
  SimTime down_until() const { return down_until_; }

  // The time a job arriving now completes (service time drawn from `rng`), or kNever when the station is down.
  SimTime serve(SimTime now, RandomStream& rng) {
    if (!available(now)) return kNever;
    const SimTime service = latency_.sample_time(rng);
    ++jobs_;
    if (free_at_.empty()) return now + service;  // infinite servers: a pure delay
    std::size_t best = 0;
    for (std::size_t i = 1; i < free_at_.size(); ++i)
      if (free_at_[i] < free_at_[best]) best = i;
    const SimTime start = free_at_[best] > now ? free_at_[best] : now;
    free_at_[best] = start + service;
    return free_at_[best];
  }
  std::uint64_t jobs() const { return jobs_; }

 private:
  std::string name_;
  Distribution latency_;
  std::vector<SimTime> free_at_;
  SimTime down_from_ = kNever;
  SimTime down_until_ = 0;
  std::uint64_t jobs_ = 0;
};

}  // namespace st::models
