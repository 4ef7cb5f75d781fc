// genwire/client/binding.hpp: what the client knows of an endpoint beyond its descriptor. Each
// provider's file (providers/<provider>.hpp) defines the provider (base URL, key variable, auth,
// timeout, the SDK's retry defaults, how its error envelope reads) and binds each of its endpoints
// once:
//
//   template <> struct endpoint_binding<genwire::flora::list_generations_endpoint> {
//     using provider = providers::flora;
//     static constexpr bool safe_to_repeat = true;              // only such requests are retried
//     static const auto& items(const response&);                // paged endpoints: the page's items
//     static std::optional<request> next(request, const response&);  //   and the next page's request
//   };
//
// Polled endpoints add `terminal(response)`, `poll_interval` and `max_wait`. client.hpp checks that
// every endpoint in genwire::all_endpoints is bound, so a forgotten binding does not compile.
#pragma once

#include <chrono>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>

#include <genwire/core/endpoint.hpp>
#include <genwire/job_summary.hpp>

#include "retry_policy.hpp"

namespace genwire::client {

template <class D>
struct endpoint_binding;  // specialised per endpoint; never defined for an unbound one

// An error envelope as one line's pieces: the provider's code (may be empty) and message.
struct error_text {
  std::string code;
  std::string message;
};

template <class P>
concept api_provider = requires {
  { P::name } -> std::convertible_to<std::string_view>;
  { P::base_url } -> std::convertible_to<std::string_view>;
  { P::key_variable } -> std::convertible_to<std::string_view>;  // where the key is read when none is given
  { P::auth } -> std::convertible_to<genwire::auth_scheme>;       // the one header the client sends it in
  { P::request_id_header } -> std::convertible_to<std::string_view>;  // "" when the provider sends none
  { P::timeout } -> std::convertible_to<std::chrono::milliseconds>;
  { P::retry() } -> std::same_as<retry_policy>;
};

template <api_provider P>
class client;  // client.hpp

template <class D>
using provider_of = typename endpoint_binding<D>::provider;

template <class D>
concept bound_endpoint = genwire::endpoint_descriptor<D> && requires {
  typename endpoint_binding<D>::provider;
  { endpoint_binding<D>::safe_to_repeat } -> std::convertible_to<bool>;
} && api_provider<provider_of<D>> && requires(const typename D::error& e) {
  { provider_of<D>::describe(e) } -> std::same_as<error_text>;
};

template <class D>
concept paged_endpoint = bound_endpoint<D> && requires(const typename D::response& r, typename D::request q) {
  endpoint_binding<D>::items(r);
  { endpoint_binding<D>::next(std::move(q), r) } -> std::same_as<std::optional<typename D::request>>;
};

template <class D>
concept polled_endpoint = bound_endpoint<D> && requires(const typename D::response& r) {
  { endpoint_binding<D>::terminal(r) } -> std::same_as<bool>;
  { endpoint_binding<D>::poll_interval } -> std::convertible_to<std::chrono::milliseconds>;
  { endpoint_binding<D>::max_wait } -> std::convertible_to<std::chrono::milliseconds>;
};

template <class D>
constexpr bool bound_to_its_provider() {
  if constexpr (bound_endpoint<D>)
    return provider_of<D>::name == D::provider;
  else
    return true;  // reported by require_binding's first assertion
}

// Whether a polled job is done, by its provider-neutral summary (genwire::summarize).
constexpr bool finished(const genwire::job_summary& s) noexcept {
  return s.state == genwire::job_state::succeeded || s.state == genwire::job_state::failed;
}

// Instantiated for every endpoint in a list (client.hpp): the error names the unbound endpoint.
template <class D>
struct require_binding {
  static_assert(bound_endpoint<D>,
                "this endpoint has no genwire::client::endpoint_binding (add one in client/include/genwire/client/providers/)");
  static_assert(bound_to_its_provider<D>(), "the endpoint is bound to another provider than its descriptor's");
  static constexpr bool value = true;
};
template <class... Ds>
constexpr bool every_endpoint_bound(const genwire::endpoint_list<Ds...>*) {
  return (require_binding<Ds>::value && ...);
}

}  // namespace genwire::client
