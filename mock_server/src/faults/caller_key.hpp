// Whose key a request carries, for per-key rate limits. Internal to genwire_mock.
#pragma once

#include <span>
#include <string>

#include <genwire/core/endpoint.hpp>
#include <genwire/mock/http.hpp>

namespace genwire::mock::detail {

// The key the request presents on the endpoint's auth headers (the scheme word stripped), or "".
std::string caller_key(const request& rq, std::span<const genwire::auth_scheme> auth);

}  // namespace genwire::mock::detail
