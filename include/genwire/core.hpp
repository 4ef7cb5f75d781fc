// genwire/core.hpp: the provider-neutral core: reflection, strict JSON, validation, query strings,
// JSON Schema and OpenAPI export.
#pragma once

#include "core/decode.hpp"
#include "core/encode.hpp"
#include "core/endpoint.hpp"
#include "core/enum_name.hpp"
#include "core/error.hpp"
#include "core/examples.hpp"
#include "core/formats.hpp"
#include "core/json_value.hpp"
#include "core/openapi.hpp"
#include "core/options.hpp"
#include "core/path.hpp"
#include "core/query.hpp"
#include "core/reflect.hpp"
#include "core/schema.hpp"
#include "core/types.hpp"
