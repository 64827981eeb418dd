// Locale-free number texts of a sweep's tables and values: exact (the shortest text that reads back as the same
// double) and with a fixed number of significant digits. The same bytes on every machine and rank.
#pragma once
#include <string>

namespace st::campaign {

std::string exact_text(double v);
std::string significant_text(double v, int digits);

}  // namespace st::campaign
