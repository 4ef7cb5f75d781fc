// FLORA: validation errors as `input_validation_error` with `fields`, 401 codes (unauthorized when no
// key is sent, invalid_api_key for a key it does not accept), a `request-id` on every answer, and an
// empty page for a key that owns no generations.
#include <atomic>
#include <cstdio>

#include <genwire/flora.hpp>

#include "../engine.hpp"

namespace genwire::mock::detail {
namespace {

namespace fl = genwire::flora;
using endpoint = fl::list_generations_endpoint;

response flora_error(int status, genwire::open_enum<fl::api_error_code> code, std::string message,
                     std::optional<std::vector<fl::field_error>> fields = std::nullopt) {
  return json_response(status, fl::error_envelope{{std::move(code), std::move(message), std::move(fields)}});
}

class flora_policy_impl final : public provider_policy {
 public:
  [[nodiscard]] response auth_failed(const endpoint_info& ep, auth_failure why) const override {
    switch (why) {
      case auth_failure::missing: return documented(ep, 401);
      case auth_failure::unknown:
      case auth_failure::inactive: return flora_error(401, fl::api_error_code::invalid_api_key, std::string(fl::reason_unauthorized));
      case auth_failure::no_read: return documented(ep, 403);
    }
    return documented(ep, 401);
  }

  // "limit: expected an integer in [1, 100], found 0" with the same text per field, as the seed's
  // "prompt: Required" / fields[{field, message}] example does.
  [[nodiscard]] response invalid_request(const endpoint_info&, const request&, const genwire::error& e) const override {
    std::string field(top_field(e.path));
    if (field.empty()) field = "query";
    std::string message = e.code == genwire::errc::missing_key ? std::string("Required") : describe(e);
    field = utf8_safe(field);
    return flora_error(400, fl::api_error_code::input_validation_error, field + ": " + message,
                       std::vector<fl::field_error>{{field, message}});
  }

  // FLORA documents neither 405 nor 413; its envelope carries them with an open code.
  [[nodiscard]] response method_not_allowed(const endpoint_info&) const override {
    return flora_error(405, genwire::open_enum<fl::api_error_code>::unknown("method_not_allowed"), "Method not allowed.");
  }
  [[nodiscard]] response too_large(const endpoint_info&) const override {
    return flora_error(400, fl::api_error_code::invalid_json, "Request body too large.");
  }

  void decorate(const endpoint_info&, const request&, response& r) const override {
    char id[32];
    std::snprintf(id, sizeof id, "%.*s%012llx", static_cast<int>(fl::request_id_prefix.size()), fl::request_id_prefix.data(),
                  next_id_.fetch_add(1, std::memory_order_relaxed));
    r.set_header(std::string(fl::request_id_header), id);
  }

  [[nodiscard]] answer replay(const endpoint_info& ep, const any_request& rq) const override {
    if (auto empty = empty_.answer_for(rq)) return *empty;
    return provider_policy::replay(ep, rq);
  }

 private:
  // The documented success page with no generations.
  // Decision: its next_cursor is "" (the seed makes it a required string; the SDK stops on a falsy one).
  const empty_page_for_strangers<endpoint> empty_{[](endpoint::response& page) {
    page.generations.clear();
    page.meta.next_cursor = genwire::nullable<std::string>(std::string());
    if (page.meta.total_estimate) page.meta.total_estimate = genwire::at_least<double, 0>(0.0);
  }};
  mutable std::atomic<unsigned long long> next_id_{1};
};

}  // namespace

const provider_policy& flora_policy() {
  static const flora_policy_impl policy;
  return policy;
}

}  // namespace genwire::mock::detail
