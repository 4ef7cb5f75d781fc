// tests/regression/targets.hpp: the fuzz targets' property checks by target name. Each
// targets_*.cpp registers its share (split so the heavy template instantiations compile in parallel).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "properties.hpp"

namespace genwire_regression {

using property = genwire_fuzz::finding (*)(std::string_view);
using target_list = std::vector<std::pair<std::string, property>>;

inline target_list& targets() {
  static target_list all;
  return all;
}

// A namespace-scope `const registrar r{...}` adds a file's targets before main() runs.
struct registrar {
  explicit registrar(void (*add)(target_list&)) { add(targets()); }
};

}  // namespace genwire_regression
