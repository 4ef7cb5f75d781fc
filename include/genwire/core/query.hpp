// genwire/core/query.hpp: a flat struct to and from the query string a client sends, with the same
// rules and error reports as JSON (path = the parameter, offset = byte offset in the query string).
//
//   genwire::result<std::string> q = genwire::encode_query(request);     // "limit=10&status=pending"
//   genwire::result<Req> r = genwire::decode_query<Req>("limit=10");
//
// Encoding: members in declaration order; absent and null members are omitted; strings are
// percent-encoded (RFC 3986 unreserved characters stay as they are, space is %20); enums by name;
// numbers as in JSON; a std::vector<T> member is one repeated parameter per element.
// Decoding: '+' is a space (as HTML forms and most HTTP clients send it); a leading '?' is allowed;
// an empty parameter name ("a=1&&b=2") is skipped; a parameter twice is errc::duplicate_key
// (unless the member is a vector); an unknown parameter is skipped, or errc::unknown_key in strict mode.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "detail/checks.hpp"
#include "detail/codec.hpp"
#include "detail/keys.hpp"
#include "detail/scanner.hpp"
#include "detail/traits.hpp"
#include "detail/writer.hpp"
#include "error.hpp"
#include "options.hpp"
#include "reflect.hpp"

namespace genwire {
namespace detail {

// Percent-decodes s ('+' as space). False on a malformed escape; `bad` is its position in s.
inline bool percent_decode(std::string_view s, std::string& out, std::size_t& bad) {
  out.clear();
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      const int hi = i + 1 < s.size() ? hex(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) return bad = i, false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return true;
}

inline void percent_encode(std::string& out, std::string_view s) {
  constexpr char hex[] = "0123456789ABCDEF";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
}

template <class T>
struct query_scalar {
  using type = T;
};
template <class T>
struct query_scalar<std::optional<T>> : query_scalar<T> {};
template <class T>
struct query_scalar<nullable<T>> : query_scalar<T> {};

// Error for one parameter's value text.
struct query_error_sink {
  genwire::error* err;
  std::string_view name;
  std::size_t offset;
  bool fail(errc code, std::string expected, std::string found, expectation rule = {}) const {
    *err = genwire::error{code, std::string(name), offset, std::move(expected), std::move(found), std::move(rule)};
    return false;
  }
  bool fail(violation&& v) const { return fail(v.code, std::move(v.expected), std::move(v.found), std::move(v.rule)); }
};

// One scalar from the decoded text of a parameter.
template <options Opts, class T>
bool scalar_from_query(T& out, std::string&& text, const query_error_sink& sink) {
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "true") return out = true, true;
    if (text == "false") return out = false, true;
    return sink.fail(errc::wrong_type, "true or false", quote_snippet(text), {rule::type, json_type::boolean});
  } else if constexpr (is_integer_v<T>) {
    bool syntax_ok = !text.empty();
    for (std::size_t i = 0; i < text.size(); ++i)
      syntax_ok = syntax_ok && ((text[i] >= '0' && text[i] <= '9') || (i == 0 && text[i] == '-' && text.size() > 1));
    if (!syntax_ok) return sink.fail(errc::wrong_type, "an integer", quote_snippet(text), {rule::type, json_type::integer});
    if (parse_integer(text, out) != std::errc{}) {
      std::string range = integer_range<T>();
      return sink.fail(errc::out_of_range, "an integer in " + range, quote_snippet(text), {rule::fits_type, json_type::integer, range});
    }
    return true;
  } else if constexpr (std::is_floating_point_v<T>) {
    // The JSON number grammar, so a query and a body accept the same numbers.
    scanner s(text, 1);
    std::string_view tok;
    bool integer = false;
    double d = 0;
    if (text.empty() || !s.read_number(tok, integer) || tok.size() != text.size())
      return sink.fail(errc::wrong_type, "a number", quote_snippet(text), {rule::type, json_type::number});
    if (parse_double(tok, d) != std::errc{})
      return sink.fail(errc::out_of_range, "a number within the range of a double", quote_snippet(text), {rule::fits_type, json_type::number, "double"});
    if constexpr (sizeof(T) < sizeof(double)) {
      if (d > static_cast<double>(std::numeric_limits<T>::max()) || d < -static_cast<double>(std::numeric_limits<T>::max()))
        return sink.fail(errc::out_of_range, "a number within the range of a float", quote_snippet(text), {rule::fits_type, json_type::number, "float"});
    }
    out = static_cast<T>(d);
    return true;
  } else if constexpr (is_bounded<T>::value) {
    if (!scalar_from_query<Opts>(out.value, std::move(text), sink)) return false;
    if (auto bad = check_bounds<T>(out.value)) return sink.fail(std::move(*bad));
    return true;
  } else if constexpr (is_string_carried_v<T>) {
    if (!formats::utf8_length(text)) return sink.fail(errc::invalid_utf8, "valid UTF-8", "bytes that are not");
    if (auto bad = assign_from_text(out, std::move(text), Opts)) return sink.fail(std::move(*bad));
    return true;
  } else {
    static_assert(sizeof(T) == 0, "query parameters must be scalars (or vectors / optionals of scalars)");
  }
}

