#include "sim/scenario/scenario_override.hpp"

#include <charconv>
#include <stdexcept>

#include "sim/scenario/did_you_mean.hpp"

namespace st::scenario {

namespace {

std::vector<std::string> split_path(std::string_view key) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = key.find('.', from);
    parts.emplace_back(key.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
    if (dot == std::string_view::npos) return parts;
    from = dot + 1;
  }
}

std::string item_name(const YAML::Node& item) {
  if (!item.IsMap()) return {};
  const YAML::Node name = item["name"];
  return name && name.IsScalar() ? name.Scalar() : std::string();
}

// The list item called `part`, else the item at index `part`; invalid_argument otherwise.
YAML::Node list_item(YAML::Node list, const std::string& part, const std::string& at) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string name = item_name(list[i]);
    if (name == part) return list[i];
    if (!name.empty()) names.push_back(name);
  }
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
  if (ec == std::errc() && end == part.data() + part.size()) {
    if (index < list.size()) return list[index];
    throw std::invalid_argument(at + " has " + std::to_string(list.size()) + " items, no item " + part);
  }
  throw std::invalid_argument("no item of " + at + " is called '" + part + "'" +
                              (names.empty() ? std::string() : suggestion(part, names, "its items are")));
}

YAML::Node parse_value(const Override& o) {
  try {
    return YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw std::invalid_argument(o.key + ": the value '" + o.value + "' is not YAML: " + e.msg);
  }
}

void apply_one(YAML::Node& doc, const Override& o) {
  const std::vector<std::string> parts = split_path(o.key);
  for (const auto& p : parts) {
    if (p.empty()) throw std::invalid_argument(o.key + ": a key path has no empty parts");
  }
  YAML::Node value = parse_value(o);
  YAML::Node at = doc;
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    const std::string here = walked.empty() ? "the scenario" : walked;
    YAML::Node next;
    if (at.IsSequence()) {
      try {
        next = list_item(at, part, here);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(o.key + ": " + e.what());
      }
    } else if (at.IsMap() || at.IsNull()) {
      if (!at.IsMap() && !last) at = YAML::Node(YAML::NodeType::Map);
      next = at[part];
      if (!next.IsDefined() && !last) {
        at[part] = YAML::Node(YAML::NodeType::Map);  // a section or block the file leaves out
        next = at[part];
      }
    } else {
      throw std::invalid_argument(o.key + ": " + here + " is a single value, it has no '" + part + "'");
    }
    walked += (walked.empty() ? "" : ".") + part;
    if (last) {
      if (next.IsDefined() && next.IsScalar() && value.IsScalar()) {
        next = value.Scalar();  // in place: the reader's errors keep pointing at the file's line
      } else if (at.IsSequence()) {
        next = value;
      } else {
        at[part] = value;
      }
      return;
    }
    at.reset(next);
  }
}

}  // namespace

Override parse_override(std::string_view text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw std::invalid_argument("'" + std::string(text) + "' is not KEY=VALUE (e.g. fleet.device_types.sensors.count=500)");
  }
  return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

void apply_overrides(YAML::Node& doc, const std::vector<Override>& overrides) {
  for (const auto& o : overrides) {
    if (!doc.IsMap()) throw std::invalid_argument(o.key + ": the scenario is not a map of sections");
    apply_one(doc, o);
  }
}

std::string describe_overrides(const std::vector<Override>& overrides) {
  std::string s;
  for (const auto& o : overrides) s += (s.empty() ? "" : ", ") + o.key + "=" + o.value;
  return s;
}

}  // namespace st::scenario
