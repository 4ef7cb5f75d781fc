// genwire/hedra.hpp: everything for Hedra (https://api.hedra.com/web-app/public): list_generations,
// the schemas it is built from and summarize().
#pragma once

#include "hedra/common.hpp"
#include "hedra/list_generations.hpp"
#include "hedra/summary.hpp"
