// genwire/core/json_value.hpp: RFC 8259 checking and a dynamic JSON value, for code that must walk
// JSON it has no struct for.
//
//   genwire::check_json(text)      -> status       valid RFC 8259 JSON?
//   genwire::parse_json(text)      -> result<json::value>
//   genwire::to_json(value)        -> std::string  (compact)
//   genwire::to_pretty_json(value) -> std::string  (two-space indent, for people and diffs)
//
// Numbers: an integer token that fits std::int64_t (or std::uint64_t) stays exact; every other
// number is a double; a number too large for a double is an errc::out_of_range error.
// Duplicate keys: RFC 8259 leaves them to the implementation; check_json accepts them (the grammar
// allows them) and json::value keeps every member in order, while struct decoding rejects a
// duplicate of a declared key (errc::duplicate_key), so no payload can mean two things.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "detail/scanner.hpp"
#include "detail/writer.hpp"
#include "error.hpp"
#include "options.hpp"

namespace genwire {
namespace json {

class value;
using array = std::vector<value>;
using object = std::vector<std::pair<std::string, value>>;  // members in document order

class value {
 public:
  using storage = std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string, array, object>;

  // User-provided on purpose: clang 14 decides whether a defaulted constructor is usable the first
  // time it is asked, which happens inside this class (array holds values), and then reports
  // json::value as not default-constructible forever (std::optional<json::value>::emplace() fails).
  value() noexcept {}                                                 // NOLINT: see above
  value(std::nullptr_t) {}                                            // NOLINT: implicit by design
  value(bool b) : v_(b) {}                                            // NOLINT
  value(std::int64_t i) : v_(i) {}                                    // NOLINT
  value(int i) : v_(static_cast<std::int64_t>(i)) {}                  // NOLINT
  value(std::uint64_t u) : v_(u) {}                                   // NOLINT
  value(double d) : v_(d) {}                                          // NOLINT
  value(std::string s) : v_(std::move(s)) {}                          // NOLINT
  value(const char* s) : v_(std::string(s)) {}                        // NOLINT
  value(array a) : v_(std::move(a)) {}                                // NOLINT
  value(object o) : v_(std::move(o)) {}                               // NOLINT

  [[nodiscard]] bool is_null() const noexcept { return std::holds_alternative<std::nullptr_t>(v_); }
  [[nodiscard]] bool is_bool() const noexcept { return std::holds_alternative<bool>(v_); }
  [[nodiscard]] bool is_number() const noexcept { return v_.index() >= 2 && v_.index() <= 4; }
  [[nodiscard]] bool is_string() const noexcept { return std::holds_alternative<std::string>(v_); }
  [[nodiscard]] bool is_array() const noexcept { return std::holds_alternative<array>(v_); }
  [[nodiscard]] bool is_object() const noexcept { return std::holds_alternative<object>(v_); }

  [[nodiscard]] const storage& get() const noexcept { return v_; }
  [[nodiscard]] storage& get() noexcept { return v_; }
  [[nodiscard]] const std::string* as_string() const noexcept { return std::get_if<std::string>(&v_); }
  [[nodiscard]] const array* as_array() const noexcept { return std::get_if<array>(&v_); }
  [[nodiscard]] const object* as_object() const noexcept { return std::get_if<object>(&v_); }
  // The number as a double (exact for integers up to 2^53); false when this is not a number.
  [[nodiscard]] bool as_double(double& out) const noexcept {
    if (auto* i = std::get_if<std::int64_t>(&v_)) return out = static_cast<double>(*i), true;
    if (auto* u = std::get_if<std::uint64_t>(&v_)) return out = static_cast<double>(*u), true;
    if (auto* d = std::get_if<double>(&v_)) return out = *d, true;
    return false;
  }

  // The first member named key, or nullptr (also when this is not an object).
  [[nodiscard]] const value* find(std::string_view key) const noexcept {
    if (auto* o = as_object())
      for (const auto& [k, v] : *o)
        if (k == key) return &v;
    return nullptr;
  }