template <options Opts, class T>
bool scalar_to_query(std::string& out, const T& v, const query_error_sink& sink) {
  if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (is_integer_v<T>) {
    write_integer(out, v);
  } else if constexpr (std::is_floating_point_v<T>) {
    // to_chars writes exponents as "e+07", and a '+' in a query means a space; "e07" is the same
    // number in the JSON grammar the decoder reads.
    const std::size_t at = out.size();
    if (!write_double(out, v)) return sink.fail(errc::unencodable, "a finite number", "not one");
    if (const std::size_t plus = out.find('+', at); plus != std::string::npos) out.erase(plus, 1);
  } else if constexpr (is_bounded<T>::value) {
    if (auto bad = check_bounds<T>(v.value)) return sink.fail(std::move(*bad));
    return scalar_to_query<Opts>(out, v.value, sink);
  } else if constexpr (is_string_carried_v<T>) {
    std::string_view text;
    if (auto bad = text_for_encoding(v, text, Opts)) return sink.fail(std::move(*bad));
    if (!formats::utf8_length(text)) return sink.fail(errc::unencodable, "a string of valid UTF-8", "invalid UTF-8");
    percent_encode(out, text);
  } else {
    static_assert(sizeof(T) == 0, "query parameters must be scalars (or vectors / optionals of scalars)");
  }
  return true;
}

}  // namespace detail

// The text of one percent-encoded query component, '+' read as a space (as decode_query reads
// it), or errc::syntax at the offset of a malformed escape.
inline result<std::string> percent_decode(std::string_view text) {
  std::string out;
  std::size_t bad = 0;
  if (!detail::percent_decode(text, out, bad))
    return genwire::error{errc::syntax, "$", bad, "a percent-escape %XX", detail::quote_snippet(text.substr(bad, 3))};
  return out;
}

// `text` with every byte but RFC 3986's unreserved characters written as %XX (space is %20).
inline std::string percent_encode(std::string_view text) {
  std::string out;
  detail::percent_encode(out, text);
  return out;
}

// The percent-decoded value of the first parameter called `name` in a raw query string (a leading
// '?' allowed); nullopt when there is none or it does not decode.
inline std::optional<std::string> query_parameter(std::string_view query, std::string_view name) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  std::string decoded_name, value;
  std::size_t bad = 0;
  while (true) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (detail::percent_decode(pair.substr(0, eq), decoded_name, bad) && decoded_name == name) {
      if (!detail::percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), value, bad)) return std::nullopt;
      return value;
    }
    if (amp == std::string_view::npos) return std::nullopt;
    query.remove_prefix(amp + 1);
  }
}

template <class T, options Opts>
result<std::string> detail::query_codec<T, Opts>::encode(const T& v) {
  static_assert(reflect::reflectable<T>, "encode_query takes a flat aggregate struct");
  static_assert(!detail::key_table<T>::keeps_extras, "a query string has no place for genwire::extra_members");
  using keys = detail::key_table<T>;
  std::string out;
  genwire::error err;
  const bool ok = reflect::visit(v, [&](const auto&... m) {
    std::size_t i = 0;
    const auto one = [&](const auto& member, std::size_t index) {
      using M = std::remove_cvref_t<decltype(member)>;
      const detail::query_error_sink sink{&err, keys::keys[index], out.size()};
      const auto put = [&](const auto& scalar) {
        if (!out.empty()) out += '&';
        detail::percent_encode(out, keys::keys[index]);
        out += '=';
        return detail::scalar_to_query<Opts>(out, scalar, sink);
      };
      if constexpr (detail::is_std_optional<M>::value || detail::is_nullable<M>::value) {
        if (!member) return true;  // absent or null: not sent
        if constexpr (detail::is_nullable<typename M::value_type>::value) {
          if (!*member) return true;
          return put(**member);
        } else {
          return put(*member);
        }
      } else if constexpr (detail::is_vector<M>::value) {
        for (const auto& e : member)
          if (!put(e)) return false;
        return true;
      } else {
        return put(member);
      }
    };
    (void)one, (void)i;  // a struct without members (an endpoint with no parameters)
    return ((one(m, i) && (++i, true)) && ...);
  });
  if (!ok) return err;
  return out;
}

