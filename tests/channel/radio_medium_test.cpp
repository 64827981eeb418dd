// RadioMedium: collisions and capture, media and channels, half-duplex, demodulator locks with 1 and 2
// demodulators, precedence of causes, interference-only receptions, independence from registration and resolution
// order (against a brute-force reference of the documented rules), a streaming run with pruning, and bounded
// memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "models/channel/radio_medium.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

Reception frame(std::uint32_t receiver, std::uint32_t transmitter, SimTime start, SimTime end, double rssi,
                std::uint16_t channel = 0, std::uint8_t medium = 0, bool decodable = true) {
  Reception r;
  r.receiver = receiver;
  r.transmitter = transmitter;
  r.start = start;
  r.end = end;
  r.rssi_dbm = rssi;
  r.channel = channel;
  r.medium = medium;
  r.decodable = decodable;
  return r;
}

// Registers all frames, then resolves them in the given order; returns the causes in frame order.
std::vector<LossCause> run_all(RadioMedium& m, const std::vector<Reception>& frames) {
  std::vector<std::uint32_t> h;
  for (const auto& f : frames) h.push_back(m.add(f));
  std::vector<LossCause> out;
  for (std::uint32_t x : h) out.push_back(m.resolve(x));
  return out;
}

using LC = LossCause;

TEST(channelRadioMedium, CauseNames) {
  EXPECT_EQ(to_string(LC::None), "none");
  EXPECT_EQ(to_string(LC::BelowSensitivity), "below_sensitivity");
  EXPECT_EQ(to_string(LC::Collision), "collision");
  EXPECT_EQ(to_string(LC::HalfDuplex), "half_duplex");
  EXPECT_EQ(to_string(LC::ReceiverBusy), "gateway_busy");
}

TEST(channelRadioMedium, LoneFrameAndBelowSensitivity) {
  RadioMedium m;
  EXPECT_EQ(run_all(m, {frame(1, 2, 0, 100, -90)}), std::vector<LC>{LC::None});
  EXPECT_EQ(run_all(m, {frame(1, 2, 200, 300, -140, 0, 0, false)}), std::vector<LC>{LC::BelowSensitivity});
}

TEST(channelRadioMedium, EqualPowersBothDie) {
  RadioMedium m;
  m.set_demodulators(1, 2);  // so that the second is not lost to a busy receiver first
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -90, 3), frame(1, 11, 50, 150, -90, 3)}),
            (std::vector<LC>{LC::Collision, LC::Collision}));
}

TEST(channelRadioMedium, CaptureThreshold) {
  RadioMediumConfig cfg;  // 6 dB
  cfg.default_demodulators = 2;
  {
    RadioMedium m(cfg);  // +7 dB: the stronger survives
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -83), frame(1, 11, 20, 120, -90)}),
              (std::vector<LC>{LC::None, LC::Collision}));
  }
  {
    RadioMedium m(cfg);  // +5 dB: both lost
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -85), frame(1, 11, 20, 120, -90)}),
              (std::vector<LC>{LC::Collision, LC::Collision}));
  }
  {
    RadioMedium m(cfg);  // exactly +6 dB survives ("at least the threshold")
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -84), frame(1, 11, 20, 120, -90)}),
              (std::vector<LC>{LC::None, LC::Collision}));
  }
  {
    // The stronger must beat EACH interferer: +7 over one, +3 over the other.
    RadioMediumConfig c3 = cfg;
    c3.default_demodulators = 3;
    RadioMedium m(c3);
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -83), frame(1, 11, 20, 120, -90), frame(1, 12, 90, 190, -86)}),
              (std::vector<LC>{LC::Collision, LC::Collision, LC::Collision}));
  }
  {
    RadioMediumConfig c10 = cfg;
    c10.capture_threshold_db = 10;
    RadioMedium m(c10);
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -83), frame(1, 11, 20, 120, -90)}),
              (std::vector<LC>{LC::Collision, LC::Collision}));
  }
}

