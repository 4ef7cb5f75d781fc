// GET /__admin/state and POST /__admin/reset, for the router's admin API. Internal to genwire_mock.
#pragma once

#include <genwire/mock/http.hpp>
#include <genwire/mock/realistic.hpp>

namespace genwire::mock::detail {

// The data mode with each provider's store size, and the fault settings and counters. `data` null
// (or not a realistic_store) is documented replay; `faults` may be null.
response realistic_state(const store* data, const fault_injector* faults);

// Restores the seeded state (realistic mode) and the fault injector's buckets, random sequence and
// counters; answers the state afterwards.
response realistic_reset(store* data, fault_injector* faults);

}  // namespace genwire::mock::detail
