// genwire/core/detail/checks.hpp: the declared rules of scalar types (bounds, lengths, formats,
// enum names), shared by the JSON decoder, the JSON encoder and the query-string codec so the three
// can never disagree.
#pragma once

#include <cstddef>
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
#include "traits.hpp"
#include "writer.hpp"

namespace genwire::detail {

// A failed check: everything of an error but its path and offset, which the caller knows.
struct violation {
  errc code;
  std::string expected;
  std::string found;
};

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

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) noexcept {
  const auto& names = reflect::enum_names<E>;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

inline std::string bound_text(long long lo, long long hi) {
  if (lo != no_min && hi != no_max) return "a number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  if (lo != no_min) return "a number >= " + std::to_string(lo);
  return "a number <= " + std::to_string(hi);
}

// v < bound and v > bound, by value: casting the bound to v's type would wrap it (a bound of -1
// on an unsigned, 300 on a uint8_t) and reject values inside the declared range.
template <class V>
constexpr bool below(V v, long long bound) noexcept {
  if constexpr (std::is_integral_v<V>) return std::cmp_less(v, bound);
  else return v < static_cast<V>(bound);
}
template <class V>
constexpr bool above(V v, long long bound) noexcept {
  if constexpr (std::is_integral_v<V>) return std::cmp_greater(v, bound);
  else return v > static_cast<V>(bound);
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
  if constexpr (B::min != no_min) {
    if (below(v, B::min)) return violation{errc::out_of_range, bound_text(B::min, B::max), number_text(v)};
  }
  if constexpr (B::max != no_max) {
    if (above(v, B::max)) return violation{errc::out_of_range, bound_text(B::min, B::max), number_text(v)};
  }
  return std::nullopt;
}

template <class S>
std::optional<violation> check_length(std::string_view v) {
  const auto n = formats::utf8_length(v);
  if (!n) return violation{errc::invalid_utf8, "valid UTF-8", "a string that is not"};
  if (*n < S::min_length || *n > S::max_length) {
    std::string expected = "a string of at least " + std::to_string(S::min_length) + " character" + (S::min_length == 1 ? "" : "s");
    if (S::max_length != std::numeric_limits<std::size_t>::max()) expected += " and at most " + std::to_string(S::max_length);
    return violation{errc::constraint, expected,
                     "string " + quote_snippet(v) + " (" + std::to_string(*n) + (*n == 1 ? " character)" : " characters)")};
  }
  return std::nullopt;
}

template <format_kind K>
std::optional<violation> check_format(std::string_view v) {
  bool ok = false;
  const char* what = "";
  if constexpr (K == format_kind::date_time) ok = formats::parse_date_time(v).has_value(), what = "an RFC 3339 date-time";
  else if constexpr (K == format_kind::uuid) ok = formats::is_uuid(v), what = "a UUID";
  else ok = formats::is_uri(v), what = "an absolute URI";
  if (ok) return std::nullopt;
  return violation{errc::format, what, "string " + quote_snippet(v)};
}

// The rules of a string-carried scalar type T, given its text. `text_is_json_string` tells the
// query codec's callers apart from the JSON decoder's (the text is the same; only messages differ).
template <options Opts, class T>
std::optional<violation> assign_from_text(T& out, std::string&& text) {
  if constexpr (std::is_same_v<T, std::string>) {
    out = std::move(text);
  } else if constexpr (is_sized_string<T>::value) {
    if (auto v = check_length<T>(text)) return v;
    out.value = std::move(text);
  } else if constexpr (is_formatted<T>::value) {
    if constexpr (Opts.check_formats) {
      if (auto v = check_format<T::kind>(text)) return v;
    }
    out.text = std::move(text);
  } else if constexpr (is_open_enum<T>::value) {
    using E = decltype(out.value());
    if (auto e = enum_from_name<E>(text)) {
      out = *e;
    } else {
      if constexpr (Opts.closed_enums) return violation{errc::unknown_enum, enum_expectation<E>(), "string " + quote_snippet(text)};
      out = T::unknown(std::move(text));
    }
  } else if constexpr (std::is_enum_v<T>) {
    if (auto e = enum_from_name<T>(text)) out = *e;
    else return violation{errc::unknown_enum, enum_expectation<T>(), "string " + quote_snippet(text)};
  } else {
    static_assert(sizeof(T) == 0, "not a string-carried type");
  }
  return std::nullopt;
}

template <class T>
inline constexpr bool is_string_carried_v = std::is_same_v<T, std::string> || is_sized_string<T>::value ||
                                            is_formatted<T>::value || is_open_enum<T>::value || std::is_enum_v<T>;

// The text a string-carried value encodes to, after its rules are checked.
template <options Opts, class T>
std::optional<violation> text_for_encoding(const T& v, std::string_view& text) {
  if constexpr (std::is_same_v<T, std::string>) {
    text = v;
  } else if constexpr (is_sized_string<T>::value) {
    if (auto bad = check_length<T>(v.value)) return bad;
    text = v.value;
  } else if constexpr (is_formatted<T>::value) {
    if constexpr (Opts.check_formats) {
      if (auto bad = check_format<T::kind>(v.text)) return bad;
    }
    text = v.text;
  } else if constexpr (is_open_enum<T>::value) {
    using E = decltype(v.value());
    if (v.known()) {
      text = genwire::enum_name(v.value());
      if (text.empty()) return violation{errc::unencodable, enum_expectation<E>(), "enumerator " + std::to_string(static_cast<long long>(v.value()))};
    } else {
      if constexpr (Opts.closed_enums) return violation{errc::unknown_enum, enum_expectation<E>(), "string " + quote_snippet(v.unknown_text())};
      text = v.unknown_text();
    }
  } else {
    text = genwire::enum_name(v);
    if (text.empty()) return violation{errc::unencodable, enum_expectation<T>(), "enumerator " + std::to_string(static_cast<long long>(v))};
  }
  return std::nullopt;
}

}  // namespace genwire::detail
