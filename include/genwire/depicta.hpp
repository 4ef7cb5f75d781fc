// genwire/depicta.hpp: everything for Depicta (https://api.depicta.ai): list_jobs, its shared
// pieces and summarize().
#pragma once

#include "depicta/common.hpp"
#include "depicta/list_jobs.hpp"
#include "depicta/summary.hpp"
