// genwire/core/decode.hpp: JSON text straight into a struct, no intermediate DOM.
//
//   genwire::result<T> r = genwire::decode<T>(text);                  // default rules
//   genwire::result<T> r = genwire::decode<T, genwire::strict>(text); // + formats, closed enums, unknown keys
//   if (!r) std::puts(r.error().message().c_str());   // "generations[3].status: expected ..., found ... (offset 123)"
//   genwire::status st = genwire::decode_into(text, value);           // reuses value's strings and vectors
//
// Objects are read member by member in declaration order while the text follows it (each key
// compared with the next member's `"key":` in one step, the member read without a lookup), and
// by key lookup from the first key that does not; both ways accept and reject the same texts.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "detail/checks.hpp"
#include "detail/codec.hpp"
#include "detail/keys.hpp"
#include "detail/scanner.hpp"
#include "detail/traits.hpp"
#include "error.hpp"
#include "json_value.hpp"
#include "options.hpp"
#include "reflect.hpp"
#include "types.hpp"

namespace genwire {
namespace detail {

// What a type is written as in JSON, in words, for "expected ..." in messages.
template <class T>
std::string expected_text() {
  if constexpr (is_nullable<T>::value || is_std_optional<T>::value) return expected_text<typename T::value_type>() + " or null";
  else if constexpr (std::is_same_v<T, bool>) return "true or false";
  else if constexpr (is_integer_v<T>) return "an integer";
  else if constexpr (std::is_floating_point_v<T>) return "a number";
  else if constexpr (is_bounded<T>::value) return bound_text(T::min, T::max);
  else if constexpr (is_open_enum<T>::value) return "a string";
  else if constexpr (std::is_enum_v<T>) return enum_expectation<T>();
  else if constexpr (is_formatted<T>::value) {
    if constexpr (T::kind == format_kind::date_time) return "a date-time string";
    else if constexpr (T::kind == format_kind::uuid) return "a UUID string";
    else return "a URI string";
  } else if constexpr (is_string_carried_v<T>) return "a string";
  else if constexpr (is_vector<T>::value) return "an array";
  else if constexpr (is_std_array<T>::value) return "an array of " + std::to_string(std::tuple_size_v<T>);
  else if constexpr (std::is_same_v<T, raw_json> || std::is_same_v<T, json::value>) return "a JSON value";
  else if constexpr (is_variant<T>::value) {
    return []<class... A>(std::variant<A...>*) {
      std::string s;
      ((s += (s.empty() ? "" : " or ") + expected_text<A>()), ...);
      return s;
    }(static_cast<T*>(nullptr));
  } else return "an object";
}

// Types whose own values include JSON null.
template <class T>
inline constexpr bool accepts_null = is_nullable<T>::value || is_std_optional<T>::value ||
                                     std::is_same_v<T, raw_json> || std::is_same_v<T, json::value>;

template <class T>
constexpr json_kind kind_of() {
  if constexpr (std::is_same_v<T, bool>) return json_kind::boolean;
  else if constexpr (is_integer_v<T> || std::is_floating_point_v<T> || is_bounded<T>::value) return json_kind::number;
  else if constexpr (is_string_carried_v<T>) return json_kind::string;
  else if constexpr (is_vector<T>::value || is_std_array<T>::value) return json_kind::array;
  else if constexpr (std::is_same_v<T, raw_json> || std::is_same_v<T, json::value> || is_variant<T>::value ||
                     is_nullable<T>::value || is_std_optional<T>::value)
    return json_kind::any;
  else return json_kind::object;
}

inline json_kind kind_at(char c) noexcept {
  switch (c) {
    case '{': return json_kind::object;
    case '[': return json_kind::array;
    case '"': return json_kind::string;
    case 't':
    case 'f': return json_kind::boolean;
    case 'n': return json_kind::null;
    default: return json_kind::number;
  }
}

// What every decoder shares whatever its options: the failures (built out of line, once, from a
// type's words and JSON type rather than once per type) and numbers. decoder adds the values of
// each type.
class decoder_base {
 public:
  explicit decoder_base(scanner& s) : s_(s) {}

