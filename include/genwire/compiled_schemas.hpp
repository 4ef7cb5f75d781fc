// genwire/compiled_schemas.hpp: the schemas and OpenAPI documents genwire::endpoints holds,
// declared compiled there (genwire/openapi.hpp includes this when the program links it). Every
// type of GENWIRE_COMPILED_ENDPOINT_TYPES: its JSON Schema (X) or query-parameter schema (Q);
// openapi_value of genwire::all_endpoints; each with genwire::lenient and genwire::strict.
#pragma once

#include "compiled_endpoints.hpp"
#include "core/openapi.hpp"
#include "core/schema.hpp"

#define GENWIRE_SCHEMA_INSTANCES_(prefix, function, T)                         \
  prefix template genwire::json::value genwire::function<T, genwire::lenient>(); \
  prefix template genwire::json::value genwire::function<T, genwire::strict>();
#define GENWIRE_OPENAPI_INSTANCES_(prefix)                                                                  \
  prefix template genwire::json::value genwire::openapi_value<genwire::all_endpoints, genwire::lenient>( \
      const genwire::openapi_info&);                                                                      \
  prefix template genwire::json::value genwire::openapi_value<genwire::all_endpoints, genwire::strict>(  \
      const genwire::openapi_info&);

#define GENWIRE_COMPILED_SCHEMA_(T) GENWIRE_SCHEMA_INSTANCES_(extern, json_schema_value, T)
#define GENWIRE_COMPILED_QUERY_SCHEMA_(T) GENWIRE_SCHEMA_INSTANCES_(extern, query_schema_value, T)
GENWIRE_COMPILED_ENDPOINT_TYPES(GENWIRE_COMPILED_SCHEMA_, GENWIRE_COMPILED_QUERY_SCHEMA_)
GENWIRE_OPENAPI_INSTANCES_(extern)
#undef GENWIRE_COMPILED_SCHEMA_
#undef GENWIRE_COMPILED_QUERY_SCHEMA_
