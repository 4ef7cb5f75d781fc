// genwire/core/detail/writer.hpp: appends JSON text to one std::string buffer.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "../formats.hpp"

namespace genwire::detail {

// Appends s as a JSON string. Returns false (writing nothing useful) when s is not valid UTF-8.
inline bool write_string(std::string& out, std::string_view s) {
  out += '"';
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  for (;;) {
    while (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const std::uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
      if ((((quote - ones) & ~quote) | ((slash - ones) & ~slash) | (w - ones * 0x20) | w) & highs) break;
      p += 8;
    }
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++p;
    }
    if (p >= end) break;
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      const std::size_t len = formats::utf8_sequence_length(reinterpret_cast<const unsigned char*>(p),
                                                            reinterpret_cast<const unsigned char*>(end));
      if (len == 0) return false;
      p += len;
      continue;
    }
    out.append(run, p);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(esc, 6);
      }
    }
    run = ++p;
  }
  out.append(run, end);
  out += '"';
  return true;
}

template <class T>
inline void write_integer(std::string& out, T v) {
  char buf[24];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, ptr);
}

// Shortest text that reads back as the same value of F (a float is written as a float: 0.1f is
// "0.1", not the double expansion of its binary value). False for NaN and infinities (not JSON).
template <class F>
inline bool write_double(std::string& out, F v) {
  static_assert(std::is_floating_point_v<F>);
  if (!std::isfinite(v)) return false;
  if (v == 0 && std::signbit(v)) {
    // "-0" would read back as the integer 0 (json::value keeps integers exact), losing the sign.
    out += "-0.0";
    return true;
  }
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, ptr);
  return true;
}

}  // namespace genwire::detail
