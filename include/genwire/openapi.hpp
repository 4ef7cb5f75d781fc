// genwire/openapi.hpp: JSON Schema and OpenAPI for genwire::all_endpoints (genwire::json_schema,
// genwire::query_schema, genwire::openapi_document; core/schema.hpp and core/openapi.hpp say what
// they write). In a program that links genwire::endpoints, the schemas of every endpoint type and
// the document of all_endpoints, with the default and the strict options, are compiled there once
// and declared here, so a translation unit that includes this does not build them again.
//
//   #include <genwire/openapi.hpp>
//   std::string doc = genwire::openapi_document<genwire::all_endpoints>({.title = "mine", .version = "1"});
#pragma once

#include "core/openapi.hpp"
#include "core/schema.hpp"
#include "endpoints.hpp"

#if defined(GENWIRE_COMPILED_ENDPOINTS) && GENWIRE_COMPILED_ENDPOINTS
#include "compiled_schemas.hpp"
#endif
