// Internal pieces of the fault injector, exposed for unit tests: whose key a request carries, and
// each endpoint's documented answers for faults.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/http.hpp>

namespace genwire::mock::faults {

// The key the request presents on the endpoint's auth headers (the scheme word stripped), or "".
std::string caller_key(const request& rq, std::span<const genwire::auth_scheme> auth);

// A documented answer, encoded once.
struct row {
  int status = 0;
  std::string body;
  std::vector<header> headers;  // with Content-Type when there is a body
};

struct endpoint_faults {
  std::string_view provider;
  std::span<const genwire::auth_scheme> auth;
  // What --fail-rate answers with: the endpoint's documented retryable rows (none: a marked mock 503).
  std::vector<row> retryable;
  std::optional<row> too_many_requests;  // the documented 429, when there is one
};
// By descriptor name ("flora.list_generations"); nullptr for a name genwire does not model.
const endpoint_faults* endpoint_faults_for(std::string_view endpoint);

}  // namespace genwire::mock::faults
