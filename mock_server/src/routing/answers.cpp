#include "answers.hpp"

#include <string>
#include <utility>

#include "../admin/admin_types.hpp"
#include "../text.hpp"
#include "prepared_endpoint.hpp"

namespace genwire::mock::detail {

const genwire::status_doc* prepared_endpoint::doc(int code) const noexcept {
  for (const auto& s : statuses)
    if (s.code == code) return &s;
  return nullptr;
}

const prepared_answer* prepared_endpoint::answer_for(int code) const noexcept {
  for (const auto& a : answers)
    if (a.status == code) return &a;
  return nullptr;
}

const prepared_answer* prepared_endpoint::success() const noexcept {
  for (const auto& a : answers)
    if (a.status >= 200 && a.status < 300 && !a.body.empty()) return &a;
  return nullptr;
}

std::vector<int> prepared_endpoint::codes() const {
  std::vector<int> out;
  for (const auto& s : statuses) out.push_back(s.code);
  return out;
}

response json_response_text(int status, genwire::result<std::string> encoded) {
  if (!encoded) return mock_error(500, "encode-failed", "the mock could not encode its answer: " + encoded.error().message());
  return response{status, {{"Content-Type", std::string(json_type)}}, std::move(*encoded)};
}

response mock_error(int status, std::string_view kind, std::string message, const prepared_endpoint* ep,
                    std::optional<int> requested_code) {
  mock_error_body body;
  body.genwire_mock_error.kind = std::string(kind);
  body.genwire_mock_error.message = utf8_safe(message);
  if (ep) {
    body.genwire_mock_error.endpoint = std::string(ep->name);
    body.genwire_mock_error.documented_codes = ep->codes();
  }
  body.genwire_mock_error.requested_code = requested_code;
  response r{status, {{"Content-Type", std::string(json_type)}, {std::string(mock_error_header), std::string(kind)}}, {}};
  if (auto text = genwire::encode(body)) r.body = std::move(*text);
  return r;
}

response documented(const prepared_endpoint& ep, int code) {
  const auto* a = ep.answer_for(code);
  if (!a) {
    std::string codes;
    for (int c : ep.codes()) codes += (codes.empty() ? "" : ", ") + std::to_string(c);
    return mock_error(mock_error_status, "undocumented-code",
                      std::string(ep.name) + " does not document status " + std::to_string(code) + " (documented: " + codes + ")",
                      &ep, code);
  }
  return response{a->status, a->headers, a->body};
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

}  // namespace genwire::mock::detail
