#include "model/csv_file.hpp"

#include <charconv>
#include <system_error>

namespace st::viz::csv {

namespace fs = std::filesystem;

void fail(const fs::path& file, std::uint64_t line, const std::string& cause) {
  throw InputError(file.string() + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + cause);
}

std::ifstream open(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code ec;
    fail(file, 0, fs::exists(file, ec) ? "cannot be read" : "missing (not a complete run directory?)");
  }
  return in;
}

bool next_line(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t p = s.find(',', start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

double to_number(std::string_view s, std::string_view column) {
  double d = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size())
    throw InputError("column '" + std::string(column) + "': not a number ('" + std::string(s) + "')");
  return d;
}

std::uint64_t to_count(std::string_view s, std::string_view column) {
  std::uint64_t n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size())
    throw InputError("column '" + std::string(column) + "': not a count ('" + std::string(s) + "')");
  return n;
}

Header::Header(std::string_view line) {
  for (const std::string_view name : split(line)) names_.emplace_back(name);
}

std::optional<std::size_t> Header::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return i;
  return std::nullopt;
}

std::size_t Header::at(std::string_view name) const {
  if (auto i = find(name)) return *i;
  throw InputError("no column '" + std::string(name) + "' in the header");
}

}  // namespace st::viz::csv
