// genwire/core/reflect.hpp: compile-time reflection of aggregates and enums, behind a small interface:
//
//   reflect::member_count<T>            number of non-static data members
//   reflect::visit(obj, f)              f(member0, member1, ...)
//   reflect::member_names<T>            std::array<std::string_view, N> of member names
//   reflect::member_type<T, I>          the type of the I-th member
//   reflect::enum_names<E>              the enumerators of E in value order (0..max_enum_value)
//
// The compiler tricks live here and nowhere else: aggregate-initialisation probing for the count,
// structured bindings for access, and the compiler's own spelling of a template argument
// (__PRETTY_FUNCTION__) for names. Works on g++ >= 12 and clang++ >= 14.
#pragma once

#include <array>
#include <cstddef>
#include <exception>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/visit_members.hpp"

namespace genwire::reflect {

template <class T>
concept reflectable = std::is_aggregate_v<T> && std::is_class_v<T> && !std::is_union_v<T>;

namespace detail {

// Converts to anything; only ever used unevaluated, to probe how many initialisers T accepts.
// It has a body all the same: probing a std::optional<X> member instantiates optional's
// constructors, which clang 14 then counts as a use, and a used-but-undefined function is a hard
// error when X has internal linkage (a struct in an anonymous namespace).
struct any_initializer {
  std::size_t index;
  template <class U>
  [[noreturn]] operator U&() const&& noexcept {  // NOLINT: implicit by design
    std::terminate();
  }
};

#if defined(__clang__)
// phantom<T> is declared but never defined (only its members' addresses are taken, at compile
// time). clang warns about that when T has internal linkage, at the declaration below, so the
// warnings are silenced here rather than in every user's code.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wundefined-internal"
#pragma clang diagnostic ignored "-Wundefined-var-template"
#endif

template <class T, std::size_t... I>
constexpr bool accepts_initializers(std::index_sequence<I...>) {
  return requires { T{any_initializer{I}...}; };
}
template <class T, std::size_t N>
constexpr bool accepts_n() {
  return accepts_initializers<T>(std::make_index_sequence<N>{});
}

// T takes Lo initialisers and not Hi: its count is in [Lo, Hi).
template <class T, std::size_t Lo, std::size_t Hi>
constexpr std::size_t count_between() {
  constexpr std::size_t mid = Lo + (Hi - Lo) / 2;
  if constexpr (Hi - Lo == 1) return Lo;
  else if constexpr (accepts_n<T, mid>()) return count_between<T, mid, Hi>();
  else return count_between<T, Lo, mid>();
}

// T takes N / 2 initialisers: N doubles until T refuses N, then the count is bisected. A probe
// costs one conversion per initialiser (for a std::optional member, an overload resolution over
// its constructors), so this costs about 2 log2(n) probes of at most 2n initialisers where
// counting up one by one costs n probes of n / 2 on average.
template <class T, std::size_t N = 1>
constexpr std::size_t count_members() {
  constexpr std::size_t limit = genwire::detail::max_members;
  if constexpr (N > limit) return accepts_n<T, limit + 1>() ? limit + 1 : limit;  // limit + 1: too many
  else if constexpr (accepts_n<T, N>()) return count_members<T, N * 2>();
  else return count_between<T, N / 2, N>();
}
static_assert((genwire::detail::max_members & (genwire::detail::max_members - 1)) == 0,
              "count_members doubles up to max_members");

template <class T>
struct holder {
  T value;
};

// Declared, never defined: only its members' addresses are used, as template arguments.
template <class T>
extern const holder<T> phantom;

template <class P>
struct pointer_wrapper {
  const P* ptr;
};

template <pointer_wrapper W>
constexpr std::string_view spelled_pointer() {
  return __PRETTY_FUNCTION__;
}

// The addresses of phantom<T>'s members, one tuple per T: constant expressions, usable as template
// arguments. Computed where they are used and never stored in a variable: g++ emits a variable
// holding these addresses when T has internal linkage (at -O0), and the link then fails on the
// undefined phantom.
template <class T>
constexpr auto phantom_addresses() {
  return genwire::detail::visit_members_n<count_members<T>()>(phantom<T>.value, [](const auto&... m) {
    return std::tuple<const std::remove_cvref_t<decltype(m)>*...>{&m...};
  });
}
template <class T>
using phantom_pointers = decltype(phantom_addresses<T>());
// The type of T's I-th member, from that tuple's type (no address computed).
template <class T, std::size_t I>
using member_type_at = std::remove_const_t<std::remove_pointer_t<std::tuple_element_t<I, phantom_pointers<T>>>>;

template <class T, std::size_t I>
constexpr auto member_address() {
  return std::get<I>(phantom_addresses<T>());
}

template <class T, std::size_t I>
constexpr std::string_view raw_member_name() {
  return spelled_pointer<pointer_wrapper<member_type_at<T, I>>{member_address<T, I>()}>();
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

constexpr bool is_ident_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The spelling ends with a compiler-specific suffix after the member's name; learn its length
// from a probe whose member name is known.
struct name_probe {
  int genwire_probe_member;
};
inline constexpr std::string_view probe_spelling = raw_member_name<name_probe, 0>();
inline constexpr std::size_t name_suffix_length =
    probe_spelling.size() - probe_spelling.rfind("genwire_probe_member") - std::string_view("genwire_probe_member").size();

constexpr std::string_view extract_member_name(std::string_view spelled) {
  const std::size_t end = spelled.size() - name_suffix_length;
  std::size_t begin = end;
  while (begin > 0 && is_ident_char(spelled[begin - 1])) --begin;
  return spelled.substr(begin, end - begin);
}

template <auto V>
constexpr std::string_view spelled_value() {
  return __PRETTY_FUNCTION__;
}

enum class value_probe { genwire_probe_value };
inline constexpr std::string_view value_spelling = spelled_value<value_probe::genwire_probe_value>();
inline constexpr std::size_t value_suffix_length =
    value_spelling.size() - value_spelling.rfind("genwire_probe_value") - std::string_view("genwire_probe_value").size();

// "" when V is not a named enumerator (the compiler spells it as a cast, e.g. "(E)7").
template <auto V>
constexpr std::string_view enumerator_name() {
  constexpr std::string_view s = spelled_value<V>();
  constexpr std::size_t end = s.size() - value_suffix_length;
  std::size_t begin = end;
  while (begin > 0 && is_ident_char(s[begin - 1])) --begin;
  if (begin == end || (s[begin] >= '0' && s[begin] <= '9') || s[begin - 1] == ')') return {};
  return s.substr(begin, end - begin);
}

}  // namespace detail

template <reflectable T>
inline constexpr std::size_t member_count = detail::count_members<T>();

template <reflectable T, class F>
constexpr decltype(auto) visit(T& obj, F&& f) {
  static_assert(member_count<std::remove_cv_t<T>> <= genwire::detail::max_members,
                "genwire reflects at most 64 members per struct");
  return genwire::detail::visit_members_n<member_count<std::remove_cv_t<T>>>(obj, std::forward<F>(f));
}

// The type of T's I-th member.
template <reflectable T, std::size_t I>
using member_type = detail::member_type_at<T, I>;

template <reflectable T>
inline constexpr auto member_names = []<std::size_t... I>(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{
      detail::extract_member_name(detail::raw_member_name<T, I>())...};
}(std::make_index_sequence<member_count<T>>{});

// Enumerators are looked up among the values 0..max_enum_value.
inline constexpr int max_enum_value = 63;

namespace detail {

// Enumerators are probed eight values at a time, and the next eight only when all eight were
// named: an enum of n enumerators costs about n + 8 spellings, not max_enum_value + 1.
inline constexpr std::size_t enum_probe_chunk = 8;

template <class E, std::size_t Base>
constexpr std::size_t named_in_chunk() {
  constexpr auto named = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<bool, sizeof...(I)>{!enumerator_name<static_cast<E>(Base + I)>().empty()...};
  }(std::make_index_sequence<enum_probe_chunk>{});
  std::size_t n = 0;
  while (n < named.size() && named[n]) ++n;
  return n;
}

template <class E, std::size_t Base = 0>
constexpr std::size_t leading_enumerators() {
  constexpr std::size_t n = named_in_chunk<E, Base>();
  if constexpr (n == enum_probe_chunk && Base + enum_probe_chunk <= static_cast<std::size_t>(max_enum_value))
    return leading_enumerators<E, Base + enum_probe_chunk>();
  else
    return Base + n;
}

}  // namespace detail

template <class E>
  requires std::is_enum_v<E>
struct enum_info {
  // Number of leading named values; genwire requires enumerators 0, 1, 2, ... without gaps.
  static constexpr std::size_t count = detail::leading_enumerators<E>();
  static_assert(count > 0, "genwire enums need enumerators numbered 0, 1, 2, ...");
  static constexpr auto names = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<std::string_view, sizeof...(I)>{detail::enumerator_name<static_cast<E>(I)>()...};
  }(std::make_index_sequence<count>{});
};

// The enumerators of E in value order; the wire name strips one trailing '_' (for keywords).
template <class E>
inline constexpr auto enum_names = [] {
  std::array<std::string_view, enum_info<E>::count> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::string_view n = enum_info<E>::names[i];
    if (n.size() > 1 && n.back() == '_') n.remove_suffix(1);
    out[i] = n;
  }
  return out;
}();

}  // namespace genwire::reflect
