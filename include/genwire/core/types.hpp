// genwire/core/types.hpp: the vocabulary a model struct is written in.
//
//   T                       key required, value never null
//   std::optional<T>        key may be absent, value never null
//   genwire::nullable<T>    key required, value may be null
//   genwire::optional_nullable<T> = std::optional<nullable<T>>: key may be absent, value may be null
//
// Encoding reproduces what decoding saw: absent stays absent, null stays null.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "error.hpp"
#include "formats.hpp"

namespace genwire {

// A value that may be JSON null. Distinct from std::optional, which means "may be absent".
// Assignment goes through the (inherited) converting constructors and nullable's own copy/move
// assignment, like std::optional's: n = 5, n = std::nullopt, n = {} (null). Re-exporting
// optional's operator= as well would make all of those ambiguous.
template <class T>
struct nullable : std::optional<T> {
  using std::optional<T>::optional;
  nullable() = default;
  nullable(const std::optional<T>& o) : std::optional<T>(o) {}       // NOLINT: implicit by design
  nullable(std::optional<T>&& o) : std::optional<T>(std::move(o)) {}  // NOLINT: implicit by design
};

template <class T>
using optional_nullable = std::optional<nullable<T>>;

// An enum decoded from its enumerator's name. Unlike a plain enum (closed: an unknown string is an
// error), an open_enum keeps a string it does not know, so a provider's new status does not break
// decoding; strict mode closes it again.
template <class E>
class open_enum {
 public:
  constexpr open_enum() = default;
  constexpr open_enum(E v) : value_(v) {}  // NOLINT: implicit by design
  static open_enum unknown(std::string raw) {
    open_enum e;
    e.known_ = false;
    e.raw_ = std::move(raw);
    return e;
  }
  [[nodiscard]] constexpr bool known() const noexcept { return known_; }
  // The enumerator; meaningful only when known().
  [[nodiscard]] constexpr E value() const noexcept { return value_; }
  // The string that was not recognised; empty when known().
  [[nodiscard]] const std::string& unknown_text() const noexcept { return raw_; }
  friend constexpr bool operator==(const open_enum& a, E b) noexcept { return a.known_ && a.value_ == b; }
  friend bool operator==(const open_enum& a, const open_enum& b) noexcept {
    return a.known_ == b.known_ && (a.known_ ? a.value_ == b.value_ : a.raw_ == b.raw_);
  }

 private:
  E value_{};
  bool known_ = true;
  std::string raw_;
};

inline constexpr long long no_min = std::numeric_limits<long long>::min();
inline constexpr long long no_max = std::numeric_limits<long long>::max();

// A number with declared inclusive bounds, checked on decode and on encode in every mode.
template <class T, long long Min = no_min, long long Max = no_max>
struct bounded {
  static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
  using value_type = T;
  static constexpr long long min = Min;
  static constexpr long long max = Max;
  T value{};
  constexpr bounded() = default;
  constexpr bounded(T v) : value(v) {}  // NOLINT: implicit by design
  constexpr operator T() const noexcept { return value; }  // NOLINT: implicit by design
  friend constexpr bool operator==(const bounded&, const bounded&) = default;
  // Without it, `limit == 5` is ambiguous (convert 5 to bounded, or limit to T?).
  friend constexpr bool operator==(const bounded& a, const T& b) noexcept { return a.value == b; }
};
template <class T, long long Min>
using at_least = bounded<T, Min, no_max>;

// A string with a declared length range in Unicode code points (JSON Schema minLength/maxLength).
template <std::size_t MinLen, std::size_t MaxLen = std::numeric_limits<std::size_t>::max()>
struct sized_string {
  static constexpr std::size_t min_length = MinLen;
  static constexpr std::size_t max_length = MaxLen;
  std::string value;
  sized_string() = default;
  sized_string(std::string v) : value(std::move(v)) {}         // NOLINT: implicit by design
  sized_string(const char* v) : value(v) {}                    // NOLINT: implicit by design
  operator std::string_view() const noexcept { return value; }  // NOLINT: implicit by design
  friend bool operator==(const sized_string&, const sized_string&) = default;
};
using non_empty_string = sized_string<1>;

// Strings with a documented format. The text is kept exactly as received, so it re-encodes
// identically; the format is checked only in strict mode (formats::check_* are public).
enum class format_kind : std::uint8_t { date_time, uuid, uri };

template <format_kind K>
struct formatted_string {
  static constexpr format_kind kind = K;
  std::string text;
  formatted_string() = default;
  formatted_string(std::string t) : text(std::move(t)) {}       // NOLINT: implicit by design
  formatted_string(const char* t) : text(t) {}                  // NOLINT: implicit by design
  operator std::string_view() const noexcept { return text; }  // NOLINT: implicit by design
  friend bool operator==(const formatted_string&, const formatted_string&) = default;

  // The instant, or errc::format when the text is not an RFC 3339 date-time.
  [[nodiscard]] result<timestamp> time() const
    requires(K == format_kind::date_time)
  {
    if (auto t = formats::parse_date_time(text)) return *t;
    return genwire::error{errc::format, "$", 0, "an RFC 3339 date-time", "\"" + text + "\""};
  }
};
using uuid = formatted_string<format_kind::uuid>;
using uri = formatted_string<format_kind::uri>;
using date_time = formatted_string<format_kind::date_time>;

// Any JSON value, kept as its exact text (validated as RFC 8259 on decode, written back verbatim).
class raw_json {
 public:
  raw_json() : text_("null") {}
  // Unchecked: the caller promises valid JSON (genwire::check_json can tell).
  static raw_json from_trusted_text(std::string text) {
    raw_json r;
    r.text_ = std::move(text);
    return r;
  }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  friend bool operator==(const raw_json&, const raw_json&) = default;

 private:
  std::string text_;
};

// Key customisation, declared inside a struct as static members (they do not count as fields):
//   static constexpr auto genwire_naming = genwire::naming::camel_case;   // api_project_id -> apiProjectId
//   static constexpr genwire::key_rename genwire_keys[] = {{"first", "[0]"}};
enum class naming : std::uint8_t { as_is, camel_case };
struct key_rename {
  std::string_view member;
  std::string_view key;
};

}  // namespace genwire
