// Depicta: its `{details, error, message, request_id}` envelope for what the mock composes (a bad
// query parameter, a key without read permission, 405, 413 payload_too_large from the errors page),
// and an empty page for a key that owns no jobs.
#include <atomic>
#include <cstdio>

#include "../../routing/answers.hpp"
#include "../../text.hpp"
#include "binding.hpp"

namespace genwire::mock::detail {
namespace {

namespace dp = genwire::depicta;
using endpoint = dp::list_jobs_endpoint;

struct parameter_details {
  std::string parameter;
  std::string reason;
};

class depicta_policy final : public provider_policy {
 public:
  // The errors page's 403 codes mean something else (an unverified email, rejected content, a
  // suspended account), so a key without read permission gets the composed permission_denied.
  [[nodiscard]] response auth_failed(const prepared_endpoint& ep, auth_failure why) const override {
    if (why == auth_failure::no_read)
      return envelope(403, dp::code_permission_denied, std::string(dp::reason_permission_denied));
    return provider_policy::auth_failed(ep, why);
  }

  [[nodiscard]] response invalid_request(const prepared_endpoint&, const request&, const genwire::error& e) const override {
    std::string field = utf8_safe(top_field(e.path));
    if (field.empty()) field = "query";
    const std::string reason = describe(e);
    dp::error_envelope body;
    if (auto details = genwire::encode(parameter_details{field, reason}))
      body.details = genwire::raw_json::from_trusted_text(std::move(*details));
    body.error = std::string(dp::code_bad_request);
    body.message = "Query parameter " + field + ": " + reason + ".";
    body.request_id = next_request_id();
    return json_response(400, body);
  }

  // Depicta documents neither a 405 nor a body for it; its envelope carries one.
  [[nodiscard]] response method_not_allowed(const prepared_endpoint&) const override {
    return envelope(405, "method_not_allowed", "Method not allowed.");
  }

  // The errors page documents 413 payload_too_large, although the listjobs page's own table does
  // not repeat it.
  [[nodiscard]] response too_large(const prepared_endpoint&) const override {
    return envelope(413, dp::code_payload_too_large, "Request body too large.");
  }

 private:
  response envelope(int status, std::string_view code, std::string message) const {
    return json_response(status, dp::error_envelope{std::nullopt, std::string(code), std::move(message), next_request_id()});
  }

  std::string next_request_id() const {
    char id[32];
    std::snprintf(id, sizeof id, "req_mock%016llx", next_id_.fetch_add(1, std::memory_order_relaxed));
    return id;
  }

  mutable std::atomic<unsigned long long> next_id_{1};
};

}  // namespace

const provider_policy& depicta_mock::policy() {
  static const depicta_policy policy;
  return policy;
}

realistic_store_size depicta_mock::documented_size() {
  realistic_store_size s;
  s.provider = std::string(name);
  if (auto r = genwire::decode<dp::list_jobs_response>(dp::example_response); r && r->generations) count_jobs(s, *r->generations);
  return s;
}

// A stranger's page: no jobs, `total` 0, `limit`/`offset` as documented.
answer endpoint_binding<endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  return replay_list(ctx, rq, [](endpoint::response& page) {
    page.generations = std::vector<dp::job>{};
    page.total = 0;
  });
}

}  // namespace genwire::mock::detail
