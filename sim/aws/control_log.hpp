// ControlLog: a contract manufacturer's control-log file (version 4-0-1, {"controlLogs": [record, ...]}; the
// record is models/cloud/control_log_record.hpp): reading one, with errors naming the file and the field.
#pragma once
#include <filesystem>
#include <vector>

#include "models/cloud/control_log_record.hpp"

namespace st::aws {

// Throws FileError ("FILE: controlLogs[3].device.serialNumber: not 64 hex characters").
std::vector<models::ControlLogRecord> read_control_log(const std::filesystem::path& file);

}  // namespace st::aws
