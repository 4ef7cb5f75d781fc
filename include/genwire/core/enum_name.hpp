// genwire/core/enum_name.hpp: the text an enum value has on the wire, as encode() writes it, for
// logs and display without encoding a whole struct.
//
//   genwire::enum_name(genwire::flora::run_status::running)  // "running"
//   genwire::enum_name(item.status)  // an open_enum: its unknown text too
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "reflect.hpp"
#include "types.hpp"

namespace genwire {

// "" for a value that is no enumerator (encode() refuses it as unencodable).
template <class E>
  requires std::is_enum_v<E>
constexpr std::string_view enum_name(E e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  const auto& names = reflect::enum_names<E>;
  return i < names.size() ? names[i] : std::string_view{};
}

template <class E>
std::string enum_name(const open_enum<E>& e) {
  return e.known() ? std::string(enum_name(e.value())) : e.unknown_text();
}

}  // namespace genwire
