// genwire/core/encode.hpp: a struct straight into one JSON buffer. Declared constraints are checked
// here too (a client must not send what the server would reject), so encoding can fail.
//
//   genwire::result<std::string> json = genwire::encode(value);
//   genwire::status st = genwire::encode_to(value, buffer);   // appends to buffer
//   genwire::status st = genwire::encode_into(value, buffer); // replaces buffer's text, reusing it
//
// Text goes straight into the buffer's storage (detail::output); each member's `"key":` (with
// its ',') is one precomputed literal.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "detail/checks.hpp"
#include "detail/codec.hpp"
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

// What every encoder shares whatever its options: the failures (out of line, once), the path to
// a failure, and dynamic JSON values. encoder adds the values of each type.
class encoder_base {
 public:
  encoder_base(std::string& out, bool replace) : out_(out, replace) {}

  [[nodiscard]] genwire::error take_error() {
    if (!error_) error_.emplace();
    error_->path = render_path(path_);
    return std::move(*error_);
  }

 protected:
  bool write_value(const json::value& v) {
    if (const auto* s = v.as_string()) return write_text(*s);
    if (const auto* a = v.as_array()) {
      out_.put('[');
      for (std::size_t i = 0; i < a->size(); ++i) {
        if (i) out_.put(',');
        if (!write_value((*a)[i])) return push_index(i), false;
      }
      out_.put(']');
      return true;
    }
    if (const auto* o = v.as_object()) {
      out_.put('{');
      for (std::size_t i = 0; i < o->size(); ++i) {
        if (i) out_.put(',');
        if (!write_text((*o)[i].first)) return push_key((*o)[i].first), false;
        out_.put(':');
        if (!write_value((*o)[i].second)) return push_key((*o)[i].first), false;
      }
      out_.put('}');
      return true;
    }
    if (const auto* d = std::get_if<double>(&v.get()); d && !write_double(out_, *d)) return fail(errc::unencodable, "a finite number", "not one");
    if (!std::holds_alternative<double>(v.get())) write_dynamic(out_, v);
    return true;
  }

  // A std::string's text as a JSON string (encoder::string<T> for constrained types).
  bool write_text(std::string_view s) {
    const std::size_t at = out_.size();
    if (write_string(out_, s)) [[likely]]
      return true;
    return invalid_utf8(at);
  }
  GENWIRE_COLD bool invalid_utf8(std::size_t at) {
    out_.truncate(at);  // so the offset is where the string starts, as for every other value
    return fail(errc::unencodable, "a string of valid UTF-8", "invalid UTF-8");
  }

  GENWIRE_COLD bool fail(errc code, std::string expected, std::string found) {
    error_.emplace(genwire::error{code, "$", out_.size(), std::move(expected), std::move(found)});
    return false;
  }
  GENWIRE_COLD bool fail(violation&& v) {
    error_.emplace(genwire::error{v.code, "$", out_.size(), std::move(v.expected), std::move(v.found), std::move(v.rule)});
    return false;
  }
  GENWIRE_COLD void push_key(std::string_view k) { path_.push_back({std::string(k), 0, false}); }
  GENWIRE_COLD void push_index(std::size_t i) { path_.push_back({{}, i, true}); }

  // Held here, not referred to: its cursor is then a fixed offset from `this`, so after a token's
  // store the next token uses the stored value, where a reference is read again after every char
  // store (which may alias it) and the cursor through it.
  output out_;
  std::optional<genwire::error> error_;  // built only for a failure
  std::vector<path_segment> path_;
};

// One encoder for every option set: the options are a run-time value (the few checks they change
// test a flag), so a type's writer is compiled once however many option sets a program uses.
class encoder : encoder_base {
 public:
  encoder(std::string& out, bool replace, options rules) : encoder_base(out, replace), rules_(rules) {}
  using encoder_base::take_error;