 protected:
  // A value of the wrong JSON type, or no valid JSON value at all.
  template <class T>
  bool wrong_type(const char* at) {
    return wrong_type_of(at, &expected_text<T>, json_type_of<T>());
  }
  GENWIRE_COLD bool wrong_type_of(const char* at, std::string (*expected)(), json_type type) {
    if (s_.at_end()) return s_.fail(errc::unexpected_end, at, expected(), "end of input");
    const char c = *at;
    const bool starts_value = std::string_view("{[\"tfn-0123456789").find(c) != std::string_view::npos;
    if (!starts_value) return s_.fail(errc::syntax, at, "a JSON value", s_.describe(at));
    // Check the value's own syntax first: a malformed value is a syntax error, not a type error.
    if (!s_.skip_value()) return false;
    return s_.fail(errc::wrong_type, at, expected(), s_.describe(at), {rule::type, type});
  }

  bool report(std::optional<violation>&& v, const char* at) {
    if (!v) return true;
    return fail_with(std::move(*v), at);
  }
  GENWIRE_COLD bool fail_with(violation&& v, const char* at) {
    return s_.fail(v.code, at, std::move(v.expected), std::move(v.found), std::move(v.rule));
  }

  GENWIRE_COLD bool too_many(std::size_t n) {
    s_.skip_ws();  // point at the extra element, not at the whitespace before it
    return s_.fail(errc::wrong_type, s_.pos(), "an array of " + std::to_string(n), "more elements");
  }

  template <class T>
  bool read_number(T& out, const char* at) {
    const char c = s_.peek();
    if (c != '-' && (c < '0' || c > '9')) return wrong_type<T>(at);
    if constexpr (std::is_floating_point_v<T>) {
      double d = 0;
      if (s_.read_double_fast(d) && (sizeof(T) == sizeof(double) || std::abs(d) <= static_cast<double>(std::numeric_limits<T>::max())))
        return out = static_cast<T>(d), true;
    } else {
      if (s_.read_integer_fast(out)) return true;
    }
    // Anything the fast paths leave: the full grammar, std::from_chars, and every error.
    std::string_view tok;
    bool integer = false;
    if (!s_.read_number(tok, integer)) return false;
    if constexpr (std::is_floating_point_v<T>) {
      double d = 0;
      if (parse_double(tok, d) != std::errc{})
        return s_.fail(errc::out_of_range, at, "a number within the range of a double", s_.describe(at),
                       {rule::fits_type, json_type::number, "double"});
      // A double beyond a float's range cannot be converted (undefined behaviour, not infinity).
      if constexpr (sizeof(T) < sizeof(double)) {
        if (d > static_cast<double>(std::numeric_limits<T>::max()) || d < -static_cast<double>(std::numeric_limits<T>::max()))
          return s_.fail(errc::out_of_range, at, "a number within the range of a float", s_.describe(at),
                         {rule::fits_type, json_type::number, "float"});
      }
      out = static_cast<T>(d);
      return true;
    } else {
      if (!integer) return s_.fail(errc::wrong_type, at, "an integer", s_.describe(at), {rule::type, json_type::integer});
      if (parse_integer(tok, out) != std::errc{}) return integer_out_of_range(at, integer_range<T>());
      return true;
    }
  }
  GENWIRE_COLD bool integer_out_of_range(const char* at, const std::string& range) {
    return s_.fail(errc::out_of_range, at, "an integer in " + range, s_.describe(at), {rule::fits_type, json_type::integer, range});
  }

  // Whether the number token at `at` has neither a fraction nor an exponent.
  bool number_is_integral(const char* at) const noexcept {
    const char* q = at;
    while (q < s_.end() && (*q == '-' || (*q >= '0' && *q <= '9'))) ++q;
    return q == s_.end() || (*q != '.' && *q != 'e' && *q != 'E');
  }

