// genwire::json_schema: every vocabulary type maps to the JSON Schema keywords that accept what
// the decoder accepts, in default and strict mode. The expected schemas are written out by hand
// from the types' documented rules (core/types.hpp), and compared as JSON values.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <genwire/core.hpp>
#include <genwire/openapi.hpp>
#include <genwire/genwire.hpp>

namespace {

namespace gw = genwire;

gw::json::value json(std::string_view text) {
  auto v = gw::parse_json(text);
  EXPECT_TRUE(v.has_value()) << v.error().message() << "\n" << text;
  return v ? *v : gw::json::value();
}

// Semantic equality (member order ignored), with both sides printed on failure.
void expect_schema(const gw::json::value& got, std::string_view expected) {
  EXPECT_TRUE(got == json(expected)) << "got:\n" << gw::to_pretty_json(got) << "\nexpected:\n" << expected;
}

enum class color { red, green, blue };

struct inner {
  std::string name;
};

TEST(JsonSchemaScalars, PresenceAndNull) {
  struct presence {
    std::string required_text;
    std::optional<std::string> may_be_absent;
    gw::nullable<std::string> may_be_null;
    gw::optional_nullable<std::string> either;
    std::optional<gw::raw_json> absent_or_anything;
  };
  expect_schema(gw::json_schema_value<presence>(), R"({
    "type": "object",
    "properties": {
      "required_text": {"type": "string"},
      "may_be_absent": {"type": "string"},
      "may_be_null": {"type": ["string", "null"]},
      "either": {"type": ["string", "null"]},
      "absent_or_anything": {}
    },
    "required": ["required_text", "may_be_null"]
  })");
}

TEST(JsonSchemaScalars, IntegersCarryTheirCxxRangeAndNumbersDoNot) {
  struct numbers {
    bool flag;
    std::uint8_t small;
    std::int32_t medium;
    std::int64_t large;
    std::uint64_t unsigned_large;
    double real;
    float single;
  };
  expect_schema(gw::json_schema_value<numbers>(), R"({
    "type": "object",
    "properties": {
      "flag": {"type": "boolean"},
      "small": {"type": "integer", "minimum": 0, "maximum": 255},
      "medium": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
      "large": {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807},
      "unsigned_large": {"type": "integer", "minimum": 0, "maximum": 18446744073709551615},
      "real": {"type": "number"},
      "single": {"type": "number", "minimum": -3.4028234663852886e38, "maximum": 3.4028234663852886e38}
    },
    "required": ["flag", "small", "medium", "large", "unsigned_large", "real", "single"]
  })");
}

TEST(JsonSchemaScalars, BoundsInclusiveExclusiveAndDecimal) {
  struct bounded_members {
    gw::bounded<std::int64_t, 1, 100> percent;
    gw::at_least<std::int64_t, 0> offset;
    gw::bounded<double, gw::decimal("0.7"), gw::decimal("1.2")> speed;
    gw::bounded<double, gw::exclusive(0), 4> factor;
    gw::bounded<double, gw::decimal("-0.5"), gw::exclusive(gw::decimal("0.25"))> signed_range;
    // A declared bound wider than the type: the type's own range is the tighter one.
    gw::bounded<std::uint8_t, -5, 1000> byte;
  };
  const gw::json::value schema = gw::json_schema_value<bounded_members>();
  expect_schema(schema, R"({
    "type": "object",
    "properties": {
      "percent": {"type": "integer", "minimum": 1, "maximum": 100},
      "offset": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807},
      "speed": {"type": "number", "minimum": 0.7, "maximum": 1.2},
      "factor": {"type": "number", "exclusiveMinimum": 0, "maximum": 4},
      "signed_range": {"type": "number", "minimum": -0.5, "exclusiveMaximum": 0.25},
      "byte": {"type": "integer", "minimum": 0, "maximum": 255}
    },
    "required": ["percent", "offset", "speed", "factor", "signed_range", "byte"]
  })");
  // The declared decimals are written as declared, not as their binary expansions.
  const std::string text = gw::json_schema<bounded_members>();
  for (const char* declared : {R"("minimum": 0.7)", R"("maximum": 1.2)", R"("minimum": -0.5)", R"("exclusiveMaximum": 0.25)"})
    EXPECT_NE(text.find(declared), std::string::npos) << declared << "\n" << text;
}

