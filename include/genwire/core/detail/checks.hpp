// genwire/core/detail/checks.hpp: the declared rules of scalar types (bounds, lengths, formats,
// enum names), shared by the JSON decoder, the JSON encoder and the query-string codec so the three
// can never disagree.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../enum_name.hpp"
#include "../error.hpp"
#include "../formats.hpp"
#include "../options.hpp"
#include "../reflect.hpp"
#include "../types.hpp"
#include "scanner.hpp"
#include "simd.hpp"
#include "traits.hpp"
#include "writer.hpp"

namespace genwire::detail {

// A failed check: everything of an error but its path and offset, which the caller knows.
struct violation {
  errc code;
  std::string expected;
  std::string found;
  expectation rule{};
};

// The JSON type a member of type T is written as.
template <class T>
constexpr json_type json_type_of() {
  if constexpr (is_nullable<T>::value || is_std_optional<T>::value) return json_type_of<typename T::value_type>();
  else if constexpr (std::is_same_v<T, bool>) return json_type::boolean;
  else if constexpr (is_integer_v<T>) return json_type::integer;
  else if constexpr (std::is_floating_point_v<T>) return json_type::number;
  else if constexpr (is_bounded<T>::value) return json_type_of<typename T::value_type>();
  else if constexpr (is_sized_string<T>::value || is_formatted<T>::value || is_open_enum<T>::value || std::is_enum_v<T> ||
                     std::is_same_v<T, std::string>)
    return json_type::string;
  else if constexpr (is_vector<T>::value || is_std_array<T>::value) return json_type::array;
  else if constexpr (std::is_class_v<T> && std::is_aggregate_v<T>) return json_type::object;
  else return json_type::any;
}

template <class E>
std::string enum_expectation() {
  std::string s = "one of ";
  const auto& names = reflect::enum_names<E>;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) s += ", ";
    s += '"';
    s += names[i];
    s += '"';
  }
  return s;
}

// Each enumerator's name as its length and its first 16 bytes in two words, so that a lookup
// compares numbers, and bytes past the 16th only for the one name that matches so far.
template <class E>
struct enum_lookup {
  struct entry {
    std::size_t size;
    std::uint64_t head, next;
  };
  static constexpr std::uint64_t word(std::string_view s) {
    std::uint64_t w = 0;
    for (std::size_t b = 0; b < s.size() && b < 8; ++b) w |= std::uint64_t{static_cast<unsigned char>(s[b])} << (8 * b);
    return w;
  }
  static constexpr auto entries = [] {
    const auto& names = reflect::enum_names<E>;
    std::array<entry, reflect::enum_names<E>.size()> out{};
    for (std::size_t i = 0; i < names.size(); ++i)
      out[i] = {names[i].size(), word(names[i]), names[i].size() > 8 ? word(names[i].substr(8)) : 0};
    return out;
  }();
};

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) noexcept {
  const auto& names = reflect::enum_names<E>;
  if (std::is_constant_evaluated() || std::endian::native != std::endian::little) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return static_cast<E>(i);
    return std::nullopt;
  }
  const std::size_t n = name.size();
  const std::uint64_t head = simd::load_prefix(name.data(), n);
  // Bytes 8 to 15: for a name of 9 to 16 bytes, its last 8 moved down, so one load and no loop.
  std::uint64_t next = 0;
  if (n > 8) {
    std::memcpy(&next, name.data() + (n >= 16 ? 8 : n - 8), 8);
    if (n < 16) next >>= 8 * (16 - n);
  }
  const auto& entries = enum_lookup<E>::entries;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].size == n && entries[i].head == head && entries[i].next == next &&
        (n <= 16 || std::memcmp(name.data() + 16, names[i].data() + 16, n - 16) == 0))
      return static_cast<E>(i);
  return std::nullopt;
}

// "[min, max]" of an integer type, for out-of-range messages. Built by appending: g++ 12 at -O3
// reports a -Wrestrict false positive (GCC bug 105329) on `"[" + std::to_string(...)`.
template <class T>
std::string integer_range() {
  std::string r(1, '[');
  r += std::to_string(std::numeric_limits<T>::min());
  r += ", ";
  r += std::to_string(std::numeric_limits<T>::max());
  r += ']';
  return r;
}

inline std::string bound_text(const bound& lo, const bound& hi) {
  if (lo.is_set && hi.is_set)
    return std::string("a number in ") + (lo.is_exclusive ? "(" : "[") + lo.text() + ", " + hi.text() + (hi.is_exclusive ? ")" : "]");
  if (lo.is_set) return (lo.is_exclusive ? "a number > " : "a number >= ") + lo.text();
  if (hi.is_set) return (hi.is_exclusive ? "a number < " : "a number <= ") + hi.text();
  return "a number";
}

