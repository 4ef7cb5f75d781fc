// check_json agrees with nlohmann on accept/reject (fuzz/reference.hpp states the exceptions).
#include "reference.hpp"

#define GENWIRE_FUZZ_PROPERTY genwire_fuzz::check_agrees
#include "entry.hpp"
