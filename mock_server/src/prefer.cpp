#include "prefer.hpp"

#include <string_view>

namespace genwire::mock::detail {
namespace {

constexpr bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

// Splits at `sep` outside quoted strings (a quoted value may contain ',' or ';').
template <class F>
void split_unquoted(std::string_view s, char sep, F&& each) {
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (quoted && s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && s[i] == sep) {
      each(s.substr(start, i - start));
      start = i + 1;
    }
  }
  each(s.substr(start));
}

std::string unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

}  // namespace

preferences parse_prefer(const request& rq) {
  preferences p;
  bool seen_code = false, seen_example = false;
  for (const auto& h : rq.headers) {
    if (!iequals(h.name, "Prefer")) continue;
    split_unquoted(h.value, ',', [&](std::string_view item) {
      // preference = token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] ); parameters are ignored.
      std::string_view head;
      bool first = true;
      split_unquoted(item, ';', [&](std::string_view part) {
        if (first) head = part;
        first = false;
      });
      const std::size_t eq = head.find('=');
      const std::string_view name = trim(head.substr(0, eq));
      const std::string value = eq == std::string_view::npos ? std::string() : unquote(trim(head.substr(eq + 1)));
      if (iequals(name, "code") && !seen_code) {
        seen_code = true;
        int code = 0;
        bool digits = value.size() == 3;
        for (char c : value) {
          digits = digits && c >= '0' && c <= '9';
          if (digits) code = code * 10 + (c - '0');
        }
        if (!digits || code < 100 || code > 599) {
          if (p.error.empty()) p.error = "Prefer: code must be a three-digit HTTP status from 100 to 599";
        } else {
          p.code = code;
        }
      } else if (iequals(name, "example") && !seen_example) {
        seen_example = true;
        if (value.empty()) {
          if (p.error.empty()) p.error = "Prefer: example needs an example name";
        } else {
          p.example = value;
        }
      }
    });
  }
  return p;
}

}  // namespace genwire::mock::detail
