// Constraints declared on the type, checked on decode and on encode in every mode: bounded
// numbers, string lengths in code points, and integer overflow for every width, which is always
// errc::out_of_range and never a wrap or a truncation.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace constraints_test {

using genwire::errc;

struct list_request {
  genwire::bounded<int, 1, 100> limit;  // FLORA's limit: 1..100
  genwire::at_least<std::int64_t, 0> offset;
  genwire::bounded<double, 0, 1> ratio;
};

TEST(Bounded, InsideTheBoundsIncludingTheEdges) {
  const auto lo = genwire::decode<list_request>(R"({"limit":1,"offset":0,"ratio":0})");
  ASSERT_TRUE(lo.has_value()) << lo.error().message();
  EXPECT_EQ(lo->limit, 1);
  const auto hi = genwire::decode<list_request>(R"({"limit":100,"offset":9223372036854775807,"ratio":1.0})");
  ASSERT_TRUE(hi.has_value()) << hi.error().message();
  EXPECT_EQ(hi->limit.value, 100);
  EXPECT_EQ(hi->offset.value, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(hi->ratio.value, 1.0);
}

struct bound_case {
  const char* text;
  const char* path;
  std::size_t offset;
  const char* message;
};

TEST(Bounded, OutsideTheBoundsOnDecode) {
  const bound_case cases[] = {
      {R"({"limit":0,"offset":0,"ratio":0})", "limit", 9, "limit: expected a number in [1, 100], found 0 (offset 9)"},
      {R"({"limit":101,"offset":0,"ratio":0})", "limit", 9, "limit: expected a number in [1, 100], found 101 (offset 9)"},
      {R"({"limit":-2147483648,"offset":0,"ratio":0})", "limit", 9, "limit: expected a number in [1, 100], found -2147483648 (offset 9)"},
      {R"({"limit":1,"offset":-1,"ratio":0})", "offset", 20, "offset: expected a number >= 0, found -1 (offset 20)"},
      {R"({"limit":1,"offset":0,"ratio":1.5})", "ratio", 30, "ratio: expected a number in [0, 1], found 1.5 (offset 30)"},
      {R"({"limit":1,"offset":0,"ratio":-1e-300})", "ratio", 30, "ratio: expected a number in [0, 1], found -1e-300 (offset 30)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = genwire::decode<list_request>(c.text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::out_of_range);
    EXPECT_EQ(r.error().path, c.path);
    EXPECT_EQ(r.error().offset, c.offset);
    EXPECT_EQ(r.error().message(), c.message);
  }
}

TEST(Bounded, TypeOverflowComesBeforeTheBound) {
  const auto r = genwire::decode<list_request>(R"({"limit":4294967297,"offset":0,"ratio":0})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "limit: expected an integer in [-2147483648, 2147483647], found number 4294967297 (offset 9)");
  const auto frac = genwire::decode<list_request>(R"({"limit":50.5,"offset":0,"ratio":0})");
  EXPECT_EQ(frac.error().code, errc::wrong_type);
  EXPECT_EQ(frac.error().message(), "limit: expected an integer, found number 50.5 (offset 9)");
}

TEST(Bounded, CheckedOnEncodeWithThePath) {
  list_request bad{0, 0, 0.5};
  const auto r = genwire::encode(bad);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::out_of_range);
  EXPECT_EQ(r.error().path, "limit");
  EXPECT_EQ(r.error().offset, 9U);  // after {"limit":
  EXPECT_EQ(r.error().message(), "limit: expected a number in [1, 100], found 0 (offset 9)");

  const auto neg = genwire::encode(std::vector<list_request>{{5, 0, 0.5}, {5, -3, 0.5}});
  ASSERT_FALSE(neg.has_value());
  EXPECT_EQ(neg.error().path, "[1].offset");
  EXPECT_EQ(neg.error().found, "-3");

  EXPECT_EQ(genwire::encode(list_request{100, 7, 0.25}).value(), R"({"limit":100,"offset":7,"ratio":0.25})");
  // Strict mode changes nothing here: bounds are always checked.
  EXPECT_EQ(genwire::encode<genwire::strict>(bad).error().code, errc::out_of_range);
}

TEST(Bounded, BoundsBeyondTheValueTypeAreComparedByValue) {
  // A bound of -1 on an unsigned type, or 300 on a uint8_t, must not wrap around.
  using small = genwire::bounded<std::uint8_t, 1, 300>;
  EXPECT_EQ(genwire::decode<small>("255").value(), std::uint8_t{255});
  EXPECT_EQ(genwire::decode<small>("0").error().code, errc::out_of_range);
  EXPECT_EQ(genwire::decode<small>("256").error().code, errc::out_of_range);  // the type's own range
  using unsigned_from_minus = genwire::bounded<unsigned, -5, 10>;
  EXPECT_EQ(genwire::decode<unsigned_from_minus>("0").value(), 0U);
  EXPECT_EQ(genwire::decode<unsigned_from_minus>("11").error().message(), "$: expected a number in [-5, 10], found 11 (offset 0)");
  EXPECT_TRUE(genwire::encode(unsigned_from_minus{3U}).has_value());
}

TEST(Bounded, OnlyAnUpperBound) {
  using at_most = genwire::bounded<int, genwire::no_min, 10>;
  EXPECT_EQ(genwire::decode<at_most>("-2147483648").value(), std::numeric_limits<int>::min());
  EXPECT_EQ(genwire::decode<at_most>("11").error().message(), "$: expected a number <= 10, found 11 (offset 0)");
}

// ---------------------------------------------------------------------------------------------

struct prompt {
  genwire::sized_string<3> text;
  genwire::sized_string<1, 4> tag;
  genwire::non_empty_string name;
};

TEST(SizedString, LengthIsCountedInCodePoints) {
  // "été" is 5 bytes but 3 code points; "😀" is 4 bytes and one code point.
  const auto r = genwire::decode<prompt>("{\"text\":\"\xC3\xA9t\xC3\xA9\",\"tag\":\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\",\"name\":\"n\"}");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->text.value, "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(r->tag.value.size(), 16U);
  // An escaped character counts once as well.
  EXPECT_TRUE(genwire::decode<prompt>(R"({"text":"\u00e9\u00e9\ud83d\ude00","tag":"t","name":"n"})").has_value());
}

TEST(SizedString, TooShortAndTooLong) {
    const auto short_multi = genwire::decode<prompt>("{\"text\":\"\xE2\x82\xAC\xE2\x82\xAC\",\"tag\":\"t\",\"name\":\"n\"}");
  ASSERT_FALSE(short_multi.has_value());
  EXPECT_EQ(short_multi.error().code, errc::constraint);
  EXPECT_EQ(short_multi.error().path, "text");
  EXPECT_EQ(short_multi.error().offset, 8U);
  EXPECT_EQ(short_multi.error().message(), "text: expected a string of at least 3 characters, found string \"\xE2\x82\xAC\xE2\x82\xAC\" (2 characters) (offset 8)");

  const auto long_tag = genwire::decode<prompt>(R"({"text":"abc","tag":"abcde","name":"n"})");
  ASSERT_FALSE(long_tag.has_value());
  EXPECT_EQ(long_tag.error().message(), R"(tag: expected a string of at least 1 character and at most 4, found string "abcde" (5 characters) (offset 20))");

  const auto empty_name = genwire::decode<prompt>(R"({"text":"abc","tag":"a","name":""})");
  ASSERT_FALSE(empty_name.has_value());
  EXPECT_EQ(empty_name.error().code, errc::constraint);
  EXPECT_EQ(empty_name.error().path, "name");
  EXPECT_EQ(empty_name.error().offset, 31U);
}

TEST(SizedString, CheckedOnEncode) {
  const auto r = genwire::encode(prompt{"abc", "tag", ""});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::constraint);
  EXPECT_EQ(r.error().path, "name");
  EXPECT_EQ(r.error().offset, std::string(R"({"text":"abc","tag":"tag","name":)").size());
  EXPECT_EQ(genwire::encode(prompt{"\xC3\xA9t\xC3\xA9", "1234", "n"}).value(), "{\"text\":\"\xC3\xA9t\xC3\xA9\",\"tag\":\"1234\",\"name\":\"n\"}");
  const auto too_long = genwire::encode(prompt{"abc", "12345", "n"});
  EXPECT_EQ(too_long.error().path, "tag");
  // Invalid UTF-8 cannot be measured (nor sent).
  const auto bad = genwire::encode(prompt{std::string("ab\xFF"), "t", "n"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, errc::invalid_utf8);
  EXPECT_EQ(bad.error().path, "text");
}

// ---------------------------------------------------------------------------------------------
// Integer overflow, width by width.
// ---------------------------------------------------------------------------------------------
template <class T>
class IntegerWidth : public ::testing::Test {};

using integer_types = ::testing::Types<std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                                       std::uint32_t, std::int64_t, std::uint64_t>;
TYPED_TEST_SUITE(IntegerWidth, integer_types);

// Decimal text one past either end of T, by string arithmetic (no wider built-in type exists
// for the 64-bit cases).
std::string increment(std::string digits) {
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return digits;
    }
    digits[i] = '0';
  }
  return "1" + digits;
}
template <class T>
std::string min_text() { return std::to_string(std::numeric_limits<T>::min()); }
template <class T>
std::string max_text() { return std::to_string(std::numeric_limits<T>::max()); }
template <class T>
std::string above_max() { return increment(max_text<T>()); }
template <class T>
std::string below_min() { return std::is_signed_v<T> ? "-" + increment(min_text<T>().substr(1)) : "-1"; }

