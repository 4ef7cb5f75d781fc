#include "answer_check.hpp"

#include "../text.hpp"

namespace genwire::mock::detail {

journal_violation violation_of(const genwire::error& e, bool strict_only) {
  journal_violation v;
  v.path = utf8_safe(e.path);
  v.expected = utf8_safe(e.expected);
  v.found = utf8_safe(e.found);
  // The codec leaves `expected` empty when the error code says it all: say it as expected/found.
  if (v.expected.empty() && e.code == genwire::errc::missing_key) {
    v.expected = "the required key";
    v.found = "no such key";
  } else if (v.expected.empty()) {
    v.expected = "valid JSON of the documented shape";
    v.found = std::string(genwire::to_string(e.code)) + (v.found.empty() ? "" : ": " + v.found);
  }
  v.offset = e.offset;
  v.strict_only = strict_only;
  return v;
}

journal_violation undocumented_status(int status, std::span<const genwire::status_doc> statuses) {
  std::string codes;
  for (const auto& s : statuses) codes += (codes.empty() ? "" : ", ") + std::to_string(s.code);
  return {"$", "a documented status (" + codes + ")", "status " + std::to_string(status), 0, false};
}

journal_violation unexpected_body(std::string_view body) {
  return {"$", "no body", std::to_string(body.size()) + " bytes", 0, false};
}

answer_checker checker_for(std::string_view endpoint) noexcept {
  answer_checker found = nullptr;
  genwire::all_endpoints::for_each([&]<class D>() {
    if (D::name == endpoint) found = &check_answer<D>;
  });
  return found;
}

}  // namespace genwire::mock::detail
