// RadioMedium: interference bookkeeping of shared radio media, pure and kernel-independent: which frames arriving
// at a receiver survive collisions (with capture), half-duplex and the receiver's demodulator count.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <utility>
#include <vector>

#include "models/channel/inline_list.hpp"
#include "models/channel/node_index.hpp"
#include "sim/kernel/sim_time.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models::channel {

// Why a frame was not received. Precedence when several apply (the first wins):
// BelowSensitivity > HalfDuplex > ReceiverBusy > Collision.
enum class LossCause : std::uint8_t { None, BelowSensitivity, Collision, HalfDuplex, ReceiverBusy };

constexpr std::string_view to_string(LossCause c) {
  switch (c) {
    case LossCause::None: return "none";
    case LossCause::BelowSensitivity: return "below_sensitivity";
    case LossCause::Collision: return "collision";
    case LossCause::HalfDuplex: return "half_duplex";
    case LossCause::ReceiverBusy: return "gateway_busy";
  }
  return "?";
}

// One frame arriving at one receiver (a broadcast heard by 5 gateways is 5 receptions).
struct Reception {
  std::uint32_t receiver = 0;
  std::uint32_t transmitter = 0;
  std::uint8_t medium = 0;     // channel::Medium: 0 sub-GHz, 1 BLE 2.4 GHz (< RadioMedium::kMaxMedia)
  std::uint16_t channel = 0;   // channel index on that medium (channel_plan.hpp)
  SimTime start = 0;
  SimTime end = 0;             // exclusive; a frame lasts at least 1 ns (end <= start is taken as start + 1)
  double rssi_dbm = 0;
  bool decodable = true;       // RSSI/SNR good enough on its own (the caller decides, e.g. with demodulates())
};

struct RadioMediumConfig {
  double capture_threshold_db = 6.0;        // a frame survives an overlapping one if >= this much stronger
  std::uint16_t default_demodulators = 1;   // per receiver and medium, unless set_demodulators() says otherwise
  // false: the frame must beat EACH overlapping interferer by the threshold (the classic capture rule).
  // true: it must beat the power SUM of its overlapping interferers by the threshold.
  bool cumulative_interference = false;
};

// Rules, for receptions at the same receiver:
// - Collision: two receptions on the same medium and channel that overlap in time ([start, end) intervals)
//   interfere; a reception survives only if its RSSI beats every overlapping one by capture_threshold_db (equal
//   powers: both lost). Every reception interferes, decodable or not, locked by a demodulator or not.
// - HalfDuplex: a reception overlapping a transmission of its receiver (on its medium, or on all media) is lost.
// - ReceiverBusy: per medium, a receiver locks onto at most k receptions at once, in order of start (ties by
//   transmitter id). A decodable reception that starts while k are locked, or while the receiver transmits, does
//   not lock; if it is not lost otherwise it is lost as ReceiverBusy. A lock lasts until the frame ends or the
//   receiver starts transmitting, whichever is first.
// - BelowSensitivity: a reception that is not decodable (it still interferes).
//
// Time contract (what a discrete-event caller does naturally: register at or before the start, resolve at or
// after the end, prune with a non-decreasing clock): when resolve(h) is called, every reception and transmission
// starting before end(h) has been registered; when prune(t) is called, every one starting before t has. Within
// that, registration order does not change any result. (It is a little stronger than "registered before any
// overlapping frame is resolved" because demodulator locks chain: whether an early frame locked decides whether a
// later one did.) Registrations that break it are counted in late_registrations().
//
// Interference-only receptions (add_interference): a frame that reaches a receiver which will never decode it
// (a neighbouring gateway hearing another gateway's device) and whose fate there nobody asks. It interferes by the
// collision rule exactly as a frame registered with add() and decodable = false would, but it has no handle and
// takes no resolve(): the receiver keeps it inline with its state until the horizon passes its end and no
// unresolved frame there overlaps it, and forgets it the next time it is looked at.
//
// Memory: only receivers with frames, interferers or transmissions held have state; a frame's record is kept
// after resolve() only while it can still affect an unresolved frame or a future one, and its handle is then
// reused; a transmission is forgotten once the horizon passes its end (and no unresolved frame overlaps it). So
// memory follows what is on the air, without calling prune(), with one exception: an interferer is forgotten when
// its receiver is next looked at (a frame resolved there, the end of one of its transmissions, another interferer
// while it holds no frame, or the end of the interferer that gave it its state), and one at a receiver nothing
// looks at again waits for prune(). Every add() must be matched by exactly one resolve().
class RadioMedium {
 public:
  static constexpr std::uint8_t kMaxMedia = 4;
  static constexpr std::uint8_t kAllMedia = 0xFF;  // add_transmission(): deaf on every medium

  explicit RadioMedium(RadioMediumConfig cfg = {});

  const RadioMediumConfig& config() const { return cfg_; }
  // Demodulators of `receiver` on every medium, or on one medium.
  void set_demodulators(std::uint32_t receiver, std::uint16_t n);
  void set_demodulators(std::uint32_t receiver, std::uint8_t medium, std::uint16_t n);
  std::uint16_t demodulators(std::uint32_t receiver, std::uint8_t medium) const;

  // Registers a frame arriving at r.receiver; returns its handle. Throws std::invalid_argument if
  // r.medium >= kMaxMedia.
  std::uint32_t add(const Reception& r);
  // Registers a reception at r.receiver that only interferes (r.decodable is ignored; see above). Throws
  // std::invalid_argument if r.medium >= kMaxMedia.
  void add_interference(const Reception& r);
  // `node` transmits during [start, end) on `medium` (kAllMedia: it cannot receive on any medium meanwhile).
  void add_transmission(std::uint32_t node, SimTime start, SimTime end, std::uint8_t medium = kAllMedia);
  // The fate of the frame (call at or after its end). The handle is invalid afterwards. Throws std::logic_error
  // on a handle that is not registered or already resolved.
  LossCause resolve(std::uint32_t handle);
  // Forgets everything that can no longer affect a result, given that nothing starting before `now` is still to
  // be registered. resolve() already cleans up its receiver; prune() sweeps them all.
  void prune(SimTime now);

