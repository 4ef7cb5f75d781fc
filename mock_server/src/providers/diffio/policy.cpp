// Diffio: what its two reference pages say that a descriptor cannot: the reason each refusal gives
// (401 missing/invalid key, 403 inactive/no read/not owner, 404 project/generation, 400 per field),
// CORS preflight on OPTIONS, and which project and generation the documented examples are about.
#include "../../routing/answers.hpp"
#include "binding.hpp"

namespace genwire::mock::detail {
namespace {

namespace dif = genwire::diffio;
using list_endpoint = dif::list_project_generations_endpoint;
using progress_endpoint = dif::get_generation_progress_endpoint;

response refusal(int status, std::string_view reason) {
  return json_response(status, dif::error_envelope{std::string(reason), std::nullopt, {}});
}

bool is_list(const prepared_endpoint& ep) { return ep.name == list_endpoint::name; }

bool blank(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Errors that mean "this is not JSON" rather than "this JSON has the wrong shape". A repeated key is
// one of them: genwire refuses a body that can mean two things.
bool not_json(genwire::errc c) {
  using genwire::errc;
  return c == errc::syntax || c == errc::unexpected_end || c == errc::trailing_content || c == errc::invalid_utf8 ||
         c == errc::invalid_escape || c == errc::depth_exceeded || c == errc::duplicate_key;
}

// The ids the documented examples are about ("proj-123", "gen-123"), read from the examples once.
struct documented_ids {
  std::string list_project;
  std::string generation;
  std::string generation_project;
};

const documented_ids& ids() {
  static const documented_ids out = [] {
    documented_ids d;
    if (const auto* s = genwire::find_status<list_endpoint>(200))
      if (auto r = genwire::decode<list_endpoint::response>(s->body)) d.list_project = r->api_project_id;
    if (const auto* s = genwire::find_status<progress_endpoint>(200)) {
      if (auto r = genwire::decode<progress_endpoint::response>(s->body)) {
        d.generation = r->generation_id;
        d.generation_project = r->api_project_id;
      }
    }
    return d;
  }();
  return out;
}

class diffio_policy final : public provider_policy {
 public:
  [[nodiscard]] bool preflight() const override { return true; }

  [[nodiscard]] response auth_failed(const prepared_endpoint&, auth_failure why) const override {
    switch (why) {
      case auth_failure::missing: return refusal(401, dif::reason_missing_api_key);
      case auth_failure::unknown: return refusal(401, dif::reason_invalid_api_key);
      case auth_failure::inactive: return refusal(403, dif::reason_api_key_not_active);
      case auth_failure::no_read: return refusal(403, dif::reason_missing_read_permission);
    }
    return refusal(401, dif::reason_invalid_api_key);
  }

  [[nodiscard]] response invalid_request(const prepared_endpoint& ep, const request& rq, const genwire::error& e) const override {
    // An empty body parses as {} in the service's framework, so it is a missing field, not bad JSON.
    if (not_json(e.code) && !blank(rq.body)) return refusal(400, dif::reason_invalid_json_body);
    if (is_list(ep)) return refusal(400, dif::reason_api_project_id_must_be_string);
    if (top_field(e.path) == "apiProjectId") return refusal(400, dif::reason_api_project_id_must_be_string_when_provided);
    return refusal(400, dif::reason_generation_id_must_be_string);
  }

  [[nodiscard]] response refused(const prepared_endpoint& ep, answer::kind why) const override {
    if (why == answer::kind::not_found)
      return refusal(404, is_list(ep) ? dif::reason_api_project_not_found : dif::reason_generation_not_found);
    return refusal(403, is_list(ep) ? dif::reason_project_not_owned : dif::reason_generation_not_owned);
  }

  // Diffio documents no 413: an over-long body is a body the service cannot read.
  [[nodiscard]] response too_large(const prepared_endpoint&) const override { return refusal(400, dif::reason_invalid_json_body); }

  // CORS: any origin may call with the key headers (the introduction: OPTIONS is accepted for CORS
  // preflight). The Origin is echoed, so caches must key on it.
  void decorate(const prepared_endpoint& ep, const request& rq, response& r) const override {
    if (const std::string* origin = rq.header_value("Origin")) r.set_header("Access-Control-Allow-Origin", *origin);
    r.set_header("Vary", "Origin");
    if (r.status != 204) return;
    std::string allowed;
    for (const auto& a : ep.auth) allowed += std::string(a.header) + ", ";
    allowed += "Content-Type";
    r.set_header("Access-Control-Allow-Methods", ep.allow);
    r.set_header("Access-Control-Allow-Headers", std::move(allowed));
    r.set_header("Access-Control-Max-Age", "3600");
  }
};

// Only the documented example's project and generation exist; a key that does not own the
// examples finds them but may not read them.
template <class R>
answer replay_known(const replay_context& ctx, const R& rq, bool exists) {
  if (!exists) return answer{answer::kind::not_found, 0, {}, {}};
  return replay_success_to_owners(ctx, rq);
}

}  // namespace

const provider_policy& diffio_mock::policy() {
  static const diffio_policy policy;
  return policy;
}

realistic_store_size diffio_mock::documented_size() {
  realistic_store_size s;
  s.provider = std::string(name);
  if (auto r = genwire::decode<list_endpoint::response>(dif::list_project_generations::example_response)) {
    count_jobs(s, r->generations);
    s.projects = std::vector<std::string>{r->api_project_id};
  }
  return s;
}

answer endpoint_binding<list_endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  return replay_known(ctx, rq, rq.value->api_project_id == ids().list_project);
}

answer endpoint_binding<progress_endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  const auto& v = *rq.value;
  return replay_known(ctx, rq, v.generation_id == ids().generation && (!v.api_project_id || *v.api_project_id == ids().generation_project));
}

}  // namespace genwire::mock::detail
