// genwire's JSON checker and dynamic value against nlohmann/json (Debian nlohmann-json3-dev), the
// reference the fuzz targets json_check and json_value use: every documented body of every
// endpoint, then each place where the two may differ by design (fuzz/reference.hpp, rules 1-4)
// pinned down by value, then the edges where they must agree.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <genwire/genwire.hpp>

#include "reference.hpp"

namespace {

using genwire::errc;
using genwire_fuzz::first_difference;
using genwire_fuzz::reference_parse;

// Every example body and status-table body of every endpoint.
std::vector<std::pair<std::string, std::string>> documented_bodies() {
  std::vector<std::pair<std::string, std::string>> out;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::example& e : D::examples) {
      const bool query = e.kind == genwire::example_kind::request && D::request_in == genwire::request_location::query_string;
      if (!query && !e.body.empty()) out.emplace_back(std::string(D::name) + " example " + std::string(e.name), std::string(e.body));
    }
    for (const genwire::status_doc& s : D::statuses)
      if (!s.body.empty()) out.emplace_back(std::string(D::name) + " status " + std::to_string(s.code), std::string(s.body));
  });
  return out;
}

TEST(DifferentialNlohmann, EveryDocumentedBodyParsesToTheSameValue) {
  const auto bodies = documented_bodies();
  ASSERT_GE(bodies.size(), 40U);  // 5 endpoints' examples and status tables
  for (const auto& [where, body] : bodies) {
    SCOPED_TRACE(where);
    const auto mine = genwire::parse_json(body);
    ASSERT_TRUE(mine.has_value()) << mine.error().message();
    const auto ref = reference_parse(body, true);
    ASSERT_TRUE(ref.ok) << ref.error_text;
    EXPECT_EQ(first_difference(*mine, ref.value), "");
    EXPECT_TRUE(*mine == ref.value);
    EXPECT_EQ(genwire_fuzz::check_agrees(body), "");
    EXPECT_EQ(genwire_fuzz::value_agrees(body), "");
    // And nlohmann's own DOM, which keeps the last of duplicate keys (none in the documents).
    EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json::parse(genwire::to_json(*mine)));
  }
}

// ---- where the two differ by design ----

TEST(DifferentialNlohmann, ByteOrderMarkIsRejectedByGenwireSkippedByNlohmann) {
  const std::string text = "\xEF\xBB\xBF{\"a\":1}";
  const auto mine = genwire::check_json(text);
  ASSERT_FALSE(mine.ok());
  EXPECT_EQ(mine.error().code, errc::syntax);
  EXPECT_EQ(mine.error().offset, 0U);
  EXPECT_TRUE(nlohmann::json::accept(text));
  EXPECT_EQ(genwire_fuzz::check_agrees(text), "");  // rule 1
}

TEST(DifferentialNlohmann, NestingBeyondTheDepthLimitIsGenwiresOwnRule) {
  const std::string deep = std::string(300, '[') + "7" + std::string(300, ']');
  const auto mine = genwire::parse_json(deep);
  ASSERT_FALSE(mine.has_value());
  EXPECT_EQ(mine.error().code, errc::depth_exceeded);
  EXPECT_EQ(mine.error().offset, 256U);  // the 257th '['
  EXPECT_TRUE(nlohmann::json::accept(deep));
  const auto raised = genwire::parse_json(deep, 300);
  ASSERT_TRUE(raised.has_value());
  const auto ref = reference_parse(deep, true);
  ASSERT_TRUE(ref.ok);
  EXPECT_EQ(first_difference(*raised, ref.value), "");
  EXPECT_EQ(genwire_fuzz::value_agrees(deep), "");  // rule 2
}

TEST(DifferentialNlohmann, NumberBeyondADoubleIsGrammaticalButHasNoValue) {
  const std::string text = "[1, -1e400]";
  EXPECT_TRUE(genwire::check_json(text).ok());  // RFC 8259 grammar: any digits, any exponent
  const auto mine = genwire::parse_json(text);
  ASSERT_FALSE(mine.has_value());
  EXPECT_EQ(mine.error().code, errc::out_of_range);
  EXPECT_EQ(mine.error().offset, 4U);
  EXPECT_EQ(mine.error().path, "[1]");
  const auto ref = reference_parse(text, false);
  EXPECT_TRUE(ref.overflow);
  EXPECT_EQ(ref.error_token, "-1e400");
  EXPECT_EQ(ref.error_end - ref.error_token.size(), 4U);
  EXPECT_EQ(genwire_fuzz::check_agrees(text), "");  // rule 3
  EXPECT_EQ(genwire_fuzz::value_agrees(text), "");
}

TEST(DifferentialNlohmann, NulByteEndsNlohmannsInputButIsNeverJson) {
  const std::string text("2\0 garbage", 10);
  EXPECT_TRUE(nlohmann::json::accept(text));
  const auto mine = genwire::check_json(text);
  ASSERT_FALSE(mine.ok());
  EXPECT_EQ(mine.error().code, errc::trailing_content);
  EXPECT_EQ(mine.error().offset, 1U);
  const std::string in_string("\"a\0b\"", 5);  // a raw NUL inside a string: both reject
  EXPECT_FALSE(nlohmann::json::accept(in_string));
  EXPECT_FALSE(genwire::check_json(in_string).ok());
  EXPECT_EQ(genwire_fuzz::check_agrees(text), "");  // rule 4
}

