// genwire/extern_codec.hpp: compile a type's codec once per program instead of once per
// translation unit. In a header every user includes, declare it; in one .cpp, define it:
//
//   GENWIRE_DECLARE_CODEC(my::reply);   // header: decode/encode of my::reply are compiled elsewhere
//   GENWIRE_DEFINE_CODEC(my::reply);    // one .cpp: ...here (it includes the same header first)
//
// Each covers genwire::decode / decode_into / encode / encode_to / encode_into with genwire::lenient (the
// default options) and genwire::strict; the _QUERY_ pair covers decode_query / encode_query.
// Other option values are still compiled where they are used. Declare a type before the first
// decode or encode of it in the translation unit. genwire/compiled_endpoints.hpp declares every
// endpoint's types this way for the compiled target genwire::endpoints.
#pragma once

#include "core/decode.hpp"
#include "core/encode.hpp"
#include "core/options.hpp"
#include "core/query.hpp"

#define GENWIRE_CODEC_INSTANCES_(prefix, codec, T, opts) prefix template struct ::genwire::detail::codec<T, opts>

#define GENWIRE_DECLARE_CODEC(T)                                                  \
  GENWIRE_CODEC_INSTANCES_(extern, json_codec, T, ::genwire::lenient);          \
  GENWIRE_CODEC_INSTANCES_(extern, json_codec, T, ::genwire::strict)
#define GENWIRE_DEFINE_CODEC(T)                                           \
  GENWIRE_CODEC_INSTANCES_(, json_codec, T, ::genwire::lenient);        \
  GENWIRE_CODEC_INSTANCES_(, json_codec, T, ::genwire::strict)
#define GENWIRE_DECLARE_QUERY_CODEC(T)                                            \
  GENWIRE_CODEC_INSTANCES_(extern, query_codec, T, ::genwire::lenient);         \
  GENWIRE_CODEC_INSTANCES_(extern, query_codec, T, ::genwire::strict)
#define GENWIRE_DEFINE_QUERY_CODEC(T)                                     \
  GENWIRE_CODEC_INSTANCES_(, query_codec, T, ::genwire::lenient);       \
  GENWIRE_CODEC_INSTANCES_(, query_codec, T, ::genwire::strict)
