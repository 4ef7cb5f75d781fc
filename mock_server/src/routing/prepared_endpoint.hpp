// What the router knows about one endpoint at run time, prepared once from its descriptor when the
// server is built: the documented answers encoded through the endpoint's own types, the named
// examples, the Allow header, which rows are retryable. Every layer (route, faults, admin) reads
// this one entry. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/http.hpp>

#include "../proxy/answer_check.hpp"

namespace genwire::mock::detail {

class provider_policy;

// A documented row, ready to send.
struct prepared_answer {
  int status = 0;
  std::string body;  // "" when the row has no body (204)
  std::vector<header> headers;  // the row's documented headers, and Content-Type when there is a body
};

struct named_example {
  std::string name;
  int status = 0;
  std::string body;
  std::vector<header> headers;  // an example file's recorded headers, over the row's documented ones
  std::string file;             // the example file it came from (--examples); "" for a documented one
};

struct prepared_endpoint {
  std::size_t index = 0;  // the descriptor's position in genwire::all_endpoints
  std::string_view name;  // the descriptor's name, "<provider>.<endpoint>"
  std::string_view provider;
  std::string_view path;  // the descriptor's path, "/api/v1/runs/{runId}" for one with parameters
  bool has_path_params = false;
  genwire::http_method method = genwire::http_method::get;
  genwire::request_location request_in = genwire::request_location::json_body;
  std::span<const genwire::status_doc> statuses;
  std::span<const genwire::auth_scheme> auth;
  bool preflight = false;                // OPTIONS is a CORS preflight (a 204), not a 405
  bool cors = false;                     // --cors: every answer is readable by a page on another origin
  std::string allow;                     // the Allow header of a 405
  std::vector<prepared_answer> answers;  // one per documented status, in the table's order
  std::vector<named_example> examples;   // the response and error examples, for Prefer: example=
  std::vector<std::size_t> retryable;    // indices into answers: the rows treated as retryable
  std::optional<std::size_t> too_many_requests;  // index of the documented 429
  const provider_policy* policy = nullptr;
  answer_checker check = nullptr;        // does an answer (status, body) fit the endpoint's models?

  [[nodiscard]] const genwire::status_doc* doc(int code) const noexcept;
  [[nodiscard]] const prepared_answer* answer_for(int code) const noexcept;
  // The success (2xx) answer with a body, or nullptr.
  [[nodiscard]] const prepared_answer* success() const noexcept;
  [[nodiscard]] std::vector<int> codes() const;
};

namespace prepare_detail {

// The documented body re-encoded through the endpoint's own type T (proof that it decodes, and
// compact). When re-encoding would change it semantically, the document wins and is replayed as is.
template <class T>
std::string body_as(std::string_view endpoint, int code, std::string_view text) {
  if (text.empty()) return {};
  auto decoded = genwire::decode<T>(text);
  if (!decoded)
    throw std::logic_error(std::string(endpoint) + ": the documented body for status " + std::to_string(code) +
                           " does not decode with the endpoint's own type: " + decoded.error().message());
  auto encoded = genwire::encode(*decoded);
  auto original = genwire::parse_json(text);
  if (!encoded || !original)
    throw std::logic_error(std::string(endpoint) + ": the documented body for status " + std::to_string(code) + " cannot be re-encoded");
  auto again = genwire::parse_json(*encoded);
  if (again && *again == *original) return std::move(*encoded);
  return genwire::to_json(*original);
}

template <class D>
std::string body_for_status(int code, std::string_view text) {
  if (code >= 200 && code < 300) return body_as<typename D::response>(D::name, code, text);
  return body_as<typename D::error>(D::name, code, text);
}

}  // namespace prepare_detail

// The entry of descriptor D (at `index` in genwire::all_endpoints), answered through `policy`;
// `cors`: server_config::cors.
template <genwire::endpoint_descriptor D>
prepared_endpoint prepare_endpoint(std::size_t index, const provider_policy& policy, bool preflight, bool cors) {
  prepared_endpoint e;
  e.index = index;
  e.name = D::name;
  e.provider = D::provider;
  e.path = D::path;
  e.has_path_params = D::path.find('{') != std::string_view::npos;
  e.method = D::method;
  e.request_in = D::request_in;
  e.statuses = std::span<const genwire::status_doc>(D::statuses);
  e.auth = std::span<const genwire::auth_scheme>(D::auth);
  e.preflight = preflight || cors;
  e.cors = cors;
  e.allow = D::method == genwire::http_method::get ? "GET, HEAD" : std::string(genwire::to_string(D::method));
  if (e.preflight) e.allow += ", OPTIONS";
  e.policy = &policy;
  e.check = &check_answer<D>;
  for (const genwire::status_doc& s : D::statuses) {
    prepared_answer a;
    a.status = s.code;
    a.body = prepare_detail::body_for_status<D>(s.code, s.body);
    if (!a.body.empty()) a.headers.push_back({"Content-Type", "application/json"});
    for (const genwire::header_field& h : s.headers)
      if (!h.name.empty()) a.headers.push_back({std::string(h.name), std::string(h.value)});
    if (s.treat == genwire::treatment::retryable) e.retryable.push_back(e.answers.size());
    if (s.code == 429) e.too_many_requests = e.answers.size();
    e.answers.push_back(std::move(a));
  }
  for (const genwire::example& x : D::examples) {
    if (x.kind != genwire::example_kind::response && x.kind != genwire::example_kind::error) continue;
    e.examples.push_back({std::string(x.name), x.status, prepare_detail::body_for_status<D>(x.status, x.body), {}, {}});
  }
  return e;
}

}  // namespace genwire::mock::detail
