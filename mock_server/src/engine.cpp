#include "engine.hpp"

#include <string>
#include <utility>

#include "admin.hpp"

namespace genwire::mock::detail {

const genwire::status_doc* endpoint_info::doc(int code) const noexcept {
  for (const auto& s : statuses)
    if (s.code == code) return &s;
  return nullptr;
}

const endpoint_info::prepared* endpoint_info::body_for(int code) const noexcept {
  for (const auto& b : bodies)
    if (b.status == code) return &b;
  return nullptr;
}

std::vector<int> endpoint_info::codes() const {
  std::vector<int> out;
  for (const auto& s : statuses) out.push_back(s.code);
  return out;
}

response json_response_text(int status, genwire::result<std::string> encoded) {
  if (!encoded) return mock_error(500, "encode-failed", "the mock could not encode its answer: " + encoded.error().message());
  return response{status, {{"Content-Type", std::string(json_type)}}, std::move(*encoded)};
}

response mock_error(int status, std::string_view kind, std::string message, const endpoint_info* ep,
                    std::optional<int> requested_code) {
  mock_error_body body;
  body.genwire_mock_error.kind = std::string(kind);
  body.genwire_mock_error.message = utf8_safe(message);
  if (ep) {
    body.genwire_mock_error.endpoint = ep->id;
    body.genwire_mock_error.documented_codes = ep->codes();
  }
  body.genwire_mock_error.requested_code = requested_code;
  response r{status, {{"Content-Type", std::string(json_type)}, {std::string(mock_error_header), std::string(kind)}}, {}};
  if (auto text = genwire::encode(body)) r.body = std::move(*text);
  return r;
}

response documented(const endpoint_info& ep, int code) {
  const auto* p = ep.body_for(code);
  if (!p) {
    std::string codes;
    for (int c : ep.codes()) codes += (codes.empty() ? "" : ", ") + std::to_string(c);
    return mock_error(mock_error_status, "undocumented-code",
                      ep.id + " does not document status " + std::to_string(code) + " (documented: " + codes + ")", &ep, code);
  }
  response r{p->status, p->headers, p->body};
  if (!r.body.empty() && !r.header_value("Content-Type")) r.headers.push_back({"Content-Type", std::string(json_type)});
  return r;
}

std::string describe(const genwire::error& e) {
  std::string m;
  if (!e.expected.empty()) {
    m = "expected " + e.expected;
    if (!e.found.empty()) m += ", found " + e.found;
  } else {
    m = std::string(genwire::to_string(e.code));
    if (!e.found.empty()) m += ": " + e.found;
  }
  return utf8_safe(m);
}

std::string_view top_field(std::string_view path) noexcept {
  if (path.empty() || path == "$") return {};
  const std::size_t end = path.find_first_of(".[");
  return path.substr(0, end);
}

const endpoint_info::prepared* success_body(const endpoint_info& ep) noexcept {
  for (const auto& b : ep.bodies)
    if (b.status >= 200 && b.status < 300 && !b.body.empty()) return &b;
  return nullptr;
}

// The default policy: documented rows only ----------------------------------------------------

namespace {

// The documented row for `code`, else for `fallback`, else a plain status with no body.
response row_or(const endpoint_info& ep, int code, int fallback) {
  if (ep.body_for(code)) return documented(ep, code);
  if (ep.body_for(fallback)) return documented(ep, fallback);
  return response{code, {}, {}};
}

}  // namespace

response provider_policy::auth_failed(const endpoint_info& ep, auth_failure why) const {
  return why == auth_failure::no_read ? row_or(ep, 403, 401) : row_or(ep, 401, 403);
}

response provider_policy::invalid_request(const endpoint_info& ep, const request&, const genwire::error&) const {
  return row_or(ep, 400, 422);
}

response provider_policy::refused(const endpoint_info& ep, answer::kind why) const {
  return why == answer::kind::not_found ? row_or(ep, 404, 400) : row_or(ep, 403, 404);
}

response provider_policy::method_not_allowed(const endpoint_info& ep) const {
  if (ep.body_for(405)) return documented(ep, 405);
  return response{405, {}, {}};
}

response provider_policy::too_large(const endpoint_info& ep) const { return row_or(ep, 413, 400); }

void provider_policy::decorate(const endpoint_info&, const request&, response&) const {}

answer provider_policy::replay(const endpoint_info& ep, const any_request& rq) const {
  const bool owner = std::visit([](const auto& r) { return r.who && r.who->key && r.who->key->owns_examples; }, rq);
  const auto* ok = success_body(ep);
  if (!owner || !ok) return answer{answer::kind::not_owner, 0, {}, {}};
  return answer{answer::kind::reply, ok->status, ok->headers, ok->body};
}

const provider_policy& policy_for(std::string_view provider) {
  if (iequals(provider, "diffio")) return diffio_policy();
  if (iequals(provider, "flora")) return flora_policy();
  if (iequals(provider, "depicta")) return depicta_policy();
  if (iequals(provider, "hedra")) return hedra_policy();
  static const provider_policy documented_rows;
  return documented_rows;
}

}  // namespace genwire::mock::detail