  // Semantic equality: numbers by value (1 == 1.0), objects as sets of members (order ignored).
  // Written as tests of the index, not std::visit or the variant's own ==: a two-variant visit
  // instantiates one lambda per pair of alternatives (64 here) in every TU that includes this
  // header (about 0.1 s of each, bench/README.md "Compile time").
  friend bool operator==(const value& a, const value& b) {
    if (a.is_number() && b.is_number()) return numbers_equal(a, b);
    if (a.v_.index() != b.v_.index()) return false;
    if (auto* oa = a.as_object()) {
      // Members match by name; a name given more than once (RFC 8259 allows it) matches its
      // occurrences in order, so the comparison stays symmetric.
      const object& ob = *b.as_object();
      if (oa->size() != ob.size()) return false;
      for (std::size_t i = 0; i < oa->size(); ++i) {
        const std::string& k = (*oa)[i].first;
        std::size_t nth = 0;
        for (std::size_t j = 0; j < i; ++j) nth += (*oa)[j].first == k;
        const value* other = nullptr;
        for (const auto& [bk, bv] : ob)
          if (bk == k && nth-- == 0) {
            other = &bv;
            break;
          }
        if (!other || !(*other == (*oa)[i].second)) return false;
      }
      return true;
    }
    if (auto* xa = a.as_array()) return *xa == *b.as_array();
    if (auto* sa = a.as_string()) return *sa == *b.as_string();
    if (auto* ba = std::get_if<bool>(&a.v_)) return *ba == *std::get_if<bool>(&b.v_);
    return true;  // both null
  }

 private:
  // Exact comparison of numbers of any representation (no rounding through double); both are numbers.
  static bool numbers_equal(const value& a, const value& b) {
    if (const double* x = std::get_if<double>(&a.v_)) return number_equals_double(b, *x);
    if (const double* y = std::get_if<double>(&b.v_)) return number_equals_double(a, *y);
    if (const std::int64_t* i = std::get_if<std::int64_t>(&a.v_)) return integer_equals_integer(b, *i);
    return integer_equals_integer(b, *std::get_if<std::uint64_t>(&a.v_));
  }
  template <class I>
  static bool integer_equals_integer(const value& v, I x) {  // v holds an integer
    if (const std::int64_t* i = std::get_if<std::int64_t>(&v.v_)) return std::cmp_equal(*i, x);
    return std::cmp_equal(*std::get_if<std::uint64_t>(&v.v_), x);
  }
  static bool number_equals_double(const value& v, double d) {  // v holds a number
    if (const std::int64_t* i = std::get_if<std::int64_t>(&v.v_)) return integer_equals_double(*i, d);
    if (const std::uint64_t* u = std::get_if<std::uint64_t>(&v.v_)) return integer_equals_double(*u, d);
    return *std::get_if<double>(&v.v_) == d;
  }
  template <class I>
  static bool integer_equals_double(I i, double d) {
    // The double must be integral and inside I's range before it can be converted exactly.
    constexpr double lo = std::is_signed_v<I> ? -9223372036854775808.0 : 0.0;
    constexpr double hi = std::is_signed_v<I> ? 9223372036854775808.0 : 18446744073709551616.0;
    if (!(d >= lo && d < hi) || static_cast<double>(static_cast<I>(d)) != d) return false;
    return static_cast<I>(d) == i;
  }

  storage v_{nullptr};
};

}  // namespace json

namespace detail {

// Reads one value (after whitespace) into a json::value.
inline bool read_dynamic(scanner& s, json::value& out) {
  s.skip_ws();
  if (s.at_end()) return s.fail(errc::unexpected_end, s.pos(), "a JSON value", "end of input");
  switch (s.peek()) {
    case '{': {
      if (!s.enter(s.pos())) return false;
      s.expect('{', "'{'");
      json::object obj;
      s.skip_ws();
      if (s.peek() == '}') {
        s.expect('}', "'}'");
      } else {
        for (;;) {
          s.skip_ws();
          if (s.peek() != '"')
            return s.fail(s.at_end() ? errc::unexpected_end : errc::syntax, s.pos(), "a string key", s.describe(s.pos()));
          std::string key;
          if (!s.read_string(key) || !s.expect(':', "':'")) return false;
          json::value v;
          if (!read_dynamic(s, v)) return s.push_key(key), false;
          obj.emplace_back(std::move(key), std::move(v));
          s.skip_ws();
          if (s.peek() == ',') {
            s.expect(',', "','");
            continue;
          }
          if (!s.expect('}', "',' or '}'")) return false;
          break;
        }
      }
      s.leave();
      out = json::value(std::move(obj));
      return true;
    }
    case '[': {
      if (!s.enter(s.pos())) return false;
      s.expect('[', "'['");
      json::array arr;
      s.skip_ws();
      if (s.peek() == ']') {
        s.expect(']', "']'");
      } else {
        for (;;) {
          json::value v;
          if (!read_dynamic(s, v)) return s.push_index(arr.size()), false;
          arr.push_back(std::move(v));
          s.skip_ws();
          if (s.peek() == ',') {
            s.expect(',', "','");
            continue;
          }
          if (!s.expect(']', "',' or ']'")) return false;
          break;
        }
      }
      s.leave();
      out = json::value(std::move(arr));
      return true;
    }
    case '"': {
      std::string str;
      if (!s.read_string(str)) return false;
      out = json::value(std::move(str));
      return true;
    }
    case 't': return s.literal("true") && (out = json::value(true), true);
    case 'f': return s.literal("false") && (out = json::value(false), true);
    case 'n': return s.literal("null") && (out = json::value(nullptr), true);
    default: {
      const char* at = s.pos();
      std::string_view tok;
      bool integer = false;
      if (!s.read_number(tok, integer)) return false;
      if (integer) {
        std::int64_t i = 0;
        if (parse_integer(tok, i) == std::errc{}) return out = json::value(i), true;
        std::uint64_t u = 0;
        if (parse_integer(tok, u) == std::errc{}) return out = json::value(u), true;
      }
      double d = 0;
      if (parse_double(tok, d) != std::errc{})
        return s.fail(errc::out_of_range, at, "a number within the range of a double", s.describe(at));
      out = json::value(d);
      return true;
    }
  }
}

inline void write_dynamic(output& out, const json::value& v) {
  std::visit(
      [&](const auto& x) {
        using X = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<X, std::nullptr_t>) out.append("null");
        else if constexpr (std::is_same_v<X, bool>) out.append(x ? "true" : "false");
        else if constexpr (std::is_same_v<X, double>) write_double(out, x);  // finite by construction
        else if constexpr (std::is_same_v<X, std::string>) write_string(out, x);
        else if constexpr (std::is_same_v<X, json::array>) {
          out.put('[');
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i) out.put(',');
            write_dynamic(out, x[i]);
          }
          out.put(']');
        } else if constexpr (std::is_same_v<X, json::object>) {
          out.put('{');
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i) out.put(',');
            write_string(out, x[i].first);
            out.put(':');
            write_dynamic(out, x[i].second);
          }
          out.put('}');
        } else write_integer(out, x);
      },
      v.get());
}

