// genwire::endpoints: the codecs genwire/compiled_endpoints.hpp declares, compiled once.
#include <genwire/compiled_endpoints.hpp>

#define GENWIRE_COMPILED_DEFINE_(T) GENWIRE_DEFINE_CODEC(T);
#define GENWIRE_COMPILED_DEFINE_QUERY_(T) GENWIRE_DEFINE_QUERY_CODEC(T);
GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_DEFINE_, GENWIRE_COMPILED_DEFINE_QUERY_)