TEST(channelRadioMedium, CumulativeInterference) {
  RadioMediumConfig cfg;
  cfg.default_demodulators = 3;
  const std::vector<Reception> f{frame(1, 10, 0, 100, -80), frame(1, 11, 10, 90, -87), frame(1, 12, 20, 80, -87)};
  RadioMedium each(cfg);
  EXPECT_EQ(run_all(each, f)[0], LC::None);  // 7 dB over each
  cfg.cumulative_interference = true;
  RadioMedium sum(cfg);
  EXPECT_EQ(run_all(sum, f)[0], LC::Collision);  // 3.99 dB over their sum (-83.99 dBm)
}

TEST(channelRadioMedium, ChannelsMediaTimeAndReceiversSeparateFrames) {
  RadioMediumConfig cfg;
  cfg.default_demodulators = 4;
  RadioMedium m(cfg);
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -90, 3), frame(1, 11, 0, 100, -90, 4)}),
            (std::vector<LC>{LC::None, LC::None}));  // different channels
  EXPECT_EQ(run_all(m, {frame(1, 10, 200, 300, -90, 3, 0), frame(1, 11, 200, 300, -90, 3, 1)}),
            (std::vector<LC>{LC::None, LC::None}));  // sub-GHz vs BLE, same channel number
  EXPECT_EQ(run_all(m, {frame(1, 10, 400, 500, -90, 3), frame(1, 11, 500, 600, -90, 3)}),
            (std::vector<LC>{LC::None, LC::None}));  // back to back: [start, end) do not overlap
  EXPECT_EQ(run_all(m, {frame(1, 10, 700, 800, -90, 3), frame(2, 11, 700, 800, -90, 3)}),
            (std::vector<LC>{LC::None, LC::None}));  // different receivers
  EXPECT_EQ(run_all(m, {frame(1, 10, 900, 1000, -90, 3), frame(1, 11, 999, 1100, -90, 3)}),
            (std::vector<LC>{LC::Collision, LC::Collision}));  // 1 ns of overlap is enough
}

TEST(channelRadioMedium, UndecodableFramesStillInterfere) {
  RadioMediumConfig cfg;
  cfg.default_demodulators = 2;
  RadioMedium m(cfg);
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -100), frame(1, 11, 30, 130, -98, 0, 0, false)}),
            (std::vector<LC>{LC::Collision, LC::BelowSensitivity}));
  // ...but a much weaker undecodable one does not hurt.
  EXPECT_EQ(run_all(m, {frame(1, 10, 200, 300, -100), frame(1, 11, 230, 330, -130, 0, 0, false)}),
            (std::vector<LC>{LC::None, LC::BelowSensitivity}));
}

TEST(channelRadioMedium, HalfDuplex) {
  RadioMedium m;
  m.add_transmission(1, 50, 60);
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80)}), std::vector<LC>{LC::HalfDuplex});
  m.add_transmission(1, 150, 250);
  EXPECT_EQ(run_all(m, {frame(1, 10, 200, 300, -80)}), std::vector<LC>{LC::HalfDuplex});  // starts during TX
  m.add_transmission(1, 300, 400);
  EXPECT_EQ(run_all(m, {frame(1, 10, 400, 500, -80)}), std::vector<LC>{LC::None});  // after it
  m.add_transmission(1, 600, 700, 1);  // on BLE only
  EXPECT_EQ(run_all(m, {frame(1, 10, 550, 650, -80, 0, 0), frame(1, 11, 550, 650, -80, 0, 1)}),
            (std::vector<LC>{LC::None, LC::HalfDuplex}));
  m.add_transmission(2, 800, 900);  // another node transmitting does not matter
  EXPECT_EQ(run_all(m, {frame(1, 10, 800, 900, -80)}), std::vector<LC>{LC::None});
}