  // `found` is "a second <key>", the key quoted whole (declared) or as a snippet (kept).
  GENWIRE_COLD bool duplicate_key(const char* key_at, std::string_view key, bool declared) {
    s_.push_key(key);
    std::string found = declared ? "a second \"" + std::string(key) + "\"" : "a second " + quote_snippet(key);
    return s_.fail(errc::duplicate_key, key_at, "each key once", std::move(found), {rule::unique_key, json_type::object});
  }
  GENWIRE_COLD bool unknown_key(const char* key_at, std::string_view key) {
    std::string k(key);  // `key` may live in the scratch buffer push_key's path outlives
    s_.push_key(k);
    return s_.fail(errc::unknown_key, key_at, "a key declared by the type", "key " + quote_snippet(k), {rule::declared_key, json_type::object});
  }
  GENWIRE_COLD bool missing_key(std::string_view key, json_type type) {
    s_.push_key(key);
    return s_.fail(errc::missing_key, s_.pos() - 1, {}, {}, {rule::required, type});
  }

  // An undeclared member of a struct that keeps them: its value as exact text, in order.
  bool read_extra(extra_members& extras, std::string_view key, const char* key_at) {
    for (const auto& [k, v] : extras.items)
      if (k == key) return duplicate_key(key_at, key, false);
    std::string name(key);  // `key` may live in key_scratch_, which the value's own keys reuse
    s_.skip_ws();
    const char* at = s_.pos();
    if (!s_.skip_value()) return s_.push_key(name), false;
    raw_json value;
    value.assign_trusted_text(std::string_view(at, static_cast<std::size_t>(s_.pos() - at)));
    extras.items.emplace_back(std::move(name), std::move(value));
    return true;
  }

  scanner& s_;
  std::string key_scratch_;
  std::string scratch_;  // an enum value's text when it has escapes
};

// One decoder for every option set: the options are a run-time value (the few checks they change
// test a flag), so a type's reader is compiled once however many option sets a program uses.
class decoder : decoder_base {
 public:
  decoder(scanner& s, options rules) : decoder_base(s), rules_(rules) {}

  template <class T>
  bool read(T& out) {
    s_.skip_ws();
    const char* at = s_.pos();
    if constexpr (is_nullable<T>::value || is_std_optional<T>::value) {
      // Outside an object member, std::optional reads null like nullable does.
      if (s_.peek() == 'n') {
        if (!s_.literal("null")) return false;
        out.reset();
        return true;
      }
      if (!out) out.emplace();
      return read(*out);
    } else if constexpr (std::is_same_v<T, raw_json>) {
      if (!s_.skip_value()) return false;
      out.assign_trusted_text(std::string_view(at, static_cast<std::size_t>(s_.pos() - at)));
      return true;
    } else if constexpr (std::is_same_v<T, json::value>) {
      return read_dynamic(s_, out);
    } else if constexpr (std::is_same_v<T, bool>) {
      if (s_.peek() == 't') return s_.literal("true") && (out = true, true);
      if (s_.peek() == 'f') return s_.literal("false") && (out = false, true);
      return wrong_type<T>(at);
    } else if constexpr (is_integer_v<T> || std::is_floating_point_v<T>) {
      return read_number(out, at);
    } else if constexpr (is_bounded<T>::value) {
      if (!read(out.value)) return false;
      return report(check_bounds<T>(out.value), at);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (s_.peek() != '"') return wrong_type<T>(at);
      out.clear();
      return s_.read_string(out);
    } else if constexpr (is_sized_string<T>::value || is_formatted<T>::value) {
      if (s_.peek() != '"') return wrong_type<T>(at);
      std::string& text = text_of(out);
      text.clear();
      if (!s_.read_string(text)) return false;
      // A format alone: without format checks the text is all there is to it (read inline, the
      // checks out of line).
      if constexpr (is_formatted<T>::value && !counts_length<T>()) return !rules_.check_formats || format_checked<T>(text, at);
      else return report(check_text<T, utf8_state::valid>(text, rules_), at);
    } else if constexpr (is_open_enum<T>::value || std::is_enum_v<T>) {
      if (s_.peek() != '"') return wrong_type<T>(at);
      std::string_view text;
      if (!s_.read_string_view(text, scratch_)) return false;
      return report(assign_enum(out, text, rules_), at);
    } else if constexpr (is_vector<T>::value) {
      // Elements already there are read into (keeping their capacity); extra ones are dropped.
      std::size_t n = 0;
      if (!read_array(at, [&](std::size_t i) { return n = i + 1, read(i < out.size() ? out[i] : out.emplace_back()); }))
        return false;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(n), out.end());
      return true;
    } else if constexpr (is_std_array<T>::value) {
      std::size_t n = 0;
      if (!read_array(at, [&](std::size_t i) { return i < out.size() ? (++n, read(out[i])) : too_many(out.size()); }))
        return false;
      if (n != out.size())
        return s_.fail(errc::wrong_type, at, expected_text<T>() + " elements", "an array of " + std::to_string(n));
      return true;
    } else if constexpr (is_variant<T>::value) {
      return read_variant(out, at);
    } else {
      static_assert(reflect::reflectable<T>, "genwire cannot decode this type: not an aggregate struct or a known type");
      return read_object(out, at);
    }
  }

