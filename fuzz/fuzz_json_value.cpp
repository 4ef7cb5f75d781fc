// parse_json gives nlohmann's value, and round-trips through to_json, encode and decode.
#include "reference.hpp"

#define GENWIRE_FUZZ_PROPERTY genwire_fuzz::json_value
#include "entry.hpp"
