// SessionTable: the session a cloud actor holds for every device (the network server's and the application
// server's), indexed by device: installed at registration with a fresh key, wiped at de-registration.
#pragma once
#include <array>
#include <cstdint>

#include "models/security/replay_window.hpp"
#include "models/security/session_key.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

// What a server keeps of one device's session: its key, the uplink replay window, the downlink counter.
struct ServerSession {
  security::SessionKey key{};
  security::ReplayWindow uplink_window{};
  std::uint32_t downlink_counter = 0;
};

template <typename Session>
class SessionTable {
 public:
  explicit SessionTable(std::uint32_t devices) : sessions_(devices) {}

  Session& operator[](std::uint32_t device) { return sessions_[device]; }
  const Session& operator[](std::uint32_t device) const { return sessions_[device]; }
  // A fresh session under `key` (counters and windows reset).
  void install(std::uint32_t device, const std::array<std::uint8_t, 16>& key, std::uint8_t epoch) {
    sessions_[device] = Session{};
    sessions_[device].key.install(key, epoch);
  }
  void wipe(std::uint32_t device) { sessions_[device].key.wipe(); }

 private:
  HugePageVector<Session> sessions_;
};

}  // namespace st::models
