// bench/peers/dispatch.hpp: the key -> member step every hand-mapped peer shares, driven by
// Boost.Describe. It is the algorithm genwire uses (try the member after the last one matched,
// then the others in order), so what differs between codecs is their parsing, not their lookup.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/describe.hpp>
#include <boost/mp11.hpp>

#include "plain.hpp"

namespace bench::peers {

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class T>
inline constexpr bool is_described_struct = boost::describe::has_describe_members<T>::value;
template <class T>
inline constexpr bool is_described_enum = boost::describe::has_describe_enumerators<T>::value;

template <class T>
inline constexpr std::size_t member_count = boost::mp11::mp_size<members_of<T>>::value;

template <class T>
inline constexpr auto member_names = [] {
  std::array<std::string_view, member_count<T>> out{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<members_of<T>>([&](auto d) { out[i++] = d.name; });
  return out;
}();

// Calls f(descriptor) for the member whose name `matches`; false when no member does.
template <class T, class Match, class F>
bool dispatch(Match&& matches, std::size_t& hint, F&& f) {
  constexpr std::size_t n = member_count<T>;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = hint + k < n ? hint + k : hint + k - n;
    if (matches(member_names<T>[i])) {
      hint = i + 1;
      boost::mp11::mp_with_index<n>(i, [&](auto I) { f(boost::mp11::mp_at_c<members_of<T>, I>{}); });
      return true;
    }
  }
  return false;
}

template <class E>
E enum_from(std::string_view s) {
  E out{};
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!found && s == d.name) out = d.value, found = true;
  });
  if (!found) throw std::runtime_error("unknown enumerator");
  return out;
}

template <class E>
const char* enum_name(E e) {
  return boost::describe::enum_to_string(e, "?");
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

}  // namespace bench::peers
