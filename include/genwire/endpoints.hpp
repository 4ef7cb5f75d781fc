// genwire/endpoints.hpp: the one list of every endpoint genwire models. The mock server, the tests,
// the fuzz targets, the benchmarks and the `genwire` tool iterate it.
//
// Adding an endpoint of a provider genwire has:
//   1. its model header in include/genwire/<provider>/ (request, response and error types, and a
//      descriptor: name, provider, method, path (with {key} segments and an example_path when it
//      has path parameters, declared by a `path_params` struct), base_url, request_in, auth, status
//      table, examples), included from include/genwire/<provider>.hpp;
//   2. one line in the list below, and its types in GENWIRE_COMPILED_ENDPOINT_TYPES
//      (compiled_endpoints.hpp, for genwire::endpoints; a type left out is a compile error there);
//   3. its mock binding, endpoint_binding<D>, in mock_server/src/providers/<provider>/ (its
//      documented replay and its realistic data), and a plain mirror of its response for the
//      benchmarks' peers (bench/peers/plain.hpp, plain_of.hpp);
//   4. its tests.
// Everything else (routes, Prefer, auth, validation, faults, the admin API, the CLI, the fuzz
// targets and seeds) follows from the list; a forgotten binding, mirror or test table is a compile
// error where it is missing.
// Adding a provider: a folder include/genwire/<provider>/ with its common pieces and endpoints, its
// umbrella header included below, and mock_server/src/providers/<provider>/ (binding.hpp with its
// provider binding, policy.cpp, data.cpp) listed in mock_server/src/providers/bindings.hpp and
// mock_server/CMakeLists.txt.
#pragma once

#include "core/endpoint.hpp"
#include "core/path.hpp"
#include "depicta.hpp"
#include "diffio.hpp"
#include "flora.hpp"
#include "hedra.hpp"

namespace genwire {

using all_endpoints = endpoint_list<diffio::list_project_generations_endpoint,  //
                                    diffio::get_generation_progress_endpoint,   //
                                    flora::list_generations_endpoint,           //
                                    flora::get_run_endpoint,                    //
                                    depicta::list_jobs_endpoint,                //
                                    hedra::list_generations_endpoint>;

static_assert(paths_declare_params(static_cast<const all_endpoints*>(nullptr)),
              "an endpoint's path must name exactly the keys of its path_params, each once, as {key}, and an "
              "endpoint with path parameters declares an example_path that fills them in");

}  // namespace genwire

// Defined by linking genwire::endpoints: the endpoints' codecs are compiled there, not in the
// translation units that include the list (or <genwire/genwire.hpp>, which includes it).
#if defined(GENWIRE_COMPILED_ENDPOINTS) && GENWIRE_COMPILED_ENDPOINTS
#include "compiled_endpoints.hpp"
#endif
