// genwire/core/detail/scanner.hpp: the RFC 8259 lexer every JSON decoder in genwire shares.
// It never reads outside [begin, end), rejects everything RFC 8259 does not allow, and records
// the first error with its byte offset; callers add the path while unwinding (zero cost on success).
#pragma once

#include <algorithm>
#include <bit>
#include <cfloat>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "../error.hpp"
#include "../formats.hpp"
#include "config.hpp"
#include "simd.hpp"

namespace genwire::detail {

struct path_segment {
  std::string key;  // empty when this is an index
  std::size_t index = 0;
  bool is_index = false;
};

inline bool is_identifier(std::string_view k) {
  if (k.empty() || (k[0] >= '0' && k[0] <= '9')) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// `generations[3].status`, `input["[0]"]`, or `$` for the root; segments arrive innermost first.
inline std::string render_path(const std::vector<path_segment>& innermost_first) {
  if (innermost_first.empty()) return "$";
  std::string out;
  for (auto it = innermost_first.rbegin(); it != innermost_first.rend(); ++it) {
    if (it->is_index) {
      out += '[';
      out += std::to_string(it->index);
      out += ']';
    } else if (is_identifier(it->key)) {
      if (!out.empty()) out += '.';
      out += it->key;
    } else {
      out += "[\"";
      for (char c : it->key) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += "\"]";
    }
  }
  return out;
}

// A short, printable quotation of input text for error messages.
inline std::string quote_snippet(std::string_view s, std::size_t limit = 40) {
  std::string out = "\"";
  std::size_t n = 0;
  for (char c : s) {
    if (n++ == limit) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
  }
  out += '"';
  return out;
}

class scanner {
 public:
  scanner(std::string_view text, std::uint32_t max_depth)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

  // ---- position ----
  [[nodiscard]] const char* pos() const noexcept { return p_; }
  [[nodiscard]] const char* end() const noexcept { return end_; }
  [[nodiscard]] std::size_t offset_of(const char* q) const noexcept { return static_cast<std::size_t>(q - begin_); }
  [[nodiscard]] bool at_end() const noexcept { return p_ >= end_; }
  [[nodiscard]] char peek() const noexcept { return p_ < end_ ? *p_ : '\0'; }

  GENWIRE_ALWAYS_INLINE void skip_ws() noexcept {
    if (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c > ' ') return;  // compact JSON: nothing to skip
      if (c == ' ' && end_ - p_ >= 2 && static_cast<unsigned char>(p_[1]) > ' ') {  // `"key": value`
        ++p_;
        return;
      }
    }
    skip_ws_run();
  }
  // Indented JSON: a line break and the next line's indentation. The indentation's spaces are
  // counted eight at a time from one word (its first byte that is no space), so a run costs one
  // step per line break and per eight spaces; whitespace that is not "one byte, then spaces" (a CR
  // LF, tabs, blank lines) goes round again, and the input's last bytes one by one. The position is
  // kept in a local: the member would be stored back after every byte (a char read may alias it).
  void skip_ws_run() noexcept {
    const char* q = p_;
    if constexpr (std::endian::native == std::endian::little) {
      while (end_ - q > 8) {
        if (!is_ws(*q)) return (void)(p_ = q);
        ++q;  // the line break
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        const std::uint64_t other = w ^ 0x2020202020202020ULL;  // a space's byte becomes 0
        q += other ? std::countr_zero(other) >> 3 : 8;
      }
    }
    while (q < end_ && is_ws(*q)) ++q;
    p_ = q;
  }
  static constexpr bool is_ws(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  // At '"': whether `"key":` follows, exactly; if so, consumes it. `quoted` is a member's key as
  // the encoder writes it, so a match also proves the key has no escapes and no space before ':'.
  [[nodiscard]] GENWIRE_ALWAYS_INLINE bool match(std::string_view quoted) noexcept {
    if (static_cast<std::size_t>(end_ - p_) < quoted.size() || !simd::same_bytes(p_, quoted.data(), quoted.size())) return false;
    p_ += quoted.size();
    return true;
  }
  // match() for a `"key":` of run-time length that may be read for 32 bytes (a member's key in
  // its zero-padded table, detail::key_read_ahead): one masked block compare where 32 bytes of
  // input are left.
  [[nodiscard]] GENWIRE_ALWAYS_INLINE bool match_padded(std::string_view quoted) noexcept {
    if (end_ - p_ >= 32 && quoted.size() <= 32) [[likely]] {
      if (!simd::same_prefix32(p_, quoted.data(), quoted.size())) return false;
      p_ += quoted.size();
      return true;
    }
    return match(quoted);
  }
  void advance(std::size_t n) noexcept { p_ += n; }

  // Consumes `c` (after whitespace) or fails with "expected <what>".
  GENWIRE_ALWAYS_INLINE bool expect(char c, const char* what) {
    skip_ws();
    if (p_ < end_ && *p_ == c) [[likely]] {
      ++p_;
      return true;
    }
    return expected(what);
  }
  // The failure of expect(): what stands at p_ instead.
  bool expected(const char* what) { return fail(p_ >= end_ ? errc::unexpected_end : errc::syntax, p_, what, describe(p_)); }

  // ---- errors ----
  bool fail(errc code, const char* at, std::string expected, std::string found, expectation rule = {}) {
    failure_state& f = failure();
    if (!f.failed) {
      f.failed = true;
      f.error.code = code;
      f.error.offset = offset_of(at < begin_ ? begin_ : (at > end_ ? end_ : at));
      f.error.expected = std::move(expected);
      f.error.found = std::move(found);
      f.error.rule = std::move(rule);
    }
    return false;
  }
  void push_key(std::string_view key) { failure().path.push_back({std::string(key), 0, false}); }
  void push_index(std::size_t i) { failure().path.push_back({{}, i, true}); }
  [[nodiscard]] genwire::error take_error() {
    failure_state& f = failure();
    f.error.path = render_path(f.path);
    return std::move(f.error);
  }

  // What stands at q, for "found ..." in messages.
  [[nodiscard]] std::string describe(const char* q) const {
    if (q >= end_) return "end of input";
    switch (*q) {
      case '{': return "an object";
      case '[': return "an array";
      case '"': {
        const char* e = q + 1;
        while (e < end_ && *e != '"') e += (*e == '\\' && e + 1 < end_) ? 2 : 1;
        return "string " + quote_snippet(std::string_view(q + 1, static_cast<std::size_t>((e < end_ ? e : end_) - q - 1)));
      }
      case 't': return starts_with(q, "true") ? "true" : "'t'";
      case 'f': return starts_with(q, "false") ? "false" : "'f'";
      case 'n': return starts_with(q, "null") ? "null" : "'n'";
      default: break;
    }
    if (*q == '-' || (*q >= '0' && *q <= '9')) {
      const char* e = q;
      while (e < end_ && (std::string_view("+-.eE").find(*e) != std::string_view::npos || (*e >= '0' && *e <= '9'))) ++e;
      std::string_view tok(q, static_cast<std::size_t>(e - q));
      if (tok.size() > 40) return "number " + std::string(tok.substr(0, 40)) + "... (" + std::to_string(tok.size()) + " characters)";
      return "number " + std::string(tok);
    }
    return describe_byte(*q);
  }

  // One byte on its own: 'x' when printable, else byte 0xNN.
  [[nodiscard]] static std::string describe_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
    constexpr char hex[] = "0123456789abcdef";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
  }

  // ---- depth ----
  // Inline, the failure's message out of line: every object and array of a document passes here.
  GENWIRE_ALWAYS_INLINE bool enter(const char* at) {
    if (++depth_ > max_depth_) [[unlikely]]
      return too_deep(at);
    return true;
  }
  GENWIRE_COLD bool too_deep(const char* at) {
    return fail(errc::depth_exceeded, at, "at most " + std::to_string(max_depth_) + " nested arrays/objects",
                "deeper nesting");
  }
  void leave() noexcept { --depth_; }

  // ---- literals ----
  GENWIRE_ALWAYS_INLINE bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) >= word.size() && simd::same_bytes(p_, word.data(), word.size())) {
      p_ += word.size();
      return true;
    }
    return expected("a JSON value");
  }

  // ---- strings ----
  // At '"': appends the unescaped, UTF-8-validated content to out.
  bool read_string(std::string& out) {
    const char* start = p_ + 1;
    const char* q = plain_run(start);
    if (q < end_ && *q == '"') [[likely]] {
      out.append(start, static_cast<std::size_t>(q - start));
      p_ = q + 1;
      return true;
    }
    return read_string_slowly(out);
  }

  // At '"': the content, borrowed from the input when it has no escapes, else unescaped into
  // `scratch` (which the view then refers to).
  bool read_string_view(std::string_view& text, std::string& scratch) {
    const char* start = p_ + 1;
    const char* q = plain_run(start);
    if (q < end_ && *q == '"') [[likely]] {
      text = std::string_view(start, static_cast<std::size_t>(q - start));
      p_ = q + 1;
      return true;
    }
    scratch.clear();
    if (!read_string_slowly(scratch)) return false;
    text = scratch;
    return true;
  }

  // At '"': a key, as read_string_view reads a value.
  bool read_key(std::string_view& key, std::string& scratch) { return read_string_view(key, scratch); }

  // ---- numbers, the common cases without std::from_chars ----
  // At '-' or a digit: an integer token of at most 19 digits that fits T, consumed. Anything else
  // (a fraction, an exponent, leading zeros, overflow) is false with nothing consumed, for the
  // full path (read_number, parse_integer) to accept or report exactly as it always has.
  template <class T>
  bool read_integer_fast(T& out) noexcept {
    const char* q = p_;
    const bool negative = q < end_ && *q == '-';
    q += negative;
    std::uint64_t v = 0;
    if (!digits_fast(q, v) || (q < end_ && (*q == '.' || *q == 'e' || *q == 'E'))) return false;
    if constexpr (std::is_signed_v<T>) {
      const auto limit = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) + (negative ? 1 : 0);
      if (v > limit) return false;
      out = static_cast<T>(negative ? 0 - v : v);
    } else {
      if (negative ? v != 0 : v > std::numeric_limits<T>::max()) return false;
      out = static_cast<T>(v);
    }
    p_ = q;
    return true;
  }

  // At '-' or a digit: a number whose digits fit 2^53 with a decimal exponent within 22, converted
  // by one exact multiplication or division (correctly rounded, so equal to std::from_chars's
  // result), consumed. Otherwise false with nothing consumed, as for read_integer_fast.
  bool read_double_fast(double& out) noexcept {
    if constexpr (FLT_EVAL_METHOD != 0) {
      return (void)out, false;  // extended-precision arithmetic would round twice
    } else {
      const char* q = p_;
      const bool negative = q < end_ && *q == '-';
      q += negative;
      std::uint64_t m = 0;
      int digits = 0, exponent = 0;
      if (!digits_fast(q, m, &digits)) return false;
      if (q < end_ && *q == '.') {
        const char* frac = ++q;
        if (!more_digits(q, m, digits)) return false;
        exponent = -static_cast<int>(q - frac);
      }
      if (q < end_ && (*q == 'e' || *q == 'E')) {
        ++q;
        const bool minus = q < end_ && *q == '-';
        q += (q < end_ && (*q == '-' || *q == '+'));
        int e = 0, n = 0;
        while (q < end_ && n < 4 && static_cast<unsigned char>(*q - '0') <= 9) e = e * 10 + (*q++ - '0'), ++n;
        if (n == 0 || (q < end_ && static_cast<unsigned char>(*q - '0') <= 9)) return false;
        exponent += minus ? -e : e;
      }
      constexpr double exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
      if (m > (1ULL << 53) || exponent < -22 || exponent > 22) return false;
      const double d = exponent < 0 ? static_cast<double>(m) / exact[-exponent] : static_cast<double>(m) * exact[exponent];
      out = negative ? -d : d;
      p_ = q;
      return true;
    }
  }

  // ---- numbers ----
  // At '-' or a digit: the token, checked against the RFC 8259 number grammar.
  bool read_number(std::string_view& token, bool& is_integer) {
    const char* start = p_;
    const char* q = p_;
    if (q < end_ && *q == '-') ++q;
    if (q >= end_) return fail(errc::unexpected_end, q, "a digit", "end of input");
    if (*q == '0') {
      ++q;
      if (q < end_ && *q >= '0' && *q <= '9') return fail(errc::syntax, start, "a number without leading zeros", describe(start));
    } else if (*q >= '1' && *q <= '9') {
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    } else {
      return fail(errc::syntax, start, "a JSON value", describe(start));
    }
    is_integer = true;
    if (q < end_ && *q == '.') {
      is_integer = false;
      ++q;
      if (q >= end_ || *q < '0' || *q > '9') return fail(errc::syntax, q, "a digit after '.'", describe(q));
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    if (q < end_ && (*q == 'e' || *q == 'E')) {
      is_integer = false;
      ++q;
      if (q < end_ && (*q == '+' || *q == '-')) ++q;
      if (q >= end_ || *q < '0' || *q > '9') return fail(errc::syntax, q, "a digit in the exponent", describe(q));
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    token = std::string_view(start, static_cast<std::size_t>(q - start));
    p_ = q;
    return true;
  }

  // ---- whole values ----
  // Validates and skips one value (after whitespace); used for unknown keys and raw_json.
  bool skip_value() {
    skip_ws();
    if (p_ >= end_) return fail(errc::unexpected_end, p_, "a JSON value", "end of input");
    switch (*p_) {
      case '{': return skip_object();
      case '[': return skip_array();
      default: return skip_scalar();
    }
  }

  // After the top-level value: only whitespace may follow. Most documents end at their last '}' or
  // ']', which is tested inline; the rest out of line.
  GENWIRE_ALWAYS_INLINE bool finish() {
    if (p_ == end_) [[likely]]
      return true;
    return finish_after_value();
  }
  GENWIRE_NOINLINE bool finish_after_value() {
    skip_ws();
    if (p_ != end_) return fail(errc::trailing_content, p_, "end of input", describe(p_));
    return true;
  }

 private:
  bool starts_with(const char* q, std::string_view w) const noexcept {
    return static_cast<std::size_t>(end_ - q) >= w.size() && std::memcmp(q, w.data(), w.size()) == 0;
  }

  // From q, past the bytes a string can hold as they are: plain ASCII and valid UTF-8 sequences.
  // Stops at '"', '\\', a control byte, an invalid sequence, or the end. UTF-8 sequences continue
  // out of line: inline, their loop made the scan save and restore six registers on every string
  // (AVX2 build), where the common case, a scan that stops at an ASCII byte, needs none.
  [[nodiscard]] const char* plain_run(const char* q) const noexcept {
    q = simd::find_special(q, end_);
    if (ends_run(q)) [[likely]] return q;
    return plain_run_from_utf8(q);
  }
  // plain_run at a byte >= 0x80.
  GENWIRE_NOINLINE const char* plain_run_from_utf8(const char* q) const noexcept {
    for (;;) {
      const std::size_t len = formats::utf8_sequence_length(reinterpret_cast<const unsigned char*>(q),
                                                            reinterpret_cast<const unsigned char*>(end_));
      if (len == 0) return q;
      q = simd::find_special(q + len, end_);
      if (ends_run(q)) return q;
    }
  }
  // Where find_special stopped: the end, or an ASCII byte ('"', '\\', a control byte), not a
  // byte that may start a UTF-8 sequence.
  [[nodiscard]] bool ends_run(const char* q) const noexcept { return q >= end_ || static_cast<unsigned char>(*q) < 0x80; }

  // The rest of a string from its opening quote at p_: escapes, and the errors.
  bool read_string_slowly(std::string& out) {
    ++p_;  // opening quote
    const char* run = p_;
    for (;;) {
      p_ = plain_run(p_);
      if (p_ >= end_) return fail(errc::unexpected_end, p_, "closing '\"'", "end of input");
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out.append(run, p_);
        ++p_;
        return true;
      }
      if (c == '\\') {
        out.append(run, p_);
        if (!read_escape(out)) return false;
        run = p_;
        continue;
      }
      if (c < 0x20) return fail(errc::syntax, p_, "an escaped control character", describe(p_) + " (raw control character in a string)");
      return fail(errc::invalid_utf8, p_, "valid UTF-8", describe(p_));  // plain_run stops only at invalid sequences
    }
  }

  // A run of digits at q (no leading zero unless the number is 0) accumulated into v; false when
  // there is none, or a leading zero, or more than 19 digits in all (counted in *count).
  bool digits_fast(const char*& q, std::uint64_t& v, int* count = nullptr) const noexcept {
    if (q >= end_) return false;
    const auto first = static_cast<unsigned char>(*q - '0');
    if (first > 9) return false;
    ++q;
    v = first;
    int n = 1;
    if (first == 0) {
      if (q < end_ && static_cast<unsigned char>(*q - '0') <= 9) return false;
    } else if (!more_digits(q, v, n, false)) {
      return false;
    }
    if (count) *count = n;
    return true;
  }
  // More digits at q into v; at least one when `required`; false past 19 digits in all.
  bool more_digits(const char*& q, std::uint64_t& v, int& n, bool required = true) const noexcept {
    const char* start = q;
    while (q < end_ && static_cast<unsigned char>(*q - '0') <= 9) {
      if (++n > 19) return false;
      v = v * 10 + static_cast<unsigned>(*q++ - '0');
    }
    return !required || q != start;
  }

  // At '{' / '[': the whole object or array. Members and elements that are no object or array are
  // skipped here, without a call per value.
  bool skip_object() {
    if (!enter(p_)) return false;
    ++p_;
    skip_ws();
    if (p_ < end_ && *p_ == '}') return ++p_, leave(), true;
    for (;;) {
      if (p_ >= end_ || *p_ != '"') return fail(at_end() ? errc::unexpected_end : errc::syntax, p_, "a string key", describe(p_));
      if (!skip_string() || !expect(':', "':'") || !skip_element()) return false;
      skip_ws();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        skip_ws();
        continue;
      }
      if (p_ < end_ && *p_ == '}') return ++p_, leave(), true;
      return fail(at_end() ? errc::unexpected_end : errc::syntax, p_, "',' or '}'", describe(p_));
    }
  }
  bool skip_array() {
    if (!enter(p_)) return false;
    ++p_;
    skip_ws();
    if (p_ < end_ && *p_ == ']') return ++p_, leave(), true;
    for (;;) {
      if (!skip_element()) return false;
      skip_ws();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (p_ < end_ && *p_ == ']') return ++p_, leave(), true;
      return fail(at_end() ? errc::unexpected_end : errc::syntax, p_, "',' or ']'", describe(p_));
    }
  }
  // One member value or element: skip_value, with the scalars inline.
  GENWIRE_ALWAYS_INLINE bool skip_element() {
    skip_ws();
    if (p_ < end_ && (*p_ == '{' || *p_ == '[')) return *p_ == '{' ? skip_object() : skip_array();
    if (p_ >= end_) return fail(errc::unexpected_end, p_, "a JSON value", "end of input");
    return skip_scalar();
  }
  GENWIRE_ALWAYS_INLINE bool skip_scalar() {
    switch (*p_) {
      case '"': return skip_string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: {
        std::string_view tok;
        bool integer = false;
        return read_number(tok, integer);
      }
    }
  }

  // Inline in the skip loops whatever the inliner's budget (they spend most of their time here):
  // a string with escapes, and every error, out of line.
  GENWIRE_ALWAYS_INLINE bool skip_string() {
    const char* q = plain_run(p_ + 1);
    if (q < end_ && *q == '"') [[likely]] {
      p_ = q + 1;
      return true;
    }
    return skip_string_slowly();
  }
  bool skip_string_slowly() {
    std::string sink;  // escapes are decoded into it and dropped
    return read_string_slowly(sink);
  }

  bool hex4(const char* q, unsigned& out) {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      if (q + i >= end_) return fail(errc::unexpected_end, q + i, "a hex digit", "end of input");
      const char c = q[i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
      else return fail(errc::invalid_escape, q + i, "a hex digit", describe_byte(c));
    }
    out = v;
    return true;
  }

  // At '\\': appends the escaped character (UTF-8 for \u, pairing surrogates).
  bool read_escape(std::string& out) {
    const char* at = p_;
    if (end_ - p_ < 2) return fail(errc::unexpected_end, p_, "an escape sequence", "end of input");
    const char e = p_[1];
    p_ += 2;
    switch (e) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return fail(errc::invalid_escape, at, "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", describe_escape(at));
    }
    unsigned cp = 0;
    if (!hex4(p_, cp)) return false;
    p_ += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(errc::invalid_escape, at, "a high surrogate before a low one", "lone low surrogate " + std::string(at, 6));
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned lo = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail(errc::invalid_escape, at, "a low surrogate \\uDC00-\\uDFFF after " + std::string(at, 6), "lone high surrogate");
      if (!hex4(p_ + 2, lo)) return false;
      if (lo < 0xDC00 || lo > 0xDFFF) return fail(errc::invalid_escape, p_, "a low surrogate \\uDC00-\\uDFFF", std::string(p_, 6));
      p_ += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  std::string describe_escape(const char* at) const {
    const auto u = static_cast<unsigned char>(at[1]);
    if (u >= 0x20 && u < 0x7F) return std::string("\\") + at[1];
    return "'\\' followed by " + describe(at + 1);
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  std::uint32_t max_depth_;
  std::uint32_t depth_ = 0;
  // The first failure and the path to it, allocated only then: a document that decodes costs one
  // pointer here, set up and torn down inline, where an error and a path vector in place made the
  // scanner's destructor a call per document.
  struct failure_state {
    bool failed = false;
    genwire::error error;
    std::vector<path_segment> path;  // innermost first
  };
  std::unique_ptr<failure_state> failure_;
  failure_state& failure() {
    if (!failure_) failure_ = std::make_unique<failure_state>();
    return *failure_;
  }
};