// Where v stands against the bound's value (negative: below, 0: equal, positive: above), by value:
// casting an integer bound to v's type would wrap it (-1 on an unsigned, 300 on a uint8_t) and
// reject values inside the declared range. A floating v meets the bound in its own precision, as
// the bound's text would decode into the member (0.7f against decimal("0.7")).
template <class V>
constexpr int compare_to_bound(V v, const bound& b) noexcept {
  if constexpr (std::is_integral_v<V>) {
    return std::cmp_less(v, b.mantissa) ? -1 : std::cmp_greater(v, b.mantissa) ? 1 : 0;
  } else {
    const V limit = static_cast<V>(b.is_integer() ? static_cast<double>(b.mantissa) : b.as_double());
    return v < limit ? -1 : v > limit ? 1 : 0;
  }
}

// A number as JSON writes it (std::to_string would print 1.5 as "1.500000").
template <class V>
std::string number_text(V v) {
  std::string s;
  if constexpr (std::is_floating_point_v<V>) {
    if (!write_double(s, v)) s = v != v ? "NaN" : "infinity";
  } else {
    write_integer(s, v);
  }
  return s;
}

template <class B>
std::optional<violation> check_bounds(const typename B::value_type& v) {
  constexpr json_type type = json_type_of<typename B::value_type>();
  if constexpr (B::min.is_set) {
    const int c = compare_to_bound(v, B::min);
    if (c < 0 || (c == 0 && B::min.is_exclusive))
      return violation{errc::out_of_range, bound_text(B::min, B::max), number_text(v),
                       {B::min.is_exclusive ? rule::exclusive_minimum : rule::minimum, type, B::min.text()}};
  }
  if constexpr (B::max.is_set) {
    const int c = compare_to_bound(v, B::max);
    if (c > 0 || (c == 0 && B::max.is_exclusive))
      return violation{errc::out_of_range, bound_text(B::min, B::max), number_text(v),
                       {B::max.is_exclusive ? rule::exclusive_maximum : rule::maximum, type, B::max.text()}};
  }
  return std::nullopt;
}

// Whether S declares a length range at all (formatted strings usually do not).
template <class S>
inline constexpr bool has_length_range = S::min_length > 0 || S::max_length != std::numeric_limits<std::size_t>::max();

// Whether the code points of T's text are counted: every sized_string, a formatted one with a range.
template <class T>
constexpr bool counts_length() {
  if constexpr (is_sized_string<T>::value) return true;
  else if constexpr (is_formatted<T>::value) return has_length_range<T>;
  else return false;
}

template <class S>
std::optional<violation> check_length(std::string_view v) {
  const auto n = formats::utf8_length(v);
  if (!n) return violation{errc::invalid_utf8, "valid UTF-8", "a string that is not"};
  if (*n < S::min_length || *n > S::max_length) {
    constexpr bool bounded_above = S::max_length != std::numeric_limits<std::size_t>::max();
    std::string expected = "a string of at least " + std::to_string(S::min_length) + " character" + (S::min_length == 1 ? "" : "s");
    if (bounded_above) expected += " and at most " + std::to_string(S::max_length);
    const bool too_short = *n < S::min_length;
    return violation{errc::constraint, expected,
                     "string " + quote_snippet(v) + " (" + std::to_string(*n) + (*n == 1 ? " character)" : " characters)"),
                     {too_short ? rule::min_length : rule::max_length, json_type::string,
                      std::to_string(too_short ? S::min_length : S::max_length)}};
  }
  return std::nullopt;
}

// Whether v has format K: the test alone, for the fast paths that build a violation only when it fails.
template <format_kind K>
GENWIRE_ALWAYS_INLINE bool has_format(std::string_view v) noexcept {
  if constexpr (K == format_kind::date_time) return formats::is_date_time(v);
  else if constexpr (K == format_kind::uuid) return formats::is_uuid(v);
  else return formats::is_uri(v);
}

// What is known of a text's UTF-8 when its rules are checked. Code points lie between a quarter of
// its bytes and all of them, so a length range is usually settled by the byte count alone; only
// a text in neither part of the range needs its code points counted (formats::utf8_length, which
// also refuses invalid UTF-8: check_length).
enum class utf8_state : unsigned char {
  unchecked,      // count whenever the range applies: the UTF-8 itself is checked here
  valid,          // the JSON scanner has validated it: the byte count decides when it can
  checked_later,  // the JSON encoder validates it while writing, and asks check_length on failure
};

template <class S, utf8_state U>
std::optional<violation> check_length_as(std::string_view v) {
  if constexpr (U != utf8_state::unchecked) {
    if (v.size() <= S::max_length && (v.size() + 3) / 4 >= S::min_length) return std::nullopt;
  }
  return check_length<S>(v);
}

