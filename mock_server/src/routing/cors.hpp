// --cors (server_config::cors): every endpoint's answers made readable by a page on another origin,
// under the Fetch standard's CORS protocol, on top of what the provider's policy decorated (a
// provider that documents its own preflight keeps it, and also allows Prefer). Generic: it reads
// only the prepared entry. Internal to genwire_mock.
#pragma once

#include <string>

#include <genwire/mock/http.hpp>

#include "prepared_endpoint.hpp"

namespace genwire::mock::detail {

// What a preflight allows a page to send: the endpoint's auth headers (in the descriptor's order),
// Content-Type and Prefer.
std::string cors_allowed_headers(const prepared_endpoint& ep);

// The CORS headers on `r`, the answer of `ep` to `rq`, when ep.cors; else nothing.
void allow_cross_origin(const prepared_endpoint& ep, const request& rq, response& r);

}  // namespace genwire::mock::detail