  template <class T>
  bool write(const T& v) {
    if constexpr (is_nullable<T>::value || is_std_optional<T>::value) {
      if (!v) return out_.append("null"), true;
      return write(*v);
    } else if constexpr (std::is_same_v<T, raw_json>) {
      out_.append(v.text());
      return true;
    } else if constexpr (std::is_same_v<T, json::value>) {
      return write_value(v);
    } else if constexpr (std::is_same_v<T, bool>) {
      out_.append(v ? std::string_view("true") : std::string_view("false"));
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
    } else if constexpr (is_formatted<T>::value && !counts_length<T>()) {
      // Without format checks its text is all there is to it: written inline, the checks out of line.
      if (rules_.check_formats) return write_format_checked(v);
      return string<T>(text_of(v));
    } else if constexpr (std::is_enum_v<T>) {
      if (const std::string_view q = enum_literals<T>::of(v); !q.empty()) [[likely]]
        return out_.append_short(q), true;
      return string_carried(v);
    } else if constexpr (is_open_enum<T>::value) {
      if (v.known()) return write(v.value());  // as its closed enum (the same error when it has no name)
      return string_carried(v);
    } else if constexpr (is_string_carried_v<T>) {
      return string_carried(v);
    } else if constexpr (is_vector<T>::value || is_std_array<T>::value) {
      out_.put('[');
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out_.put(',');
        if (!write(v[i])) return push_index(i), false;
      }
      out_.put(']');
      return true;
    } else if constexpr (is_variant<T>::value) {
      return std::visit([&](const auto& alt) { return write(alt); }, v);
    } else {
      static_assert(reflect::reflectable<T>, "genwire cannot encode this type: not an aggregate struct or a known type");
      return write_object(v);
    }
  }

 private:
  template <class T>
  bool write_object(const T& v) {
    if constexpr (compact_codec) {
      return write_members(entries<T>.data(), key_table<T>::size, member_addresses(v).data());
    } else {
      out_.put('{');
      bool first = true;
      const bool ok = reflect::visit(v, [&](const auto&... m) {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
          return (write_member<T, I>(m, first) && ...);
        }(std::index_sequence_for<decltype(m)...>{});
      });
      if (ok) out_.put('}');
      return ok;
    }
  }

  // GENWIRE_COMPACT_CODEC: one member of a struct as the table-driven writer sees it (no code per
  // member, a writer per member type shared by every struct).
  struct member_entry {
    std::string_view comma_quoted;          // `,"key":` (its `"key":` after the ',')
    bool (*write)(encoder&, const void*);   // the member's value (a std::optional's: the one it holds)
    bool (*present)(const void*) noexcept;  // std::optional: whether it holds one; else null
    bool after_required;                    // a member before it is always written (so is its ',')
    constexpr std::string_view quoted() const noexcept { return comma_quoted.substr(1); }  // `"key":`
    constexpr std::string_view key() const noexcept { return comma_quoted.substr(2, comma_quoted.size() - 4); }
    constexpr bool extras() const noexcept { return write == nullptr; }  // extra_members: no key
  };
  template <class M>
  static bool write_at(encoder& e, const void* member) {
    if constexpr (is_std_optional<M>::value) return e.write(**static_cast<const M*>(member));
    else return e.write(*static_cast<const M*>(member));
  }
  template <class M>
  static bool present_at(const void* member) noexcept {
    return static_cast<const M*>(member)->has_value();
  }
  template <class T, std::size_t I>
  static constexpr member_entry entry_of() {
    using M = reflect::member_type<T, I>;
    using keys = key_table<T>;
    if constexpr (is_extra_members_v<M>) return {{}, nullptr, nullptr, false};
    else if constexpr (is_std_optional<M>::value) return {keys::comma_quoted[I], &write_at<M>, &present_at<M>, after_required<T, I>};
    else return {keys::comma_quoted[I], &write_at<M>, nullptr, after_required<T, I>};
  }
  template <class T>
  static constexpr auto entries = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<member_entry, sizeof...(I)>{entry_of<T, I>()...};
  }(std::make_index_sequence<key_table<T>::size>{});

  static_assert(output::short_pad <= key_read_ahead, "a member's key is copied as one block of output::short_pad bytes");
  bool write_members(const member_entry* entries, std::size_t n, const void* const* members) {
    out_.put('{');
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
      const member_entry& e = entries[i];
      if (e.extras()) {
        if (!write_extras(entries, n, *static_cast<const extra_members*>(members[i]), first)) return false;
        continue;
      }
      if (e.present && !e.present(members[i])) continue;  // absent stays absent
      if (e.after_required) {
        out_.append_short(e.comma_quoted);
      } else {
        if (!first) out_.put(',');
        out_.append_short(e.quoted());
      }
      first = false;
      if (!e.write(*this, members[i])) return push_key(e.key()), false;
    }
    out_.put('}');
    return true;
  }

  // Whether a member before member I is always written, so that member I's ',' is too.
  template <class T, std::size_t I>
  static constexpr bool after_required = (member_masks<T>::required & ((std::uint64_t{1} << I) - 1)) != 0;

  template <class T>
  bool write_extras(const extra_members& extras, bool& first) {
    return write_extras(extras, first, [](std::string_view key) { return key_table<T>::find(key, 0) < key_table<T>::size; });
  }
  bool write_extras(const member_entry* entries, std::size_t n, const extra_members& extras, bool& first) {
    return write_extras(extras, first, [&](std::string_view key) {
      return find_from(n, 0, [&](std::size_t j) { return !entries[j].extras() && entries[j].key() == key; }) < n;
    });
  }
  template <class Declared>
  bool write_extras(const extra_members& extras, bool& first, Declared&& declared) {
    for (std::size_t i = 0; i < extras.items.size(); ++i) {
      const auto& [key, value] = extras.items[i];
      // A kept member that repeats a declared key, or another kept one, would make the object mean two things.
      bool repeated = declared(key);
      for (std::size_t j = 0; j < i && !repeated; ++j) repeated = extras.items[j].first == key;
      if (repeated) return push_key(key), fail(errc::unencodable, "each key once", "a second " + quote_snippet(key));
      if (!first) out_.put(',');
      first = false;
      if (!string(key)) return push_key(key), false;
      out_.put(':');
      out_.append(value.text());
    }
    return true;
  }

  // Member I, after a ',' when one was written before it: known at compile time when a member
  // before it is always written.
  template <class T, std::size_t I, class M>
  bool write_member(const M& m, bool& first) {
    using keys = key_table<T>;
    if constexpr (is_extra_members_v<M>) {
      return write_extras<T>(m, first);
    } else {
      if constexpr (is_std_optional<M>::value) {
        if (!m) return true;  // absent stays absent
      }
      if constexpr (after_required<T, I>) {
        out_.append(keys::comma_quoted[I]);
      } else {
        if (!first) out_.put(',');
        out_.append(keys::quoted[I]);
      }
      first = false;
      if (!write(m)) return push_key(keys::keys[I]), false;
      return true;
    }
  }

  // A string-carried value (an enum's name, a constrained string) after its checks.
  template <class T>
  bool string_carried(const T& v) {
    std::string_view text;
    if (auto bad = text_for_encoding<utf8_state::checked_later>(v, text, rules_)) return fail(std::move(*bad));
    return string<T>(text);
  }

  // The text of a value of type T as a JSON string.
  template <class T = std::string>
  bool string(std::string_view s) {
    const std::size_t at = out_.size();
    if (write_string(out_, s)) [[likely]]
      return true;
    if constexpr (counts_length<T>()) {
      // Its length range was settled by the byte count; the code point count refuses the UTF-8.
      if (auto bad = check_length<T>(s)) return out_.truncate(at), fail(std::move(*bad));
    }
    return invalid_utf8(at);
  }

  // A formatted string whose format is checked first.
  template <class T>
  GENWIRE_NOINLINE bool write_format_checked(const T& v) {
    if (!has_format<T::kind>(text_of(v))) [[unlikely]]
      return fail(format_failure<T, utf8_state::checked_later>(text_of(v)));
    return string<T>(text_of(v));
  }

  options rules_;
};