TYPED_TEST(IntegerWidth, ExtremesAreExact) {
  using T = TypeParam;
  const T lo = std::numeric_limits<T>::min();
  const T hi = std::numeric_limits<T>::max();
  EXPECT_EQ(genwire::decode<T>(min_text<T>()).value(), lo);
  EXPECT_EQ(genwire::decode<T>(max_text<T>()).value(), hi);
  EXPECT_EQ(genwire::encode(lo).value(), min_text<T>());
  EXPECT_EQ(genwire::encode(hi).value(), max_text<T>());
  EXPECT_EQ(genwire::decode<T>("-0").value(), T{0});
}

TYPED_TEST(IntegerWidth, OneBeyondEitherEndIsOutOfRange) {
  using T = TypeParam;
  const std::string expected = "an integer in [" + min_text<T>() + ", " + max_text<T>() + "]";
  for (const std::string& text : {above_max<T>(), below_min<T>()}) {
    SCOPED_TRACE(text);
    const auto r = genwire::decode<std::vector<T>>("[0, " + text + "]");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::out_of_range);
    EXPECT_EQ(r.error().path, "[1]");
    EXPECT_EQ(r.error().offset, 4U);
    EXPECT_EQ(r.error().expected, expected);
    EXPECT_EQ(r.error().found, "number " + text);
  }
}

