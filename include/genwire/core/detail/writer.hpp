// genwire/core/detail/writer.hpp: appends JSON text to one std::string buffer. The encoders write
// through `output`, a raw pointer into the string's own storage that grows it ahead of the text (in
// steps of at most 2 KiB within its capacity, geometrically beyond), so an append is a bounds
// check and a copy, not a std::string call; the std::string& functions below are for the rest.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "../formats.hpp"
#include "config.hpp"
#include "number_text.hpp"
#include "simd.hpp"

namespace genwire::detail {

class output {
 public:
  // Appends to s.
  explicit output(std::string& s) noexcept : output(s, false) {}
  // Replaces s's text instead when `replace`, writing over the characters it holds before growing
  // it: a buffer reused for documents of about one size is not filled again each time.
  output(std::string& s, bool replace) noexcept : s_(s), p_(s.data() + (replace ? 0 : s.size())), end_(s.data() + s.size()) {}
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  // The string ends where the text does again (also after a failure: a partial document). The
  // text never ends past the string's size (grow() resizes ahead of it), so this only shortens:
  // erase() to the end is inline, where libstdc++'s resize() is a call into the library.
  ~output() { s_.erase(size()); }

  // Room for n more characters at cursor().
  GENWIRE_ALWAYS_INLINE char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) [[unlikely]]
      grow(n);
    return p_;
  }
  [[nodiscard]] char* cursor() const noexcept { return p_; }
  [[nodiscard]] bool has_room(std::size_t n) const noexcept { return static_cast<std::size_t>(end_ - p_) >= n; }
  void advance_to(char* q) noexcept { p_ = q; }

  // Each writer moves the cursor from the pointer it wrote through, never by re-reading p_ after
  // its store: a char store may alias p_, so `p_ += n` would reload it from memory on every token.
  GENWIRE_ALWAYS_INLINE void put(char c) {
    char* q = room(1);
    *q = c;
    p_ = q + 1;
  }
  // Inline, so that a literal's length is a constant and its copy a few moves.
  GENWIRE_ALWAYS_INLINE void append(std::string_view t) {
    char* q = room(t.size());
    std::memcpy(q, t.data(), t.size());
    p_ = q + t.size();
  }
  // A short text of run-time length that may be read for short_pad bytes from its start (a
  // member's `"key":` in its zero-padded table): one fixed-size copy, then the cursor moves by it.
  static constexpr std::size_t short_pad = 32;
  GENWIRE_ALWAYS_INLINE void append_short(std::string_view t) {
    if (t.size() > short_pad) [[unlikely]]
      return append(t);
    char* q = room(short_pad);
    std::memcpy(q, t.data(), short_pad);
    p_ = q + t.size();
  }
  // Characters written so far, the string's earlier content included.
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(p_ - s_.data()); }
  void truncate(std::size_t n) noexcept { p_ = s_.data() + n; }

 private:
  // Zero-filling the string ahead of the text is the only way to use its capacity; in steps of at
  // most 2 KiB that stays a short vector loop (libc fills larger blocks with `rep stosb`).
  static constexpr std::size_t step = 2048;

  GENWIRE_NOINLINE void grow(std::size_t n) {
    const std::size_t used = size(), need = used + n;
    if (need > s_.capacity()) s_.reserve(std::max(need, 2 * s_.capacity()));
    s_.resize(std::max(need, std::min(s_.capacity(), used + step)));
    p_ = s_.data() + used;
    end_ = s_.data() + s_.size();
  }

  std::string& s_;
  char* p_;
  char* end_;
};

