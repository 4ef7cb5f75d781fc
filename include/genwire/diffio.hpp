// genwire/diffio.hpp: everything for Diffio (https://api.diffio.ai): list_project_generations,
// get_generation_progress, their shared pieces and summarize().
#pragma once

#include "diffio/common.hpp"
#include "diffio/get_generation_progress.hpp"
#include "diffio/list_project_generations.hpp"
#include "diffio/summary.hpp"
