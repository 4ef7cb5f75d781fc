// genwire/core/detail/keys.hpp: each struct's JSON keys, computed once at compile time from the
// member names, the struct's naming policy (genwire_naming) and its renames (genwire_keys), and
// each enum's names as the encoder writes them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../reflect.hpp"
#include "../types.hpp"
#include "traits.hpp"

namespace genwire::detail {

template <class T>
constexpr naming naming_of() {
  if constexpr (requires { T::genwire_naming; }) return T::genwire_naming;
  else return naming::as_is;
}

// The key for one member, written through `emit(char)`; returns its length.
template <class T, class Emit>
constexpr std::size_t spell_key(std::string_view member, Emit&& emit) {
  if constexpr (requires { T::genwire_keys; }) {
    for (const key_rename& r : T::genwire_keys)
      if (r.member == member) {
        for (char c : r.key) emit(c);
        return r.key.size();
      }
  }
  std::size_t n = 0;
  bool upper_next = false;
  for (char c : member) {
    if (naming_of<T>() == naming::camel_case && c == '_' && n > 0) {
      upper_next = true;
      continue;
    }
    emit(upper_next && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper_next = false;
    ++n;
  }
  return n;
}

// The first i in [0, n) for which match(i) holds, trying hint, hint + 1, ... first and wrapping
// around (payloads usually list keys in declaration order); n when none does.
template <class Match>
constexpr std::size_t find_from(std::size_t n, std::size_t hint, Match&& match) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = hint + k < n ? hint + k : hint + k - n;
    if (match(i)) return i;
  }
  return n;
}

// Zero bytes after a struct's keys, so that a key may be read as one fixed-size block without
// reading past the table (GENWIRE_COMPACT_CODEC: scanner::match_padded, output::append_short).
inline constexpr std::size_t key_read_ahead = 32;

// N views into one block of texts laid back to back, the i-th length(i) characters long.
template <std::size_t N, class Length>
constexpr std::array<std::string_view, N> back_to_back(const char* block, Length length) {
  std::array<std::string_view, N> out{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = std::string_view(block + at, length(i));
    at += out[i].size();
  }
  return out;
}

template <class T>
struct key_table {
  static constexpr auto& names = reflect::member_names<T>;
  static constexpr std::size_t size = names.size();
  // The genwire::extra_members member, which has no key (size when there is none).
  static constexpr std::size_t extra_index = []<std::size_t... I>(std::index_sequence<I...>) {
    std::size_t found = sizeof...(I), count = 0;
    (((is_extra_members_v<reflect::member_type<T, I>>) ? (found = I, ++count) : 0), ...);
    return count > 1 ? sizeof...(I) + 1 : found;
  }(std::make_index_sequence<size>{});
  static_assert(extra_index <= size, "genwire: a struct holds at most one genwire::extra_members");
  static constexpr bool keeps_extras = extra_index < size;
  static constexpr std::size_t total = [] {
    std::size_t n = 0;
    for (auto m : names) n += spell_key<T>(m, [](char) {}) + 3;  // "key":
    return n;
  }();
  // All members' `"key":` spellings back to back; keys are views into it.
  static constexpr std::array<char, total + key_read_ahead> storage = [] {
    std::array<char, total + key_read_ahead> s{};
    std::size_t at = 0;
    for (auto m : names) {
      s[at++] = '"';
      spell_key<T>(m, [&](char c) { s[at++] = c; });
      s[at++] = '"';
      s[at++] = ':';
    }
    return s;
  }();
  // `"key":` as written by the encoder.
  static constexpr auto quoted =
      back_to_back<size>(storage.data(), [](std::size_t i) { return spell_key<T>(names[i], [](char) {}) + 3; });
  // `,"key":`: the separator and the key of a member written after another, in one copy.
  static constexpr std::array<char, total + size + key_read_ahead> comma_storage = [] {
    std::array<char, total + size + key_read_ahead> s{};
    std::size_t at = 0;
    for (std::size_t i = 0; i < size; ++i) {
      s[at++] = ',';
      for (char c : quoted[i]) s[at++] = c;
    }
    return s;
  }();
  static constexpr auto comma_quoted =
      back_to_back<size>(comma_storage.data(), [](std::size_t i) { return quoted[i].size() + 1; });
  static constexpr std::array<std::string_view, size> keys = [] {
    std::array<std::string_view, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = quoted[i].substr(1, quoted[i].size() - 3);
    return out;
  }();
  static constexpr bool valid = [] {
    for (std::size_t i = 0; i < size; ++i) {
      if (i == extra_index) continue;
      for (char c : keys[i])
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
      for (std::size_t j = 0; j < i; ++j)
        if (j != extra_index && keys[i] == keys[j]) return false;
    }
    return true;
  }();
  static_assert(valid, "genwire: struct keys must be unique and need no JSON escaping");

