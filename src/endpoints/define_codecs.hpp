// One provider's part of genwire::endpoints: GENWIRE_COMPILED_DEFINE(LIST) defines the codecs of a
// GENWIRE_COMPILED_<PROVIDER>_TYPES list of genwire/compiled_endpoints.hpp.
#pragma once

#include <genwire/compiled_endpoints.hpp>

#define GENWIRE_COMPILED_DEFINE_(T) GENWIRE_DEFINE_CODEC(T);
#define GENWIRE_COMPILED_DEFINE_QUERY_(T) GENWIRE_DEFINE_QUERY_CODEC(T);
#define GENWIRE_COMPILED_DEFINE(LIST) LIST(GENWIRE_COMPILED_DEFINE_, GENWIRE_COMPILED_DEFINE_QUERY_)
