// Whether an answer (a status and a body) is one the endpoint's models describe: the status is in
// its table, and the body decodes with the endpoint's own type for that status (the success
// response for 2xx, the error envelope otherwise) under the default rules and under
// genwire::strict. Generic: one instantiation per descriptor, stored in its prepared entry
// (prepared_endpoint::check), so a new endpoint is checked with nothing added here. The proxy
// checks upstream answers with it; --examples checks example files. Internal to genwire_mock.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/journal.hpp>

namespace genwire::mock::detail {

struct answer_check {
  bool documented_status = true;  // false: the status is not in the endpoint's table (itself a violation)
  std::vector<journal_violation> violations;
};

using answer_checker = answer_check (*)(int status, std::string_view body);

// The codec's error as a journal violation.
journal_violation violation_of(const genwire::error& e, bool strict_only);
// The violation an undocumented status is: path "$", the documented codes expected.
journal_violation undocumented_status(int status, std::span<const genwire::status_doc> statuses);
// The violation a body on a row documented without one is.
journal_violation unexpected_body(std::string_view body);

// The first error under the default rules; else the first under genwire::strict (strict_only).
// The codec stops at its first error, so a body reports at most one violation per rule set.
template <class T>
std::vector<journal_violation> check_body(std::string_view body) {
  if (auto lenient = genwire::decode<T>(body); !lenient) return {violation_of(lenient.error(), false)};
  if (auto strict = genwire::decode<T, genwire::strict>(body); !strict) return {violation_of(strict.error(), true)};
  return {};
}

template <genwire::endpoint_descriptor D>
answer_check check_answer(int status, std::string_view body) {
  const genwire::status_doc* row = genwire::find_status<D>(status);
  if (!row) return {false, {undocumented_status(status, std::span<const genwire::status_doc>(D::statuses))}};
  if (row->body.empty()) {
    if (body.empty()) return {};
    return {true, {unexpected_body(body)}};
  }
  if (status >= 200 && status < 300) return {true, check_body<typename D::response>(body)};
  return {true, check_body<typename D::error>(body)};
}

// The checker of the descriptor named `endpoint` ("<provider>.<endpoint>"), or nullptr.
answer_checker checker_for(std::string_view endpoint) noexcept;

}  // namespace genwire::mock::detail