TEST(channelRadioMedium, ReceiverBusyWithOneDemodulator) {
  RadioMedium m;  // default 1 demodulator
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80, 1), frame(1, 11, 50, 150, -80, 2)}),
            (std::vector<LC>{LC::None, LC::ReceiverBusy}));
  // The lock ends with the frame.
  EXPECT_EQ(run_all(m, {frame(1, 10, 200, 300, -80, 1), frame(1, 11, 300, 400, -80, 2)}),
            (std::vector<LC>{LC::None, LC::None}));
  // Same start: the lower transmitter id locks, whatever the registration order.
  EXPECT_EQ(run_all(m, {frame(1, 9, 500, 600, -80, 1), frame(1, 4, 500, 600, -80, 2)}),
            (std::vector<LC>{LC::ReceiverBusy, LC::None}));
  // An undecodable frame does not take the demodulator.
  EXPECT_EQ(run_all(m, {frame(1, 10, 700, 800, -80, 1, 0, false), frame(1, 11, 750, 850, -80, 2)}),
            (std::vector<LC>{LC::BelowSensitivity, LC::None}));
  // Demodulators are per medium.
  EXPECT_EQ(run_all(m, {frame(1, 10, 900, 1000, -80, 1, 0), frame(1, 11, 950, 1050, -80, 2, 1)}),
            (std::vector<LC>{LC::None, LC::None}));
  // Another receiver has its own.
  EXPECT_EQ(run_all(m, {frame(1, 10, 1100, 1200, -80, 1), frame(2, 11, 1150, 1250, -80, 2)}),
            (std::vector<LC>{LC::None, LC::None}));
}

TEST(channelRadioMedium, ReceiverBusyWithTwoDemodulators) {
  RadioMedium m;
  m.set_demodulators(7, 2);
  EXPECT_EQ(m.demodulators(7, 0), 2);
  EXPECT_EQ(m.demodulators(7, 1), 2);
  EXPECT_EQ(m.demodulators(8, 0), 1);
  EXPECT_EQ(run_all(m, {frame(7, 10, 0, 100, -80, 1), frame(7, 11, 10, 110, -80, 2), frame(7, 12, 20, 120, -80, 3),
                        frame(7, 13, 105, 200, -80, 4)}),
            (std::vector<LC>{LC::None, LC::None, LC::ReceiverBusy, LC::None}));
  // A busy frame's demodulator was never taken: the 4th above locked at 105 because frame 1 ended at 100.
  m.set_demodulators(7, 1, 3);
  EXPECT_EQ(m.demodulators(7, 0), 2);
  EXPECT_EQ(m.demodulators(7, 1), 3);
  m.set_demodulators(9, 0, 0);  // a receiver that cannot demodulate on sub-GHz
  EXPECT_EQ(m.demodulators(9, 1), 1);
  EXPECT_EQ(run_all(m, {frame(9, 1, 300, 400, -80)}), std::vector<LC>{LC::ReceiverBusy});
}

TEST(channelRadioMedium, BusyFramesStillInterfere) {
  RadioMedium m;  // 1 demodulator
  // A (ch1) holds the demodulator; B (ch2) is busy; C (ch2) starts after A ended but overlaps B.
  EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80, 1), frame(1, 11, 10, 110, -80, 2), frame(1, 12, 105, 200, -80, 2)}),
            (std::vector<LC>{LC::None, LC::ReceiverBusy, LC::Collision}));
}

TEST(channelRadioMedium, TransmittingReceiverHoldsNoLock) {
  {
    RadioMedium m;  // A starts while the receiver transmits: no lock, so B (other channel) locks.
    m.add_transmission(1, 0, 50);
    EXPECT_EQ(run_all(m, {frame(1, 10, 40, 200, -80, 1), frame(1, 11, 60, 160, -80, 2)}),
              (std::vector<LC>{LC::HalfDuplex, LC::None}));
  }
  {
    RadioMedium m;  // A's lock ends when the receiver starts transmitting at 50; B starts at 70 and locks.
    m.add_transmission(1, 50, 60);
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80, 1), frame(1, 11, 70, 150, -80, 2)}),
              (std::vector<LC>{LC::HalfDuplex, LC::None}));
  }
}

TEST(channelRadioMedium, PrecedenceOfCauses) {
  {
    RadioMedium m;  // undecodable and during a transmission
    m.add_transmission(1, 0, 100);
    EXPECT_EQ(run_all(m, {frame(1, 10, 10, 90, -140, 0, 0, false)}), std::vector<LC>{LC::BelowSensitivity});
  }
  {
    RadioMedium m;  // busy, collided and half-duplex: half-duplex
    m.add_transmission(1, 120, 130);
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80, 1), frame(1, 11, 50, 150, -80, 1)}),
              (std::vector<LC>{LC::Collision, LC::HalfDuplex}));
  }
  {
    RadioMedium m;  // busy and collided: busy
    EXPECT_EQ(run_all(m, {frame(1, 10, 0, 100, -80, 1), frame(1, 11, 50, 150, -80, 1)}),
              (std::vector<LC>{LC::Collision, LC::ReceiverBusy}));
  }
}