TYPED_TEST(IntegerWidth, TenThousandDigitsIsOutOfRange) {
  using T = TypeParam;
  for (const std::string sign : {"", "-"}) {
    const std::string text = sign + "9" + std::string(9999, '7');
    const auto r = genwire::decode<T>(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::out_of_range);
    EXPECT_EQ(r.error().offset, 0U);
    EXPECT_EQ(r.error().found, "number " + text.substr(0, 40) + "... (" + std::to_string(text.size()) + " characters)");
  }
}

TYPED_TEST(IntegerWidth, FractionsAndExponentsAreWrongTypes) {
  using T = TypeParam;
  for (const char* text : {"1.5", "1.0", "1e2", "0E0", "-0.0"}) {
    SCOPED_TRACE(text);
    const auto r = genwire::decode<T>(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::wrong_type);
    EXPECT_EQ(r.error().expected, "an integer");
  }
}

TEST(IntegerOverflow, MinusOneIntoUnsignedAndTwoToTheSixtyThreeIntoInt64) {
  const auto minus_one = genwire::decode<std::uint64_t>("-1");
  ASSERT_FALSE(minus_one.has_value());
  EXPECT_EQ(minus_one.error().message(), "$: expected an integer in [0, 18446744073709551615], found number -1 (offset 0)");
  const auto two63 = genwire::decode<std::int64_t>("9223372036854775808");
  ASSERT_FALSE(two63.has_value());
  EXPECT_EQ(two63.error().message(),
            "$: expected an integer in [-9223372036854775808, 9223372036854775807], found number 9223372036854775808 (offset 0)");
  // -0 is zero, not a negative number.
  EXPECT_EQ(genwire::decode<std::uint8_t>("-0").value(), 0U);
  EXPECT_EQ(genwire::decode<std::uint8_t>("-00").error().code, errc::syntax);  // leading zero
}

TEST(FloatingRange, BeyondTheTypeIsOutOfRange) {
  const auto d = genwire::decode<double>("1e309");
  EXPECT_EQ(d.error().code, errc::out_of_range);
  EXPECT_EQ(d.error().message(), "$: expected a number within the range of a double, found number 1e309 (offset 0)");
  const auto f = genwire::decode<float>("3.5e38");
  ASSERT_FALSE(f.has_value());
  EXPECT_EQ(f.error().code, errc::out_of_range);
  EXPECT_EQ(f.error().message(), "$: expected a number within the range of a float, found number 3.5e38 (offset 0)");
  EXPECT_EQ(genwire::decode<float>("-3.5e38").error().code, errc::out_of_range);
  EXPECT_EQ(genwire::decode<float>("3.4e38").value(), 3.4e38F);
  EXPECT_EQ(genwire::decode<float>("1e-50").value(), 0.0F);  // underflow is rounding, not overflow
}

