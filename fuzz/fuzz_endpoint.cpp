// One endpoint target: CMake builds this file once per (endpoint, part) with
//   GENWIRE_FUZZ_ENDPOINT="flora.list_generations" GENWIRE_FUZZ_PART=response
// and the descriptor is looked up in genwire::all_endpoints at compile time.
#include "endpoint_targets.hpp"

namespace {
using lookup = genwire_fuzz::endpoint_lookup<genwire::all_endpoints>;
constexpr std::size_t endpoint_index = lookup::index(GENWIRE_FUZZ_ENDPOINT);
static_assert(endpoint_index < genwire::all_endpoints::size, "fuzz/CMakeLists.txt names an endpoint all_endpoints lacks");
using endpoint = lookup::at<endpoint_index>;
}  // namespace

#define GENWIRE_FUZZ_PROPERTY (genwire_fuzz::endpoint_property<endpoint, genwire_fuzz::part::GENWIRE_FUZZ_PART>)
#include "entry.hpp"