TEST(JsonSchemaScalars, StringsLengthsAndFormatsInStrictModeOnly) {
  struct strings {
    gw::sized_string<1, 10> name;
    gw::non_empty_string label;
    gw::formatted_string<gw::format_kind::uri, 1, 2083> link;
    gw::uuid id;
    gw::date_time at;
  };
  expect_schema(gw::json_schema_value<strings>(), R"({
    "type": "object",
    "properties": {
      "name": {"type": "string", "minLength": 1, "maxLength": 10},
      "label": {"type": "string", "minLength": 1},
      "link": {"type": "string", "minLength": 1, "maxLength": 2083},
      "id": {"type": "string"},
      "at": {"type": "string"}
    },
    "required": ["name", "label", "link", "id", "at"]
  })");
  expect_schema(gw::json_schema_value<strings, gw::strict>(), R"({
    "type": "object",
    "properties": {
      "name": {"type": "string", "minLength": 1, "maxLength": 10},
      "label": {"type": "string", "minLength": 1},
      "link": {"type": "string", "format": "uri", "minLength": 1, "maxLength": 2083},
      "id": {"type": "string", "format": "uuid"},
      "at": {"type": "string", "format": "date-time"}
    },
    "required": ["name", "label", "link", "id", "at"],
    "additionalProperties": false
  })");
}

TEST(JsonSchemaEnums, ClosedIsAnEnumOpenListsTheValuesAndAcceptsAnyStringUntilStrict) {
  struct enums {
    color closed;
    gw::open_enum<color> open;
    gw::optional_nullable<gw::open_enum<color>> open_or_null;
    gw::nullable<color> closed_or_null;
  };
  expect_schema(gw::json_schema_value<enums>(), R"({
    "type": "object",
    "properties": {
      "closed": {"type": "string", "enum": ["red", "green", "blue"]},
      "open": {"anyOf": [{"type": "string", "enum": ["red", "green", "blue"]}, {"type": "string"}]},
      "open_or_null": {"anyOf": [{"type": "string", "enum": ["red", "green", "blue"]}, {"type": "string"}, {"type": "null"}]},
      "closed_or_null": {"type": ["string", "null"], "enum": ["red", "green", "blue", null]}
    },
    "required": ["closed", "open", "closed_or_null"]
  })");
  expect_schema(gw::json_schema_value<enums, gw::strict>(), R"({
    "type": "object",
    "properties": {
      "closed": {"type": "string", "enum": ["red", "green", "blue"]},
      "open": {"type": "string", "enum": ["red", "green", "blue"]},
      "open_or_null": {"type": ["string", "null"], "enum": ["red", "green", "blue", null]},
      "closed_or_null": {"type": ["string", "null"], "enum": ["red", "green", "blue", null]}
    },
    "required": ["closed", "open", "closed_or_null"],
    "additionalProperties": false
  })");
}

TEST(JsonSchemaContainers, ArraysTuplesVariantsAnyValueAndNestedStructs) {
  struct containers {
    std::vector<inner> items;
    std::array<gw::bounded<double, 0, 1>, 2> point;
    std::variant<std::string, std::int32_t> text_or_number;
    gw::raw_json raw;
    gw::json::value dynamic;
    gw::nullable<inner> nested_or_null;
    std::vector<std::optional<bool>> flags;  // outside a member, std::optional reads null
    // Null allowed twice over is allowed once.
    std::vector<gw::optional_nullable<color>> colors;
    std::vector<gw::optional_nullable<gw::open_enum<color>>> open_colors;
  };
  expect_schema(gw::json_schema_value<containers>(), R"({
    "type": "object",
    "properties": {
      "items": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}},
      "point": {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1}, "minItems": 2, "maxItems": 2},
      "text_or_number": {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}]},
      "raw": {},
      "dynamic": {},
      "nested_or_null": {"type": ["object", "null"], "properties": {"name": {"type": "string"}}, "required": ["name"]},
      "flags": {"type": "array", "items": {"type": ["boolean", "null"]}},
      "colors": {"type": "array", "items": {"type": ["string", "null"], "enum": ["red", "green", "blue", null]}},
      "open_colors": {"type": "array", "items": {"anyOf": [{"type": "string", "enum": ["red", "green", "blue"]}, {"type": "string"}, {"type": "null"}]}}
    },
    "required": ["items", "point", "text_or_number", "raw", "dynamic", "nested_or_null", "flags", "colors", "open_colors"]
  })");
}

struct renamed {
  static constexpr auto genwire_naming = gw::naming::camel_case;
  std::string api_project_id;
  std::optional<double> first;
  gw::extra_members rest;
  static constexpr gw::key_rename genwire_keys[] = {{"first", "[0]"}};
};

