// genwire/flora.hpp: everything for FLORA (https://app.flora.ai): list_generations, its shared
// pieces and summarize().
#pragma once

#include "flora/common.hpp"
#include "flora/list_generations.hpp"
#include "flora/summary.hpp"
