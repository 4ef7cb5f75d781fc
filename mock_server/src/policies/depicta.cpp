// Depicta: its `{details, error, message, request_id}` envelope for what the mock composes (a bad
// query parameter, 405, 413 payload_too_large from the errors page), and an empty page for a key
// that owns no jobs.
#include <atomic>
#include <cstdio>

#include <genwire/depicta.hpp>

#include "../engine.hpp"

namespace genwire::mock::detail {
namespace {

namespace dp = genwire::depicta;
using endpoint = dp::list_jobs_endpoint;

struct parameter_details {
  std::string parameter;
  std::string reason;
};

class depicta_policy_impl final : public provider_policy {
 public:
  [[nodiscard]] response invalid_request(const endpoint_info&, const request&, const genwire::error& e) const override {
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
  [[nodiscard]] response method_not_allowed(const endpoint_info&) const override {
    return envelope(405, "method_not_allowed", "Method not allowed.");
  }

  // The errors page documents 413 payload_too_large (PROVIDERS.md), although the listjobs page's
  // own table does not repeat it.
  [[nodiscard]] response too_large(const endpoint_info&) const override {
    return envelope(413, dp::code_payload_too_large, "Request body too large.");
  }

  [[nodiscard]] answer replay(const endpoint_info& ep, const any_request& rq) const override {
    if (auto empty = empty_.answer_for(rq)) return *empty;
    return provider_policy::replay(ep, rq);
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

  // The documented page with no jobs: `total` 0, `limit`/`offset` as documented.
  const empty_page_for_strangers<endpoint> empty_{[](endpoint::response& page) {
    page.generations = std::vector<dp::job>{};
    page.total = 0;
  }};
  mutable std::atomic<unsigned long long> next_id_{1};
};

}  // namespace

const provider_policy& depicta_policy() {
  static const depicta_policy_impl policy;
  return policy;
}

}  // namespace genwire::mock::detail
