// The mock-side list: every provider folder, and the provider of every endpoint in
// genwire::all_endpoints, found through its binding. An endpoint without a binding fails to
// compile here, naming itself. Generic code (router, stores, admin) iterates `mock_providers` and
// `endpoint_binding<D>` and names no provider. Internal to genwire_mock.
#pragma once

#include <optional>
#include <tuple>
#include <type_traits>

#include <genwire/endpoints.hpp>

#include "binding.hpp"
#include "depicta/binding.hpp"
#include "diffio/binding.hpp"
#include "flora/binding.hpp"
#include "hedra/binding.hpp"

namespace genwire::mock::detail {

template <class D>
inline constexpr bool has_binding = !requires { endpoint_binding<D>::missing; };

template <class D>
consteval bool check_binding() {
  static_assert(has_binding<D>,
                "this endpoint of genwire::all_endpoints has no mock binding: declare endpoint_binding<D> in its "
                "provider's folder, mock_server/src/providers/<provider>/binding.hpp");
  return true;
}

template <class... Ps>
struct provider_list {
  template <class F>
  static void for_each(F&& f) {
    (f.template operator()<Ps>(), ...);
  }
  // One slot of realistic data per provider.
  using data_tuple = std::tuple<std::optional<typename Ps::data>...>;
};

namespace bindings_detail {

template <class Found, class... Ds>
struct collect {
  using type = Found;
};
template <class... Ps, class D, class... Rest>
struct collect<provider_list<Ps...>, D, Rest...> {
  static_assert(check_binding<D>());
  using P = typename endpoint_binding<D>::provider;
  static_assert(P::name == D::provider, "an endpoint is bound to the mock binding of another provider");
  using type = typename collect<std::conditional_t<(std::is_same_v<P, Ps> || ...), provider_list<Ps...>, provider_list<Ps..., P>>,
                                Rest...>::type;
};

template <class List>
struct providers_of;
template <class... Ds>
struct providers_of<genwire::endpoint_list<Ds...>> : collect<provider_list<>, Ds...> {};

}  // namespace bindings_detail

// The providers of genwire::all_endpoints' bindings, each once, in the order they first appear.
using mock_providers = bindings_detail::providers_of<genwire::all_endpoints>::type;

template <class D>
using provider_of = typename endpoint_binding<D>::provider;

}  // namespace genwire::mock::detail