TEST(channelRadioMedium, MisuseIsReported) {
  RadioMedium m;
  const auto h = m.add(frame(1, 2, 0, 100, -80));
  EXPECT_EQ(m.resolve(h), LC::None);
  EXPECT_THROW(m.resolve(h), std::logic_error);
  EXPECT_THROW(m.resolve(12345), std::logic_error);
  EXPECT_THROW(m.add(frame(1, 2, 0, 100, -80, 0, RadioMedium::kMaxMedia)), std::invalid_argument);
  EXPECT_EQ(m.late_registrations(), 0u);
  m.add(frame(1, 2, 50, 150, -80));  // starts before the horizon (100): too late to be consistent
  EXPECT_EQ(m.late_registrations(), 1u);
}

TEST(channelRadioMedium, InterferenceOnlyReceptionsCollideLikeUndecodableFrames) {
  RadioMedium m;
  const auto a = m.add(frame(1, 10, 0, 1000, -80));
  m.add_interference(frame(1, 11, 500, 1500, -83));         // 3 dB weaker, same channel: a is lost
  const auto b = m.add(frame(1, 12, 2000, 3000, -80));
  m.add_interference(frame(1, 13, 2500, 3500, -87));        // 7 dB weaker: captured, b survives
  const auto c = m.add(frame(1, 14, 4000, 5000, -80));
  m.add_interference(frame(1, 15, 4000, 5000, -70, 1));     // another channel
  m.add_interference(frame(1, 16, 4000, 5000, -70, 0, 1));  // another medium
  m.add_interference(frame(2, 17, 4000, 5000, -70));        // another receiver
  m.add_interference(frame(1, 18, 5000, 6000, -70, 0, 0, true));  // after c (and `decodable` is ignored)
  EXPECT_EQ(m.frames_held(), 3u);
  EXPECT_EQ(m.interferers_held(), 6u);
  EXPECT_EQ(m.resolve(a), LC::Collision);
  EXPECT_EQ(m.resolve(b), LC::None);
  EXPECT_EQ(m.resolve(c), LC::None);
  // Nothing resolves an interferer: they go once the horizon has passed their end (receiver 2's at once: it gave
  // the receiver its state, so an expiry entry looks at it; receiver 1's, registered while frames were held there,
  // when the receiver is next looked at, here by a sweep).
  EXPECT_EQ(m.frames_held(), 0u);
  EXPECT_EQ(m.interferers_held(), 1u);
  EXPECT_EQ(m.receivers_held(), 1u);
  m.prune(5500);
  EXPECT_EQ(m.interferers_held(), 1u);
  m.prune(6000);
  EXPECT_EQ(m.interferers_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
  EXPECT_EQ(m.late_registrations(), 0u);
  m.add_interference(frame(3, 19, 100, 200, -90));  // starts before the horizon
  EXPECT_EQ(m.late_registrations(), 1u);
  EXPECT_THROW(m.add_interference(frame(1, 2, 7000, 8000, -80, 0, RadioMedium::kMaxMedia)), std::invalid_argument);
}

TEST(channelRadioMedium, AnInterfererStaysWhileAnUnresolvedFrameOverlapsIt) {
  RadioMedium m;
  const auto a = m.add(frame(1, 10, 0, 1000, -80));
  m.add_interference(frame(1, 11, 100, 200, -82));
  m.prune(500);  // the interferer has ended, but a still needs it
  EXPECT_EQ(m.interferers_held(), 1u);
  EXPECT_EQ(m.resolve(a), LC::Collision);
  EXPECT_EQ(m.interferers_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
  // An interferer that gives a receiver its state is forgotten at its end, with the receiver.
  m.add_interference(frame(5, 12, 1500, 1600, -90));
  EXPECT_EQ(m.receivers_held(), 1u);
  const auto w = m.add(frame(9, 13, 1500, 1700, -80));
  EXPECT_EQ(m.resolve(w), LC::None);  // the horizon passes 1600, at another receiver
  EXPECT_EQ(m.interferers_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
  // One registered while the receiver held a frame stays until the receiver is looked at again: registering an
  // interferer at a receiver holding no frame forgets those that have ended.
  const auto y = m.add(frame(6, 14, 2000, 2100, -80));
  m.add_interference(frame(6, 15, 2200, 2300, -90));
  m.add_interference(frame(6, 16, 2300, 2500, -90));
  EXPECT_EQ(m.resolve(y), LC::None);
  const auto x = m.add(frame(7, 17, 2000, 2400, -80));
  EXPECT_EQ(m.resolve(x), LC::None);  // the horizon passes 2300, at another receiver
  EXPECT_EQ(m.interferers_held(), 2u);
  m.add_interference(frame(6, 18, 2600, 2700, -90));
  EXPECT_EQ(m.interferers_held(), 2u);  // 2200-2300 forgotten; 2300-2500 has not ended by the horizon (2400)
  m.prune(2700);
  EXPECT_EQ(m.interferers_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
}

// ---- Brute-force reference of the documented rules, with everything known up front. ----

struct TxSpec {
  std::uint32_t node;
  SimTime start;
  SimTime end;
  std::uint8_t medium;
};

struct Scenario {
  std::vector<Reception> frames;
  std::vector<Reception> interferers;  // add_interference(): they only interfere
  std::vector<TxSpec> txs;
  std::map<std::pair<std::uint32_t, std::uint8_t>, std::uint16_t> demods;  // else 1

  std::uint16_t k(std::uint32_t rx, std::uint8_t medium) const {
    const auto it = demods.find({rx, medium});
    return it == demods.end() ? 1 : it->second;
  }
  void apply_demods(RadioMedium& m) const {
    for (const auto& [key, n] : demods) m.set_demodulators(key.first, key.second, n);
  }
};

bool hits(const TxSpec& t, std::uint8_t medium) { return t.medium == RadioMedium::kAllMedia || t.medium == medium; }

std::vector<LC> reference(const Scenario& s, double threshold_db) {
  const std::size_t n = s.frames.size();
  std::vector<bool> locked(n, false);
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  const auto key = [&](std::size_t i) {
    const Reception& f = s.frames[i];
    return std::make_tuple(f.receiver, f.start, f.transmitter, f.medium, f.channel, f.end, f.rssi_dbm, i);
  };
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<std::pair<SimTime, std::uint8_t>> active;
  std::uint32_t current_rx = ~0u;
  for (std::size_t i : idx) {
    const Reception& f = s.frames[i];
    if (f.receiver != current_rx) {
      active.clear();
      current_rx = f.receiver;
    }
    std::erase_if(active, [&](const auto& a) { return a.first <= f.start; });
    bool lock = f.decodable;
    for (const TxSpec& t : s.txs) {
      if (t.node == f.receiver && hits(t, f.medium) && t.start <= f.start && f.start < t.end) lock = false;
    }
    if (lock) {
      const auto held =
          std::count_if(active.begin(), active.end(), [&](const auto& a) { return a.second == f.medium; });
      lock = held < s.k(f.receiver, f.medium);
    }
    if (!lock) continue;
    locked[i] = true;
    SimTime hold = f.end;
    for (const TxSpec& t : s.txs) {
      if (t.node == f.receiver && hits(t, f.medium) && t.start > f.start && t.start < hold) hold = t.start;
    }
    active.emplace_back(hold, f.medium);
  }
  std::vector<LC> out(n, LC::None);
  for (std::size_t i = 0; i < n; ++i) {
    const Reception& f = s.frames[i];
    if (!f.decodable) {
      out[i] = LC::BelowSensitivity;
      continue;
    }
    bool hd = false;
    for (const TxSpec& t : s.txs) {
      hd = hd || (t.node == f.receiver && hits(t, f.medium) && t.start < f.end && f.start < t.end);
    }
    if (hd) {
      out[i] = LC::HalfDuplex;
      continue;
    }
    if (!locked[i]) {
      out[i] = LC::ReceiverBusy;
      continue;
    }
    for (std::size_t j = 0; j < n + s.interferers.size(); ++j) {
      const Reception& o = j < n ? s.frames[j] : s.interferers[j - n];
      if (j != i && o.receiver == f.receiver && o.medium == f.medium && o.channel == f.channel &&
          o.start < f.end && f.start < o.end && f.rssi_dbm - o.rssi_dbm < threshold_db) {
        out[i] = LC::Collision;
      }
    }
  }
  return out;
}

Scenario random_scenario(std::uint64_t seed, std::size_t frames, SimTime span) {
  RandomStream rng(seed, 1);
  Scenario s;
  for (std::size_t i = 0; i < frames; ++i) {
    Reception r;
    r.receiver = static_cast<std::uint32_t>(rng.below(4));
    r.transmitter = static_cast<std::uint32_t>(10 + rng.below(12));
    r.medium = static_cast<std::uint8_t>(rng.below(2));
    r.channel = static_cast<std::uint16_t>(rng.below(2));
    r.start = rng.below(span);
    r.end = r.start + 100 + rng.below(3000);
    r.rssi_dbm = -110.0 + static_cast<double>(rng.below(41));  // whole dB: exact 6 dB differences happen
    r.decodable = rng.uniform() < 0.85;
    // One in four only interferes at its receiver (a neighbouring gateway hearing another gateway's device).
    if (rng.below(4) == 0) s.interferers.push_back(r);
    else s.frames.push_back(r);
  }
  for (int i = 0; i < 25; ++i) {
    const auto start = rng.below(span);
    const std::uint8_t media[] = {0, 1, RadioMedium::kAllMedia};
    s.txs.push_back(
        {static_cast<std::uint32_t>(rng.below(4)), start, start + 50 + rng.below(1500), media[rng.below(3)]});
  }
  s.demods[{1, 0}] = 2;
  s.demods[{1, 1}] = 2;
  s.demods[{2, 0}] = 3;
  s.demods[{3, 1}] = 0;
  return s;
}

template <class T>
void shuffle(std::vector<T>& v, RandomStream& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

TEST(channelRadioMedium, ReferenceScenarioHasEveryCause) {
  const Scenario s = random_scenario(1, 400, 20'000);
  const auto ref = reference(s, 6.0);
  std::map<LC, int> count;
  for (LC c : ref) ++count[c];
  for (LC c : {LC::None, LC::BelowSensitivity, LC::Collision, LC::HalfDuplex, LC::ReceiverBusy}) {
    EXPECT_GT(count[c], 5) << to_string(c);
  }
}

TEST(channelRadioMedium, ResultsDoNotDependOnRegistrationOrResolutionOrder) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Scenario s = random_scenario(seed, 300, 20'000);
    const auto ref = reference(s, 6.0);
    RandomStream rng(seed, 2);
    for (int trial = 0; trial < 4; ++trial) {
      RadioMedium m;
      s.apply_demods(m);
      std::vector<std::size_t> reg(s.frames.size());
      std::iota(reg.begin(), reg.end(), 0);
      shuffle(reg, rng);
      // Transmissions interleaved anywhere among the registrations.
      std::vector<std::uint32_t> handle(s.frames.size());
      std::vector<std::size_t> tx_order(s.txs.size());
      std::iota(tx_order.begin(), tx_order.end(), 0);
      shuffle(tx_order, rng);
      std::size_t next_tx = 0;
      std::vector<std::size_t> interferer_order(s.interferers.size());
      std::iota(interferer_order.begin(), interferer_order.end(), 0);
      shuffle(interferer_order, rng);
      std::size_t next_interferer = 0;
      for (std::size_t i : reg) {
        if (next_tx < tx_order.size() && rng.below(8) == 0) {
          const TxSpec& t = s.txs[tx_order[next_tx++]];
          m.add_transmission(t.node, t.start, t.end, t.medium);
        }
        if (next_interferer < interferer_order.size() && rng.below(3) == 0) {
          m.add_interference(s.interferers[interferer_order[next_interferer++]]);
        }
        handle[i] = m.add(s.frames[i]);
      }
      for (; next_tx < tx_order.size(); ++next_tx) {
        const TxSpec& t = s.txs[tx_order[next_tx]];
        m.add_transmission(t.node, t.start, t.end, t.medium);
      }
      for (; next_interferer < interferer_order.size(); ++next_interferer) {
        m.add_interference(s.interferers[interferer_order[next_interferer]]);
      }
      std::vector<std::size_t> res(s.frames.size());
      std::iota(res.begin(), res.end(), 0);
      shuffle(res, rng);
      std::vector<LC> got(s.frames.size());
      for (std::size_t i : res) got[i] = m.resolve(handle[i]);
      ASSERT_EQ(got, ref) << "seed " << seed << " trial " << trial;
      EXPECT_EQ(m.frames_held(), 0u);
      EXPECT_EQ(m.late_registrations(), 0u);
      m.prune(kNever);
      EXPECT_EQ(m.interferers_held(), 0u);
      EXPECT_EQ(m.receivers_held(), 0u);
    }
  }
}

// A discrete-event caller: frames registered some time before they start, resolved some time after they end,
// prune at random moments; events at the same time in random order.
TEST(channelRadioMedium, StreamingWithPruningMatchesTheReference) {
  for (std::uint64_t seed = 100; seed < 115; ++seed) {
    const Scenario s = random_scenario(seed, 600, 60'000);
    const auto ref = reference(s, 6.0);
    RandomStream rng(seed, 3);
    enum Kind { RegisterFrame, RegisterTx, RegisterInterferer, Resolve, Prune };
    struct Ev {
      SimTime t;
      std::uint64_t tie;
      Kind kind;
      std::size_t i;
    };
    std::vector<Ev> ev;
    const auto lead = [&](SimTime start) {
      return start - std::min<SimTime>(start, rng.below(3) == 0 ? 0 : rng.below(2000));
    };
    for (std::size_t i = 0; i < s.frames.size(); ++i) {
      ev.push_back({lead(s.frames[i].start), rng.next_u64(), RegisterFrame, i});
      ev.push_back({s.frames[i].end + (rng.below(2) == 0 ? 0 : rng.below(2000)), rng.next_u64(), Resolve, i});
    }
    for (std::size_t i = 0; i < s.txs.size(); ++i) ev.push_back({lead(s.txs[i].start), rng.next_u64(), RegisterTx, i});
    for (std::size_t i = 0; i < s.interferers.size(); ++i) {
      ev.push_back({lead(s.interferers[i].start), rng.next_u64(), RegisterInterferer, i});
    }
    for (int i = 0; i < 200; ++i) ev.push_back({rng.below(70'000), rng.next_u64(), Prune, 0});
    std::sort(ev.begin(), ev.end(),
              [](const Ev& a, const Ev& b) { return std::tie(a.t, a.tie) < std::tie(b.t, b.tie); });

    RadioMedium m;
    s.apply_demods(m);
    std::vector<std::uint32_t> handle(s.frames.size());
    std::vector<LC> got(s.frames.size());
    std::size_t max_held = 0;
    std::size_t max_interferers = 0;
    for (const Ev& e : ev) {
      switch (e.kind) {
        case RegisterFrame: handle[e.i] = m.add(s.frames[e.i]); break;
        case RegisterTx:
          m.add_transmission(s.txs[e.i].node, s.txs[e.i].start, s.txs[e.i].end, s.txs[e.i].medium);
          break;
        case RegisterInterferer: m.add_interference(s.interferers[e.i]); break;
        case Resolve: got[e.i] = m.resolve(handle[e.i]); break;
        case Prune: m.prune(e.t); break;
      }
      max_held = std::max(max_held, m.frames_held());
      max_interferers = std::max(max_interferers, m.interferers_held());
    }
    ASSERT_EQ(got, ref) << "seed " << seed;
    EXPECT_EQ(m.late_registrations(), 0u);
    EXPECT_LT(max_held, s.frames.size() / 4) << "records are forgotten as the run goes";
    EXPECT_LT(max_interferers, s.interferers.size() / 4) << "interferers are forgotten as the run goes";
    m.prune(kNever);
    EXPECT_EQ(m.frames_held(), 0u);
    EXPECT_EQ(m.interferers_held(), 0u);
    EXPECT_EQ(m.transmissions_held(), 0u);
    EXPECT_EQ(m.receivers_held(), 0u);
  }
}

TEST(channelRadioMedium, MemoryIsBoundedByFramesOnTheAir) {
  // A million device receivers, ids up to 2^32 - 1, each hearing a gateway beacon at a different time and
  // transmitting an uplink: only what is on the air is held.
  RadioMedium m;
  m.set_demodulators(0, 8);
  std::size_t max_frames = 0;
  std::size_t max_receivers = 0;
  for (std::uint32_t d = 0; d < 1'000'000; ++d) {
    const SimTime t = static_cast<SimTime>(d) * 1000;
    const std::uint32_t device = d == 999'999 ? 0xFFFF'FFFFu : d + 1;
    const auto down = m.add(frame(device, 0, t, t + 400, -90));
    m.add_transmission(device, t + 500, t + 900);
    const auto up = m.add(frame(0, device, t + 500, t + 900, -95));
    EXPECT_EQ(m.resolve(down), LC::None);
    EXPECT_EQ(m.resolve(up), LC::None);
    max_frames = std::max(max_frames, m.frames_held());
    max_receivers = std::max(max_receivers, m.receivers_held());
  }
  EXPECT_LE(max_frames, 2u);
  EXPECT_LE(max_receivers, 2u);
  m.prune(kNever);
  EXPECT_EQ(m.frames_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
  EXPECT_EQ(m.transmissions_held(), 0u);
}

TEST(channelRadioMedium, UnresolvedFramesKeepWhatTheyNeed) {
  RadioMedium m;
  const auto a = m.add(frame(1, 10, 0, 1000, -80, 1));
  const auto b = m.add(frame(1, 11, 100, 200, -80, 1));  // collides with a
  m.add_transmission(1, 900, 950);                        // half-duplex for a
  EXPECT_EQ(m.resolve(b), LC::ReceiverBusy);
  m.prune(500);
  EXPECT_EQ(m.frames_held(), 2u);  // b is still an interferer of the unresolved a
  EXPECT_EQ(m.resolve(a), LC::HalfDuplex);
  EXPECT_EQ(m.frames_held(), 0u);
  EXPECT_EQ(m.receivers_held(), 0u);
}

// Thousands of receivers at once, each holding more frames and transmissions than its state keeps inline (the
// lists spill to the heap), all forgotten together (past the pool's bound a freed slot gives its memory back),
// then the same again in the reused slots: the same results both times.
TEST(channelRadioMedium, ManyReceiversWithLongListsAreForgottenAndReused) {
  RadioMedium m;
  constexpr std::uint32_t kReceivers = 6000;
  for (SimTime base : {SimTime{0}, SimTime{1'000'000}}) {
    std::vector<std::uint32_t> h;
    for (std::uint32_t r = 0; r < kReceivers; ++r) {
      for (std::uint16_t k = 0; k < 6; ++k) {
        h.push_back(m.add(frame(r, 100'000 + k, base, base + 1000, -80, k)));
      }
      m.add_transmission(r, base + 2000, base + 2100);
      m.add_transmission(r, base + 2200, base + 2300);
    }
    EXPECT_EQ(m.receivers_held(), kReceivers);
    EXPECT_EQ(m.frames_held(), 6u * kReceivers);
    EXPECT_EQ(m.transmissions_held(), 2u * kReceivers);
    for (std::size_t i = 0; i < h.size(); ++i) {
      // One demodulator: the first frame in lock order (lowest transmitter) locks, the other five find it busy.
      ASSERT_EQ(m.resolve(h[i]), i % 6 == 0 ? LC::None : LC::ReceiverBusy) << "frame " << i << " at " << base;
    }
    m.prune(base + 3000);
    EXPECT_EQ(m.frames_held(), 0u);
    EXPECT_EQ(m.transmissions_held(), 0u);
    EXPECT_EQ(m.receivers_held(), 0u);
    EXPECT_EQ(m.receiver_slots(), kReceivers);  // the second round reuses the first round's slots
  }
}

}  // namespace
}  // namespace st::models::channel
