// genwire/client/http.hpp: one HTTP exchange as the client's retry loop sees it, without any
// HTTP library's types, so the loop can be driven by a scripted exchange in tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core/endpoint.hpp>
#include <genwire/core/http_header.hpp>

namespace genwire::client {

using genwire::find_header;
using genwire::http_header;

struct http_request {
  genwire::http_method method = genwire::http_method::get;
  std::string target;  // path and query, e.g. "/api/v1/generations?limit=20"
  std::vector<http_header> headers;
  std::string body;    // the JSON body of a POST endpoint; empty for GET
};

struct http_response {
  int status = 0;
  std::vector<http_header> headers;
  std::string body;

  [[nodiscard]] const std::string* header(std::string_view name) const noexcept { return find_header(headers, name); }
};

}  // namespace genwire::client
