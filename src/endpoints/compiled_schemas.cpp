// genwire::endpoints: the schemas and OpenAPI documents genwire/compiled_schemas.hpp declares,
// compiled once (the codecs their examples decode come from the other translation units).
#include <genwire/compiled_schemas.hpp>

#define GENWIRE_COMPILED_SCHEMA_(T) GENWIRE_SCHEMA_INSTANCES_(, json_schema_value, T)
#define GENWIRE_COMPILED_QUERY_SCHEMA_(T) GENWIRE_SCHEMA_INSTANCES_(, query_schema_value, T)
GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_SCHEMA_, GENWIRE_COMPILED_QUERY_SCHEMA_)
GENWIRE_OPENAPI_INSTANCES_()
#undef GENWIRE_COMPILED_SCHEMA_
#undef GENWIRE_COMPILED_QUERY_SCHEMA_
