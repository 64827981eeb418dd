// FleetImport: reads the device types a scenario imports (`import:` of a device type, `cloud.trusted_roots`):
// every device file of each folder (either published shape), its profile and optional application server key,
// and the trusted roots, into the ImportedFleet the World builds those types from (docs/real-formats.md).
#pragma once
#include "models/base/world_config.hpp"
#include "models/cloud/imported_fleet.hpp"

namespace st::aws {

// Throws FileError ("FILE: FIELD: CAUSE") for a file that is not JSON, lacks a required field, holds a chain that
// cannot be read, or a key that does not fit. Chains that read but do not verify to a trusted root are not an
// error: the device's verdict says why, and the ingest rejects it in the run.
models::ImportedFleet load_imported_fleet(const models::WorldConfig& world);

}  // namespace st::aws