TEST(DifferentialNlohmann, DuplicateKeysAreAllKeptInOrder) {
  const std::string text = R"({"a":1,"b":true,"a":"two"})";
  const auto mine = genwire::parse_json(text);
  ASSERT_TRUE(mine.has_value());
  const auto* members = mine->as_object();
  ASSERT_NE(members, nullptr);
  ASSERT_EQ(members->size(), 3U);
  EXPECT_EQ((*members)[0].first, "a");
  EXPECT_EQ((*members)[2].first, "a");
  EXPECT_EQ(*(*members)[2].second.as_string(), "two");
  // nlohmann's SAX events carry all three; its DOM keeps the last "a".
  EXPECT_EQ(first_difference(*mine, reference_parse(text, true).value), "");
  EXPECT_EQ(nlohmann::json::parse(text)["a"], "two");
  EXPECT_EQ(nlohmann::json::parse(text).size(), 2U);
}

// ---- where they must agree ----

struct number_case {
  const char* text;
  bool integer;
  double value;
};

TEST(DifferentialNlohmann, NumbersAtTheEdgesHaveTheSameValueAndKind) {
  const number_case cases[] = {
      {"-0", true, 0.0},
      {"-0.0", false, -0.0},
      {"9223372036854775807", true, 9223372036854775807.0},
      {"9223372036854775808", true, 9223372036854775808.0},
      {"-9223372036854775808", true, -9223372036854775808.0},
      {"-9223372036854775809", false, -9223372036854775808.0},
      {"18446744073709551615", true, 18446744073709551615.0},
      {"18446744073709551616", false, 18446744073709551616.0},
      {"4.9e-324", false, 4.9406564584124654e-324},
      {"2.2250738585072011e-308", false, 2.2250738585072011e-308},
      {"1e-400", false, 0.0},
      {"-1e-400", false, -0.0},
      {"1.7976931348623157e308", false, 1.7976931348623157e308},
      {"0.1", false, 0.1},
      {"1E+2", false, 100.0},
      {"1e-99999999999999999999", false, 0.0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto mine = genwire::parse_json(c.text);
    ASSERT_TRUE(mine.has_value()) << mine.error().message();
    const auto ref = reference_parse(c.text, true);
    ASSERT_TRUE(ref.ok) << ref.error_text;
    EXPECT_EQ(first_difference(*mine, ref.value), "");
    double d = 1;
    ASSERT_TRUE(mine->as_double(d));
    EXPECT_EQ(d, c.value);
    EXPECT_EQ(std::signbit(d), std::signbit(c.value));
    EXPECT_EQ(!std::holds_alternative<double>(mine->get()), c.integer);
  }
}

TEST(DifferentialNlohmann, BothRejectEveryClassOfInvalidText) {
  const std::string_view bad[] = {
      "\"\xC0\xAF\"",          // overlong 2-byte
      "\"\xE0\x80\xAF\"",      // overlong 3-byte
      "\"\xF0\x80\x80\xAF\"",  // overlong 4-byte
      "\"\xED\xA0\x80\"",      // UTF-16 surrogate in UTF-8
      "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
      "\"\xF5\x80\x80\x80\"",  // lead byte that never starts UTF-8
      "\"\x80\"",              // stray continuation byte
      "\"\xE2\x82\"",          // truncated sequence
      "\"\\ud800\"",           // lone high surrogate escape
      "\"\\udc00\"",           // lone low surrogate escape
      "\"\\ud800\\u0041\"",    // high surrogate without its low half
      "\"\\x41\"",             // unknown escape
      "\"\t\"",                // raw control character
      "01", "1.", ".5", "+1", "1e", "-", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1] x", "tru", "nul", "", " ",
  };
  for (std::string_view text : bad) {
    SCOPED_TRACE(genwire_fuzz::printable(text));
    EXPECT_FALSE(genwire::check_json(text).ok());
    EXPECT_FALSE(genwire::parse_json(text).has_value());
    EXPECT_FALSE(nlohmann::json::accept(text));
    EXPECT_EQ(genwire_fuzz::check_agrees(text), "");
    EXPECT_EQ(genwire_fuzz::value_agrees(text), "");
  }
}

TEST(DifferentialNlohmann, StringsDecodeToTheSameBytes) {
  const std::string text = R"(["\u0000", "\ud83d\ude00", "\u00e9\/\b\f\n\r\t\"\\", "€😀"])";
  const auto mine = genwire::parse_json(text);
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(first_difference(*mine, reference_parse(text, true).value), "");
  const auto& a = *mine->as_array();
  EXPECT_EQ(*a[0].as_string(), std::string(1, '\0'));
  EXPECT_EQ(*a[1].as_string(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(*a[2].as_string(), "\xC3\xA9/\b\f\n\r\t\"\\");
  EXPECT_EQ(nlohmann::json::parse(text)[3].get<std::string>(), *a[3].as_string());
}

}  // namespace