template <class T, options Opts>
result<T> detail::query_codec<T, Opts>::decode(std::string_view query) {
  static_assert(reflect::reflectable<T>, "decode_query takes a flat aggregate struct");
  static_assert(!detail::key_table<T>::keeps_extras, "a query string has no place for genwire::extra_members");
  using keys = detail::key_table<T>;
  constexpr std::size_t n = keys::size;
  T value{};
  std::array<bool, n> seen{};
  genwire::error err;
  std::size_t base = 0;
  if (!query.empty() && query.front() == '?') base = 1;
  std::string name, text;
  while (base <= query.size()) {
    std::size_t amp = query.find('&', base);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(base, amp - base);
    const std::size_t pair_at = base;
    base = amp + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    const std::size_t value_at = pair_at + (eq == std::string_view::npos ? pair.size() : eq + 1);
    std::size_t bad = 0;
    if (!detail::percent_decode(raw_name, name, bad))
      return genwire::error{errc::syntax, "$", pair_at + bad, "a percent-escape %XX", detail::quote_snippet(raw_name.substr(bad, 3))};
    if (name.empty()) continue;
    if (!detail::percent_decode(raw_value, text, bad))
      return genwire::error{errc::syntax, name, value_at + bad, "a percent-escape %XX", detail::quote_snippet(raw_value.substr(bad, 3))};
    const std::size_t idx = keys::find(name, 0);
    if (idx >= n) {
      if constexpr (Opts.reject_unknown_keys)
        return genwire::error{errc::unknown_key, name, pair_at, "a parameter declared by the type", "parameter " + detail::quote_snippet(name),
                              {rule::declared_key, json_type::object}};
      continue;
    }
    const detail::query_error_sink sink{&err, keys::keys[idx], value_at};
    const bool ok = reflect::visit(value, [&](auto&... m) {
      std::size_t i = 0;
      bool result = false;
      const auto one = [&](auto& member) {
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (detail::is_vector<M>::value) {
          seen[idx] = true;
          return detail::scalar_from_query<Opts>(member.emplace_back(), std::move(text), sink);
        } else {
          // Like a duplicate JSON key (and an unknown parameter), reported where the parameter starts.
          if (seen[idx])
            return detail::query_error_sink{&err, keys::keys[idx], pair_at}.fail(errc::duplicate_key, "each parameter once",
                                                                                 "a second " + detail::quote_snippet(name), {rule::unique_key, json_type::object});
          seen[idx] = true;
          if constexpr (detail::is_std_optional<M>::value) {
            if constexpr (detail::is_nullable<typename M::value_type>::value) return detail::scalar_from_query<Opts>(member.emplace().emplace(), std::move(text), sink);
            else return detail::scalar_from_query<Opts>(member.emplace(), std::move(text), sink);
          } else if constexpr (detail::is_nullable<M>::value) {
            return detail::scalar_from_query<Opts>(member.emplace(), std::move(text), sink);
          } else {
            return detail::scalar_from_query<Opts>(member, std::move(text), sink);
          }
        }
      };
      (void)one, (void)i;  // a struct without members
      (void)(((i++ == idx) ? (result = one(m), true) : false) || ...);
      return result;
    });
    if (!ok) return err;
  }
  // Required parameters: neither optional, nullable (absent means null in a query) nor a vector.
  bool missing = false;
  reflect::visit(value, [&](auto&... m) {
    std::size_t i = 0;
    (void)((!seen[i] && !detail::is_std_optional<std::remove_cvref_t<decltype(m)>>::value &&
                    !detail::is_nullable<std::remove_cvref_t<decltype(m)>>::value &&
                    !detail::is_vector<std::remove_cvref_t<decltype(m)>>::value
                ? (err = genwire::error{errc::missing_key, std::string(keys::keys[i]), query.size(), {}, {},
                                        {rule::required, detail::json_type_of<std::remove_cvref_t<decltype(m)>>()}},
                   missing = true)
                : (++i, false)) ||
           ...);
  });
  if (missing) return err;
  return value;
}

template <options Opts = options{}, class T>
result<std::string> encode_query(const T& v) {
  return detail::query_codec<T, Opts>::encode(v);
}

template <class T, options Opts = options{}>
result<T> decode_query(std::string_view query) {
  return detail::query_codec<T, Opts>::decode(query);
}

}  // namespace genwire
