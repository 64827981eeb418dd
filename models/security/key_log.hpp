// Key-log reporting: turns ECDH results and derived session keys into KeyLogRecords for the metrics sink
// (only when a sink is attached and wants the key log).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "models/security/algorithms.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::security {

inline bool keylog_enabled(const metrics::MetricsSink* sink) { return sink != nullptr && sink->wants_keylog(); }

inline void log_ecdh(metrics::MetricsSink* sink, std::span<const std::uint8_t, 32> smsn, std::string_view layer,
                     EcdhCurve curve, std::string_view party, std::span<const std::uint8_t> private_key,
                     std::span<const std::uint8_t> peer_public, std::span<const std::uint8_t> secret) {
  if (!keylog_enabled(sink)) return;
  sink->keylog(metrics::KeyLogRecord{true, smsn, layer, to_string(curve), party, private_key, peer_public, secret});
}

inline void log_session_key(metrics::MetricsSink* sink, std::span<const std::uint8_t, 32> smsn,
                            std::string_view layer, std::string_view party, std::span<const std::uint8_t> key) {
  if (!keylog_enabled(sink)) return;
  sink->keylog(metrics::KeyLogRecord{false, smsn, layer, {}, party, {}, {}, key});
}

}  // namespace st::security
