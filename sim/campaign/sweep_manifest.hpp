// DIR/sweep.json: what the runs in DIR were made from (the base scenario's SHA-256, the parameters and their
// values). A sweep resumed in DIR must match it, so no run of another sweep is ever counted; seeds and figures
// may change (new seeds add runs, figures are read again from every run's summary.json).
#pragma once
#include <filesystem>
#include <string>

#include "sim/campaign/sweep_spec.hpp"

namespace st::campaign {

std::string manifest_text(const SweepSpec& spec);
// Writes DIR/sweep.json, or checks the one there: std::runtime_error naming what differs.
void claim_sweep_dir(const std::filesystem::path& dir, const SweepSpec& spec);

}  // namespace st::campaign
