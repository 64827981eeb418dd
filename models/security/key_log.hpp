// Key-log reporting: turns ECDH results and derived session keys into KeyLogRecords for the metrics sink
// (only when a sink is attached and wants the key log).
#pragma once
#include <cstdint>
#include <span>

#include "models/base/crypto_algorithms.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::security {

inline bool keylog_enabled(const metrics::MetricsSink* sink) { return sink != nullptr && sink->wants_keylog(); }

using metrics::KeyLayer;
using metrics::KeyParty;

inline void log_ecdh(metrics::MetricsSink* sink, std::span<const std::uint8_t, 32> smsn, KeyLayer layer,
                     EcdhCurve curve, KeyParty party, std::span<const std::uint8_t> private_key,
                     std::span<const std::uint8_t> peer_public, std::span<const std::uint8_t> secret) {
  if (!keylog_enabled(sink)) return;
  sink->keylog(metrics::KeyLogRecord{true, smsn, layer, curve, party, private_key, peer_public, secret});
}

inline void log_session_key(metrics::MetricsSink* sink, std::span<const std::uint8_t, 32> smsn, KeyLayer layer,
                            KeyParty party, std::span<const std::uint8_t> key) {
  if (!keylog_enabled(sink)) return;
  sink->keylog(metrics::KeyLogRecord{false, smsn, layer, EcdhCurve::X25519, party, {}, {}, key});
}

}  // namespace st::security
