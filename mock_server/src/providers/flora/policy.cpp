// FLORA: validation errors as `input_validation_error` with `fields`, 401 codes (unauthorized when no
// key is sent, invalid_api_key for a key it does not accept), a `request-id` on every answer,
// `retry-after-ms` beside Retry-After on a rate-limited answer, an empty page for a key that owns no
// generations, and the documented run only for its owner.
#include <atomic>
#include <cstdio>

#include "../../routing/answers.hpp"
#include "../../text.hpp"
#include "binding.hpp"

namespace genwire::mock::detail {
namespace {

namespace fl = genwire::flora;
using list_endpoint = fl::list_generations_endpoint;
using run_endpoint = fl::get_run_endpoint;

response flora_error(int status, genwire::open_enum<fl::api_error_code> code, std::string message,
                     std::optional<std::vector<fl::field_error>> fields = std::nullopt) {
  return json_response(status, fl::error_envelope{{std::move(code), std::move(message), std::move(fields)}});
}

class flora_policy final : public provider_policy {
 public:
  [[nodiscard]] response auth_failed(const prepared_endpoint& ep, auth_failure why) const override {
    switch (why) {
      case auth_failure::missing: return documented(ep, 401);
      case auth_failure::unknown:
      case auth_failure::inactive: return flora_error(401, fl::api_error_code::invalid_api_key, std::string(fl::reason_unauthorized));
      case auth_failure::no_read: return documented(ep, 403);
    }
    return documented(ep, 401);
  }

  // "limit: expected an integer in [1, 100], found 0" with the same text per field, as the list
  // page's "prompt: Required" / fields[{field, message}] example does.
  [[nodiscard]] response invalid_request(const prepared_endpoint& ep, const request&, const genwire::error& e) const override {
    // Decision: an endpoint that documents no 400 (get_run: only a path parameter can be wrong) answers its documented 404, since no run has an id that does not even decode.
    if (!ep.answer_for(400) && ep.answer_for(404)) return documented(ep, 404);
    std::string field(top_field(e.path));
    if (field.empty()) field = "query";
    std::string message = e.code == genwire::errc::missing_key ? std::string("Required") : describe(e);
    field = utf8_safe(field);
    return flora_error(400, fl::api_error_code::input_validation_error, field + ": " + message,
                       std::vector<fl::field_error>{{field, message}});
  }

  // FLORA documents neither 405 nor 413; its envelope carries them with an open code.
  [[nodiscard]] response method_not_allowed(const prepared_endpoint&) const override {
    return flora_error(405, genwire::open_enum<fl::api_error_code>::unknown("method_not_allowed"), "Method not allowed.");
  }
  [[nodiscard]] response too_large(const prepared_endpoint&) const override {
    return flora_error(400, fl::api_error_code::invalid_json, "Request body too large.");
  }

  // The official SDK reads retry-after-ms before retry-after (docs/providers-flora.md).
  void rate_limited(const prepared_endpoint&, std::chrono::milliseconds wait, response& r) const override {
    r.set_header(std::string(fl::retry_after_ms_header), std::to_string(wait.count()));
  }

  void decorate(const prepared_endpoint&, const request&, response& r) const override {
    char id[32];
    std::snprintf(id, sizeof id, "%.*s%012llx", static_cast<int>(fl::request_id_prefix.size()), fl::request_id_prefix.data(),
                  next_id_.fetch_add(1, std::memory_order_relaxed));
    r.set_header(std::string(fl::request_id_header), id);
  }

 private:
  mutable std::atomic<unsigned long long> next_id_{1};
};

// The documented run: the one its example path names.
const std::string& documented_run_id() {
  static const std::string id = [] {
    auto p = genwire::decode_path<fl::run_path>(run_endpoint::path, run_endpoint::example_path);
    return p ? p->run_id : std::string();
  }();
  return id;
}

}  // namespace

const provider_policy& flora_mock::policy() {
  static const flora_policy policy;
  return policy;
}

realistic_store_size flora_mock::documented_size() {
  realistic_store_size s;
  s.provider = std::string(name);
  if (auto page = genwire::decode<fl::list_generations_response>(fl::example_response)) count_jobs(s, page->generations);
  return s;
}

answer endpoint_binding<list_endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  // Decision: a stranger's empty page has next_cursor "" (the list page makes it a required string; the SDK stops on a falsy one).
  return replay_list(ctx, rq, [](list_endpoint::response& page) {
    page.generations.clear();
    page.meta.next_cursor = genwire::nullable<std::string>(std::string());
    if (page.meta.total_estimate) page.meta.total_estimate = genwire::at_least<double, 0>(0.0);
  });
}

// Decision: only the documented run exists in documented mode, and a key that does not own the examples gets the same 404 as for an unknown run (FLORA answers 404 for a foreign run).
answer endpoint_binding<run_endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  if (!owns_examples(rq.who) || rq.path->run_id != documented_run_id()) return answer{answer::kind::not_found, 0, {}, {}};
  return replay_success_to_owners(ctx, rq);
}

}  // namespace genwire::mock::detail
