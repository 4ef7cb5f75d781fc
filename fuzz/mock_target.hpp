// fuzz/mock_target.hpp: the mock server's request handling, in process (no sockets). The input is
// a request written like HTTP/1.1 text, so seeds are readable and mutations stay meaningful:
//
//   POST /v1/list_project_generations?x=1
//   Authorization: Bearer gw_test_read
//   Prefer: code=404
//
//   {"apiProjectId": "..."}
//
// The first line is "<method> <path>[?<query>]"; header lines follow up to an empty line; the rest
// is the body. Lines may end in LF or CRLF. Properties of every answer:
//   - handle() returns (it promises never to throw; an escaping exception aborts the run);
//   - the status is one the addressed endpoint documents, or the answer is marked as the mock's
//     own (X-Genwire-Mock-Error); a path that is no endpoint always gets a marked answer. Allowed
//     unmarked beyond the table: what HTTP prescribes (405 with an Allow header naming the
//     endpoint's method, for another method; an empty 204 to an OPTIONS preflight) and the
//     refusals the mock README lists under "Real behaviour" (401, 403, 413), whose bodies must
//     decode as the endpoint's error type;
//   - a JSON body passes check_json, and an unmarked body of a documented status decodes as the
//     endpoint's response (2xx) or error type, in default mode;
//   - no header name or value holds CR, LF or NUL (no response splitting).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <genwire/genwire.hpp>
#include <genwire/mock/server.hpp>

#include "properties.hpp"

namespace genwire_fuzz {

inline genwire::mock::request parse_request_text(std::string_view in) {
  genwire::mock::request rq;
  const auto next_line = [&in]() {
    const std::size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  const std::string_view first = next_line();
  const std::size_t sp = first.find(' ');
  rq.method = std::string(first.substr(0, sp));
  const std::string_view target = sp == std::string_view::npos ? std::string_view{} : first.substr(sp + 1);
  const std::size_t q = target.find('?');
  rq.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) rq.query = std::string(target.substr(q + 1));
  while (!in.empty()) {
    const std::string_view line = next_line();
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    rq.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
  }
  rq.body = std::string(in);
  return rq;
}

namespace detail {

template <class T>
genwire::status decodes_as(std::string_view body) {
  T value{};
  return genwire::decode_into(body, value);
}

template <class D>
finding check_documented_answer(const genwire::mock::response& r) {
  if (r.body.empty()) return {};
  const bool success = r.status >= 200 && r.status < 300;
  const genwire::status st = success ? decodes_as<typename D::response>(r.body) : decodes_as<typename D::error>(r.body);
  if (!st)
    return std::string(D::name) + "'s " + std::to_string(r.status) + " body does not decode as its " +
           (success ? "response" : "error") + " type (" + st.error().message() + "): " + printable(r.body);
  return {};
}

template <class D>
finding decodes_as_error(const genwire::mock::response& r) {
  if (const genwire::status st = decodes_as<typename D::error>(r.body); !st)
    return std::string(D::name) + "'s " + std::to_string(r.status) + " body does not decode as its error type (" +
           st.error().message() + "): " + printable(r.body);
  return {};
}

}  // namespace detail

inline genwire::mock::server& fuzz_server() {
  // One server for the whole run, as a real one serves many requests; a short journal keeps the
  // admin answers small.
  static genwire::mock::server srv([] {
    genwire::mock::server_config c;
    c.journal_capacity = 16;
    return c;
  }());
  return srv;
}

inline finding mock_handle(std::string_view in) {
  const genwire::mock::request rq = parse_request_text(in);
  const genwire::mock::response r = fuzz_server().handle(rq);

  for (const auto& h : r.headers)
    for (std::string_view s : {std::string_view(h.name), std::string_view(h.value)})
      if (s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        return "a response header holds CR, LF or NUL: " + printable(h.name) + ": " + printable(h.value);

  const std::string* type = r.header_value("Content-Type");
  if (!r.body.empty() && type && type->find("json") != std::string::npos)
    if (const genwire::status st = genwire::check_json(r.body); !st)
      return "a JSON answer is not JSON (" + st.error().message() + "): " + printable(r.body);

  if (r.status < 100 || r.status > 599) return "status " + std::to_string(r.status) + " is not an HTTP status";
  if (r.header_value(genwire::mock::mock_error_header)) return {};  // the mock's own, marked answer

  if (rq.path.starts_with("/__admin/")) {
    if (r.status != 200) return "an unmarked admin answer with status " + std::to_string(r.status);
    return {};
  }
  finding f = "no endpoint at " + printable(rq.path) + " yet an unmarked answer " + std::to_string(r.status);
  genwire::all_endpoints::for_each([&]<class D>() {
    if (!genwire::path_matches(D::path, rq.path)) return;
    const std::string_view own = genwire::to_string(D::method);
    const bool other_method = rq.method != own && !(own == "GET" && rq.method == "HEAD");
    if (genwire::find_status<D>(r.status)) {
      f = detail::check_documented_answer<D>(r);
    } else if (rq.method == "OPTIONS" && r.status == 204 && r.body.empty()) {
      f.clear();  // a CORS preflight (Diffio documents OPTIONS for it), answered by HTTP's rules
    } else if (r.status == 405) {
      // HTTP's own answer to a method the route lacks (RFC 9110 section 15.5.6).
      const std::string* allow = r.header_value("Allow");
      if (!other_method) f = "an undocumented 405 for the endpoint's own method " + std::string(own);
      else if (!allow || allow->find(own) == std::string::npos) f = "a 405 without an Allow header naming " + std::string(own);
      else f = r.body.empty() ? finding{} : detail::decodes_as_error<D>(r);
    } else if (r.status == 401 || r.status == 403 || r.status == 413) {
      // The refusals a provider's page leaves out (mock README, "Real behaviour"), in the
      // provider's own error type so a client can still read them.
      f = r.body.empty() ? finding{} : detail::decodes_as_error<D>(r);
    } else {
      f = std::string(D::name) + " answered " + std::to_string(r.status) + ", which it does not document, without " +
          std::string(genwire::mock::mock_error_header);
    }
  });
  return f;
}

}  // namespace genwire_fuzz