// Why a text that has_format<T::kind> refused is refused: invalid UTF-8 that an unchecked length
// could hide first (check_length's verdict), else the format. The decoder and the encoder call it
// after their own has_format test; check_text_format for everything else.
template <class T, utf8_state U>
GENWIRE_COLD violation format_failure(std::string_view text) {
  if constexpr (U == utf8_state::checked_later && has_length_range<T>) {
    if (auto first = check_length<T>(text)) return std::move(*first);
  }
  constexpr format_kind k = T::kind;
  const char* what = k == format_kind::date_time ? "an RFC 3339 date-time" : k == format_kind::uuid ? "a UUID" : "an absolute URI";
  return violation{errc::format, what, "string " + quote_snippet(text), {rule::format, json_type::string, {}, k, {}}};
}

// A formatted string's format (what check_text adds when formats are checked). Out of line, so
// that without format checks a formatted string costs a flag test and the code reading or writing
// it stays small enough to inline.
template <class T, utf8_state U>
GENWIRE_NOINLINE std::optional<violation> check_text_format(std::string_view text) {
  if (has_format<T::kind>(text)) [[likely]]
    return std::nullopt;
  return format_failure<T, U>(text);
}

// The declared rules of a sized or formatted string's text, in their order: length, then format.
// The options are a run-time argument here and below, so that one decoder and one encoder serve
// every option set (a program using lenient and strict compiles each type's codec once); the
// query codecs pass their compile-time options, which the inlined calls fold away.
template <class T, utf8_state U = utf8_state::unchecked>
std::optional<violation> check_text(std::string_view text, options rules) {
  if constexpr (counts_length<T>()) {
    if (auto v = check_length_as<T, U>(text)) return v;
  }
  if constexpr (is_formatted<T>::value) {
    if (rules.check_formats) return check_text_format<T, U>(text);
  }
  return std::nullopt;
}

template <class E>
violation not_an_enumerator(std::string_view text) {
  return violation{errc::unknown_enum, enum_expectation<E>(), "string " + quote_snippet(text),
                   {rule::one_of, json_type::string, {}, format_kind::date_time, reflect::enum_names<E>}};
}

// An enum or open_enum from its name. Inline in the decoder's enum reader whatever the inliner's
// budget: out of line it costs a call and the optional's return through memory per value.
template <class T>
GENWIRE_ALWAYS_INLINE std::optional<violation> assign_enum(T& out, std::string_view text, options rules) {
  if constexpr (is_open_enum<T>::value) {
    using E = decltype(out.value());
    if (auto e = enum_from_name<E>(text)) {
      out = *e;
    } else {
      if (rules.closed_enums) return not_an_enumerator<E>(text);
      out = T::unknown(std::string(text));
    }
  } else {
    if (auto e = enum_from_name<T>(text)) out = *e;
    else return not_an_enumerator<T>(text);
  }
  return std::nullopt;
}

// The text member of a sized or formatted string.
template <class T>
std::string& text_of(T& v) noexcept {
  if constexpr (is_sized_string<T>::value) return v.value;
  else return v.text;
}
template <class T>
const std::string& text_of(const T& v) noexcept {
  if constexpr (is_sized_string<T>::value) return v.value;
  else return v.text;
}

// The rules of a string-carried scalar type T, given its text.
template <class T>
std::optional<violation> assign_from_text(T& out, std::string&& text, options rules) {
  if constexpr (std::is_same_v<T, std::string>) {
    out = std::move(text);
  } else if constexpr (is_sized_string<T>::value || is_formatted<T>::value) {
    if (auto v = check_text<T>(text, rules)) return v;
    text_of(out) = std::move(text);
  } else if constexpr (is_open_enum<T>::value || std::is_enum_v<T>) {
    return assign_enum(out, text, rules);
  } else {
    static_assert(sizeof(T) == 0, "not a string-carried type");
  }
  return std::nullopt;
}

template <class T>
inline constexpr bool is_string_carried_v = std::is_same_v<T, std::string> || is_sized_string<T>::value ||
                                            is_formatted<T>::value || is_open_enum<T>::value || std::is_enum_v<T>;

// The text a string-carried value encodes to, after its rules are checked.
template <utf8_state U = utf8_state::unchecked, class T>
std::optional<violation> text_for_encoding(const T& v, std::string_view& text, options rules) {
  if constexpr (std::is_same_v<T, std::string>) {
    text = v;
  } else if constexpr (is_sized_string<T>::value || is_formatted<T>::value) {
    if (auto bad = check_text<T, U>(text_of(v), rules)) return bad;
    text = text_of(v);
  } else if constexpr (is_open_enum<T>::value) {
    using E = decltype(v.value());
    if (v.known()) {
      text = genwire::enum_name(v.value());
      if (text.empty()) return violation{errc::unencodable, enum_expectation<E>(), "enumerator " + std::to_string(static_cast<long long>(v.value()))};
    } else {
      if (rules.closed_enums) return not_an_enumerator<E>(v.unknown_text());
      text = v.unknown_text();
    }
  } else {
    text = genwire::enum_name(v);
    if (text.empty()) return violation{errc::unencodable, enum_expectation<T>(), "enumerator " + std::to_string(static_cast<long long>(v))};
  }
  return std::nullopt;
}

}  // namespace genwire::detail
