// RadioMedium: collisions with capture, half-duplex and demodulator locks, with memoised lock decisions so that
// records can be forgotten as soon as they can no longer change a result.
#include "models/channel/radio_medium.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace st::models::channel {
namespace {

constexpr std::uint8_t kLive = 1;        // the slot holds a frame
constexpr std::uint8_t kDecodable = 2;
constexpr std::uint8_t kResolved = 4;
constexpr std::uint8_t kLockFinal = 8;   // its lock decision is taken (cannot change any more)
constexpr std::uint8_t kLocked = 16;     // it holds a demodulator
constexpr std::uint8_t kHoldFinal = 32;  // hold_end cannot change any more

constexpr std::size_t kMaxPooledStates = 4096;

}  // namespace

RadioMedium::RadioMedium(RadioMediumConfig cfg) : cfg_(cfg) {}

void RadioMedium::set_demodulators(std::uint32_t receiver, std::uint16_t n) {
  std::uint32_t i = demods_index_.find(receiver);
  if (i == NodeIndex::kAbsent) {
    i = static_cast<std::uint32_t>(demods_.size());
    demods_.emplace_back();
    demods_index_.insert(receiver, i);
  }
  demods_[i].fill(n);
}

void RadioMedium::set_demodulators(std::uint32_t receiver, std::uint8_t medium, std::uint16_t n) {
  if (medium >= kMaxMedia) throw std::invalid_argument("radio medium: medium out of range");
  std::uint32_t i = demods_index_.find(receiver);
  if (i == NodeIndex::kAbsent) {
    i = static_cast<std::uint32_t>(demods_.size());
    demods_.emplace_back();
    demods_.back().fill(cfg_.default_demodulators);
    demods_index_.insert(receiver, i);
  }
  demods_[i][medium] = n;
}

std::uint16_t RadioMedium::demodulators(std::uint32_t receiver, std::uint8_t medium) const {
  if (medium >= kMaxMedia) return 0;
  const std::uint32_t i = demods_index_.find(receiver);
  return i == NodeIndex::kAbsent ? cfg_.default_demodulators : demods_[i][medium];
}

std::uint32_t RadioMedium::slot_of(std::uint32_t receiver) {
  std::uint32_t slot = rx_index_.find(receiver);
  if (slot != NodeIndex::kAbsent) return slot;
  if (free_states_.empty()) {
    slot = static_cast<std::uint32_t>(states_.size());
    states_.emplace_back();
  } else {
    slot = free_states_.back();
    free_states_.pop_back();
  }
  rx_index_.insert(receiver, slot);
  RxState& rs = states_[slot];
  rs.receiver = receiver;
  rs.live = true;
  return slot;
}

std::uint32_t RadioMedium::add(const Reception& r) {
  if (r.medium >= kMaxMedia) throw std::invalid_argument("radio medium: medium out of range");
  if (r.start < horizon_) ++late_;
  std::uint32_t h;
  if (free_.empty()) {
    h = static_cast<std::uint32_t>(frames_.size());
    frames_.emplace_back();
  } else {
    h = free_.back();
    free_.pop_back();
  }
  Frame& f = frames_[h];
  f.start = r.start;
  f.end = end_of(r.start, r.end);
  f.hold_end = f.end;
  f.rssi_dbm = r.rssi_dbm;
  f.slot = slot_of(r.receiver);
  f.transmitter = r.transmitter;
  f.channel = r.channel;
  f.medium = r.medium;
  f.flags = static_cast<std::uint8_t>(kLive | (r.decodable ? kDecodable : 0));
  // Keep the receiver's frames in lock order; frames mostly arrive in order, so this is usually an append.
  FrameList& v = states_[f.slot].frames;
  v.insert(std::upper_bound(v.begin(), v.end(), h, [this](std::uint32_t a, std::uint32_t b) { return before(a, b); }),
           h);
  return h;
}

void RadioMedium::add_interference(const Reception& r) {
  if (r.medium >= kMaxMedia) throw std::invalid_argument("radio medium: medium out of range");
  if (r.start < horizon_) ++late_;
  const std::uint32_t slot = slot_of(r.receiver);
  RxState& rs = states_[slot];
  const SimTime end = end_of(r.start, r.end);
  if (rs.frames.empty() && rs.txs.empty() && rs.interferers.empty()) {
    // The interferer gives the receiver its state: the receiver is looked at again after its end, so one that
    // nothing else touches (a gateway far from the traffic) is forgotten without a sweep.
    first_interferers_.push_back({end, r.receiver, slot});
  } else if (rs.frames.empty()) {
    // Forget what has ended while the state is at hand; with no frame held here, none can still need it. (A
    // receiver with frames forgets its interferers when they are resolved.)
    unresolved_.clear();
    forget_interferers(rs);
  }
  rs.interferers.push_back({r.start, end, r.rssi_dbm, r.channel, r.medium});
}

void RadioMedium::add_transmission(std::uint32_t node, SimTime start, SimTime end, std::uint8_t medium) {
  if (start < horizon_) ++late_;
  const SimTime e = end_of(start, end);
  const std::uint32_t slot = slot_of(node);
  states_[slot].txs.push_back({start, e, medium});
  expiry_.push_back({e, node, slot});
  std::push_heap(expiry_.begin(), expiry_.end(), std::greater<>{});
}

