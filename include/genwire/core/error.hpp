// genwire/core/error.hpp: the one error type every decoder and encoder reports, and result<T>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "detail/config.hpp"

namespace genwire {

enum class errc : std::uint8_t {
  syntax,            // not RFC 8259 JSON (or not a query string)
  unexpected_end,    // input ended inside a value
  trailing_content,  // something after the top-level value
  invalid_utf8,
  invalid_escape,
  depth_exceeded,
  wrong_type,        // valid JSON, but not the JSON type the member needs
  missing_key,       // a required key is absent
  duplicate_key,
  unknown_key,       // strict mode: a key the type does not declare
  out_of_range,      // integer overflow, number outside a declared bound
  constraint,        // minLength and friends
  format,            // strict mode: date-time / uuid / uri text that breaks its format
  unknown_enum,      // closed enum (or strict mode) met a string it does not know
  unencodable,       // encode-side: a value that cannot be written (invalid UTF-8, NaN, ...)
};

constexpr std::string_view to_string(errc c) noexcept {
  switch (c) {
    case errc::syntax: return "syntax error";
    case errc::unexpected_end: return "unexpected end of input";
    case errc::trailing_content: return "trailing content";
    case errc::invalid_utf8: return "invalid UTF-8";
    case errc::invalid_escape: return "invalid escape";
    case errc::depth_exceeded: return "nesting too deep";
    case errc::wrong_type: return "wrong type";
    case errc::missing_key: return "missing required key";
    case errc::duplicate_key: return "duplicate key";
    case errc::unknown_key: return "unknown key";
    case errc::out_of_range: return "out of range";
    case errc::constraint: return "constraint violated";
    case errc::format: return "invalid format";
    case errc::unknown_enum: return "unknown enum value";
    case errc::unencodable: return "cannot encode";
  }
  return "error";
}

// The string formats genwire checks (formats.hpp), as declared by genwire::formatted_string.
enum class format_kind : std::uint8_t { date_time, uuid, uri };

constexpr std::string_view to_string(format_kind k) noexcept {
  switch (k) {
    case format_kind::date_time: return "date-time";
    case format_kind::uuid: return "uuid";
    case format_kind::uri: return "uri";
  }
  return "?";
}

// The JSON type a value had to have.
enum class json_type : std::uint8_t { any, null, boolean, integer, number, string, array, object };

// Which declared rule a value broke, as data: what `expected` says in English, for code that maps
// genwire's errors onto another vocabulary (a FastAPI 422 `type`, a JSON Schema keyword) without
// reading the English back.
enum class rule : std::uint8_t {
  none,               // syntax, structure, depth: the errc says it all
  type,               // the value is not of `type` (errc::wrong_type)
  fits_type,          // an integer outside the member's C++ type; `bound` is "[min, max]" (errc::out_of_range)
  minimum,            // value >= bound (errc::out_of_range)
  exclusive_minimum,  // value > bound
  maximum,            // value <= bound
  exclusive_maximum,  // value < bound
  min_length,         // at least `bound` code points (errc::constraint)
  max_length,         // at most `bound` code points
  format,             // the text is not a `format` (errc::format)
  one_of,             // one of `names` (errc::unknown_enum)
  required,           // the key is absent (errc::missing_key)
  declared_key,       // only declared keys (errc::unknown_key)
  unique_key,         // each key once (errc::duplicate_key)
};

struct expectation {
  genwire::rule rule = rule::none;
  json_type type = json_type::any;  // the JSON type the member has (rule::type: the one it needs)
  std::string bound{};              // minimum .. max_length: the limit as declared ("0.7", "100")
  format_kind format = format_kind::date_time;  // rule::format
  std::span<const std::string_view> names{};    // rule::one_of: the enumerators (static storage)
};

// What went wrong, where (JSON path and byte offset into the input), what was expected and found.
// `path` is "$" for the root, else e.g. `generations[3].status` or `input["[0]"]`. `rule` is what
// `expected` says, as data.
struct error {
  errc code = errc::syntax;
  std::string path = "$";
  std::size_t offset = 0;
  std::string expected;
  std::string found;
  expectation rule{};

