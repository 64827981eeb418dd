#include "sim/campaign/number_text.hpp"

#include <charconv>

namespace st::campaign {

std::string exact_text(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;  // 64 bytes hold any double
  return std::string(buf, end);
}

std::string significant_text(double v, int digits) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace st::campaign
