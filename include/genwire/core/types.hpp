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
#include <vector>

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
  // In place, keeping the unknown text's storage (decoding into a used value allocates nothing).
  open_enum& operator=(E v) noexcept {
    value_ = v;
    known_ = true;
    raw_.clear();
    return *this;
  }
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

// A declared limit of a bounded number: an integer (`bounded<int, 1, 100>`), a decimal
// (`genwire::decimal("0.7")`), either made exclusive (`genwire::exclusive(0)`), or no limit
// (no_min, no_max). A class of integers rather than a double, so that it is a template argument
// on clang 14 too, and exact: the bound is the decimal written, compared as JSON text would be.
struct bound {
  long long mantissa = 0;
  int exponent = 0;  // value = mantissa * 10^exponent, exponent <= 0
  bool is_exclusive = false;
  bool is_set = true;

  constexpr bound(long long v) noexcept : mantissa(v) {}  // NOLINT: implicit by design, bounded<int, 1, 100>
  constexpr bound(long long m, int e, bool exclusive_, bool set) noexcept
      : mantissa(m), exponent(e), is_exclusive(exclusive_), is_set(set) {}
  friend constexpr bool operator==(const bound&, const bound&) = default;

  [[nodiscard]] constexpr bool is_integer() const noexcept { return exponent == 0; }
  // The double nearest the decimal: exact for mantissas up to 2^53 over powers of ten up to 10^22
  // (one correctly rounded division), which decimal() guarantees.
  [[nodiscard]] constexpr double as_double() const noexcept {
    double scale = 1;
    for (int i = 0; i < -exponent; ++i) scale *= 10;
    return static_cast<double>(mantissa) / scale;
  }
  // The bound as declared: "0.7", "-0.5", "100".
  [[nodiscard]] std::string text() const {
    const bool negative = mantissa < 0;
    std::string digits = std::to_string(negative ? -(mantissa + 1) + 1ULL : static_cast<unsigned long long>(mantissa));
    if (exponent < 0) {
      const auto frac = static_cast<std::size_t>(-exponent);
      if (digits.size() <= frac) digits.insert(0, frac - digits.size() + 1, '0');
      digits.insert(digits.size() - frac, 1, '.');
    }
    return negative ? "-" + digits : digits;
  }
};

inline constexpr bound no_min{0, 0, false, false};
inline constexpr bound no_max{0, 0, false, false};

// A decimal bound from its text, checked at compile time: "0.7", "-0.5", "30". At most 15
// significant digits and 15 after the point (so that it converts to a double exactly rounded).
consteval bound decimal(std::string_view text) {
  long long m = 0;
  int e = 0, digits = 0;
  bool negative = false, point = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '-' && i == 0) {
      negative = true;
    } else if (c == '.' && !point && digits > 0) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 15) throw "genwire::decimal: at most 15 significant digits";
      m = m * 10 + (c - '0');
      if (point) --e;
    } else {
      throw "genwire::decimal: expected digits with an optional '-' and '.', e.g. \"0.7\"";
    }
  }
  if (digits == 0 || text.back() == '.') throw "genwire::decimal: expected digits, e.g. \"0.7\"";
  return bound{negative ? -m : m, e, false, true};
}

// The same limit, not reached by the value itself: exclusive(0) is JSON Schema's exclusiveMinimum 0.
constexpr bound exclusive(bound b) noexcept {
  b.is_exclusive = true;
  return b;
}

// A number with declared bounds (inclusive unless exclusive(...)), checked on decode and on encode
// in every mode.
template <class T, bound Min = no_min, bound Max = no_max>
struct bounded {
  static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
  static_assert(std::is_floating_point_v<T> || (Min.is_integer() && Max.is_integer()),
                "an integer member takes integer bounds");
  using value_type = T;
  static constexpr bound min = Min;
  static constexpr bound max = Max;
  T value{};
  constexpr bounded() = default;
  constexpr bounded(T v) : value(v) {}  // NOLINT: implicit by design
  constexpr operator T() const noexcept { return value; }  // NOLINT: implicit by design
  friend constexpr bool operator==(const bounded&, const bounded&) = default;
  // Without it, `limit == 5` is ambiguous (convert 5 to bounded, or limit to T?).
  friend constexpr bool operator==(const bounded& a, const T& b) noexcept { return a.value == b; }
};
template <class T, bound Min>
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
// identically; the format is checked only in strict mode (formats::check_* are public), a declared
// length range (in code points, like sized_string) in every mode.
template <format_kind K, std::size_t MinLen = 0, std::size_t MaxLen = std::numeric_limits<std::size_t>::max()>
struct formatted_string {
  static constexpr format_kind kind = K;
  static constexpr std::size_t min_length = MinLen;
  static constexpr std::size_t max_length = MaxLen;
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
    return genwire::error{errc::format, "$", 0, "an RFC 3339 date-time", "\"" + text + "\"",
                          {rule::format, json_type::string, {}, format_kind::date_time, {}}};
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
  // The same, in place: keeps the capacity of the text this value held (genwire::decode_into).
  void assign_trusted_text(std::string_view text) { text_.assign(text); }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  friend bool operator==(const raw_json&, const raw_json&) = default;

 private:
  std::string text_;
};

// A member of this type keeps the object's other members: every key the struct does not declare,
// in document order, each value as its exact JSON text. Strict mode accepts them too (the struct
// says it expects them), a repeated one is errc::duplicate_key, and encode writes them back where
// the member stands (declare it last to keep them after the declared members). At most one per
// struct; it has no key of its own.
struct extra_members {
  std::vector<std::pair<std::string, raw_json>> items;
  friend bool operator==(const extra_members&, const extra_members&) = default;
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
