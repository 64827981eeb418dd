// The `cloud:` section: latencies of the cloud actors, ingest faults, the prototype limit, handshake and ack
// timeouts, retry backoff, the destination buffer, and the roots trusted for imported fleets. Every key is optional: its default and range are declared
// with CloudConfig (models/base/cloud_config.hpp).
#include "sim/scenario/sections.hpp"
#include "sim/scenario/settings_reader.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

void read_cloud(const std::optional<Field>& section, models::CloudConfig& c) {
  if (!section) return;
  const MapReader m(*section, with_keys({"trusted_roots"}, setting_keys_of<models::CloudConfig>()));
  read_settings(m, c);
  if (auto roots = m.get("trusted_roots")) c.trusted_roots = read_path(*roots, PathKind::File);
  if (auto f = m.get("backoff")) {
    const MapReader b(*f, setting_keys_of<models::BackoffConfig>());
    if (c.backoff.max < c.backoff.initial) {
      const auto mx = b.get("max");
      (mx ? *mx : *b.get("initial"))
          .fail("the backoff maximum (" + format_duration(c.backoff.max) + ") must not be less than its initial value (" +
                format_duration(c.backoff.initial) + ")");
    }
  }
}

}  // namespace st::scenario
