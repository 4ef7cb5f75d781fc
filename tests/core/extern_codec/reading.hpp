// A user's types with their codecs declared extern (GENWIRE_DECLARE_CODEC): every TU that includes
// this calls the copies reading_codec.cpp compiles (GENWIRE_DEFINE_CODEC).
#pragma once

#include <genwire/extern_codec.hpp>

#include <optional>
#include <string>
#include <vector>

namespace extern_test {

enum class temperature_unit { celsius, kelvin };

struct reading {
  std::string sensor;
  double value = 0;
  genwire::open_enum<temperature_unit> unit;
  std::optional<std::vector<genwire::bounded<int, 0, 10>>> flags;
};

struct reading_query {
  genwire::bounded<int, 1, 100> limit;
  std::optional<std::string> sensor;
};

}  // namespace extern_test

GENWIRE_DECLARE_CODEC(extern_test::reading);
GENWIRE_DECLARE_QUERY_CODEC(extern_test::reading_query);
