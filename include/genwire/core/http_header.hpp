// genwire/core/http_header.hpp: an HTTP header field as the mock server and the client carry it,
// with the one name comparison both need, so neither depends on an HTTP library's types.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace genwire {

struct http_header {
  std::string name;
  std::string value;
};

// Equal without regard to ASCII case, as header names compare (RFC 9110 section 5.1) and the
// tokens inside some header values do.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
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
    if (iequals(h.name, name)) return &h.value;
  return nullptr;
}

}  // namespace genwire
