#include "sim/scenario/scenario_error.hpp"

namespace st::scenario {

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7f ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {
std::string compose(const std::string& file, int line, int column, const std::string& cause) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + cause;
}
}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string cause)
    : std::runtime_error(compose(one_line(file), line, column, one_line(cause))),
      file_(std::move(file)),
      line_(line),
      column_(column),
      cause_(one_line(cause)) {}

}  // namespace st::scenario
