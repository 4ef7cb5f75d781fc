// genwire/flora.hpp: everything for FLORA (https://app.flora.ai): list_generations, get_run, their
// shared pieces and summarize().
#pragma once

#include "flora/common.hpp"
#include "flora/get_run.hpp"
#include "flora/list_generations.hpp"
#include "flora/summary.hpp"