// Like write_dynamic, one member or element per line, indented by two spaces per level; an array
// of scalars stays on one line (["string", "null"]).
inline void write_pretty(std::string& out, const json::value& v, std::size_t depth) {
  // The compact writers append through an output cursor; each use ends before the next append.
  const auto compact = [&](const json::value& x) {
    output o(out);
    write_dynamic(o, x);
  };
  const auto newline = [&](std::size_t level) {
    out += '\n';
    out.append(2 * level, ' ');
  };
  const auto* a = v.as_array();
  const bool flat = a != nullptr && std::none_of(a->begin(), a->end(), [](const json::value& e) { return e.is_array() || e.is_object(); });
  if (flat) {
    out += '[';
    for (std::size_t i = 0; i < a->size(); ++i) {
      out += i ? ", " : "";
      compact((*a)[i]);
    }
    out += ']';
  } else if (a != nullptr) {
    out += '[';
    for (std::size_t i = 0; i < a->size(); ++i) {
      out += i ? "," : "";
      newline(depth + 1);
      write_pretty(out, (*a)[i], depth + 1);
    }
    newline(depth);
    out += ']';
  } else if (const auto* o = v.as_object(); o != nullptr && !o->empty()) {
    out += '{';
    for (std::size_t i = 0; i < o->size(); ++i) {
      out += i ? "," : "";
      newline(depth + 1);
      {
        output key(out);
        write_string(key, (*o)[i].first);
      }
      out += ": ";
      write_pretty(out, (*o)[i].second, depth + 1);
    }
    newline(depth);
    out += '}';
  } else {
    compact(v);  // a scalar, [] or {}
  }
}

}  // namespace detail

// Whether text is one RFC 8259 JSON value (surrounded by optional whitespace).
inline status check_json(std::string_view text, std::uint32_t max_depth = options{}.max_depth) {
  detail::scanner s(text, max_depth);
  if (s.skip_value() && s.finish()) return {};
  return s.take_error();
}

inline result<json::value> parse_json(std::string_view text, std::uint32_t max_depth = options{}.max_depth) {
  detail::scanner s(text, max_depth);
  json::value v;
  if (detail::read_dynamic(s, v) && s.finish()) return v;
  return s.take_error();
}

// Compact JSON text. Strings that are not valid UTF-8 are written as they are: build values from
// parse_json or from valid UTF-8.
inline std::string to_json(const json::value& v) {
  std::string text;
  {
    detail::output out(text);
    detail::write_dynamic(out, v);
  }
  return text;
}

// The same text with one member or element per line and two-space indentation (no trailing newline).
inline std::string to_pretty_json(const json::value& v) {
  std::string out;
  detail::write_pretty(out, v, 0);
  return out;
}

}  // namespace genwire