  // Introspection (tests, metrics).
  std::size_t frames_held() const { return frames_.size() - free_.size(); }
  std::size_t transmissions_held() const;
  std::size_t interferers_held() const;
  std::size_t receivers_held() const { return rx_index_.size(); }
  std::size_t receiver_slots() const { return states_.size(); }  // what prune() walks: the most receivers ever held
  std::uint64_t late_registrations() const { return late_; }
  SimTime horizon() const { return horizon_; }

 private:
  struct Frame {
    SimTime start = 0;
    SimTime end = 0;
    SimTime hold_end = 0;  // end of its demodulator lock (valid when locked)
    double rssi_dbm = 0;
    std::uint32_t slot = 0;  // its receiver's slot in states_ (held while the frame is; the receiver is there)
    std::uint32_t transmitter = 0;
    std::uint16_t channel = 0;
    std::uint8_t medium = 0;
    std::uint8_t flags = 0;
  };
  struct Tx {
    SimTime start;
    SimTime end;
    std::uint8_t medium;
  };
  struct Interferer {
    SimTime start;
    SimTime end;
    double rssi_dbm;
    std::uint16_t channel;
    std::uint8_t medium;
  };
  // A receiver's state is three aligned cache lines: what is held grows with the fleet (frames are booked up to a
  // second ahead of their start), so at a million devices every look at a receiver is a cache miss, and a list
  // spilled to the heap costs one more. Inline room for the common case: a device holds one transmission and a
  // frame or two, a gateway a few frames and the interference of its neighbours' devices. The first line has what
  // every look reads; the interferers (the other two) are read only when a frame there is resolved or forgotten.
  using FrameList = InlineList<std::uint32_t, 4>;
  using TxList = InlineList<Tx, 1>;
  using InterfererList = InlineList<Interferer, 3>;
  struct alignas(64) RxState {
    TxList txs;
    FrameList frames;  // handles, in lock order (start, transmitter, ...)
    std::uint32_t receiver = 0;
    bool live = false;  // the slot holds a receiver (else it is on free_states_)
    InterfererList interferers;  // in registration order
  };
  static_assert(sizeof(RxState) == 192, "a receiver's state is three cache lines");
  // A registered transmission's end, for its expiry, with the node's slot (its slot while it holds transmissions);
  // or the end of the interferer that gave a receiver its state.
  struct Expiry {
    SimTime end;
    std::uint32_t node;
    std::uint32_t slot;
    bool operator>(const Expiry& o) const { return end != o.end ? end > o.end : node > o.node; }
  };

  // A record's end: at least 1 ns after its start (end <= start is taken as start + 1).
  static SimTime end_of(SimTime start, SimTime end) { return end > start ? end : start + 1; }
  bool before(std::uint32_t a, std::uint32_t b) const;  // lock order
  static bool tx_hits(const Tx& t, std::uint8_t medium) { return t.medium == kAllMedia || t.medium == medium; }
  bool half_duplex(const RxState& rs, const Frame& f) const;
  bool collided(const RxState& rs, std::uint32_t handle) const;
  // Whether a frame in unresolved_ overlaps [start, end) on that medium and channel.
  bool needed_by_unresolved(std::uint8_t medium, std::uint16_t channel, SimTime start, SimTime end) const;
  // Forgets the receiver's interferers that ended by the horizon and that no frame in unresolved_ overlaps.
  void forget_interferers(RxState& rs);
  void sweep(RxState& rs);
  void compact(std::uint32_t slot);  // forgets what it can of the receiver in `slot`; frees the slot when empty
  void expire();  // compacts the receivers whose transmissions (or first interferers) ended by the horizon
  std::uint32_t slot_of(std::uint32_t receiver);  // the receiver's slot, taken if it has none

  RadioMediumConfig cfg_;
  HugePageVector<Frame> frames_;
  std::vector<std::uint32_t> free_;
  // Receivers with frames or transmissions held: receiver id -> slot in states_. Freed slots keep their vectors'
  // capacity for reuse (up to a bound), so a busy receiver costs no allocation per frame.
  NodeIndex rx_index_;
  HugePageVector<RxState> states_;
  std::vector<std::uint32_t> free_states_;
  // Min-heap of the ends of registered transmissions: a node that only transmits has no frame whose resolve()
  // would clean it up, so its transmissions are forgotten from here once the horizon passes their end.
  std::vector<Expiry> expiry_;
  // The receivers that an interferer gave their state, in registration order, to look at once the horizon has
  // passed the interferer's end: a receiver that nothing else touches is forgotten without prune(). First in,
  // first out (an entry waits for those before it, which at most keeps a receiver a frame's booking lead longer):
  // a heap of these costs more than it saves.
  std::deque<Expiry> first_interferers_;
  NodeIndex demods_index_;  // receiver -> index in demods_ (set_demodulators)
  std::vector<std::array<std::uint16_t, kMaxMedia>> demods_;
  SimTime horizon_ = 0;  // every frame/transmission starting before it is registered
  std::uint64_t late_ = 0;
  // Scratch of sweep() and compact().
  std::vector<std::pair<SimTime, std::uint8_t>> active_;  // (lock end, medium) of held locks
  std::vector<std::uint32_t> unresolved_;
};

}  // namespace st::models::channel
