// genwire/endpoints.hpp: the one list of every endpoint genwire models. The mock server, the tests,
// the fuzz targets, the benchmarks and the `genwire` tool iterate it; adding an endpoint is one
// header in its provider's folder and one line here.
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
