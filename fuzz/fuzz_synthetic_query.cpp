// The core query codec on fuzz/synthetic.hpp's every-kind-of-parameter type, in both modes.
#include "synthetic.hpp"

#define GENWIRE_FUZZ_PROPERTY genwire_fuzz::typed_query_all_modes<genwire_fuzz::synthetic::query>
#include "entry.hpp"
