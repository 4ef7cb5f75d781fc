// genwire/core/endpoint.hpp: the vocabulary of an endpoint descriptor. One descriptor per endpoint
// (a struct of static members and type aliases) drives the mock server, tests, fuzzers and benches.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

namespace genwire {

enum class http_method : std::uint8_t { get, post };

constexpr std::string_view to_string(http_method m) noexcept { return m == http_method::get ? "GET" : "POST"; }

// Where the request type travels.
enum class request_location : std::uint8_t { json_body, query_string };

// How the provider's documentation says a client should treat a status code.
enum class treatment : std::uint8_t {
  complete,
  empty,
  client_error,
  auth_error,
  permission_error,
  missing_resource,
  fix_required,
  retryable,
};

constexpr std::string_view to_string(treatment t) noexcept {
  switch (t) {
    case treatment::complete: return "complete";
    case treatment::empty: return "empty";
    case treatment::client_error: return "client error";
    case treatment::auth_error: return "auth error";
    case treatment::permission_error: return "permission error";
    case treatment::missing_resource: return "missing resource";
    case treatment::fix_required: return "fix required";
    case treatment::retryable: return "retryable";
  }
  return "?";
}

// Whether a body was printed in the provider's reference page, or composed by genwire from the
// documented fields because the page shows none.
enum class provenance : std::uint8_t { documented, composed };

// Where a status row is documented: the endpoint's own reference page, another page of the
// provider's documentation (its errors page, its introduction), or its official SDK. The
// endpoint's page is the first source; docs/providers-<provider>.md names each page.
enum class doc_source : std::uint8_t { endpoint_page, provider_docs, sdk };

constexpr std::string_view to_string(doc_source s) noexcept {
  switch (s) {
    case doc_source::endpoint_page: return "endpoint page";
    case doc_source::provider_docs: return "provider docs";
    case doc_source::sdk: return "sdk";
  }
  return "?";
}

struct header_field {
  std::string_view name;
  std::string_view value;
};

// One row of the documented status-code table.
struct status_doc {
  int code = 0;
  std::string_view meaning;      // the page's own words, e.g. "Bad request"
  treatment treat = treatment::client_error;
  std::string_view description;  // the documented reasons, e.g. "Invalid JSON body, ..."
  std::string_view body;         // the example body answered for this code ("" = no body, e.g. 204)
  provenance body_origin = provenance::documented;
  std::array<header_field, 2> headers{};  // documented headers, e.g. Retry-After on 429
  doc_source source = doc_source::endpoint_page;
};

// How a key is sent: `Authorization: Bearer <key>` is {"Authorization", "Bearer "}.
struct auth_scheme {
  std::string_view header;
  std::string_view prefix;
};

enum class example_kind : std::uint8_t { request, response, error, fragment };

// A documented (or composed) example. For a query-string request the body is the query string.
struct example {
  std::string_view name;
  example_kind kind = example_kind::response;
  int status = 200;
  std::string_view body;
  provenance origin = provenance::documented;
};

// The path parameters of an endpoint whose path has no `{name}` segment.
struct no_path_params {};

namespace detail {
template <class D>
struct path_params_of {
  using type = no_path_params;
};
template <class D>
  requires requires { typename D::path_params; }
struct path_params_of<D> {
  using type = typename D::path_params;
};
}  // namespace detail

// A descriptor's `path_params` (the struct whose keys are the `{name}` segments of its path, as in
// `/api/v1/runs/{runId}`), or no_path_params. path.hpp matches and expands such paths.
template <class D>
using path_params_t = typename detail::path_params_of<D>::type;

// A concrete path of a request to D: its `example_path` (required when the path has parameters:
// "/api/v1/runs/run_abc123", the documented examples' resource), else its path.
template <class D>
constexpr std::string_view example_path_of() noexcept {
  if constexpr (requires { D::example_path; }) return D::example_path;
  else return D::path;
}

// Headers the provider sends on every answer of D, each with an example value (FLORA's
// `request-id`), from an optional descriptor member
//   static constexpr std::array<genwire::header_field, N> response_headers{...};
// Empty when D declares none. Headers of one status only are status_doc::headers.
template <class D>
constexpr std::span<const header_field> response_headers_of() noexcept {
  if constexpr (requires { D::response_headers; }) return std::span<const header_field>(D::response_headers);
  else return {};
}

// What every descriptor provides; checked with a concept so a new endpoint that forgets a piece
// fails to compile where it is listed.
template <class D>
concept endpoint_descriptor = requires {
  typename D::request;
  typename D::response;
  typename D::error;
  { D::name } -> std::convertible_to<std::string_view>;
  { D::provider } -> std::convertible_to<std::string_view>;
  { D::method } -> std::convertible_to<http_method>;
  { D::path } -> std::convertible_to<std::string_view>;
  { D::base_url } -> std::convertible_to<std::string_view>;
  { D::request_in } -> std::convertible_to<request_location>;
  { std::span<const auth_scheme>(D::auth) };
  { std::span<const status_doc>(D::statuses) };
  { std::span<const example>(D::examples) };
};

template <endpoint_descriptor... Ds>
struct endpoint_list {
  static constexpr std::size_t size = sizeof...(Ds);
  // D's position in the list (size when D is not in it).
  template <class D>
  static constexpr std::size_t index_of = [] {
    std::size_t i = 0, found = sizeof...(Ds);
    ((std::is_same_v<D, Ds> && found == sizeof...(Ds) ? (found = i) : 0, ++i), ...);
    return found;
  }();
  // Calls f.template operator()<D>() for each descriptor, in order.
  template <class F>
  static constexpr void for_each(F&& f) {
    (f.template operator()<Ds>(), ...);
  }
};

// The documented row for `code`, or nullptr.
template <endpoint_descriptor D>
constexpr const status_doc* find_status(int code) noexcept {
  for (const auto& s : D::statuses)
    if (s.code == code) return &s;
  return nullptr;
}

}  // namespace genwire
