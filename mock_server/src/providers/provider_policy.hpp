// The interface every provider's mock policy implements: everything about a provider that its
// descriptors cannot say (which body each kind of refusal gets, how a validation error is
// reported, CORS, headers on every answer, what a rate-limited answer adds). Each default replays
// the endpoint's documented row for the status, so a provider with no policy of its own still
// answers documented bodies. Internal to genwire_mock.
#pragma once

#include <chrono>
#include <cstdint>

#include <genwire/genwire.hpp>
#include <genwire/mock/http.hpp>
#include <genwire/mock/store.hpp>

#include "../routing/prepared_endpoint.hpp"

namespace genwire::mock::detail {

enum class auth_failure : std::uint8_t {
  missing,   // no key in any of the endpoint's auth headers
  unknown,   // a key (or a malformed auth header) the mock does not know
  inactive,  // key_record::active is false
  no_read,   // key_record::read is false
};

class provider_policy {
 public:
  virtual ~provider_policy() = default;

  // OPTIONS is a CORS preflight (the documented 204) instead of a 405.
  [[nodiscard]] virtual bool preflight() const { return false; }
  // No usable key: 401 (missing, unknown, inactive) or 403 (no read permission).
  [[nodiscard]] virtual response auth_failed(const prepared_endpoint& ep, auth_failure why) const;
  // The body, query or path does not decode with the endpoint's own types.
  [[nodiscard]] virtual response invalid_request(const prepared_endpoint& ep, const request& rq, const genwire::error& e) const;
  // The store said not_found (404) or not_owner (403).
  [[nodiscard]] virtual response refused(const prepared_endpoint& ep, answer::kind why) const;
  // A method other than the endpoint's own; the router adds Allow.
  [[nodiscard]] virtual response method_not_allowed(const prepared_endpoint& ep) const;
  // The body is over the size limit: 413 when documented, else the provider's 400.
  [[nodiscard]] virtual response too_large(const prepared_endpoint& ep) const;
  // A 429 of --rate-limit, which says to wait `wait`; the injector has set Retry-After in seconds.
  virtual void rate_limited(const prepared_endpoint& ep, std::chrono::milliseconds wait, response& r) const;
  // Last touch on every answer of the endpoint (CORS headers, request ids); the router calls it once.
  virtual void decorate(const prepared_endpoint& ep, const request& rq, response& r) const;
};

// The documented row for `code`, else for `fallback`, else a plain status with no body.
response row_or(const prepared_endpoint& ep, int code, int fallback);

}  // namespace genwire::mock::detail
