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

#if defined(GENWIRE_COMPILED_ENDPOINTS) && GENWIRE_COMPILED_ENDPOINTS
// With genwire::endpoints linked, a paged endpoint's item type is compiled there too: a walk (and
// `genwire call --all`) encodes items on their own, which would compile their codec again here.
template <class D>
constexpr bool item_compiled() {
  if constexpr (paged_endpoint<D>) return genwire::detail::compiled_json_types::has<item_of<D>>;
  else return true;
}
template <class... Ds>
constexpr bool every_item_compiled(const genwire::endpoint_list<Ds...>*) {
  return (item_compiled<Ds>() && ...);
}
static_assert(every_item_compiled(static_cast<const genwire::all_endpoints*>(nullptr)),
              "a paged endpoint's item type is missing from GENWIRE_COMPILED_<PROVIDER>_TYPES "
              "(genwire/compiled_endpoints.hpp)");
#endif

}  // namespace genwire::client
