#include "provider_policy.hpp"

#include "../routing/answers.hpp"

namespace genwire::mock::detail {

response row_or(const prepared_endpoint& ep, int code, int fallback) {
  if (ep.answer_for(code)) return documented(ep, code);
  if (ep.answer_for(fallback)) return documented(ep, fallback);
  return response{code, {}, {}};
}

response provider_policy::auth_failed(const prepared_endpoint& ep, auth_failure why) const {
  return why == auth_failure::no_read ? row_or(ep, 403, 401) : row_or(ep, 401, 403);
}

response provider_policy::invalid_request(const prepared_endpoint& ep, const request&, const genwire::error&) const {
  return row_or(ep, 400, 422);
}

response provider_policy::refused(const prepared_endpoint& ep, answer::kind why) const {
  return why == answer::kind::not_found ? row_or(ep, 404, 400) : row_or(ep, 403, 404);
}

response provider_policy::method_not_allowed(const prepared_endpoint& ep) const {
  if (ep.answer_for(405)) return documented(ep, 405);
  return response{405, {}, {}};
}

response provider_policy::too_large(const prepared_endpoint& ep) const { return row_or(ep, 413, 400); }

void provider_policy::rate_limited(const prepared_endpoint&, std::chrono::milliseconds, response&) const {}

void provider_policy::decorate(const prepared_endpoint&, const request&, response&) const {}

}  // namespace genwire::mock::detail
