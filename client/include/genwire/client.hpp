// genwire/client.hpp: the typed client (target genwire::client). One client per provider, every
// endpoint of genwire::all_endpoints callable through it, with the provider's SDK defaults:
//
//   genwire::client::flora_client flora({.base_url = "http://127.0.0.1:8080", .api_key = "gw_test_read"});
//   auto all = flora.items<genwire::flora::list_generations_endpoint>({.limit = 50});
//   for (const auto& g : all) std::cout << g.generation_id << '\n';
//   if (all.error()) std::cerr << all.error()->message() << '\n';
//
// client/client.hpp: calls, thread-safety; client/result.hpp: results and errors;
// client/settings.hpp: what can be set; client/providers/*.hpp: each provider's defaults.
#pragma once

#include <genwire/endpoints.hpp>

#include "client/binding.hpp"
#include "client/client.hpp"
#include "client/pages.hpp"
#include "client/providers/depicta.hpp"
#include "client/providers/diffio.hpp"
#include "client/providers/flora.hpp"
#include "client/providers/hedra.hpp"
#include "client/result.hpp"
#include "client/settings.hpp"

namespace genwire::client {

static_assert(every_endpoint_bound(static_cast<const genwire::all_endpoints*>(nullptr)),
              "every endpoint in genwire::all_endpoints has a client binding");

}  // namespace genwire::client