void RadioMedium::expire() {
  while (!expiry_.empty() && expiry_.front().end <= horizon_) {
    const Expiry x = expiry_.front();
    std::pop_heap(expiry_.begin(), expiry_.end(), std::greater<>{});
    expiry_.pop_back();
    // A node keeps its slot while it holds transmissions. The slot is freed once the horizon has passed all of
    // them, and every call that raises the horizon ends here, before any slot can be taken again: so the slot is
    // either still the node's or free (the node was forgotten earlier in this call).
    const RxState& rs = states_[x.slot];
    if (rs.live && rs.receiver == x.node) compact(x.slot);
  }
  // These may be looked at late, when the slot has been freed and taken again: by another receiver (skipped) or
  // by the same one (compacted early, which is always safe).
  while (!first_interferers_.empty() && first_interferers_.front().end <= horizon_) {
    const Expiry x = first_interferers_.front();
    first_interferers_.pop_front();
    const RxState& rs = states_[x.slot];
    if (rs.live && rs.receiver == x.node) compact(x.slot);
  }
}

std::size_t RadioMedium::transmissions_held() const {
  std::size_t n = 0;
  for (const RxState& rs : states_) n += rs.txs.size();
  return n;
}

std::size_t RadioMedium::interferers_held() const {
  std::size_t n = 0;
  for (const RxState& rs : states_) n += rs.interferers.size();
  return n;
}

bool RadioMedium::before(std::uint32_t a, std::uint32_t b) const {
  const Frame& x = frames_[a];
  const Frame& y = frames_[b];
  if (x.start != y.start) return x.start < y.start;
  if (x.transmitter != y.transmitter) return x.transmitter < y.transmitter;
  if (x.medium != y.medium) return x.medium < y.medium;
  if (x.channel != y.channel) return x.channel < y.channel;
  if (x.end != y.end) return x.end < y.end;
  if (x.rssi_dbm != y.rssi_dbm) return x.rssi_dbm < y.rssi_dbm;
  return a < b;  // identical frames: either order gives the same results
}

bool RadioMedium::half_duplex(const RxState& rs, const Frame& f) const {
  for (const Tx& t : rs.txs) {
    if (tx_hits(t, f.medium) && t.start < f.end && f.start < t.end) return true;
  }
  return false;
}

bool RadioMedium::collided(const RxState& rs, std::uint32_t handle) const {
  const Frame& f = frames_[handle];
  double sum_mw = 0;
  // For a frame or an interferer at the receiver: true when it alone destroys f (the classic rule); under
  // cumulative interference it only adds its power.
  const auto destroys = [&](const auto& o) {
    if (o.medium != f.medium || o.channel != f.channel || !(o.start < f.end && f.start < o.end)) return false;
    if (!cfg_.cumulative_interference) return f.rssi_dbm - o.rssi_dbm < cfg_.capture_threshold_db;
    sum_mw += std::pow(10.0, o.rssi_dbm / 10.0);
    return false;
  };
  for (std::uint32_t g : rs.frames) {
    if (g != handle && destroys(frames_[g])) return true;
  }
  for (const Interferer& o : rs.interferers) {
    if (destroys(o)) return true;
  }
  return cfg_.cumulative_interference && sum_mw > 0 &&
         f.rssi_dbm - 10.0 * std::log10(sum_mw) < cfg_.capture_threshold_db;
}

// Walks the receiver's frames in lock order, replaying the locks held, and takes the lock decision of every frame
// that starts before the horizon (all its predecessors are registered, so the decision is final).
void RadioMedium::sweep(RxState& rs) {
  active_.clear();
  std::array<int, kMaxMedia> k;
  k.fill(-1);
  for (std::uint32_t h : rs.frames) {  // kept in lock order
    Frame& x = frames_[h];
    std::erase_if(active_, [&x](const auto& a) { return a.first <= x.start; });
    if ((x.flags & kLockFinal) == 0) {
      if (x.start >= horizon_) break;  // this and every later frame may still gain predecessors
      bool lock = (x.flags & kDecodable) != 0;
      if (lock) {
        for (const Tx& t : rs.txs) {
          if (tx_hits(t, x.medium) && t.start <= x.start && x.start < t.end) {
            lock = false;  // the receiver is transmitting: it does not hear the preamble
            break;
          }
        }
      }
      if (lock) {
        if (k[x.medium] < 0) k[x.medium] = demodulators(rs.receiver, x.medium);
        const auto held = std::count_if(active_.begin(), active_.end(),
                                        [&x](const auto& a) { return a.second == x.medium; });
        lock = held < k[x.medium];
      }
      x.flags = static_cast<std::uint8_t>(x.flags | kLockFinal | (lock ? kLocked : 0));
    }
    if ((x.flags & kLocked) == 0) continue;
    if ((x.flags & kHoldFinal) == 0) {
      // The lock ends at the frame's end or when the receiver starts transmitting, whichever is first. Final once
      // it is not after the horizon: a transmission registered later starts at or after the horizon.
      SimTime hold = x.end;
      for (const Tx& t : rs.txs) {
        if (tx_hits(t, x.medium) && t.start > x.start && t.start < hold) hold = t.start;
      }
      x.hold_end = hold;
      if (hold <= horizon_) x.flags |= kHoldFinal;
    }
    active_.emplace_back(x.hold_end, x.medium);
  }
}

