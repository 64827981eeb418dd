#include "sim/aws/control_log.hpp"

#include <variant>

#include "sim/aws/json_fields.hpp"

namespace st::aws {

std::vector<models::ControlLogRecord> read_control_log(const std::filesystem::path& file) {
  const nlohmann::json json = read_json_file(file);
  const JsonField top(json, file.string());
  const JsonField logs = top.at("controlLogs");
  std::vector<models::ControlLogRecord> out;
  for (std::size_t i = 0; i < logs.size_of_array(); ++i) {
    auto parsed = models::parse_control_log_record(logs.value()[i]);
    if (auto* defect = std::get_if<models::RecordDefect>(&parsed)) {
      const std::string at = "controlLogs[" + std::to_string(i) + "]";
      throw FileError(file.string() + ": " + (defect->field.empty() ? at : at + "." + defect->field) + ": " +
                      defect->cause);
    }
    out.push_back(std::move(std::get<models::ControlLogRecord>(parsed)));
  }
  return out;
}

}  // namespace st::aws