 private:
  template <class Element>
  bool read_array(const char* at, Element&& element) {
    if (s_.peek() != '[') return wrong_type<std::vector<int>>(at);
    if (!s_.enter(at)) return false;
    s_.advance(1);
    s_.skip_ws();
    if (s_.peek() == ']') {
      s_.advance(1);
      s_.leave();
      return true;
    }
    for (std::size_t i = 0;; ++i) {
      if (!element(i)) return s_.push_index(i), false;
      s_.skip_ws();
      const char c = s_.peek();
      if (c == ',') {
        s_.advance(1);
        continue;
      }
      if (c != ']') return s_.expect(']', "',' or ']'");  // fails, naming what stands there
      s_.advance(1);
      s_.leave();
      return true;
    }
  }

  template <class... A>
  bool read_variant(std::variant<A...>& out, const char* at) {
    if (s_.at_end()) return wrong_type<std::variant<A...>>(at);
    const json_kind k = kind_at(*at);
    constexpr std::size_t none = sizeof...(A);
    std::size_t pick = none;
    if (k == json_kind::number) {
      // JSON has one number kind: 1.5 belongs in a floating alternative even when an integer one
      // comes first, and 7 in an integer one (exact) even when a floating one comes first.
      const bool integral = number_is_integral(at);
      std::size_t i = 0;
      (void)(((kind_of<A>() == json_kind::number && holds_integer<A>() == integral) ? (pick = i, true) : (++i, false)) || ...);
    }
    if (pick == none) {
      std::size_t i = 0;
      (void)(((kind_of<A>() == k || kind_of<A>() == json_kind::any) ? (pick = i, true) : (++i, false)) || ...);
    }
    if (pick == none) return wrong_type<std::variant<A...>>(at);
    bool ok = false;
    // The alternative it already holds is read into, keeping its capacity.
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (void)(((I == pick) ? (ok = read(out.index() == I ? *std::get_if<I>(&out) : out.template emplace<I>()), true) : false) || ...);
    }(std::index_sequence_for<A...>{});
    return ok;
  }

  template <class T>
  static constexpr bool holds_integer() {
    if constexpr (is_bounded<T>::value) return is_integer_v<typename T::value_type>;
    else return is_integer_v<T>;
  }

