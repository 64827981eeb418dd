// Translates a validated Scenario (the file's view) into the models' WorldConfig (the models' view).
#pragma once
#include "models/base/world_config.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::world {

models::WorldConfig world_config_from(const scenario::Scenario& s);

}  // namespace st::world
