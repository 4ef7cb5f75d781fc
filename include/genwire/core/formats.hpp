// genwire/core/formats.hpp: the string formats genwire checks (RFC 3339 date-time, UUID, URI) and
// UTF-8 helpers. Pure functions, no allocation.
#pragma once

#include <array>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <type_traits>

#include "detail/simd.hpp"  // GENWIRE_HAVE_SSE2 and its header

namespace genwire {

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

namespace formats {

namespace detail {
constexpr bool is_hex(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
}  // namespace detail

namespace detail {
struct date_time_fields {
  int year, month, day, hour, minute, second;
  std::int64_t micros;
  int offset_minutes;
};

constexpr int digit_at(std::string_view s, std::size_t i) noexcept { return s[i] - '0'; }
constexpr bool digits_at(std::string_view s, std::initializer_list<std::size_t> at) noexcept {
  bool ok = true;
  for (std::size_t i : at) ok &= static_cast<unsigned>(s[i] - '0') <= 9;
  return ok;
}

// Whether day is a day of that month (of the proleptic Gregorian calendar, as std::chrono's).
constexpr bool is_day_of(int year, int month, int day) noexcept {
  constexpr unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1) return false;
  if (day <= days[month - 1]) return true;
  return month == 2 && day == 29 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// The ranges of the fixed-width part's fields (its shape already checked).
constexpr bool fields_in_range(const date_time_fields& f) noexcept {
  return f.month >= 1 && f.month <= 12 && f.hour <= 23 && f.minute <= 59 && f.second <= 60 && is_day_of(f.year, f.month, f.day);
}

// Whether what follows the seconds of s (at least 20 bytes), from pos 19, is an optional fraction,
// then 'Z' or a +HH:MM / -HH:MM offset, then the end: the tail's grammar, for both readers.
constexpr bool is_date_time_tail(std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (n == 20) return (s[19] | 0x20) == 'z';  // the usual "...:SSZ"
  std::size_t pos = 19;
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(s[i] - '0') <= 9; };
  if (s[pos] == '.') {
    const std::size_t first = ++pos;
    while (pos < n && digit(pos)) ++pos;
    if (pos == first) return false;
  }
  if (pos >= n) return false;
  const char c = s[pos];
  if ((c | 0x20) == 'z') return pos + 1 == n;
  if ((c != '+' && c != '-') || pos + 6 != n || s[pos + 3] != ':' || !digit(pos + 1) || !digit(pos + 2) || !digit(pos + 4) ||
      !digit(pos + 5))
    return false;
  return digit_at(s, pos + 1) * 10 + digit_at(s, pos + 2) <= 23 && s[pos + 4] <= '5';
}

// The same tail's values into f, when it is one: the fraction (truncated to microseconds) and the
// offset.
constexpr bool read_date_time_tail(std::string_view s, date_time_fields& f) noexcept {
  if (!is_date_time_tail(s)) return false;
  std::size_t pos = 19;
  if (s[pos] == '.') {
    std::int64_t scale = 100000;
    for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, scale /= 10)
      f.micros += (s[pos] - '0') * scale;  // digits past microseconds are truncated
  }
  if (s[pos] == '+' || s[pos] == '-') {
    const int minutes = (digit_at(s, pos + 1) * 10 + digit_at(s, pos + 2)) * 60 + digit_at(s, pos + 4) * 10 + digit_at(s, pos + 5);
    f.offset_minutes = s[pos] == '-' ? -minutes : minutes;
  }
  return true;
}

// The fields of an RFC 3339 date-time, or nullopt; see parse_date_time.
constexpr std::optional<date_time_fields> split_date_time(std::string_view s) noexcept {
  if (s.size() < 20 || !digits_at(s, {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  const auto two = [&](std::size_t i) { return digit_at(s, i) * 10 + digit_at(s, i + 1); };
  date_time_fields f{two(0) * 100 + two(2), two(5), two(8), two(11), two(14), two(17), 0, 0};
  if (!fields_in_range(f) || !read_date_time_tail(s, f)) return std::nullopt;
  return f;
}

// is_date_time at run time: the fixed-width part's 19 bytes as three overlapping 8-byte words,
// each compared in one go against its shape (digits; '-', 'T' or 't', ':'), its two-digit fields
// read from the same words by one multiplication each, and the usual "...:SSZ" end without a loop
// (strict decoding checks every timestamp: this took about 96 instructions a timestamp before).
inline bool is_date_time_in_words(std::string_view s) noexcept {
  if (s.size() < 20) return false;
  const auto word = [&](std::size_t at) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    return w;
  };
  // Per byte: XOR with the expected character leaves a digit's value or a separator's 0; adding
  // 0x76 to a digit's byte (0x7F to a separator's) sets its high bit exactly when it is above 9
  // (above 0), and a byte whose high bit is already set fails as it is. A carry out of a byte
  // arises only from one that already fails.
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t t0 = word(0) ^ 0x2D30302D30303030ULL;                            // "YYYY-MM-"
  const std::uint64_t t1 = (word(8) | 0x0000000000200000ULL) ^ 0x30303A3030743030ULL;  // "DDTHH:MM", T or t
  const std::uint64_t t2 = word(11) ^ 0x30303A30303A3030ULL;                           // "HH:MM:SS"
  const std::uint64_t bad = (t0 | (t0 + 0x7F76767F76767676ULL)) | (t1 | (t1 + 0x76767F76767F7676ULL)) |
                            (t2 | (t2 + 0x76767F76767F7676ULL));
  if (bad & highs) return false;
  // Every byte is now a digit's value or 0, so byte i of t * 10 + (t >> 8) is the two-digit number
  // of bytes i and i + 1 (at most 99: no byte carries into the next).
  const auto pairs = [](std::uint64_t t) { return t * 10 + (t >> 8); };
  const std::uint64_t p0 = pairs(t0), p1 = pairs(t1), p2 = pairs(t2);
  const auto at = [](std::uint64_t p, int i) { return static_cast<int>((p >> (8 * i)) & 0xFF); };
  const date_time_fields f{at(p0, 0) * 100 + at(p0, 2), at(p0, 5), at(p1, 0), at(p1, 3), at(p1, 6), at(p2, 6), 0, 0};
  return fields_in_range(f) && is_date_time_tail(s);
}
}  // namespace detail

// RFC 3339 `date-time` (section 5.6): 2025-01-05T12:40:00Z, 2025-01-05T12:40:00.123+02:00.
// 'T'/'Z' may be lower case (RFC 3339 allows it); a leap second (:60) is accepted and folded
// into the next second, as std::chrono cannot represent it.
constexpr std::optional<timestamp> parse_date_time(std::string_view s) noexcept {
  const auto f = detail::split_date_time(s);
  if (!f) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{f->year}, month{static_cast<unsigned>(f->month)}, day{static_cast<unsigned>(f->day)}};
  const auto t = sys_days{ymd} + hours{f->hour} + minutes{f->minute} + seconds{f->second} + microseconds{f->micros} -
                 minutes{f->offset_minutes};
  return time_point_cast<microseconds>(t);
}

// Whether s is an RFC 3339 date-time (parse_date_time(s).has_value(), without computing the instant).
constexpr bool is_date_time(std::string_view s) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    if (!std::is_constant_evaluated()) return detail::is_date_time_in_words(s);
  }
  return detail::split_date_time(s).has_value();
}