TEST(JsonSchemaObjects, WireKeysAndKeptMembersInEveryMode) {
  const char* expected = R"({
    "type": "object",
    "properties": {"apiProjectId": {"type": "string"}, "[0]": {"type": "number"}},
    "required": ["apiProjectId"],
    "additionalProperties": true
  })";
  expect_schema(gw::json_schema_value<renamed>(), expected);
  // extra_members: the decoder keeps undeclared members in strict mode too.
  expect_schema(gw::json_schema_value<renamed, gw::strict>(), expected);
  const auto kept = gw::decode<renamed, gw::strict>(R"({"apiProjectId": "p", "billing": 1})");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->rest.items.size(), 1u);
}

TEST(JsonSchemaObjects, AStructWithoutMembersIsAnObject) {
  struct nothing {};
  expect_schema(gw::json_schema_value<nothing>(), R"({"type": "object"})");
  expect_schema(gw::json_schema_value<nothing, gw::strict>(), R"({"type": "object", "additionalProperties": false})");
}

TEST(JsonSchemaDocument, DialectFirstTwoSpaceIndentValidJson) {
  const std::string text = gw::json_schema<inner>();
  EXPECT_EQ(text,
            "{\n"
            "  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
            "  \"type\": \"object\",\n"
            "  \"properties\": {\n"
            "    \"name\": {\n"
            "      \"type\": \"string\"\n"
            "    }\n"
            "  },\n"
            "  \"required\": [\"name\"]\n"
            "}");
  EXPECT_TRUE(gw::check_json(text).ok());
}

TEST(QuerySchema, ParametersAsDecodeQueryReadsThem) {
  struct query {
    std::int32_t page;
    std::optional<gw::at_least<std::int64_t, 1>> limit;
    gw::nullable<std::string> cursor;     // absent means null in a query
    std::vector<color> status;            // repeated parameter, may be absent
    std::optional<gw::date_time> after;
  };
  expect_schema(gw::query_schema_value<query>(), R"({
    "type": "object",
    "properties": {
      "page": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
      "limit": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807},
      "cursor": {"type": "string"},
      "status": {"type": "array", "items": {"type": "string", "enum": ["red", "green", "blue"]}},
      "after": {"type": "string"}
    },
    "required": ["page"]
  })");
  const gw::json::value strict = gw::query_schema_value<query, gw::strict>();
  EXPECT_EQ(*strict.find("additionalProperties"), gw::json::value(false));
  EXPECT_EQ(*strict.find("properties")->find("after")->find("format"), gw::json::value("date-time"));
  // decode_query agrees about what is required.
  EXPECT_TRUE(gw::decode_query<query>("page=1").has_value());
  EXPECT_EQ(gw::decode_query<query>("limit=5").error().path, "page");
}

// Every model type of every endpoint: a valid schema document whose properties are the type's
// wire keys, and strict mode closed wherever the decoder is.
template <class T>
void expect_model_schema(std::string_view what) {
  for (const std::string& text : {gw::json_schema<T>(), gw::json_schema<T, gw::strict>()}) {
    auto doc = gw::parse_json(text);
    ASSERT_TRUE(doc.has_value()) << what << ": " << doc.error().message();
    EXPECT_EQ(*doc->find("type"), gw::json::value("object")) << what;
  }
  using keys = gw::detail::key_table<T>;
  const gw::json::value strict = gw::json_schema_value<T, gw::strict>();
  const gw::json::value* properties = strict.find("properties");
  std::size_t declared = 0;
  for (std::size_t i = 0; i < keys::size; ++i) {
    if (i == keys::extra_index) continue;
    ++declared;
    EXPECT_NE(properties == nullptr ? nullptr : properties->find(keys::keys[i]), nullptr) << what << ": " << keys::keys[i];
  }
  EXPECT_EQ(properties == nullptr ? 0 : properties->as_object()->size(), declared) << what;
  EXPECT_EQ(*strict.find("additionalProperties"), gw::json::value(keys::keeps_extras)) << what;
}

TEST(JsonSchemaModels, EveryEndpointsTypesHaveTheirKeys) {
  gw::all_endpoints::for_each([&]<class D>() {
    expect_model_schema<typename D::request>(std::string(D::name) + " request");
    expect_model_schema<typename D::response>(std::string(D::name) + " response");
    expect_model_schema<typename D::error>(std::string(D::name) + " error");
  });
}

}  // namespace