bool RadioMedium::needed_by_unresolved(std::uint8_t medium, std::uint16_t channel, SimTime start,
                                       SimTime end) const {
  for (std::uint32_t u : unresolved_) {
    const Frame& f = frames_[u];
    if (f.medium == medium && f.channel == channel && f.start < end && start < f.end) return true;
  }
  return false;
}

void RadioMedium::forget_interferers(RxState& rs) {
  rs.interferers.erase(std::remove_if(rs.interferers.begin(), rs.interferers.end(), [&](const Interferer& i) {
    return i.end <= horizon_ && !needed_by_unresolved(i.medium, i.channel, i.start, i.end);
  }), rs.interferers.end());
}

void RadioMedium::compact(std::uint32_t slot) {
  RxState& rs = states_[slot];
  // Anything to forget? Only records that ended by the horizon can be.
  bool frame_candidates = false;
  for (std::uint32_t h : rs.frames) {
    const Frame& f = frames_[h];
    frame_candidates = frame_candidates || ((f.flags & kResolved) != 0 && f.end <= horizon_);
  }
  bool tx_candidates = false;
  for (const Tx& t : rs.txs) tx_candidates = tx_candidates || t.end <= horizon_;
  bool candidates = frame_candidates || tx_candidates;
  for (const Interferer& i : rs.interferers) candidates = candidates || i.end <= horizon_;
  if (candidates) {
    // Makes the lock decisions of everything before the horizon final before a frame or a transmission they
    // depend on is forgotten (interferers take no part in them).
    if (frame_candidates || tx_candidates) sweep(rs);
    // An unresolved frame still needs its interferers (same medium and channel) and the transmissions it overlaps.
    unresolved_.clear();
    for (std::uint32_t h : rs.frames) {
      if ((frames_[h].flags & kResolved) == 0) unresolved_.push_back(h);
    }
    const auto needed = [&](const Frame& g) { return needed_by_unresolved(g.medium, g.channel, g.start, g.end); };
    // Resolved frames have end <= horizon (resolve() raised it); their lock decision must be final.
    rs.frames.erase(std::remove_if(rs.frames.begin(), rs.frames.end(), [&](std::uint32_t h) {
      Frame& g = frames_[h];
      const bool final_state =
          (g.flags & kLockFinal) != 0 && ((g.flags & kLocked) == 0 || (g.flags & kHoldFinal) != 0);
      if ((g.flags & kResolved) == 0 || g.end > horizon_ || !final_state || needed(g)) return false;
      g.flags = 0;
      free_.push_back(h);
      return true;
    }), rs.frames.end());
    rs.txs.erase(std::remove_if(rs.txs.begin(), rs.txs.end(), [&](const Tx& t) {
      if (t.end > horizon_) return false;
      for (std::uint32_t u : unresolved_) {
        const Frame& f = frames_[u];
        if (tx_hits(t, f.medium) && t.start < f.end && f.start < t.end) return false;
      }
      return true;
    }), rs.txs.end());
    forget_interferers(rs);
  }
  if (rs.frames.empty() && rs.txs.empty() && rs.interferers.empty()) {
    rx_index_.erase(rs.receiver);
    rs.live = false;
    if (free_states_.size() >= kMaxPooledStates) {  // past the bound, a freed slot gives its memory back
      rs.frames.reset();
      rs.txs.reset();
      rs.interferers.reset();
    }
    free_states_.push_back(slot);
  }
}

LossCause RadioMedium::resolve(std::uint32_t handle) {
  if (handle >= frames_.size() || (frames_[handle].flags & kLive) == 0 ||
      (frames_[handle].flags & kResolved) != 0) {
    throw std::logic_error("radio medium: resolve of an unknown or already resolved frame");
  }
  Frame& f = frames_[handle];
  horizon_ = std::max(horizon_, f.end);
  f.flags |= kResolved;
  const std::uint32_t slot = f.slot;
  RxState& rs = states_[slot];

  LossCause cause = LossCause::None;
  if ((f.flags & kDecodable) == 0) {
    cause = LossCause::BelowSensitivity;
  } else if (half_duplex(rs, f)) {
    cause = LossCause::HalfDuplex;
  } else {
    sweep(rs);
    if ((frames_[handle].flags & kLocked) == 0) {
      cause = LossCause::ReceiverBusy;
    } else if (collided(rs, handle)) {
      cause = LossCause::Collision;
    }
  }
  compact(slot);
  expire();
  return cause;
}

void RadioMedium::prune(SimTime now) {
  horizon_ = std::max(horizon_, now);
  for (std::uint32_t slot = 0; slot < states_.size(); ++slot) {
    if (states_[slot].live) compact(slot);
  }
  expire();
}

}  // namespace st::models::channel