// At p, a byte that needs attention inside a JSON string: true and past it, having written its
// escape, or the valid UTF-8 sequences starting there; false when they are not valid UTF-8.
inline bool write_special(output& out, const char*& p, const char* end) {
  const auto c = static_cast<unsigned char>(*p);
  if (c >= 0x80) {
    // Copied sequence by sequence as it is validated, in place: the caller reserves room for the
    // rest of the string next anyway, and a run is usually one or two letters (a "ü", a "日本").
    char* q = out.room(static_cast<std::size_t>(end - p));
    do {
      const std::size_t len = formats::utf8_sequence_length(reinterpret_cast<const unsigned char*>(p),
                                                            reinterpret_cast<const unsigned char*>(end));
      if (len == 0) return out.advance_to(q), false;
      for (std::size_t i = 0; i < len; ++i) q[i] = p[i];
      q += len;
      p += len;
    } while (p < end && static_cast<unsigned char>(*p) >= 0x80);
    out.advance_to(q);
    return true;
  }
  ++p;
  switch (c) {
    case '"': out.append("\\\""); return true;
    case '\\': out.append("\\\\"); return true;
    case '\b': out.append("\\b"); return true;
    case '\f': out.append("\\f"); return true;
    case '\n': out.append("\\n"); return true;
    case '\r': out.append("\\r"); return true;
    case '\t': out.append("\\t"); return true;
    default: {
      constexpr char hex[] = "0123456789abcdef";
      const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      out.append({esc, 6});
      return true;
    }
  }
}

// The rest of a string from its first special byte at p: escapes, UTF-8, the closing quote.
GENWIRE_NOINLINE inline bool write_string_rest(output& out, const char* p, const char* end) {
  for (;;) {
    if (!write_special(out, p, end)) return false;
    char* q = out.room(static_cast<std::size_t>(end - p) + 1);
    const char* stop = simd::copy_plain(q, p, end);
    q += stop - p;
    out.advance_to(q);
    p = stop;
    if (p == end) return out.put('"'), true;
  }
}

// Appends s as a JSON string, copying and scanning it in one pass. Returns false (having written
// part of it) when s is not valid UTF-8.
inline bool write_string(output& out, std::string_view s);
GENWIRE_NOINLINE inline bool write_string_growing(output& out, std::string_view s) {
  (void)out.room(s.size() + 2);
  return write_string(out, s);
}
// Its common case calls nothing before its last step (growing the buffer and the special bytes
// are tail calls), so it saves few registers and needs no realigned frame for its vector step.
inline bool write_string(output& out, std::string_view s) {
  if (!out.has_room(s.size() + 2)) [[unlikely]]
    return write_string_growing(out, s);
  const char* p = s.data();
  const char* const end = p + s.size();
  char* q = out.cursor();
  *q++ = '"';
  const char* stop = simd::copy_plain(q, p, end);
  q += stop - p;
  if (stop == end) [[likely]] {
    *q++ = '"';
    out.advance_to(q);
    return true;
  }
  out.advance_to(q);
  return write_string_rest(out, stop, end);
}

template <class T>
inline void write_integer(output& out, T v) {
  out.advance_to(format_integer(out.room(max_integer_chars), v));
}

// Shortest text that reads back as the same value of F (a float is written as a float: 0.1f is
// "0.1", not the double expansion of its binary value). False for NaN and infinities (not JSON).
template <class F>
inline bool write_double(output& out, F v) {
  static_assert(std::is_floating_point_v<F>);
  if (!std::isfinite(v)) return false;
  if (v == 0 && std::signbit(v)) {
    // "-0" would read back as the integer 0 (json::value keeps integers exact), losing the sign.
    out.append("-0.0");
    return true;
  }
  char* q = out.room(max_double_chars);
  if constexpr (std::is_same_v<F, double>) out.advance_to(format_double(q, v));
  else out.advance_to(std::to_chars(q, q + max_double_chars, v).ptr);
  return true;
}

// ---- the same into a std::string, for the query codec, messages and json::value ----

inline bool write_string(std::string& s, std::string_view text) {
  output out(s);
  return write_string(out, text);
}

template <class T>
inline void write_integer(std::string& s, T v) {
  output out(s);
  write_integer(out, v);
}

template <class F>
inline bool write_double(std::string& s, F v) {
  output out(s);
  return write_double(out, v);
}

}  // namespace genwire::detail