// ---- numbers from text, shared by the JSON and query codecs ----

// Parses an integer token (already known to be JSON-integer syntax, or query text).
template <class T>
inline std::errc parse_integer(std::string_view tok, T& out) {
  const char* b = tok.data();
  const char* e = b + tok.size();
  if constexpr (std::is_unsigned_v<T>) {
    if (b < e && *b == '-') {
      // "-0" is zero; any other negative number is outside an unsigned type.
      bool all_zero = true;
      for (const char* q = b + 1; q < e; ++q) all_zero = all_zero && *q == '0';
      if (all_zero && e - b > 1) {
        out = 0;
        return std::errc{};
      }
      return std::errc::result_out_of_range;
    }
  }
  auto [ptr, ec] = std::from_chars(b, e, out);
  if (ec == std::errc{} && ptr != e) return std::errc::invalid_argument;
  return ec;
}

// Parses a number token; values too small for a double become (signed) zero, too large ones fail.
inline std::errc parse_double(std::string_view tok, double& out) {
  const char* b = tok.data();
  const char* e = b + tok.size();
  auto [ptr, ec] = std::from_chars(b, e, out);
  if (ec == std::errc{} && ptr != e) return std::errc::invalid_argument;
  if (ec != std::errc::result_out_of_range) return ec;
  // Underflow or overflow? Estimate the decimal magnitude.
  const char* q = b + (b < e && *b == '-' ? 1 : 0);
  long long magnitude = 0;
  const char* dot = q;
  while (dot < e && *dot >= '0' && *dot <= '9') ++dot;
  if (dot - q == 1 && *q == '0') {
    const char* z = dot + (dot < e && *dot == '.' ? 1 : 0);
    long long zeros = 0;
    while (z < e && *z == '0') ++z, ++zeros;
    magnitude = -zeros;
  } else {
    magnitude = dot - q;
  }
  for (const char* x = q; x < e; ++x)
    if (*x == 'e' || *x == 'E') {
      long long exp = 0;
      const char* d = x + 1;
      const bool neg = d < e && *d == '-';
      if (d < e && (*d == '+' || *d == '-')) ++d;
      for (; d < e && exp < 1000000; ++d) exp = exp * 10 + (*d - '0');
      magnitude += neg ? -exp : exp;
      break;
    }
  if (magnitude <= 0) {
    out = (b < e && *b == '-') ? -0.0 : 0.0;
    return std::errc{};
  }
  return std::errc::result_out_of_range;
}

}  // namespace genwire::detail