template <class T, options Opts>
status json_codec<T, Opts>::write(const T& value, std::string& out, bool replace) {
  encoder e(out, replace, Opts);
  if (e.write(value)) return {};
  return e.take_error();
}

}  // namespace detail

// Appends the JSON for v to out. On error, out holds a partial document; the error's offset is
// the output length when it was found.
template <options Opts = options{}, class T>
status encode_to(const T& v, std::string& out) {
  return detail::json_codec<T, Opts>::write(v, out, false);
}

// Replaces out's text with the JSON for v, reusing its storage: for a buffer that carries one
// document after another (writing over the previous document's characters costs nothing more,
// where clear() and encode_to would fill them again first). On error, out holds a partial document.
template <options Opts = options{}, class T>
status encode_into(const T& v, std::string& out) {
  return detail::json_codec<T, Opts>::write(v, out, true);
}

template <options Opts = options{}, class T>
result<std::string> encode(const T& v) {
  // Reserved from the last output of this type, so a fresh string grows (and copies) rarely.
  static std::atomic<std::size_t> last_size{0};
  result<std::string> r(std::in_place);  // written where it is returned from (every path returns r)
  std::string& out = *r;
  const std::size_t hint = last_size.load(std::memory_order_relaxed);
  out.reserve(hint + hint / 8);
  if (auto st = encode_to<Opts>(v, out); !st) r = st.error();
  else last_size.store(out.size(), std::memory_order_relaxed);
  return r;
}

}  // namespace genwire