namespace detail {
#if defined(GENWIRE_HAVE_SSE2)
// 16 bytes at p: hexadecimal digits except for '-' where `dashes` has a bit, and only there.
inline bool hex_and_dashes(const char* p, unsigned dashes) noexcept {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto within = [](__m128i v, char lo, char hi) {  // lo <= v <= hi, unsigned
    return _mm_cmpeq_epi8(_mm_max_epu8(_mm_min_epu8(v, _mm_set1_epi8(hi)), _mm_set1_epi8(lo)), v);
  };
  const __m128i hex = _mm_or_si128(within(x, '0', '9'), within(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'f'));
  const auto hex_bits = static_cast<unsigned>(_mm_movemask_epi8(hex));
  const auto dash_bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('-'))));
  return dash_bits == dashes && hex_bits == (~dashes & 0xFFFFu);
}
#endif
}  // namespace detail

// 8-4-4-4-12 hexadecimal digits (RFC 9562 textual form; either case).
constexpr bool is_uuid(std::string_view s) noexcept {
  if (s.size() != 36) return false;
#if defined(GENWIRE_HAVE_SSE2)
  if (!std::is_constant_evaluated()) {
    // Bytes 0-15, 16-31 and 20-35; the dashes stand at 8, 13, 18 and 23.
    return detail::hex_and_dashes(s.data(), 1u << 8 | 1u << 13) && detail::hex_and_dashes(s.data() + 16, 1u << 2 | 1u << 7) &&
           detail::hex_and_dashes(s.data() + 20, 1u << 3);
  }
#endif
  for (std::size_t i = 0; i < 36; ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !detail::is_hex(s[i])) return false;
  }
  return true;
}

// An absolute URI (RFC 3986 section 4.3): scheme ":" then only characters a URI may contain,
// with every '%' starting a two-digit escape.
constexpr bool is_uri(std::string_view s) noexcept {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (s.empty() || !alpha(s[0])) return false;
  std::size_t i = 1;
  while (i < s.size() && (alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
    ++i;
  if (i >= s.size() || s[i] != ':') return false;
  // Letters, digits and "-._~:/?#[]@!$&'()*+,;=", by table (one load a character).
  constexpr auto allowed = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    for (char c : std::string_view("-._~:/?#[]@!$&'()*+,;=")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !detail::is_hex(s[i + 1]) || !detail::is_hex(s[i + 2])) return false;
      i += 2;
    } else if (!allowed[static_cast<unsigned char>(c)]) {
      return false;
    }
  }
  return true;
}

// Length of the valid UTF-8 sequence starting at p (1..4), or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid, per RFC 3629).
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  const auto cont = [&](std::size_t i) { return end - p > static_cast<std::ptrdiff_t>(i) && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] > 0x9F) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Number of code points, or nullopt when s is not valid UTF-8.
inline std::optional<std::size_t> utf8_length(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  std::size_t n = 0;
  while (p < end) {
    const std::size_t len = utf8_sequence_length(p, end);
    if (len == 0) return std::nullopt;
    p += len;
    ++n;
  }
  return n;
}

}  // namespace formats
}  // namespace genwire
