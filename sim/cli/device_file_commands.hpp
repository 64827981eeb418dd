// The `export` and `verify-device` subcommands: a scenario's fleet written in AWS's and Sidewalk's shapes, and
// one device file's chains checked record by record (docs/real-formats.md). Exit codes: 0 success, 2 bad input
// or an invalid device.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>

namespace st::cli {

struct ExportOptions {
  std::string scenario_file;
  std::string out_dir;
  std::uint32_t limit = 0;  // devices per type; 0: all
};
int export_command(const ExportOptions& o, std::ostream& out, std::ostream& err);

struct VerifyDeviceOptions {
  std::string device_file;
  std::string trusted_roots;  // optional
};
int verify_device_command(const VerifyDeviceOptions& o, std::ostream& out, std::ostream& err);

}  // namespace st::cli