// Every option set shares one decoder and one encoder per type (the options are a run-time value
// inside them), so each rule must still follow its own flag, and sets used side by side in one
// program must not leak into each other: every rule alone, none, and all of them.
enum class phase { queued, done };

struct ruled {
  genwire::date_time at;                                          // a format without a length
  genwire::formatted_string<genwire::format_kind::uri, 1, 40> link;  // a format after a length
  genwire::open_enum<phase> state;
};

constexpr genwire::options formats_only{.check_formats = true};
constexpr genwire::options enums_only{.closed_enums = true};
constexpr genwire::options keys_only{.reject_unknown_keys = true};

template <genwire::options Opts>
std::optional<errc> decode_error(std::string_view text) {
  const auto r = genwire::decode<ruled, Opts>(text);
  if (r) return std::nullopt;
  return r.error().code;
}

TEST(OptionSets, EachRuleFollowsItsOwnFlagWhateverElseTheProgramUses) {
  const std::string good = R"({"at":"2026-12-02T06:00:00Z","link":"https://example.com/a","state":"done"})";
  const std::string bad_time = R"({"at":"yesterday","link":"https://example.com/a","state":"done"})";
  const std::string bad_link = R"({"at":"2026-12-02T06:00:00Z","link":"not a uri","state":"done"})";
  const std::string new_state = R"({"at":"2026-12-02T06:00:00Z","link":"https://example.com/a","state":"paused"})";
  const std::string extra_key = R"({"at":"2026-12-02T06:00:00Z","link":"https://example.com/a","state":"done","x":1})";
  const std::string too_long = R"({"at":"yesterday","link":"https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","state":"done"})";

  for (const auto& text : {good, bad_time, bad_link, new_state, extra_key})
    EXPECT_EQ(decode_error<genwire::lenient>(text), std::nullopt) << text;
  EXPECT_EQ(decode_error<genwire::strict>(good), std::nullopt);
  EXPECT_EQ(decode_error<genwire::strict>(bad_time), errc::format);
  EXPECT_EQ(decode_error<genwire::strict>(bad_link), errc::format);
  EXPECT_EQ(decode_error<genwire::strict>(new_state), errc::unknown_enum);
  EXPECT_EQ(decode_error<genwire::strict>(extra_key), errc::unknown_key);

  EXPECT_EQ(decode_error<formats_only>(bad_time), errc::format);
  EXPECT_EQ(decode_error<formats_only>(bad_link), errc::format);
  EXPECT_EQ(decode_error<formats_only>(new_state), std::nullopt);
  EXPECT_EQ(decode_error<formats_only>(extra_key), std::nullopt);
  EXPECT_EQ(decode_error<enums_only>(bad_time), std::nullopt);
  EXPECT_EQ(decode_error<enums_only>(new_state), errc::unknown_enum);
  EXPECT_EQ(decode_error<enums_only>(extra_key), std::nullopt);
  EXPECT_EQ(decode_error<keys_only>(bad_link), std::nullopt);
  EXPECT_EQ(decode_error<keys_only>(new_state), std::nullopt);
  EXPECT_EQ(decode_error<keys_only>(extra_key), errc::unknown_key);
  // A length is a declared constraint, checked in every mode, and before the format.
  EXPECT_EQ(decode_error<genwire::lenient>(too_long), errc::constraint);
  EXPECT_EQ(decode_error<genwire::strict>(too_long), errc::format);  // "at" comes first

  // Encoding: the same flags, the same rules.
  const auto lenient_value = genwire::decode<ruled>(bad_time).value();
  EXPECT_EQ(genwire::encode(lenient_value).value(), bad_time);
  EXPECT_EQ(genwire::encode<formats_only>(lenient_value).error().code, errc::format);
  EXPECT_EQ(genwire::encode<genwire::strict>(lenient_value).error().code, errc::format);
  EXPECT_EQ(genwire::encode<enums_only>(lenient_value).value(), bad_time);
  const auto unknown_state = genwire::decode<ruled>(new_state).value();
  EXPECT_EQ(genwire::encode(unknown_state).value(), new_state);
  EXPECT_EQ(genwire::encode<enums_only>(unknown_state).error().code, errc::unknown_enum);
  EXPECT_EQ(genwire::encode<formats_only>(unknown_state).value(), new_state);
}

}  // namespace constraints_test
}  // namespace
