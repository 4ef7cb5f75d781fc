// genwire::endpoints: the depicta codecs genwire/compiled_endpoints.hpp declares, compiled once.
#include "define_codecs.hpp"

GENWIRE_COMPILED_DEFINE(GENWIRE_COMPILED_DEPICTA_TYPES)
