// genwire::endpoints: the diffio codecs genwire/compiled_endpoints.hpp declares, compiled once.
#include "define_codecs.hpp"

GENWIRE_COMPILED_DEFINE(GENWIRE_COMPILED_DIFFIO_TYPES)
