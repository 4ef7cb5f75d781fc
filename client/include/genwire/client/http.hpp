// genwire/client/http.hpp: one HTTP exchange as the client's retry loop sees it, without any
// HTTP library's types, so the loop can be driven by a scripted exchange in tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core/endpoint.hpp>

namespace genwire::client {

struct http_header {
  std::string name;
  std::string value;
};

// Header names compare without regard to ASCII case (RFC 9110 section 5.1).
constexpr bool same_header_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The first value of header `name`, or nullptr.
inline const std::string* find_header(const std::vector<http_header>& headers, std::string_view name) noexcept {
  for (const auto& h : headers)
    if (same_header_name(h.name, name)) return &h.value;
  return nullptr;
}

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
