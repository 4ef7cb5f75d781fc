#include "text.hpp"

#include <genwire/core/formats.hpp>

namespace genwire::mock::detail {

std::string utf8_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Every request's method, path, headers and body pass here (the journal): ASCII runs go in one append.
    const auto* run = p;
    while (p < end && *p < 0x80) ++p;
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    if (p == end) break;
    const std::size_t n = genwire::formats::utf8_sequence_length(p, end);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++p;
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
      p += n;
    }
  }
  return out;
}

std::string printable(std::string_view s) {
  std::string out = utf8_safe(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

}  // namespace genwire::mock::detail
