// The map's files of a run directory (physical layer only): gateways.csv and devices.csv (docs/outputs.md) as the
// placement records a live stream sends. Columns are found by name, so older files with fewer columns still read.
#pragma once
#include <filesystem>

#include "model/records.hpp"

namespace st::viz {

// Throws InputError naming FILE:LINE and the cause.
GatewaysRecord read_gateways_csv(const std::filesystem::path& file);
// Device types are named in the file: `hello` gives their indices (a name it lacks is an error).
DevicesRecord read_devices_csv(const std::filesystem::path& file, const HelloRecord& hello);

}  // namespace st::viz
