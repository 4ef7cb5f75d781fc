// genwire/core/options.hpp: compile-time codec options. Pass as a template argument:
//   genwire::decode<T>(text)                   default rules: types, presence, nulls, constraints
//   genwire::decode<T, genwire::strict>(text)  also formats, closed enums, unknown keys rejected
#pragma once

#include <cstdint>

namespace genwire {

struct options {
  bool check_formats = false;        // date-time / uuid / uri text must match its format
  bool closed_enums = false;         // open_enum rejects strings it does not know
  bool reject_unknown_keys = false;  // an object key (or query parameter) the type does not declare
  // Deepest nesting of arrays/objects accepted, so hostile input cannot exhaust the stack.
  std::uint32_t max_depth = 256;
};

inline constexpr options lenient{};
inline constexpr options strict{.check_formats = true, .closed_enums = true, .reject_unknown_keys = true};

}  // namespace genwire
