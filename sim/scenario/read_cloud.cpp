// The `cloud:` section: latencies of the cloud actors, ingest faults, the prototype limit, handshake and ack
// timeouts, retry backoff, the destination (name, MQTT topic) and its buffer, and the roots trusted for imported fleets. Every key is optional: its default and range are declared
// with CloudConfig (models/base/cloud_config.hpp).
#include <algorithm>
#include <cctype>

#include "sim/scenario/sections.hpp"
#include "sim/scenario/settings_reader.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

// destination: {name, topic}: AWS's destination name rule, and an MQTT topic a rule can publish to.
void read_destination(const Field& f, models::DestinationConfig& d) {
  const MapReader m(f, {"name", "topic"});
  if (auto name = m.get("name")) {
    d.name = name->as_text();
    const bool ok = d.name.size() <= 128 && std::all_of(d.name.begin(), d.name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
    if (!ok) name->fail("a destination name is 1 to 128 of A-Z a-z 0-9 - _ (AWS's rule)");
  }
  if (auto topic = m.get("topic")) {
    d.topic = topic->as_text();
    if (d.topic.size() > 256) topic->fail("an MQTT topic of at most 256 characters");
    if (d.topic.find_first_of("+#") != std::string::npos) topic->fail("a topic to publish on has no wildcards (+ #)");
    if (d.topic.front() == '$') topic->fail("topics starting with '$' are reserved (AWS's own events use them)");
  }
}

}  // namespace

void read_cloud(const std::optional<Field>& section, models::CloudConfig& c) {
  if (!section) return;
  const MapReader m(*section, with_keys({"trusted_roots", "destination"}, setting_keys_of<models::CloudConfig>()));
  read_settings(m, c);
  if (auto roots = m.get("trusted_roots")) c.trusted_roots = read_path(*roots, PathKind::File);
  if (auto d = m.get("destination")) read_destination(*d, c.destination);
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