  // Index of `key`, trying `hint` first; size when no member has it.
  static constexpr std::size_t find(std::string_view key, std::size_t hint) noexcept {
    return find_from(size, hint, [&](std::size_t i) { return i != extra_index && keys[i] == key; });
  }
};

// Each enumerator of E as a JSON string, `"name"`, back to back and zero-padded like key_table's
// keys, so the encoder copies one as a fixed-size block instead of scanning its name for bytes to
// escape. `plain`: no name needs escaping (C++ identifiers never do; the table is used only then).
template <class E>
struct enum_literals {
  static constexpr auto& names = reflect::enum_names<E>;
  static constexpr std::size_t size = names.size();
  static constexpr std::size_t total = [] {
    std::size_t n = 0;
    for (auto name : names) n += name.size() + 2;
    return n;
  }();
  static constexpr bool plain = [] {
    for (auto name : names)
      for (char c : name)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  }();
  static constexpr std::array<char, total + key_read_ahead> storage = [] {
    std::array<char, total + key_read_ahead> s{};
    std::size_t at = 0;
    for (auto name : names) {
      s[at++] = '"';
      for (char c : name) s[at++] = c;
      s[at++] = '"';
    }
    return s;
  }();
  static constexpr auto quoted = back_to_back<size>(storage.data(), [](std::size_t i) { return names[i].size() + 2; });
  // `"name"` of e; empty when e is no enumerator or the names are not plain.
  static constexpr std::string_view of(E e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    if constexpr (plain) return i < size ? quoted[i] : std::string_view{};
    else return (void)i, std::string_view{};
  }
};

// The addresses of obj's members in declaration order, for the member tables' readers and writers.
template <class T>
auto member_addresses(T& obj) {
  using address = std::conditional_t<std::is_const_v<T>, const void*, void*>;
  std::array<address, key_table<std::remove_const_t<T>>::size> out;
  reflect::visit(obj, [&](auto&... m) {
    std::size_t i = 0;
    ((out[i++] = static_cast<address>(std::addressof(m))), ...);
    (void)i;
  });
  return out;
}

// Which members an object must have (neither std::optional nor genwire::extra_members), and which
// may be absent (std::optional), one bit per member.
template <class T>
struct member_masks {
  template <std::size_t... I>
  static constexpr std::uint64_t mask(std::index_sequence<I...>, bool want_optional) {
    (void)want_optional;  // unused for a struct without members
    return ((is_extra_members_v<reflect::member_type<T, I>> || is_std_optional<reflect::member_type<T, I>>::value != want_optional
                 ? std::uint64_t{0}
                 : std::uint64_t{1} << I) |
            ... | std::uint64_t{0});
  }
  static constexpr std::uint64_t required = mask(std::make_index_sequence<key_table<T>::size>{}, false);
  static constexpr std::uint64_t optional = mask(std::make_index_sequence<key_table<T>::size>{}, true);
};

}  // namespace genwire::detail
