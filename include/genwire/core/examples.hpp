// genwire/core/examples.hpp: every whole document a descriptor shows, for tools that publish or
// check them (the OpenAPI document, `genwire examples`, the interop tests):
//
//   for (const genwire::example_document& e : genwire::example_documents<D>()) use(e.name, e.kind, e.body);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "endpoint.hpp"

namespace genwire {

// One example with a name of its own (a status body that no named example repeats is named
// "status_<code>").
struct example_document {
  std::string name;
  example_kind kind = example_kind::response;
  int status = 200;
  std::string_view body;  // a query string for a query-string request, else JSON
  provenance origin = provenance::documented;
};

constexpr bool is_success_status(int code) noexcept { return code >= 200 && code < 300; }

// D's named examples in order (fragments are parts of a document and left out), then every
// status body (status_doc::body, what the mock answers for that code) that none of them repeats.
template <endpoint_descriptor D>
std::vector<example_document> example_documents() {
  std::vector<example_document> out;
  for (const example& e : D::examples)
    if (e.kind != example_kind::fragment) out.push_back({std::string(e.name), e.kind, e.status, e.body, e.origin});
  for (const status_doc& s : D::statuses) {
    if (s.body.empty()) continue;
    bool repeated = false;
    for (const example& e : D::examples) repeated = repeated || (e.status == s.code && e.body == s.body);
    if (!repeated)
      out.push_back({"status_" + std::to_string(s.code), is_success_status(s.code) ? example_kind::response : example_kind::error,
                     s.code, s.body, s.body_origin});
  }
  return out;
}

// The name of the example whose body is the status body of `code` (what the mock answers for it),
// or "" when the status has no body.
template <endpoint_descriptor D>
std::string status_example_name(int code) {
  const status_doc* s = find_status<D>(code);
  if (s == nullptr || s->body.empty()) return {};
  for (const example& e : D::examples)
    if (e.status == code && e.body == s->body) return std::string(e.name);
  return "status_" + std::to_string(code);
}

}  // namespace genwire
