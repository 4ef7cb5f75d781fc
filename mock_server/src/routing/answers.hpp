// The answers every layer of the mock makes: JSON bodies encoded by genwire, the one builder of the
// mock's own marked errors, and a documented row as documented. Internal to genwire_mock.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <genwire/genwire.hpp>
#include <genwire/mock/server.hpp>

namespace genwire::mock::detail {

struct prepared_endpoint;

inline constexpr std::string_view json_type = "application/json";

// Request bodies and queries are checked as a real service would: formats (date-times, UUIDs)
// and closed enums, but parameters and members a client adds beyond the documented ones are ignored.
inline constexpr genwire::options request_rules{.check_formats = true, .closed_enums = true, .reject_unknown_keys = false};

// `value` encoded by genwire; an unencodable value becomes a mock error rather than bad JSON.
response json_response_text(int status, genwire::result<std::string> encoded);
template <class T>
response json_response(int status, const T& value) {
  return json_response_text(status, genwire::encode(value));
}

// The clearly marked answer the mock makes up itself: `{"genwire_mock_error": {...}}` with an
// X-Genwire-Mock-Error header naming `kind`. With `ep`, the body names the endpoint and its codes.
response mock_error(int status, std::string_view kind, std::string message, const prepared_endpoint* ep = nullptr,
                    std::optional<int> requested_code = std::nullopt);

// The documented row `code` of the endpoint, as documented: status, body, documented headers;
// a mock error when the endpoint does not document that code.
response documented(const prepared_endpoint& ep, int code);

// "expected an integer in [1, 100], found 0" style text of a decode error, safe to embed in JSON
// whatever bytes the client sent.
std::string describe(const genwire::error& e);
// The top-level member or parameter an error is about ("limit" for "limit", "a" for "a.b[2]").
std::string_view top_field(std::string_view path) noexcept;

}  // namespace genwire::mock::detail
