#include "sim/output/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace st::output {

std::string format_seconds(SimTime t) {
  const SimTime whole = t / kSecond;
  SimTime frac = t % kSecond;
  std::string out = std::to_string(whole);
  if (frac == 0) return out;
  char digits[10];
  std::snprintf(digits, sizeof digits, "%09llu", static_cast<unsigned long long>(frac));
  std::string f(digits);
  while (!f.empty() && f.back() == '0') f.pop_back();
  return out + "." + f;
}

std::string format_millis(double ms) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3f", std::round(ms * 1000.0) / 1000.0);
  return buf;
}

nlohmann::ordered_json seconds_json(SimTime t) { return nlohmann::ordered_json::parse(format_seconds(t)); }

}  // namespace st::output
