// fuzz/endpoint_targets.hpp: the per-endpoint fuzz targets, generated from genwire::all_endpoints.
// Each descriptor D gives up to four targets named <D::name>_<part> (flora_list_generations_query):
//   _request   D::request decoded from JSON      _response  D::response
//   _error     D::error                          _query     D::request from a query string (GET only)
// all with the round-trip properties of fuzz/properties.hpp, in default and strict mode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <genwire/endpoints.hpp>

#include "properties.hpp"

namespace genwire_fuzz {

enum class part { request, response, error, query };

inline constexpr std::string_view part_names[] = {"request", "response", "error", "query"};

// The descriptor's name ("flora.list_generations") with anything but [a-z0-9] as '_': a file and
// CMake target name prefix ("flora_list_generations").
template <class D>
std::string target_prefix() {
  std::string out;
  for (char c : std::string_view(D::name)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : '_';
  }
  return out;
}

template <class D>
constexpr bool has_query = D::request_in == genwire::request_location::query_string;

template <class D, part P>
finding endpoint_property(std::string_view in) {
  if constexpr (P == part::request) return typed_json_all_modes<typename D::request>(in);
  else if constexpr (P == part::response) return typed_json_all_modes<typename D::response>(in);
  else if constexpr (P == part::error) return typed_json_all_modes<typename D::error>(in);
  else {
    static_assert(has_query<D>, "a query target for an endpoint whose request is not a query string");
    return typed_query_all_modes<typename D::request>(in);
  }
}

// Calls f(name, property) for every endpoint target, in all_endpoints order.
template <class F>
void for_each_endpoint_target(F&& f) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const std::string prefix = target_prefix<D>();
    f(prefix + "_request", &endpoint_property<D, part::request>);
    f(prefix + "_response", &endpoint_property<D, part::response>);
    f(prefix + "_error", &endpoint_property<D, part::error>);
    if constexpr (has_query<D>) f(prefix + "_query", &endpoint_property<D, part::query>);
  });
}

}  // namespace genwire_fuzz
