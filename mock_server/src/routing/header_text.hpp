// Reading HTTP header values (RFC 9110 §5.6): optional whitespace, comma/semicolon lists with
// quoted strings, and the credential after an auth scheme word. Prefer, the fault injector and
// auth all read headers the same way through these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <genwire/mock/http.hpp>

namespace genwire::mock::detail {

constexpr bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Calls each(part) for every part between `sep`s outside quoted strings (a quoted value may hold
// ',' or ';').
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

// A quoted-string's content with its backslash escapes undone; other text unchanged.
inline std::string unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

// The credential in `value` after the scheme word (`Bearer <key>`; no scheme: the whole value),
// trimmed and possibly empty; nullopt when the value does not start with that scheme word.
constexpr std::optional<std::string_view> credential(std::string_view value, std::string_view scheme) noexcept {
  std::string_view text = trim(value);
  scheme = trim(scheme);
  if (scheme.empty()) return text;
  if (!istarts_with(text, scheme) || (text.size() > scheme.size() && !is_ows(text[scheme.size()]))) return std::nullopt;
  return trim(text.substr(scheme.size()));
}

}  // namespace genwire::mock::detail
