// ScenarioError: a bad scenario file, reported as one line `FILE:LINE:COL: cause` (line and column 1-based;
// 0:0 when there is no position, e.g. the file cannot be read).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "sim/scenario/scenario.hpp"

namespace st::scenario {

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, int line, int column, std::string cause);
  ScenarioError(std::string file, SourceRef where, std::string cause)
      : ScenarioError(std::move(file), where.line, where.column, std::move(cause)) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& cause() const { return cause_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string cause_;
};

// The cause made safe for a one-line message: line breaks and control characters become spaces.
std::string one_line(std::string_view text);

}  // namespace st::scenario
