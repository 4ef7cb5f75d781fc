// Fractional and exclusive bounds (genwire::decimal, genwire::exclusive), and strings that carry a
// format and a length at once: decoded, encoded and queried like the integer bounds, with errors
// that state the bound in words and as data.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cstdint>
#include <string>

namespace {
namespace decimal_bounds_test {

using genwire::errc;
using genwire::rule;

using speed_range = genwire::bounded<double, genwire::decimal("0.7"), genwire::decimal("1.2")>;
using factor_range = genwire::bounded<double, genwire::exclusive(0), 4>;
using below_one = genwire::bounded<float, genwire::decimal("-0.5"), genwire::exclusive(1)>;
using url = genwire::formatted_string<genwire::format_kind::uri, 1, 23>;

struct tts {
  std::optional<speed_range> speed;
  std::optional<factor_range> factor;
  std::optional<below_one> tilt;
  std::optional<url> link;
};

TEST(DecimalBound, TextIsTheDeclaredDecimal) {
  EXPECT_EQ(genwire::decimal("0.7").text(), "0.7");
  EXPECT_EQ(genwire::decimal("-0.5").text(), "-0.5");
  EXPECT_EQ(genwire::decimal("30").text(), "30");
  EXPECT_EQ(genwire::decimal("0.05").text(), "0.05");
  EXPECT_EQ(genwire::bound(-7).text(), "-7");
  EXPECT_EQ(genwire::bound(std::numeric_limits<long long>::min()).text(), "-9223372036854775808");
  static_assert(genwire::decimal("0.7").as_double() == 0.7);
  static_assert(genwire::decimal("1.2").as_double() == 1.2);
  static_assert(genwire::decimal("123456789012345").as_double() == 123456789012345.0);
}

TEST(DecimalBound, TheEdgesAreInsideAndTheNeighboursOutside) {
  for (const char* ok : {R"({"speed":0.7})", R"({"speed":1.2})", R"({"speed":1})", R"({"speed":7e-1})", R"({"speed":0.70})"}) {
    SCOPED_TRACE(ok);
    const auto r = genwire::decode<tts>(ok);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_TRUE(genwire::encode(*r).has_value());
  }
  struct bad_case {
    const char* text;
    const char* message;
    rule what;
    const char* bound;
  };
  const bad_case cases[] = {
      {R"({"speed":0.69999999})", "speed: expected a number in [0.7, 1.2], found 0.69999999 (offset 9)", rule::minimum, "0.7"},
      {R"({"speed":1.2000001})", "speed: expected a number in [0.7, 1.2], found 1.2000001 (offset 9)", rule::maximum, "1.2"},
      {R"({"speed":-1})", "speed: expected a number in [0.7, 1.2], found -1 (offset 9)", rule::minimum, "0.7"},
      {R"({"factor":0})", "factor: expected a number in (0, 4], found 0 (offset 10)", rule::exclusive_minimum, "0"},
      {R"({"factor":-0.0})", "factor: expected a number in (0, 4], found -0.0 (offset 10)", rule::exclusive_minimum, "0"},
      {R"({"factor":4.000001})", "factor: expected a number in (0, 4], found 4.000001 (offset 10)", rule::maximum, "4"},
      {R"({"tilt":1})", "tilt: expected a number in [-0.5, 1), found 1 (offset 8)", rule::exclusive_maximum, "1"},
      {R"({"tilt":-0.51})", "tilt: expected a number in [-0.5, 1), found -0.51 (offset 8)", rule::minimum, "-0.5"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = genwire::decode<tts>(c.text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::out_of_range);
    EXPECT_EQ(r.error().message(), c.message);
    EXPECT_EQ(r.error().rule.rule, c.what);
    EXPECT_EQ(r.error().rule.bound, c.bound);
    EXPECT_EQ(r.error().rule.type, genwire::json_type::number);
  }
}

TEST(DecimalBound, AFloatMemberMeetsTheBoundInItsOwnPrecision) {
  // -0.5 is exact in binary; 0.999999f is below 1 as a float.
  const auto r = genwire::decode<tts>(R"({"tilt":0.999999})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_FLOAT_EQ(r->tilt->value, 0.999999f);
}

TEST(DecimalBound, EncodeChecksTheSameBounds) {
  tts v;
  v.factor = factor_range{0.0};
  const auto e = genwire::encode(v);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, errc::out_of_range);
  EXPECT_EQ(e.error().path, "factor");
  EXPECT_EQ(e.error().expected, "a number in (0, 4]");
  EXPECT_EQ(e.error().rule.rule, rule::exclusive_minimum);
  v.factor = factor_range{4.0};
  v.speed = speed_range{1.2};
  const auto ok = genwire::encode(v);
  ASSERT_TRUE(ok.has_value()) << ok.error().message();
  EXPECT_EQ(*ok, R"({"speed":1.2,"factor":4})");
}

struct query {
  std::optional<speed_range> speed;
};

TEST(DecimalBound, QueryParametersTooAndTheirErrorsNameTheBound) {
  EXPECT_TRUE(genwire::decode_query<query>("speed=0.7").has_value());
  const auto r = genwire::decode_query<query>("speed=1.25");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "speed: expected a number in [0.7, 1.2], found 1.25 (offset 6)");
  EXPECT_EQ(r.error().rule.rule, rule::maximum);
}

TEST(FormatAndLength, LengthAlwaysFormatInStrictMode) {
  // 23 code points is the maximum; the format is not checked by default.
  EXPECT_TRUE(genwire::decode<tts>(R"({"link":"https://a.example/12345"})").has_value());
  EXPECT_TRUE(genwire::decode<tts>(R"({"link":"not a uri"})").has_value());
  const auto long_one = genwire::decode<tts>(R"({"link":"https://a.example/123456"})");
  ASSERT_FALSE(long_one.has_value());
  EXPECT_EQ(long_one.error().code, errc::constraint);
  EXPECT_EQ(long_one.error().rule.rule, rule::max_length);
  EXPECT_EQ(long_one.error().rule.bound, "23");
  EXPECT_EQ(long_one.error().message(),
            R"(link: expected a string of at least 1 character and at most 23, found string "https://a.example/123456" (24 characters) (offset 8))");
  const auto empty = genwire::decode<tts, genwire::strict>(R"({"link":""})");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().rule.rule, rule::min_length);
  const auto not_uri = genwire::decode<tts, genwire::strict>(R"({"link":"not a uri"})");
  ASSERT_FALSE(not_uri.has_value());
  EXPECT_EQ(not_uri.error().code, errc::format);
  EXPECT_EQ(not_uri.error().rule.rule, rule::format);
  EXPECT_EQ(not_uri.error().rule.format, genwire::format_kind::uri);
  tts v;
  v.link = url{std::string(24, 'h')};
  const auto e = genwire::encode(v);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().rule.rule, rule::max_length);
}

}  // namespace decimal_bounds_test
}  // namespace
