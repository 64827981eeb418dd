// Reading the run directory's CSV files (the twin writes them: comma-separated, no quoting, one header line):
// lines, cells, numbers, and errors that name FILE:LINE and the cause.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.hpp"

namespace st::viz::csv {

// Throws InputError "FILE:LINE: cause" ("FILE: cause" for line 0).
[[noreturn]] void fail(const std::filesystem::path& file, std::uint64_t line, const std::string& cause);
// The file, open, or InputError (missing, unreadable).
std::ifstream open(const std::filesystem::path& file);
// The next line without its line end; false at the end.
bool next_line(std::istream& in, std::string& line);
std::vector<std::string_view> split(std::string_view s);
// Cell values; InputError "column 'NAME': not a number ('x')".
double to_number(std::string_view s, std::string_view column);
std::uint64_t to_count(std::string_view s, std::string_view column);

// A header read by name: which column each name is in.
class Header {
 public:
  explicit Header(std::string_view line);
  std::optional<std::size_t> find(std::string_view name) const;
  // The column, or InputError "no column 'NAME' in the header".
  std::size_t at(std::string_view name) const;
  std::size_t size() const { return names_.size(); }
  const std::string& name(std::size_t i) const { return names_[i]; }

 private:
  std::vector<std::string> names_;
};

// Runs row(header, cells, line) on the header alone (line 0, no cells: look up the columns), then on each
// non-empty data line, its cell count checked against the header's; an InputError from row becomes
// "FILE:LINE: cause" (the header's: line 1).
template <class Row>
void each_row(std::istream& in, const std::filesystem::path& file, Row row) {
  std::string line;
  if (!next_line(in, line) || line.empty()) fail(file, 1, "empty file (expected a header)");
  const Header header(line);
  try {
    row(header, std::vector<std::string_view>{}, std::uint64_t{0});
  } catch (const InputError& e) {
    fail(file, 1, e.what());
  }
  for (std::uint64_t n = 2; next_line(in, line); ++n) {
    if (line.empty()) continue;
    const auto cells = split(line);
    if (cells.size() != header.size())
      fail(file, n, std::to_string(cells.size()) + " columns, expected " + std::to_string(header.size()));
    try {
      row(header, cells, n);
    } catch (const InputError& e) {
      fail(file, n, e.what());
    }
  }
}

}  // namespace st::viz::csv
