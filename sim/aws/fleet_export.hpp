// FleetExport: a scenario's fleet as AWS and the factory hold it, made by the twin's own PKI and factory from the
// seed (manufacturing only: nothing is simulated): per device type a GetDeviceProfile file, a 4-0-1 control
// log, the bulk-import CSV and the factory's CSV; per device a GetWirelessDevice file (docs/real-formats.md).
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>

#include "models/base/world_config.hpp"
#include "models/cloud/imported_fleet.hpp"
#include "models/security/key_source.hpp"

namespace st::aws {

struct ExportCounts {
  std::uint64_t device_types = 0;
  std::uint64_t devices = 0;
  std::uint64_t unsigned_devices = 0;  // past a pre-production DAK's signature limit: no files
};

// Writes the export under `dir` (which must exist): device-profiles/, wireless-devices/, control-logs/, import/,
// manufacturing/, and trusted-roots.json (the twin's AMZN roots, in the shape of a scenario's
// cloud.trusted_roots, for importing these devices into another scenario). `limit`: at most this many devices per type (0: all). Device keys and DAK signatures are
// computed on `threads` threads (results independent of the number). Imported types (`imported`, may be null)
// are written as imported: their devices' own keys and chains.
ExportCounts export_fleet(const models::WorldConfig& world, const security::KeySource& keys, std::uint32_t limit,
                          const std::filesystem::path& dir, unsigned threads, const models::ImportedFleet* imported);

// The folders export_fleet writes, in the order it writes them.
inline constexpr const char* kExportFolders[] = {"device-profiles", "wireless-devices", "control-logs", "import",
                                                 "manufacturing"};

}  // namespace st::aws