  // One readable line: `generations[3].status: expected one of ..., found "done" (offset 123)`.
  [[nodiscard]] std::string message() const {
    std::string m = path;
    m += ": ";
    if (!expected.empty()) {
      m += "expected ";
      m += expected;
      if (!found.empty()) {
        m += ", found ";
        m += found;
      }
    } else {
      m += to_string(code);
      if (!found.empty()) {
        m += ": ";
        m += found;
      }
    }
    m += " (offset ";
    m += std::to_string(offset);
    m += ')';
    return m;
  }
};

class decode_error : public std::runtime_error {
 public:
  explicit decode_error(genwire::error e) : std::runtime_error(e.message()), error_(std::move(e)) {}
  [[nodiscard]] const genwire::error& error() const noexcept { return error_; }

 private:
  genwire::error error_;
};

namespace detail {
// Out of line, one function for every result<T>: destroying a result stays small enough to inline.
GENWIRE_NOINLINE inline void destroy_error(error& e) noexcept { e.~error(); }
}  // namespace detail

// A value or an error; no exceptions unless value() is called on an error. A tagged union rather
// than std::variant<T, error>: a variant's special members are built from visitation tables, which
// every result<T> in a program instantiated again (g++ 12: about 16 % of the peak memory of a
// translation unit decoding every endpoint's types). Assignable when T moves without throwing, as
// every type genwire decodes does: then switching between a value and an error cannot fail halfway.
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : value_(std::move(value)), ok_(true) {}        // NOLINT: implicit by design
  result(genwire::error e) : error_(std::move(e)), ok_(false) {}  // NOLINT: implicit by design
  // A value-initialised T in place, for code that fills it and returns this very result (no move).
  explicit result(std::in_place_t) : value_(), ok_(true) {}

  result(const result& o)
    requires std::is_copy_constructible_v<T>
      : ok_(o.ok_) {
    if (ok_) std::construct_at(&value_, o.value_);
    else std::construct_at(&error_, o.error_);
  }
  result(result&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : ok_(o.ok_) {
    if (ok_) std::construct_at(&value_, std::move(o.value_));
    else std::construct_at(&error_, std::move(o.error_));
  }
  result& operator=(const result& o)
    requires std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T> && std::is_nothrow_move_constructible_v<T>
  {
    if (ok_ == o.ok_) {
      if (ok_) value_ = o.value_;
      else error_ = o.error_;
      return *this;
    }
    return *this = result(o);  // a copy that may throw first, then a move that cannot
  }
  result& operator=(result&& o) noexcept(std::is_nothrow_move_assignable_v<T>)
    requires std::is_move_assignable_v<T> && std::is_nothrow_move_constructible_v<T>
  {
    if (ok_ == o.ok_) {
      if (ok_) value_ = std::move(o.value_);
      else error_ = std::move(o.error_);
    } else if (o.ok_) {
      detail::destroy_error(error_);
      std::construct_at(&value_, std::move(o.value_));
      ok_ = true;
    } else {
      value_.~T();
      std::construct_at(&error_, std::move(o.error_));
      ok_ = false;
    }
    return *this;
  }
  GENWIRE_ALWAYS_INLINE ~result() {
    if (ok_) [[likely]]
      value_.~T();
    else
      detail::destroy_error(error_);
  }

  [[nodiscard]] bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }

  [[nodiscard]] T& value() & { throw_if_error(); return value_; }
  [[nodiscard]] const T& value() const& { throw_if_error(); return value_; }
  [[nodiscard]] T&& value() && { throw_if_error(); return std::move(value_); }
  T& operator*() & noexcept { return value_; }
  const T& operator*() const& noexcept { return value_; }
  T* operator->() noexcept { return std::addressof(value_); }
  const T* operator->() const noexcept { return std::addressof(value_); }

  [[nodiscard]] const genwire::error& error() const& noexcept { return error_; }

 private:
  void throw_if_error() const {
    if (!ok_) throw decode_error(error_);
  }
  union {
    T value_;
    genwire::error error_;
  };
  bool ok_;
};

// Success or an error, for operations that produce nothing else.
// Success costs no genwire::error: it is built only for a failure.
class [[nodiscard]] status {
 public:
  status() = default;
  status(genwire::error e) : error_(std::move(e)) {}  // NOLINT: implicit by design
  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  // The failure; on success a default genwire::error.
  [[nodiscard]] const genwire::error& error() const noexcept {
    static const genwire::error none{};
    return error_ ? *error_ : none;
  }

 private:
  std::optional<genwire::error> error_;
};

}  // namespace genwire
