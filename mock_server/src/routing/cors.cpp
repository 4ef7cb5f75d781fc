#include "cors.hpp"

#include <array>
#include <string_view>

#include "header_text.hpp"

namespace genwire::mock::detail {
namespace {

// Headers a page reads without being told (the Fetch standard's CORS-safelisted response header
// names), and those that are about CORS or the connection itself.
bool exposed_anyway(std::string_view name) {
  static constexpr std::array<std::string_view, 9> names{"Cache-Control", "Content-Language", "Content-Length",
                                                         "Content-Type",  "Expires",          "Last-Modified",
                                                         "Pragma",        "Vary",             "Connection"};
  for (std::string_view n : names)
    if (iequals(n, name)) return true;
  return istarts_with(name, "Access-Control-");
}

// `Vary` with `Origin` among its values (added once to what the answer already varies on).
void vary_on_origin(response& r) {
  const std::string* vary = r.header_value("Vary");
  if (!vary) {
    r.set_header("Vary", "Origin");
    return;
  }
  bool listed = false;
  split_unquoted(*vary, ',', [&](std::string_view v) { listed = listed || iequals(trim(v), "Origin") || trim(v) == "*"; });
  if (!listed) r.set_header("Vary", *vary + ", Origin");
}

}  // namespace

std::string cors_allowed_headers(const prepared_endpoint& ep) {
  std::string allowed;
  for (const auto& a : ep.auth) allowed += std::string(a.header) + ", ";
  return allowed + "Content-Type, Prefer";
}

void allow_cross_origin(const prepared_endpoint& ep, const request& rq, response& r) {
  if (!ep.cors) return;
  // Decision: the request's Origin is echoed (any origin may call, as the provider that documents CORS allows) and no Access-Control-Allow-Credentials is sent: the keys travel in headers, which need no credentials mode, and a page sends no cookies to an API.
  if (const std::string* origin = rq.header_value("Origin")) r.set_header("Access-Control-Allow-Origin", *origin);
  vary_on_origin(r);
  if (rq.method == "OPTIONS" && r.status == 204) {
    // Decision: no Access-Control-Max-Age of the mock's own (a provider's documented one stays): the browser's default few seconds, so a test page never keeps a preflight across restarts of the mock with other flags.
    r.set_header("Access-Control-Allow-Methods", ep.allow);
    r.set_header("Access-Control-Allow-Headers", cors_allowed_headers(ep));
    return;
  }
  // Decision: an answer exposes exactly the headers it carries beyond the safelisted ones (request ids, Retry-After, retry-after-ms, Allow, X-Genwire-Mock-Error): a page then reads what a server-side client reads, and nothing is listed that the answer lacks.
  std::string exposed;
  for (const header& h : r.headers)
    if (!exposed_anyway(h.name)) exposed += (exposed.empty() ? "" : ", ") + h.name;
  if (!exposed.empty()) r.set_header("Access-Control-Expose-Headers", std::move(exposed));
}

}  // namespace genwire::mock::detail
