// genwire/core/encode.hpp: a struct straight into one JSON buffer. Declared constraints are checked
// here too (a client must not send what the server would reject), so encoding can fail.
//
//   genwire::result<std::string> json = genwire::encode(value);
//   genwire::status st = genwire::encode_to(value, buffer);   // appends; reuse the buffer
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "detail/checks.hpp"
#include "detail/keys.hpp"
#include "detail/scanner.hpp"
#include "detail/traits.hpp"
#include "detail/writer.hpp"
#include "error.hpp"
#include "json_value.hpp"
#include "options.hpp"
#include "reflect.hpp"
#include "types.hpp"

namespace genwire {
namespace detail {

template <options Opts>
class encoder {
 public:
  explicit encoder(std::string& out) : out_(out) {}

  template <class T>
  bool write(const T& v) {
    if constexpr (is_nullable<T>::value || is_std_optional<T>::value) {
      if (!v) return out_ += "null", true;
      return write(*v);
    } else if constexpr (std::is_same_v<T, raw_json>) {
      out_ += v.text();
      return true;
    } else if constexpr (std::is_same_v<T, json::value>) {
      return write_value(v);
    } else if constexpr (std::is_same_v<T, bool>) {
      out_ += v ? "true" : "false";
      return true;
    } else if constexpr (is_integer_v<T>) {
      write_integer(out_, v);
      return true;
    } else if constexpr (std::is_floating_point_v<T>) {
      if (write_double(out_, v)) return true;
      return fail(errc::unencodable, "a finite number", v != v ? "NaN" : "infinity");
    } else if constexpr (is_bounded<T>::value) {
      if (auto bad = check_bounds<T>(v.value)) return fail(std::move(*bad));
      return write(v.value);
    } else if constexpr (is_string_carried_v<T>) {
      std::string_view text;
      if (auto bad = text_for_encoding<Opts>(v, text)) return fail(std::move(*bad));
      return string(text);
    } else if constexpr (is_vector<T>::value || is_std_array<T>::value) {
      out_ += '[';
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out_ += ',';
        if (!write(v[i])) return push_index(i), false;
      }
      out_ += ']';
      return true;
    } else if constexpr (is_variant<T>::value) {
      return std::visit([&](const auto& alt) { return write(alt); }, v);
    } else {
      static_assert(reflect::reflectable<T>, "genwire cannot encode this type: not an aggregate struct or a known type");
      return write_object(v);
    }
  }

  [[nodiscard]] genwire::error take_error() {
    error_.path = render_path(path_);
    return std::move(error_);
  }

 private:
  template <class T>
  bool write_object(const T& v) {
    using keys = key_table<T>;
    out_ += '{';
    bool first = true;
    return reflect::visit(v, [&](const auto&... m) {
      std::size_t i = 0;
      const bool ok = ((write_member<T>(m, keys::quoted[i], keys::keys[i], first) && (++i, true)) && ...);
      if (ok) out_ += '}';
      return ok;
    });
  }

  template <class T>
  bool write_extras(const extra_members& extras, bool& first) {
    using keys = key_table<T>;
    for (std::size_t i = 0; i < extras.items.size(); ++i) {
      const auto& [key, value] = extras.items[i];
      // A kept member that repeats a declared key, or another kept one, would make the object mean two things.
      bool repeated = keys::find(key, 0) < keys::size;
      for (std::size_t j = 0; j < i && !repeated; ++j) repeated = extras.items[j].first == key;
      if (repeated) return push_key(key), fail(errc::unencodable, "each key once", "a second " + quote_snippet(key));
      if (!first) out_ += ',';
      first = false;
      if (!string(key)) return push_key(key), false;
      out_ += ':';
      out_ += value.text();
    }
    return true;
  }

  template <class T, class M>
  bool write_member(const M& m, std::string_view quoted_key, std::string_view key, bool& first) {
    if constexpr (is_extra_members_v<M>) {
      (void)quoted_key, (void)key;
      return write_extras<T>(m, first);
    } else {
      if constexpr (is_std_optional<M>::value) {
        if (!m) return true;  // absent stays absent
      }
      if (!first) out_ += ',';
      first = false;
      out_ += quoted_key;
      if (!write(m)) return push_key(key), false;
      return true;
    }
  }

  bool write_value(const json::value& v) {
    if (const auto* s = v.as_string()) return string(*s);
    if (const auto* a = v.as_array()) {
      out_ += '[';
      for (std::size_t i = 0; i < a->size(); ++i) {
        if (i) out_ += ',';
        if (!write_value((*a)[i])) return push_index(i), false;
      }
      out_ += ']';
      return true;
    }
    if (const auto* o = v.as_object()) {
      out_ += '{';
      for (std::size_t i = 0; i < o->size(); ++i) {
        if (i) out_ += ',';
        if (!string((*o)[i].first)) return push_key((*o)[i].first), false;
        out_ += ':';
        if (!write_value((*o)[i].second)) return push_key((*o)[i].first), false;
      }
      out_ += '}';
      return true;
    }
    if (const auto* d = std::get_if<double>(&v.get()); d && !write_double(out_, *d)) return fail(errc::unencodable, "a finite number", "not one");
    if (!std::holds_alternative<double>(v.get())) write_dynamic(out_, v);
    return true;
  }

  bool string(std::string_view s) {
    const std::size_t at = out_.size();
    if (write_string(out_, s)) return true;
    out_.resize(at);  // so the offset is where the string starts, as for every other value
    return fail(errc::unencodable, "a string of valid UTF-8", "invalid UTF-8");
  }

  bool fail(errc code, std::string expected, std::string found) {
    error_ = genwire::error{code, "$", out_.size(), std::move(expected), std::move(found)};
    return false;
  }
  bool fail(violation&& v) {
    error_ = genwire::error{v.code, "$", out_.size(), std::move(v.expected), std::move(v.found), std::move(v.rule)};
    return false;
  }
  void push_key(std::string_view k) { path_.push_back({std::string(k), 0, false}); }
  void push_index(std::size_t i) { path_.push_back({{}, i, true}); }

  std::string& out_;
  genwire::error error_{};
  std::vector<path_segment> path_;
};

}  // namespace detail

// Appends the JSON for v to out. On error, out holds a partial document; the error's offset is
// the output length when it was found.
template <options Opts = options{}, class T>
status encode_to(const T& v, std::string& out) {
  detail::encoder<Opts> e(out);
  if (e.write(v)) return {};
  return e.take_error();
}

template <options Opts = options{}, class T>
result<std::string> encode(const T& v) {
  std::string out;
  if (auto st = encode_to<Opts>(v, out); !st) return st.error();
  return out;
}

}  // namespace genwire
