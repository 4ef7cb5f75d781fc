// genwire/mock/store.hpp: where the data behind a valid, authorised request comes from.
//
// The server checks method, Prefer, auth and the request's own type first; only then does it ask
// a store. The default store replays the documented examples. A different store (a seeded,
// stateful one with real pagination, say) plugs in through server_config::data without touching
// routing, auth, validation or the providers' error bodies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <genwire/endpoints.hpp>

#include "api_keys.hpp"
#include "http.hpp"

namespace genwire::mock {

// The caller, once its key has passed the endpoint's auth rules.
struct caller {
  const key_record* key = nullptr;
};

// A request to endpoint D, already decoded with D's own request type (and its path parameters).
template <genwire::endpoint_descriptor D>
struct typed_request {
  using descriptor = D;
  const typename D::request* value = nullptr;
  const caller* who = nullptr;
  const request* raw = nullptr;  // the HTTP request as received (headers, raw query, body)
  const genwire::path_params_t<D>* path = nullptr;  // the `{name}` segments of D::path, decoded
};

namespace detail {
template <class List>
struct any_request_of;
template <class... Ds>
struct any_request_of<genwire::endpoint_list<Ds...>> {
  using type = std::variant<typed_request<Ds>...>;
};
}  // namespace detail

// One alternative per descriptor in genwire::all_endpoints:
//   if (auto* r = std::get_if<typed_request<SomeEndpoint>>(&req)) ...
using any_request = detail::any_request_of<genwire::all_endpoints>::type;

// A store's answer.
struct answer {
  enum class kind : std::uint8_t {
    reply,      // send status/headers/body as they are
    not_found,  // the resource the request names does not exist: the provider's documented 404
    not_owner,  // it exists but the caller does not own it: the provider's documented 403
    failed,     // the store could not answer (body: why): a marked mock 500, never an API answer
  };
  kind what = kind::reply;
  int status = 200;
  std::vector<header> headers;
  std::string body;  // JSON text, encoded by the store (ideally once, ahead of time)
};

// One provider's data, as GET /__admin/state shows it.
struct realistic_store_size {
  std::string provider;
  std::size_t jobs = 0;
  std::size_t finished = 0;                           // jobs in a terminal state now
  std::optional<std::vector<std::string>> projects;  // where the provider has projects: the ids a client lists with
};

// What GET /__admin/state says about a store.
struct store_state {
  std::string data = "custom";  // "documented", "realistic", or "custom" for a store of the user's own
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> items;
  std::optional<std::uint64_t> step_ms;
  std::optional<std::uint64_t> clock_steps;
  std::vector<realistic_store_size> stores;
};

class store {
 public:
  virtual ~store() = default;
  // Called concurrently from the server's worker threads.
  virtual answer find(const any_request& request) = 0;
  // For GET /__admin/state and POST /__admin/reset; a store of the user's own needs neither.
  [[nodiscard]] virtual store_state state() const { return {}; }
  virtual void reset() {}
};

}  // namespace genwire::mock
