// genwire/core/detail/traits.hpp: what kind of member a type is, for the codecs' dispatch.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "../types.hpp"

namespace genwire::detail {

template <class T> struct is_std_optional : std::false_type {};
template <class T> struct is_std_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_nullable : std::false_type {};
template <class T> struct is_nullable<nullable<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_std_array : std::false_type {};
template <class T, std::size_t N> struct is_std_array<std::array<T, N>> : std::true_type {};
template <class T> struct is_variant : std::false_type {};
template <class... T> struct is_variant<std::variant<T...>> : std::true_type {};
template <class T> struct is_open_enum : std::false_type {};
template <class E> struct is_open_enum<open_enum<E>> : std::true_type {};
template <class T> struct is_bounded : std::false_type {};
template <class T, bound A, bound B> struct is_bounded<bounded<T, A, B>> : std::true_type {};
template <class T> struct is_sized_string : std::false_type {};
template <std::size_t A, std::size_t B> struct is_sized_string<sized_string<A, B>> : std::true_type {};
template <class T> struct is_formatted : std::false_type {};
template <format_kind K, std::size_t A, std::size_t B> struct is_formatted<formatted_string<K, A, B>> : std::true_type {};

template <class T>
inline constexpr bool is_extra_members_v = std::is_same_v<T, extra_members>;

template <class T>
inline constexpr bool is_integer_v = std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;

// The JSON kind a type is written as; used to pick a std::variant alternative.
enum class json_kind : unsigned char { null, boolean, number, string, array, object, any };

}  // namespace genwire::detail
