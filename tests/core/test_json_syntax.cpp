// RFC 8259 strictness of the JSON layer, through every public way in: check_json, parse_json,
// decode<raw_json> (which validates without a DOM) and typed decoding. The two tables are a
// conformance mini-suite written for genwire in the spirit of JSONTestSuite: each accepted text
// with its canonical re-encoding, each rejected text with its error kind and byte offset.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace {
namespace json_syntax_test {

using genwire::errc;
using namespace std::string_literals;

std::string trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// ---------------------------------------------------------------------------------------------
// Accepted texts. `canonical` is to_json(parse_json(text)): compact, numbers shortest, integers
// exact, strings with only the escapes JSON requires.
// ---------------------------------------------------------------------------------------------
struct accept_case {
  const char* name;
  std::string text;
  std::string canonical;
};

const accept_case accept_cases[] = {
    {"zero", "0", "0"},
    {"negative_zero_integer", "-0", "0"},
    {"integer", "123", "123"},
    {"negative_integer", "-123", "-123"},
    {"fraction", "1.5", "1.5"},
    {"negative_fraction_exponent", "-1.5e10", "-1.5e+10"},
    {"capital_exponent_plus", "1E+2", "100"},
    {"negative_exponent", "1e-2", "0.01"},
    {"zero_fraction", "0.0", "0"},
    {"zero_exponent", "0e0", "0"},
    {"negative_zero_double", "-0.0e-0", "-0.0"},
    {"largest_double_order", "[1e308]", "[1e+308]"},
    {"underflow_to_zero", "1e-400", "0"},
    {"smallest_subnormal", "5e-324", "5e-324"},
    {"int64_min", "-9223372036854775808", "-9223372036854775808"},
    {"uint64_max", "18446744073709551615", "18446744073709551615"},
    {"integer_beyond_uint64_is_double", "123456789012345678901234567890", "1.2345678901234568e+29"},
    {"string", R"("x")", R"("x")"},
    {"empty_string", R"("")", R"("")"},
    {"true", "true", "true"},
    {"false", "false", "false"},
    {"null", "null", "null"},
    {"empty_array", "[]", "[]"},
    {"empty_object", "{}", "{}"},
    {"array", "[1,2,3]", "[1,2,3]"},
    {"object", R"({"a":1})", R"({"a":1})"},
    {"whitespace_everywhere", " \t\r\n[ \t\r\n1 \t\r\n, {\n\"a\"\t:\r\n2 } ] \t\r\n", R"([1,{"a":2}])"},
    {"nested_objects", R"({"a":{"b":{"c":[]}}})", R"({"a":{"b":{"c":[]}}})"},
    {"nested_arrays", "[[[]]]", "[[[]]]"},
    {"all_simple_escapes", R"("\"\\\/\b\f\n\r\t")", R"("\"\\/\b\f\n\r\t")"},
    {"escaped_nul", R"("\u0000")", R"("\u0000")"},
    {"escaped_latin1", R"("\u00e9")", "\"\xC3\xA9\""},
    {"escaped_uppercase_hex", R"("\u20AC")", "\"\xE2\x82\xAC\""},
    {"surrogate_pair", R"("\uD83D\uDE00")", "\"\xF0\x9F\x98\x80\""},
    {"highest_code_point", R"("\uDBFF\uDFFF")", "\"\xF4\x8F\xBF\xBF\""},
    {"noncharacter_ufffe", R"("\uFFFE")", "\"\xEF\xBF\xBE\""},
    {"raw_utf8_two_bytes", "\"\xC3\xA9\"", "\"\xC3\xA9\""},
    {"raw_utf8_three_bytes", "\"\xE2\x82\xAC\"", "\"\xE2\x82\xAC\""},
    {"raw_utf8_four_bytes", "\"\xF0\x9F\x98\x80\"", "\"\xF0\x9F\x98\x80\""},
    {"raw_utf8_max", "\"\xF4\x8F\xBF\xBF\"", "\"\xF4\x8F\xBF\xBF\""},
    {"raw_delete_character", "\"\x7F\"", "\"\x7F\""},
    {"duplicate_keys_are_grammatical", R"({"a":1,"a":2})", R"({"a":1,"a":2})"},
    {"empty_key", R"({"":0})", R"({"":0})"},
    {"mixed_array", R"([null,true,false,"",0,{},[]])", R"([null,true,false,"",0,{},[]])"},
    {"spaced_members", R"({ "a" : [ 1 , { "b" : null } ] })", R"({"a":[1,{"b":null}]})"},
    {"control_characters_escaped", R"("\u0001\u001f")", R"("\u0001\u001f")"},
    {"top_level_string_with_spaces", "  \"s\"  ", R"("s")"},
};

// gtest names each case after its parameter; the name says it all.
void PrintTo(const accept_case& c, std::ostream* os) { *os << c.name; }

class JsonAccept : public ::testing::TestWithParam<accept_case> {};

TEST_P(JsonAccept, CheckParseReencodeAndRawAllAgree) {
  const accept_case& c = GetParam();
  const genwire::status checked = genwire::check_json(c.text);
  EXPECT_TRUE(checked.ok()) << checked.error().message();

  const auto parsed = genwire::parse_json(c.text);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_EQ(genwire::to_json(*parsed), c.canonical);

  // The canonical text means the same value.
  const auto reparsed = genwire::parse_json(c.canonical);
  ASSERT_TRUE(reparsed.has_value()) << reparsed.error().message();
  EXPECT_EQ(*reparsed, *parsed);

  // raw_json keeps the exact text of the value (surrounding whitespace is not part of it).
  const auto raw = genwire::decode<genwire::raw_json>(c.text);
  ASSERT_TRUE(raw.has_value()) << raw.error().message();
  EXPECT_EQ(raw->text(), trim(c.text));

  // decode<json::value> is parse_json by another name.
  const auto dynamic = genwire::decode<genwire::json::value>(c.text);
  ASSERT_TRUE(dynamic.has_value()) << dynamic.error().message();
  EXPECT_EQ(*dynamic, *parsed);
}

INSTANTIATE_TEST_SUITE_P(Conformance, JsonAccept, ::testing::ValuesIn(accept_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonAcceptTable, HasAtLeastFortyCases) { EXPECT_GE(std::size(accept_cases), 40U); }

// ---------------------------------------------------------------------------------------------
// Rejected texts, with the error kind and the byte offset of the offending character.
// ---------------------------------------------------------------------------------------------
struct reject_case {
  const char* name;
  std::string text;
  errc code;
  std::size_t offset;
};

const reject_case reject_cases[] = {
    // Nothing there.
    {"empty_input", "", errc::unexpected_end, 0},
    {"whitespace_only", "  \n\t ", errc::unexpected_end, 5},
    // Structure.
    {"trailing_comma_array", "[1,]", errc::syntax, 3},
    {"trailing_comma_object", R"({"a":1,})", errc::syntax, 7},
    {"missing_comma", "[1 2]", errc::syntax, 3},
    {"missing_colon", R"({"a" 1})", errc::syntax, 5},
    {"missing_value", R"({"a":})", errc::syntax, 5},
    {"double_comma", "[1,,2]", errc::syntax, 3},
    {"object_only_comma", "{,}", errc::syntax, 1},
    {"missing_comma_between_members", R"({"a":1 "b":2})", errc::syntax, 7},
    {"colon_in_array", "[1:2]", errc::syntax, 2},
    {"unquoted_key", "{a:1}", errc::syntax, 1},
    {"single_quoted_key", "{'a':1}", errc::syntax, 1},
    {"number_key", "{1:1}", errc::syntax, 1},
    {"array_key", "{[]:1}", errc::syntax, 1},
    {"single_quoted_string", "['a']", errc::syntax, 1},
    {"unclosed_array", "[", errc::unexpected_end, 1},
    {"unclosed_array_after_comma", "[1,", errc::unexpected_end, 3},
    {"unclosed_object_after_key", R"({"a")", errc::unexpected_end, 4},
    {"unclosed_object_after_colon", R"({"a":)", errc::unexpected_end, 5},
    {"unclosed_object_after_value", R"({"a":1)", errc::unexpected_end, 6},
    // Numbers.
    {"leading_zero", "01", errc::syntax, 0},
    {"negative_leading_zero", "-01", errc::syntax, 0},
    {"double_zero_in_array", "[00]", errc::syntax, 1},
    {"fraction_without_digits", "1.", errc::syntax, 2},
    {"fraction_without_integer", ".5", errc::syntax, 0},
    {"fraction_then_exponent", "1.e5", errc::syntax, 2},
    {"dot_in_array", "[.1]", errc::syntax, 1},
    {"plus_sign", "+1", errc::syntax, 0},
    {"exponent_without_digits", "1e", errc::syntax, 2},
    {"exponent_sign_without_digits", "1e+", errc::syntax, 3},
    {"lone_minus", "-", errc::unexpected_end, 1},
    {"minus_then_space", "- 1", errc::syntax, 0},
    {"hex_number", "[0x10]", errc::syntax, 2},
    {"double_exponent", "1e5e5", errc::trailing_content, 3},
    {"nan", "NaN", errc::syntax, 0},
    {"infinity", "Infinity", errc::syntax, 0},
    {"negative_infinity", "-Infinity", errc::syntax, 0},
    {"nan_in_array", "[1,NaN]", errc::syntax, 3},
    // Literals.
    {"truncated_true", "tru", errc::syntax, 0},
    {"capitalised_true", "True", errc::syntax, 0},
    {"null_with_extra_letter", "nulll", errc::trailing_content, 4},
    // Trailing content and comments.
    {"extra_close_bracket", "[1]]", errc::trailing_content, 3},
    {"two_values", "{} {}", errc::trailing_content, 3},
    {"line_comment", "// c\n1", errc::syntax, 0},
    {"block_comment", "/* c */ 1", errc::syntax, 0},
    {"trailing_comment", "[1] // c", errc::trailing_content, 4},
    {"comment_inside_array", "[1 /* c */]", errc::syntax, 3},
    // Whitespace JSON does not allow.
    {"vertical_tab", "\v1", errc::syntax, 0},
    {"form_feed", "\f1", errc::syntax, 0},
    {"no_break_space", "\xC2\xA0" "1", errc::syntax, 0},
    {"byte_order_mark", "\xEF\xBB\xBF{}", errc::syntax, 0},
    {"nul_byte", "\0"s, errc::syntax, 0},
    {"utf8_outside_string", "\xC3\xA9", errc::syntax, 0},
    // Strings and escapes.
    {"unterminated_string", "\"abc", errc::unexpected_end, 4},
    {"escape_x", R"("\x")", errc::invalid_escape, 1},
    {"escape_single_quote", R"("\'")", errc::invalid_escape, 1},
    {"escape_capital_u", R"("\U0041")", errc::invalid_escape, 1},
    {"escape_in_key", R"({"a\q":1})", errc::invalid_escape, 3},
    {"bad_hex_digit", R"("\u12G4")", errc::invalid_escape, 5},
    {"unicode_escape_without_digits", R"("\u")", errc::invalid_escape, 3},
    {"short_unicode_escape", R"("\u12")", errc::invalid_escape, 5},
    {"lone_high_surrogate", R"("\uD800")", errc::invalid_escape, 1},
    {"lone_low_surrogate", R"("\uDC00")", errc::invalid_escape, 1},
    {"high_surrogate_then_text", R"("\uD800abc")", errc::invalid_escape, 1},
    {"high_surrogate_then_non_surrogate", R"("\uD800\u0041")", errc::invalid_escape, 7},
    {"two_high_surrogates", R"("\uDBFF\uDBFF")", errc::invalid_escape, 7},
    {"raw_tab", "\"a\tb\"", errc::syntax, 2},
    {"raw_newline", "\"\n\"", errc::syntax, 1},
    {"raw_nul", "\"\0\""s, errc::syntax, 1},
    {"raw_unit_separator", "\"\x1F\"", errc::syntax, 1},
    // UTF-8 (RFC 3629): every way a byte sequence can fail to be a character.
    {"overlong_two_bytes", "\"\xC0\xAF\"", errc::invalid_utf8, 1},
    {"overlong_c1", "\"\xC1\xBF\"", errc::invalid_utf8, 1},
    {"overlong_three_bytes", "\"\xE0\x80\xAF\"", errc::invalid_utf8, 1},
    {"overlong_four_bytes", "\"\xF0\x80\x80\xAF\"", errc::invalid_utf8, 1},
    {"utf8_encoded_high_surrogate", "\"\xED\xA0\x80\"", errc::invalid_utf8, 1},
    {"utf8_encoded_low_surrogate", "\"\xED\xBF\xBF\"", errc::invalid_utf8, 1},
    {"above_u10ffff", "\"\xF4\x90\x80\x80\"", errc::invalid_utf8, 1},
    {"lead_byte_f5", "\"\xF5\x80\x80\x80\"", errc::invalid_utf8, 1},
    {"byte_ff", "\"\xFF\"", errc::invalid_utf8, 1},
    {"truncated_three_bytes", "\"\xE2\x82\"", errc::invalid_utf8, 1},
    {"truncated_four_bytes", "\"\xF0\x9F\x98\"", errc::invalid_utf8, 1},
    {"truncated_at_end_of_input", "\"\xE2\x82", errc::invalid_utf8, 1},
    {"stray_continuation", "\"a\x80" "b\"", errc::invalid_utf8, 2},
    {"invalid_utf8_in_key", "{\"k\xC0\":1}", errc::invalid_utf8, 3},
};

void PrintTo(const reject_case& c, std::ostream* os) { *os << c.name; }

class JsonReject : public ::testing::TestWithParam<reject_case> {};

::testing::AssertionResult same_error(const genwire::error& e, const reject_case& c, std::size_t shift, std::string_view path) {
  if (e.code == c.code && e.offset == c.offset + shift && e.path == path) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got \"" << e.message() << "\" (" << genwire::to_string(e.code) << "), want "
                                       << genwire::to_string(c.code) << " at offset " << c.offset + shift << ", path " << path;
}

TEST_P(JsonReject, CheckParseAndRawAgreeOnKindAndOffset) {
  const reject_case& c = GetParam();
  const genwire::status checked = genwire::check_json(c.text);
  ASSERT_FALSE(checked.ok());
  EXPECT_TRUE(same_error(checked.error(), c, 0, "$")) << "check_json";
  EXPECT_FALSE(checked.error().message().empty());

  const auto parsed = genwire::parse_json(c.text);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, c.code) << parsed.error().message();
  EXPECT_EQ(parsed.error().offset, c.offset) << parsed.error().message();

  const auto raw = genwire::decode<genwire::raw_json>(c.text);
  ASSERT_FALSE(raw.has_value());
  EXPECT_TRUE(same_error(raw.error(), c, 0, "$")) << "decode<raw_json>";
}

// The same text as a member's value: same kind, offset shifted by the 5 bytes of `{"v":`.
// (Errors about the end of the input or what follows it change meaning inside an object.)
struct raw_holder {
  genwire::raw_json v;
};

TEST_P(JsonReject, SameErrorAsAMemberValue) {
  const reject_case& c = GetParam();
  if (c.code == errc::unexpected_end || c.code == errc::trailing_content) GTEST_SKIP() << "end-of-input case";
  const auto r = genwire::decode<raw_holder>("{\"v\":" + c.text + "}");
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(same_error(r.error(), c, 5, "v"));
}

INSTANTIATE_TEST_SUITE_P(Conformance, JsonReject, ::testing::ValuesIn(reject_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonRejectTable, HasAtLeastFortyCases) { EXPECT_GE(std::size(reject_cases), 40U); }

// ---------------------------------------------------------------------------------------------
// The typed decoder reads strings and numbers itself (not through the validator): it must be
// exactly as strict.
// ---------------------------------------------------------------------------------------------
struct record {
  std::string s;
  int i = 0;
  double d = 0;
  std::vector<int> v;
  bool b = false;
  std::optional<std::string> o;
};

struct typed_case {
  const char* name;
  std::string text;
  errc code;
  const char* path;
  std::size_t offset;
};

// Offsets: {"s":  is 5 bytes, so a string value starts at 5; the other members follow.
const typed_case typed_cases[] = {
    {"leading_zero", R"({"s":"","i":01,"d":0,"v":[],"b":true})", errc::syntax, "i", 12},
    {"plus_sign", R"({"s":"","i":+1,"d":0,"v":[],"b":true})", errc::syntax, "i", 12},
    {"nan_for_double", R"({"s":"","i":1,"d":NaN,"v":[],"b":true})", errc::syntax, "d", 18},
    {"infinity_for_double", R"({"s":"","i":1,"d":-Infinity,"v":[],"b":true})", errc::syntax, "d", 18},
    {"fraction_without_digits", R"({"s":"","i":1,"d":1.,"v":[],"b":true})", errc::syntax, "d", 20},
    {"trailing_comma_in_vector", R"({"s":"","i":1,"d":0,"v":[1,],"b":true})", errc::syntax, "v[1]", 27},
    {"trailing_comma_in_object", R"({"s":"","i":1,"d":0,"v":[],"b":true,})", errc::syntax, "$", 36},
    {"bad_escape", R"({"s":"\a","i":1,"d":0,"v":[],"b":true})", errc::invalid_escape, "s", 6},
    {"lone_high_surrogate", R"({"s":"\ud83d","i":1,"d":0,"v":[],"b":true})", errc::invalid_escape, "s", 6},
    {"lone_low_surrogate", R"({"s":"x\ude00","i":1,"d":0,"v":[],"b":true})", errc::invalid_escape, "s", 7},
    {"raw_control_character", "{\"s\":\"a\x01\",\"i\":1,\"d\":0,\"v\":[],\"b\":true}", errc::syntax, "s", 7},
    {"overlong_utf8", "{\"s\":\"\xC0\x80\",\"i\":1,\"d\":0,\"v\":[],\"b\":true}", errc::invalid_utf8, "s", 6},
    {"comment_between_members", R"({"s":"", /* x */ "i":1,"d":0,"v":[],"b":true})", errc::syntax, "$", 9},
    {"capital_true", R"({"s":"","i":1,"d":0,"v":[],"b":True})", errc::syntax, "b", 31},
    {"truncated_false", R"({"s":"","i":1,"d":0,"v":[],"b":fals})", errc::syntax, "b", 31},
    {"trailing_garbage", R"({"s":"","i":1,"d":0,"v":[],"b":true}x)", errc::trailing_content, "$", 36},
    {"second_document", R"({"s":"","i":1,"d":0,"v":[],"b":true} {})", errc::trailing_content, "$", 37},
    {"malformed_unknown_member", R"({"s":"","zz":[1,],"i":1,"d":0,"v":[],"b":true})", errc::syntax, "zz", 16},
    {"unknown_member_bad_utf8", "{\"s\":\"\",\"zz\":\"\xFF\",\"i\":1,\"d\":0,\"v\":[],\"b\":true}", errc::invalid_utf8, "zz", 14},
    {"null_for_optional_is_not_absent", R"({"s":"","i":1,"d":0,"v":[],"b":true,"o":null})", errc::wrong_type, "o", 40},
};

void PrintTo(const typed_case& c, std::ostream* os) { *os << c.name; }

class TypedStrictness : public ::testing::TestWithParam<typed_case> {};

TEST_P(TypedStrictness, DecodeReportsKindPathAndOffset) {
  const typed_case& c = GetParam();
  const auto r = genwire::decode<record>(c.text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, c.code) << r.error().message();
  EXPECT_EQ(r.error().path, c.path) << r.error().message();
  EXPECT_EQ(r.error().offset, c.offset) << r.error().message();
}

INSTANTIATE_TEST_SUITE_P(Typed, TypedStrictness, ::testing::ValuesIn(typed_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(TypedStrictness, TheBaseDocumentIsValid) {
  const auto r = genwire::decode<record>(R"({"s":"\u00e9\n","i":-0,"d":-0.5e1,"v":[1, 2],"b":true})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->s, "\xC3\xA9\n");
  EXPECT_EQ(r->i, 0);
  EXPECT_EQ(r->d, -5.0);
  EXPECT_EQ(r->v, (std::vector<int>{1, 2}));
  EXPECT_FALSE(r->o.has_value());
}

// ---------------------------------------------------------------------------------------------
// Top-level scalars are JSON texts (RFC 8259 dropped RFC 4627's object-or-array rule).
// ---------------------------------------------------------------------------------------------
TEST(JsonTopLevel, ScalarsDecodeDirectly) {
  EXPECT_EQ(genwire::decode<int>(" 42 ").value(), 42);
  EXPECT_EQ(genwire::decode<std::string>(R"("hi")").value(), "hi");
  EXPECT_EQ(genwire::decode<bool>("false").value(), false);
  EXPECT_EQ(genwire::decode<double>("2.5").value(), 2.5);
  EXPECT_EQ(genwire::decode<std::optional<int>>("null").value(), std::nullopt);
  EXPECT_TRUE(genwire::check_json("null").ok());
  EXPECT_TRUE(genwire::check_json("\"\"").ok());
}

TEST(JsonTopLevel, NumberOutOfDoubleRangeIsGrammaticalButNotRepresentable) {
  // The grammar allows any number of digits; only a reader that needs the value can object.
  EXPECT_TRUE(genwire::check_json("1e309").ok());
  EXPECT_EQ(genwire::decode<genwire::raw_json>("1e309").value().text(), "1e309");
  const auto v = genwire::parse_json("[1e309]");
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().code, errc::out_of_range);
  EXPECT_EQ(v.error().path, "[0]");
  EXPECT_EQ(v.error().offset, 1U);
  EXPECT_EQ(v.error().message(), "[0]: expected a number within the range of a double, found number 1e309 (offset 1)");
}

TEST(JsonDuplicateKeys, ValidatorAndDynamicValueKeepBothStructsReject) {
  EXPECT_TRUE(genwire::check_json(R"({"a":1,"a":2})").ok());
  const auto v = genwire::parse_json(R"({"a":1,"a":2})");
  ASSERT_TRUE(v.has_value());
  ASSERT_EQ(v->as_object()->size(), 2U);
  EXPECT_EQ(*v->find("a"), genwire::json::value(1));  // find() returns the first

  struct one {
    int a;
  };
  const auto r = genwire::decode<one>(R"({"a":1, "a":2})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::duplicate_key);
  EXPECT_EQ(r.error().path, "a");
  EXPECT_EQ(r.error().offset, 8U);
  EXPECT_EQ(r.error().message(), R"(a: expected each key once, found a second "a" (offset 8))");
}

TEST(JsonDuplicateKeys, DetectedEvenWhenSpelledWithEscapes) {
  struct one {
    int ab;
  };
  const auto r = genwire::decode<one>(R"({"ab":1,"a\u0062":2})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::duplicate_key);
  EXPECT_EQ(r.error().path, "ab");
  EXPECT_EQ(r.error().offset, 8U);
}

TEST(JsonDuplicateKeys, NestedDuplicateHasFullPath) {
  struct leaf {
    int x;
  };
  struct mid {
    std::vector<leaf> items;
  };
  //                                     0         1         2
  //                                     012345678901234567890123456
  const auto r = genwire::decode<mid>(R"({"items":[{"x":1},{"x":2,"x":3}]})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::duplicate_key);
  EXPECT_EQ(r.error().path, "items[1].x");
  EXPECT_EQ(r.error().offset, 25U);
}

}  // namespace json_syntax_test
}  // namespace
