// genwire/core/schema.hpp: the JSON Schema (draft 2020-12) of a model type, read off the same
// reflection and the same options the codec uses, so that the schema accepts what
// genwire::decode<T, Opts> accepts:
//
//   std::string s = genwire::json_schema<T>();                   // default rules
//   std::string s = genwire::json_schema<T, genwire::strict>();  // + formats, closed enums, no unknown keys
//   genwire::json::value v = genwire::json_schema_value<T>();    // the same schema as a value, to embed
//   genwire::json::value q = genwire::query_schema_value<Q>();   // a query struct's parameters (decode_query)
//
// What JSON cannot say is left to the decoder: a duplicate key (JSON parsers keep one of them),
// an integer written as 1.0 or 1e2 (JSON Schema's "integer" is a mathematical integer, genwire's
// an integer token), and date-time/UUID/URI edge cases where validators' format checks differ.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "detail/keys.hpp"
#include "detail/traits.hpp"
#include "json_value.hpp"
#include "options.hpp"
#include "query.hpp"
#include "reflect.hpp"
#include "types.hpp"

namespace genwire {

inline constexpr std::string_view json_schema_dialect = "https://json-schema.org/draft/2020-12/schema";

namespace detail {

inline json::value typed_schema(const char* type) { return json::object{{"type", type}}; }

inline json::object& members_of(json::value& v) { return std::get<json::object>(v.get()); }

// The schema that also accepts null.
// Decision: a nullable scalar, object or array adds "null" to its "type" (and to its "enum"), the 2020-12 / OpenAPI 3.1 idiom code generators read as "T or null"; schemas with anyOf gain a {"type": "null"} branch; {} already accepts null.
inline json::value or_null(json::value schema) {
  const json::value null_type = typed_schema("null");
  json::object& s = members_of(schema);
  if (s.empty()) return schema;  // {} accepts null already
  for (auto& [k, v] : s)
    if (k == "anyOf") {
      auto& branches = std::get<json::array>(v.get());
      if (std::find(branches.begin(), branches.end(), null_type) == branches.end()) branches.push_back(null_type);
      return schema;
    }
  json::value* type = nullptr;
  for (auto& [k, v] : s)
    if (k == "type") type = &v;
  if (type == nullptr) return json::object{{"anyOf", json::array{std::move(schema), null_type}}};
  if (const std::string* one = type->as_string()) {
    *type = json::array{*one, "null"};
  } else {
    auto& types = std::get<json::array>(type->get());
    if (std::find(types.begin(), types.end(), json::value("null")) != types.end()) return schema;  // nullable twice
    types.emplace_back("null");
  }
  for (auto& [k, v] : s)
    if (k == "enum") std::get<json::array>(v.get()).push_back(nullptr);
  return schema;
}

// A bound as a JSON number: integers exactly, decimals as the double nearest them, which JSON
// writes back as the declared text (at most 15 significant digits, see genwire::decimal).
inline json::value bound_value(const bound& b) {
  if (b.is_integer()) return static_cast<std::int64_t>(b.mantissa);
  return b.as_double();
}

template <class V>
json::value limit_value(V v) {
  if constexpr (std::is_floating_point_v<V>) return static_cast<double>(v);
  else if constexpr (std::is_signed_v<V>) return static_cast<std::int64_t>(v);
  else return static_cast<std::uint64_t>(v);
}

// Whether a declared lower (upper) bound is at least as tight as V's own range.
template <class V>
constexpr bool tighter_than_type(const bound& b, bool lower) {
  if constexpr (std::is_integral_v<V>) {
    const long long effective = b.mantissa + (b.is_exclusive ? (lower ? 1 : -1) : 0);
    return lower ? std::cmp_greater_equal(effective, std::numeric_limits<V>::lowest())
                 : std::cmp_less_equal(effective, std::numeric_limits<V>::max());
  } else {
    const double d = b.as_double();
    return lower ? d >= static_cast<double>(std::numeric_limits<V>::lowest())
                 : d <= static_cast<double>(std::numeric_limits<V>::max());
  }
}

// A number of C++ type V with declared bounds (no_min / no_max when none).
// Decision: integers and floats always carry their C++ type's range as minimum/maximum (the decoder rejects what does not fit, errc::out_of_range), so the schema is exact without relying on a validator's int32/int64 formats; a double's range is every finite JSON number and is left out.
template <class V>
json::value number_schema(const bound& lo, const bound& hi) {
  json::value schema = typed_schema(is_integer_v<V> ? "integer" : "number");
  json::object& s = members_of(schema);
  constexpr bool has_own_range = is_integer_v<V> || sizeof(V) < sizeof(double);  // a float's range
  if (lo.is_set && tighter_than_type<V>(lo, true)) {
    s.emplace_back(lo.is_exclusive ? "exclusiveMinimum" : "minimum", bound_value(lo));
  } else if constexpr (has_own_range) {
    s.emplace_back("minimum", limit_value(std::numeric_limits<V>::lowest()));
  }
  if (hi.is_set && tighter_than_type<V>(hi, false)) {
    s.emplace_back(hi.is_exclusive ? "exclusiveMaximum" : "maximum", bound_value(hi));
  } else if constexpr (has_own_range) {
    s.emplace_back("maximum", limit_value(std::numeric_limits<V>::max()));
  }
  return schema;
}

template <class S>
void add_lengths(json::object& s) {
  if constexpr (S::min_length > 0) s.emplace_back("minLength", static_cast<std::uint64_t>(S::min_length));
  if constexpr (S::max_length != std::numeric_limits<std::size_t>::max())
    s.emplace_back("maxLength", static_cast<std::uint64_t>(S::max_length));
}

template <class E>
json::value enum_schema() {
  json::array names;
  for (std::string_view n : reflect::enum_names<E>) names.emplace_back(std::string(n));
  return json::object{{"type", "string"}, {"enum", std::move(names)}};
}

template <class T, options Opts>
json::value schema_of();

template <class T, options Opts>
json::value object_schema();

// The schema of a value of type T where a value stands: the document itself, an array element, a
// variant alternative, an object member's value (the member's presence is object_schema's).
template <class T, options Opts>
json::value schema_of() {
  if constexpr (is_nullable<T>::value || is_std_optional<T>::value) {
    // Outside an object member, std::optional reads null like nullable (decode.hpp).
    return or_null(schema_of<typename T::value_type, Opts>());
  } else if constexpr (std::is_same_v<T, raw_json> || std::is_same_v<T, json::value>) {
    // Decision: "any JSON value" is the empty schema {} rather than `true`: the same meaning in 2020-12, and OpenAPI tools that predate boolean schemas read it too.
    return json::object{};
  } else if constexpr (std::is_same_v<T, bool>) {
    return typed_schema("boolean");
  } else if constexpr (is_integer_v<T> || std::is_floating_point_v<T>) {
    return number_schema<T>(no_min, no_max);
  } else if constexpr (is_bounded<T>::value) {
    return number_schema<typename T::value_type>(T::min, T::max);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return typed_schema("string");
  } else if constexpr (is_sized_string<T>::value || is_formatted<T>::value) {
    json::value schema = typed_schema("string");
    if constexpr (is_formatted<T>::value) {
      if constexpr (Opts.check_formats) members_of(schema).emplace_back("format", std::string(to_string(T::kind)));
    }
    add_lengths<T>(members_of(schema));
    return schema;
  } else if constexpr (is_open_enum<T>::value) {
    using E = decltype(std::declval<T>().value());
    if constexpr (Opts.closed_enums) {
      return enum_schema<E>();
    } else {
      // Decision: an open enum is anyOf [the known values as an enum, any string]: it accepts every string like the decoder, and still hands validators' users and code generators the documented values as a real `enum` (an "examples" list would be ignored by generators).
      return json::object{{"anyOf", json::array{enum_schema<E>(), typed_schema("string")}}};
    }
  } else if constexpr (std::is_enum_v<T>) {
    return enum_schema<T>();
  } else if constexpr (is_vector<T>::value) {
    return json::object{{"type", "array"}, {"items", schema_of<typename T::value_type, Opts>()}};
  } else if constexpr (is_std_array<T>::value) {
    constexpr auto n = static_cast<std::uint64_t>(std::tuple_size_v<T>);
    // Decision: a std::array is "items" with minItems = maxItems = N rather than N copies of one schema in prefixItems: the same instances, and the schema's size does not grow with N.
    return json::object{{"type", "array"},
                        {"items", schema_of<typename T::value_type, Opts>()},
                        {"minItems", n},
                        {"maxItems", n}};
  } else if constexpr (is_variant<T>::value) {
    // The decoder picks the alternative by the value's JSON kind; anyOf accepts the same values
    // whenever the alternatives are of different kinds (an alternative shadowed by an earlier one
    // of its kind makes anyOf the wider of the two).
    return []<class... A>(std::variant<A...>*) {
      return json::value(json::object{{"anyOf", json::array{schema_of<A, Opts>()...}}});
    }(static_cast<T*>(nullptr));
  } else {
    static_assert(!is_extra_members_v<T>, "genwire::extra_members is a struct member, not a value");
    static_assert(reflect::reflectable<T>, "genwire cannot describe this type: not an aggregate struct or a known type");
    return object_schema<T, Opts>();
  }
}

// The object a struct is written as: its keys (renames and naming policy applied), which are
// required, and whether other keys are allowed.
// Decision: nested structs are inlined, not put under $defs: a struct cannot contain itself, so the schema is finite, and $defs names would have to come from the compiler's spelling of type names, which g++ and clang spell differently.
template <class T, options Opts>
json::value object_schema() {
  using keys = key_table<T>;
  json::object properties;
  json::array required;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto one = [&]<std::size_t Index>(std::integral_constant<std::size_t, Index>) {
      using M = reflect::member_type<T, Index>;
      if constexpr (!is_extra_members_v<M>) {
        std::string key(keys::keys[Index]);
        if constexpr (is_std_optional<M>::value) {
          properties.emplace_back(std::move(key), schema_of<typename M::value_type, Opts>());
        } else {
          required.emplace_back(key);
          properties.emplace_back(std::move(key), schema_of<M, Opts>());
        }
      }
    };
    (void)one;  // a struct without members
    (one(std::integral_constant<std::size_t, I>{}), ...);
  }(std::make_index_sequence<keys::size>{});
  json::object schema{{"type", "object"}};
  if (!properties.empty()) schema.emplace_back("properties", std::move(properties));
  if (!required.empty()) schema.emplace_back("required", std::move(required));
  // Decision: a struct with genwire::extra_members says additionalProperties: true even in strict mode, where the decoder keeps undeclared members instead of rejecting them; other structs say false in strict mode only (unknown keys are skipped otherwise).
  if constexpr (keys::keeps_extras) schema.emplace_back("additionalProperties", true);
  else if constexpr (Opts.reject_unknown_keys) schema.emplace_back("additionalProperties", false);
  return schema;
}

// Calls each(key, schema, required) for every parameter of a query struct, as decode_query reads
// them: a parameter's text is read as its scalar type (null cannot be written in a query), a
// vector is the parameter repeated, and only plain members are required.
template <class T, options Opts, class Each>
void for_each_query_parameter(Each&& each) {
  static_assert(reflect::reflectable<T>, "query parameters are a flat aggregate struct");
  using keys = key_table<T>;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto one = [&]<std::size_t Index>(std::integral_constant<std::size_t, Index>) {
      using M = reflect::member_type<T, Index>;
      using V = typename query_scalar<M>::type;  // std::optional / nullable stripped
      constexpr bool required = !is_std_optional<M>::value && !is_nullable<M>::value && !is_vector<M>::value;
      each(keys::keys[Index], schema_of<V, Opts>(), required);
    };
    (void)one;  // a struct without members
    (one(std::integral_constant<std::size_t, I>{}), ...);
  }(std::make_index_sequence<keys::size>{});
}

