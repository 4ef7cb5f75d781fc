// The core struct codec on fuzz/synthetic.hpp's every-feature model, in default and strict mode.
#include "synthetic.hpp"

#define GENWIRE_FUZZ_PROPERTY genwire_fuzz::typed_json_all_modes<genwire_fuzz::synthetic::page>
#include "entry.hpp"
