// The Prefer request header (RFC 7240), as Prism uses it to pick a response: `Prefer: code=404`,
// `Prefer: example=unauthorized`, and to slow one answer down: `Prefer: latency=250`. Preferences
// the mock does not know are ignored, as the RFC asks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <genwire/mock/http.hpp>

namespace genwire::mock::detail {

struct preferences {
  std::optional<int> code;
  std::optional<std::string> example;
  std::optional<std::uint64_t> latency_ms;
  std::string error;          // a malformed code or example: the route answers it, after the method check
  std::string latency_error;  // a malformed latency: the fault injector answers it, before anything else
};

// Reads every Prefer header of the request; per RFC 7240 the first instance of a preference wins.
preferences parse_prefer(const request& rq);

}  // namespace genwire::mock::detail
