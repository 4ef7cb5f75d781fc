// The mock server's request handling in process: fuzz/mock_target.hpp has the input format and
// the properties.
#include "mock_target.hpp"

#define GENWIRE_FUZZ_PROPERTY genwire_fuzz::mock_handle
#include "entry.hpp"