  // One member of a struct as the object reader sees it. A struct's readers are a constant table
  // of these (data, no code per member): the loops over it are compiled once, and a member's
  // value reader once per member type, shared by every struct that has a member of that type.
  struct member_entry {
    std::string_view quoted;                    // `"key":`
    bool (*read)(decoder&, void*);              // the value into the member at that address
    void (*reset)(void*) noexcept;              // std::optional: cleared when absent; else null
    json_type type;                             // what a missing member is named as
    constexpr std::string_view key() const noexcept { return quoted.substr(1, quoted.size() - 3); }
    constexpr bool optional() const noexcept { return reset != nullptr; }  // may be absent
    constexpr bool extras() const noexcept { return read == nullptr; }     // extra_members: no key
  };
  struct object_table {
    const member_entry* members;
    std::size_t size;
    std::uint64_t required;  // bit i: member i must be there
    std::uint64_t optional;  // bit i: member i may be absent (std::optional)
  };

  template <class M>
  static bool read_at(decoder& d, void* member) {
    return d.read_field(*static_cast<M*>(member));
  }
  template <class M>
  static void reset_at(void* member) noexcept {
    static_cast<M*>(member)->reset();
  }
  template <class T, std::size_t I>
  static constexpr member_entry entry_of() {
    using M = reflect::member_type<T, I>;
    if constexpr (is_extra_members_v<M>) return {{}, nullptr, nullptr, json_type::object};
    else if constexpr (is_std_optional<M>::value) return {key_table<T>::quoted[I], &read_at<M>, &reset_at<M>, json_type_of<M>()};
    else return {key_table<T>::quoted[I], &read_at<M>, nullptr, json_type_of<M>()};
  }
  static_assert(key_read_ahead >= 32, "scanner::match_padded reads a key as one 32-byte block");
  template <class T>
  static constexpr auto entries = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<member_entry, sizeof...(I)>{entry_of<T, I>()...};
  }(std::make_index_sequence<key_table<T>::size>{});

  // Where reading an object's members in declaration order stands.
  enum class order : unsigned char { following, left, closed, failed };

  template <class T>
  bool read_object(T& out, const char* at) {
    if (s_.peek() != '{') return wrong_type<T>(at);
    if (!s_.enter(at)) return false;
    s_.advance(1);
    static constexpr object_table table{entries<T>.data(), key_table<T>::size, member_masks<T>::required,
                                        member_masks<T>::optional};
    std::uint64_t seen = 0;  // bit i: member i was read
    if constexpr (key_table<T>::keeps_extras) extras_of(out).items.clear();
    order o = order::following;
    s_.skip_ws();
    if (s_.peek() == '}') {
      s_.advance(1);
      o = order::closed;
    } else if constexpr (compact_codec) {
      o = read_in_order(table, member_addresses(out).data(), seen);
    } else {
      reflect::visit(out, [&](auto&... m) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
          (void)(read_in_order<T, I>(m, seen, o) && ...);
        }(std::index_sequence_for<decltype(m)...>{});
      });
    }
    if (o == order::failed) return false;
    if constexpr (compact_codec) {
      if (o == order::closed && (table.optional & ~seen) == 0) return s_.leave(), has_required(table, seen);
      return read_rest(out, table, o == order::closed, seen);
    } else {
      if (o != order::closed) return read_rest(out, table, false, seen);
      s_.leave();
      if (!has_required(table, seen)) return false;
      // The absent members reset inline here, not by read_rest's call through the table per member.
      if constexpr (table.optional != 0) {
        if (const std::uint64_t absent = table.optional & ~seen) {
          reflect::visit(out, [&](auto&... m) {
            std::size_t i = 0;
            ((reset_if_absent(m, absent >> i & 1), ++i), ...);
          });
        }
      }
      return true;
    }
  }

  template <class M>
  static void reset_if_absent(M& m, bool absent) noexcept {
    if constexpr (is_std_optional<M>::value) {
      if (absent) m.reset();
    } else {
      (void)m, (void)absent;
    }
  }

  // Member I if the next key is its own: read, then past ',' (true: go on with member I + 1) or
  // '}' (false, closed). A key that is not (an absent optional member's turn) leaves it to the next
  // member, or to read_any_order when member I is required.
  template <class T, std::size_t I, class M>
  bool read_in_order(M& m, std::uint64_t& seen, order& o) {
    if constexpr (is_extra_members_v<M>) {
      return (void)m, (void)seen, (void)o, true;  // has no key
    } else {
      if (!s_.match(key_table<T>::quoted[I])) {
        if constexpr (is_std_optional<M>::value) return true;
        return o = order::left, false;
      }
      seen |= std::uint64_t{1} << I;
      if (!read_field(m)) return s_.push_key(key_table<T>::keys[I]), o = order::failed, false;
      const order next = after_value();
      if (next == order::following) return true;
      return o = next, false;
    }
  }

  // Past what follows a member's value: ',' (following: on to the next member), '}' (closed), or
  // the error naming what stands there (failed).
  GENWIRE_ALWAYS_INLINE order after_value() {
    s_.skip_ws();
    const char c = s_.peek();
    if (c == ',') {
      s_.advance(1);
      s_.skip_ws();
      return order::following;
    }
    if (c == '}') return s_.advance(1), order::closed;
    s_.expect('}', "',' or '}'");  // fails, naming what stands there
    return order::failed;
  }

  // The same for every member in one loop over the table (GENWIRE_COMPACT_CODEC).
  order read_in_order(const object_table& table, void* const* members, std::uint64_t& seen) {
    for (std::size_t i = 0; i < table.size; ++i) {
      const member_entry& e = table.members[i];
      if (e.extras()) continue;  // has no key
      if (!s_.match_padded(e.quoted)) {
        if (e.optional()) continue;
        return order::left;
      }
      seen |= std::uint64_t{1} << i;
      if (!e.read(*this, members[i])) return s_.push_key(e.key()), order::failed;
      if (const order next = after_value(); next != order::following) return next;
    }
    return order::following;
  }

  // What reading in declaration order leaves, through the table: the keys after the first one out
  // of order, up to and past the '}', then the optional members absent from the text reset.
  template <class T>
  GENWIRE_NOINLINE bool read_rest(T& out, const object_table& table, bool closed, std::uint64_t seen) {
    const auto members = member_addresses(out);
    extra_members* extras = nullptr;
    if constexpr (key_table<T>::keeps_extras) extras = &extras_of(out);
    if (!closed && !read_any_order(table, members.data(), extras, seen)) return false;
    s_.leave();
    if (!has_required(table, seen)) return false;
    for (std::uint64_t absent = table.optional & ~seen; absent != 0; absent &= absent - 1) {
      const std::size_t i = static_cast<std::size_t>(std::countr_zero(absent));
      table.members[i].reset(members[i]);
    }
    return true;
  }

  // The object's remaining members, from a key on, in any order, up to and past its '}'.
  bool read_any_order(const object_table& table, void* const* members, extra_members* extras, std::uint64_t& seen) {
    std::size_t hint = 0;
    for (;;) {
      s_.skip_ws();
      const char* key_at = s_.pos();
      if (s_.peek() != '"')
        return s_.fail(s_.at_end() ? errc::unexpected_end : errc::syntax, key_at, "a string key", s_.describe(key_at));
      std::string_view key;
      if (!s_.read_key(key, key_scratch_) || !s_.expect(':', "':'")) return false;
      const std::size_t idx = find_member(table, key, hint);
      if (idx < table.size) {
        const member_entry& e = table.members[idx];
        if (seen & (std::uint64_t{1} << idx)) return duplicate_key(key_at, e.key(), true);
        seen |= std::uint64_t{1} << idx;
        hint = idx + 1;
        if (!e.read(*this, members[idx])) return s_.push_key(e.key()), false;
      } else if (extras) {
        if (!read_extra(*extras, key, key_at)) return false;
      } else if (rules_.reject_unknown_keys) {
        return unknown_key(key_at, key);
      } else if (!s_.skip_value()) {  // skip_value leaves key_scratch_ (and so `key`) alone
        return s_.push_key(key), false;
      }
      s_.skip_ws();
      if (s_.peek() == ',') {
        s_.advance(1);
        continue;
      }
      return s_.expect('}', "',' or '}'");
    }
  }

  // Index of the member whose key is `key`, trying `hint` first; table.size when none is.
  static std::size_t find_member(const object_table& table, std::string_view key, std::size_t hint) noexcept {
    return find_from(table.size, hint, [&](std::size_t i) { return !table.members[i].extras() && table.members[i].key() == key; });
  }

  // After the '}': every required member was there, else the first one missing (in declaration
  // order) is the error.
  GENWIRE_ALWAYS_INLINE bool has_required(const object_table& table, std::uint64_t seen) {
    if ((seen & table.required) == table.required) [[likely]]
      return true;
    return first_missing(table, seen);
  }
  GENWIRE_COLD bool first_missing(const object_table& table, std::uint64_t seen) {
    const auto i = static_cast<std::size_t>(std::countr_zero(table.required & ~seen));
    return missing_key(table.members[i].key(), table.members[i].type);
  }

  template <class T>
  static extra_members& extras_of(T& obj) {
    return reflect::visit(obj, [](auto&... m) -> extra_members& {
      extra_members* found = nullptr;
      ((found = pick_extras(m, found)), ...);
      return *found;
    });
  }
  template <class M>
  static extra_members* pick_extras(M& m, extra_members* so_far) {
    if constexpr (is_extra_members_v<M>) return &m;
    else return so_far;
  }

  template <class M>
  bool read_field(M& m) {
    if constexpr (is_extra_members_v<M>) {
      return (void)m, false;  // has no key, so is never read as a member
    } else if constexpr (is_std_optional<M>::value) {
      if constexpr (!accepts_null<typename M::value_type>) {
        // "may be absent" does not mean "may be null" (unless the type itself holds null).
        s_.skip_ws();
        if (s_.peek() == 'n') return wrong_type<typename M::value_type>(s_.pos());
      }
      if (!m) m.emplace();
      return read(*m);
    } else {
      return read(m);
    }
  }

  template <class T>
  GENWIRE_NOINLINE bool format_checked(const std::string& text, const char* at) {
    if (has_format<T::kind>(text)) [[likely]]
      return true;
    return fail_with(format_failure<T, utf8_state::valid>(text), at);
  }

  options rules_;
};

template <class T, options Opts>
status json_codec<T, Opts>::decode_into(std::string_view text, T& out) {
  scanner s(text, Opts.max_depth);
  decoder d(s, Opts);
  if (d.read(out) && s.finish()) return {};
  return s.take_error();
}

}  // namespace detail

// Decodes into an existing value: on success it is what decode<T>(text) returns (optional members
// the text leaves out are reset), reusing the storage of its strings and vectors and of theirs, so
// decoding a payload again, or one that is no larger element for element, allocates nothing (a
// vector drops the elements a shorter array leaves over; growing back builds them anew). On
// failure the value is valid but unspecified.
template <options Opts = options{}, class T>
status decode_into(std::string_view text, T& out) {
  return detail::json_codec<T, Opts>::decode_into(text, out);
}

template <class T, options Opts = options{}>
result<T> decode(std::string_view text) {
  // Decoded where it is returned from: every path returns `r`, so no move of the value.
  result<T> r(std::in_place);
  if (auto st = decode_into<Opts>(text, *r); !st) r = st.error();
  return r;
}

// Throwing convenience: the value, or genwire::decode_error.
template <class T, options Opts = options{}>
T decode_or_throw(std::string_view text) {
  return decode<T, Opts>(text).value();
}

}  // namespace genwire