inline std::string schema_document(json::value schema) {
  json::object& s = members_of(schema);
  s.insert(s.begin(), {"$schema", std::string(json_schema_dialect)});
  return to_pretty_json(schema);
}

}  // namespace detail

// The JSON Schema of T as genwire::decode<T, Opts> reads it, as a value (no "$schema").
template <class T, options Opts = options{}>
json::value json_schema_value() {
  return detail::schema_of<T, Opts>();
}

// The parameters of a query struct as genwire::decode_query<T, Opts> reads them: an object whose
// members are the parameters' values (an OpenAPI-style validator coerces each parameter's text
// to its schema's type first).
template <class T, options Opts = options{}>
json::value query_schema_value() {
  json::object properties;
  json::array required;
  detail::for_each_query_parameter<T, Opts>([&](std::string_view key, json::value schema, bool is_required) {
    if (is_required) required.emplace_back(std::string(key));
    properties.emplace_back(std::string(key), std::move(schema));
  });
  json::object schema{{"type", "object"}};
  if (!properties.empty()) schema.emplace_back("properties", std::move(properties));
  if (!required.empty()) schema.emplace_back("required", std::move(required));
  if constexpr (Opts.reject_unknown_keys) schema.emplace_back("additionalProperties", false);
  return schema;
}

// json_schema_value as a schema document: "$schema" first, two-space indented.
template <class T, options Opts = options{}>
std::string json_schema() {
  return detail::schema_document(json_schema_value<T, Opts>());
}

template <class T, options Opts = options{}>
std::string query_schema() {
  return detail::schema_document(query_schema_value<T, Opts>());
}

}  // namespace genwire
