// genwire/core.hpp: the provider-neutral core: reflection, strict JSON, validation, query strings.
//
// Schema export is included on its own, so that code that only decodes does not parse it:
// <genwire/core/schema.hpp> (JSON Schema), <genwire/core/openapi.hpp> (OpenAPI 3.1).
#pragma once

#include "core/decode.hpp"
#include "core/encode.hpp"
#include "core/endpoint.hpp"
#include "core/enum_name.hpp"
#include "core/error.hpp"
#include "core/formats.hpp"
#include "core/json_value.hpp"
#include "core/options.hpp"
#include "core/path.hpp"
#include "core/query.hpp"
#include "core/reflect.hpp"
#include "core/types.hpp"
