// genwire/compiled_endpoints.hpp: every endpoint's request, response and error codecs (default and
// strict options) declared as compiled in the library genwire::endpoints, so a translation unit
// that includes this (before decoding or encoding them) does not compile them again. Link
// genwire::endpoints (CMake: target_link_libraries(app PRIVATE genwire::endpoints)).
//
//   #include <genwire/compiled_endpoints.hpp>
//   auto page = genwire::decode<genwire::flora::list_generations_response>(body);  // compiled once, in the library
#pragma once

#include <type_traits>

#include "endpoints.hpp"
#include "extern_codec.hpp"

// The codecs genwire::endpoints holds, each type once (several endpoints share an error type), one
// list per provider (the library compiles each in its own translation unit): X(T) for a JSON
// codec, Q(T) for a query-string codec. A request sent as a query string has both (the CLI and the
// tests read requests as JSON too), and a list's item type has its own (the client walks pages
// item by item, and `genwire call --all` prints each). Checked against genwire::all_endpoints below.
#define GENWIRE_COMPILED_DIFFIO_TYPES(X, Q)                        \
  X(::genwire::diffio::list_project_generations_request)           \
  X(::genwire::diffio::list_project_generations_response)          \
  X(::genwire::diffio::project_generation)                         \
  X(::genwire::diffio::get_generation_progress_request)            \
  X(::genwire::diffio::get_generation_progress_response)           \
  X(::genwire::diffio::error_envelope)
#define GENWIRE_COMPILED_FLORA_TYPES(X, Q)                         \
  X(::genwire::flora::list_generations_query)                      \
  Q(::genwire::flora::list_generations_query)                      \
  X(::genwire::flora::list_generations_response)                   \
  X(::genwire::flora::generation)                                  \
  X(::genwire::flora::get_run_query)                               \
  Q(::genwire::flora::get_run_query)                               \
  X(::genwire::flora::run)                                         \
  X(::genwire::flora::error_envelope)
#define GENWIRE_COMPILED_DEPICTA_TYPES(X, Q)                       \
  X(::genwire::depicta::list_jobs_query)                           \
  Q(::genwire::depicta::list_jobs_query)                           \
  X(::genwire::depicta::list_jobs_response)                        \
  X(::genwire::depicta::job)                                       \
  X(::genwire::depicta::error_envelope)
#define GENWIRE_COMPILED_HEDRA_TYPES(X, Q)                         \
  X(::genwire::hedra::list_generations_query)                      \
  Q(::genwire::hedra::list_generations_query)                      \
  X(::genwire::hedra::list_generations_response)                   \
  X(::genwire::hedra::generation)                                  \
  X(::genwire::hedra::http_validation_error)
#define GENWIRE_COMPILED_ENDPOINT_TYPES(X, Q) \
  GENWIRE_COMPILED_DIFFIO_TYPES(X, Q)         \
  GENWIRE_COMPILED_FLORA_TYPES(X, Q)          \
  GENWIRE_COMPILED_DEPICTA_TYPES(X, Q)        \
  GENWIRE_COMPILED_HEDRA_TYPES(X, Q)

#define GENWIRE_COMPILED_DECLARE_(T) GENWIRE_DECLARE_CODEC(T);
#define GENWIRE_COMPILED_DECLARE_QUERY_(T) GENWIRE_DECLARE_QUERY_CODEC(T);
GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_DECLARE_, GENWIRE_COMPILED_DECLARE_QUERY_)
#undef GENWIRE_COMPILED_DECLARE_
#undef GENWIRE_COMPILED_DECLARE_QUERY_

namespace genwire::detail {

template <class... T>
struct compiled_types {
  template <class U>
  static constexpr bool has = (std::is_same_v<U, T> || ...);
};
#define GENWIRE_COMPILED_TYPE_(T) , T
#define GENWIRE_COMPILED_SKIP_(T)
using compiled_json_types = compiled_types<void GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_TYPE_, GENWIRE_COMPILED_SKIP_)>;
using compiled_query_types = compiled_types<void GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_SKIP_, GENWIRE_COMPILED_TYPE_)>;
#undef GENWIRE_COMPILED_TYPE_
#undef GENWIRE_COMPILED_SKIP_

template <endpoint_descriptor... Ds>
constexpr bool every_endpoint_compiled(const endpoint_list<Ds...>*) {
  return ((compiled_json_types::has<typename Ds::request> && compiled_json_types::has<typename Ds::response> &&
           compiled_json_types::has<typename Ds::error> &&
           (Ds::request_in != request_location::query_string || compiled_query_types::has<typename Ds::request>)) &&
          ...);
}

}  // namespace genwire::detail

static_assert(::genwire::detail::every_endpoint_compiled(static_cast<const ::genwire::all_endpoints*>(nullptr)),
              "an endpoint in genwire::all_endpoints is missing from GENWIRE_COMPILED_ENDPOINT_TYPES");
