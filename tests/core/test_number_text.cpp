// Numbers without std::to_chars / std::from_chars in the common cases (detail/number_text.hpp and
// the scanner's fast paths), held to exactly what those functions do: format_double writes
// std::to_chars's text for random bit patterns, every power of two and its neighbours, subnormals,
// whole numbers, short decimals and 17-digit ones; decoding reads std::from_chars's double for
// decimals at the edges of the fast path (19 digits, 2^53, exponents of 22) and beyond them; and
// integers keep their limits, smallest and largest, in every width.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {
namespace number_text_test {

using genwire::errc;
namespace detail = genwire::detail;

std::string std_text(double v) {
  char b[64];
  const auto r = std::to_chars(b, b + sizeof b, v);
  return {b, r.ptr};
}

std::string our_text(double v) {
  char b[detail::max_double_chars + 8];
  return {b, detail::format_double(b, v)};
}

// Each failure prints the value's bits, so it can be turned into a fixed case.
#define EXPECT_SAME_TEXT(expr)                                          \
  do {                                                                  \
    const double v_ = (expr);                                           \
    EXPECT_EQ(our_text(v_), std_text(v_)) << std::hexfloat << v_;       \
  } while (0)

TEST(FormatDouble, RandomBitPatterns) {
  std::mt19937_64 r(20261201);
  for (int i = 0; i < 2000000; ++i) {
    const double v = std::bit_cast<double>(r());
    if (std::isfinite(v)) {
      ASSERT_EQ(our_text(v), std_text(v)) << std::hexfloat << v;
    }
  }
}

TEST(FormatDouble, PowersOfTwoTheirNeighboursAndPowersOfTen) {
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    EXPECT_SAME_TEXT(p);
    EXPECT_SAME_TEXT(-p);
    EXPECT_SAME_TEXT(std::nextafter(p, 0.0));
    EXPECT_SAME_TEXT(std::nextafter(p, INFINITY));
  }
  for (int e = -323; e <= 308; ++e) {
    const double p = std::pow(10.0, e);
    EXPECT_SAME_TEXT(p);
    EXPECT_SAME_TEXT(std::nextafter(p, 0.0));
    EXPECT_SAME_TEXT(std::nextafter(p, INFINITY));
  }
}

TEST(FormatDouble, SubnormalsAndTheExtremes) {
  for (std::uint64_t bits = 1; bits < 20000; ++bits) EXPECT_SAME_TEXT(std::bit_cast<double>(bits));
  EXPECT_EQ(our_text(std::numeric_limits<double>::denorm_min()), "5e-324");
  EXPECT_SAME_TEXT(std::numeric_limits<double>::min());
  EXPECT_SAME_TEXT(std::numeric_limits<double>::max());
  EXPECT_SAME_TEXT(-std::numeric_limits<double>::max());
  EXPECT_SAME_TEXT(std::numeric_limits<double>::epsilon());
}

// Whole numbers take the integer path below 2^53 (with %e when shorter: 1e+06), std::to_chars's
// exact digits from 2^53 to 10^22, and the general path above.
TEST(FormatDouble, WholeNumbers) {
  for (double v : {0.0, 1.0, 45.0, 100.0, 1e5, 1e6, 123456789.0, 1e15, 1e16, 9007199254740991.0, 9007199254740992.0,
                   9007199254740994.0, 123456789012345678.0, 1e21, 9.999999999999999e21, 1e22, 1e23, 1.5e300})
    EXPECT_SAME_TEXT(v);
  EXPECT_EQ(our_text(0.0), "0");
  EXPECT_EQ(our_text(-0.0), "-0");
  EXPECT_EQ(our_text(45.0), "45");
  EXPECT_EQ(our_text(1e6), "1e+06");
  for (long i = -100000; i <= 100000; ++i) EXPECT_SAME_TEXT(static_cast<double>(i));
  std::mt19937_64 r(7);
  for (int i = 0; i < 200000; ++i) EXPECT_SAME_TEXT(static_cast<double>(r() >> (r() % 64)));
}

// Prices, percentages, epoch seconds with milliseconds: the short decimal path, and its neighbours.
TEST(FormatDouble, ShortDecimals) {
  std::mt19937_64 r(11);
  for (int i = 0; i < 500000; ++i) {
    const int digits = static_cast<int>(r() % 10);
    const double v = static_cast<double>(r() % (1ULL << (8 + r() % 45))) / std::pow(10.0, digits);
    EXPECT_SAME_TEXT(v);
    EXPECT_SAME_TEXT(-v);
    EXPECT_SAME_TEXT(std::nextafter(v, 0.0));
    EXPECT_SAME_TEXT(std::nextafter(v, INFINITY));
  }
  EXPECT_EQ(our_text(0.1), "0.1");
  EXPECT_EQ(our_text(1717243200.37), "1717243200.37");
  EXPECT_EQ(our_text(0.001), "0.001");  // as long as "1e-03": %f wins the tie
  EXPECT_EQ(our_text(0.0001), "1e-04");
}

// Where the short path writes its digits straight into place and where it leaves the text to the
// general one: 0.0…0d…d as long as %f is not longer than %e, whole numbers up to 4 trailing zeros.
TEST(FormatDouble, WhereTheShortPathHandsOverToTheGeneralOne) {
  for (int k = 1; k <= 9; ++k)
    for (std::uint64_t m : {1, 7, 12, 99, 105, 4567, 12345, 999999, 1234567, 99999999, 123456789}) {
      const double v = static_cast<double>(m) / std::pow(10.0, k);
      EXPECT_SAME_TEXT(v);
      EXPECT_SAME_TEXT(v + 1.0);
      EXPECT_SAME_TEXT(v + 123456.0);
    }
  for (int zeros = 0; zeros <= 9; ++zeros)
    for (std::uint64_t m : {1, 3, 12, 1234, 123456789}) EXPECT_SAME_TEXT(static_cast<double>(m) * std::pow(10.0, zeros));
  EXPECT_EQ(our_text(0.00012), "0.00012");  // as long as "1.2e-04": %f wins the tie
  EXPECT_EQ(our_text(0.000012), "1.2e-05");
  EXPECT_EQ(our_text(0.05), "0.05");
  EXPECT_EQ(our_text(10000.0), "10000");
  EXPECT_EQ(our_text(100000.0), "1e+05");
  EXPECT_EQ(our_text(1230000.0), "1230000");
  EXPECT_EQ(our_text(12300000.0), "12300000");  // as long as "1.23e+07"
  EXPECT_EQ(our_text(123000000.0), "1.23e+08");
  EXPECT_EQ(our_text(5.5), "5.5");
  EXPECT_EQ(our_text(123456.78901234), "123456.78901234");
}

TEST(FormatDouble, SeventeenDigitShortestForms) {
  EXPECT_EQ(our_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(our_text(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(our_text(2.0 / 3.0), "0.6666666666666666");
  EXPECT_EQ(our_text(std::nextafter(1.0, 2.0)), "1.0000000000000002");
  EXPECT_EQ(our_text(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(our_text(std::numeric_limits<double>::min()), "2.2250738585072014e-308");
  EXPECT_EQ(our_text(-1.2345678901234567e-200), "-1.2345678901234567e-200");
}

// The 128-bit product the formatter needs, also where the compiler has no 128-bit integers.
TEST(FormatDouble, PortableMultiplyMatchesTheWideOne) {
  std::mt19937_64 r(3);
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t a = r(), b = i % 3 ? r() : ~0ULL;
    std::uint64_t hi, lo, phi, plo;
    detail::shortest::multiply(a, b, hi, lo);
    detail::shortest::multiply_portable(a, b, phi, plo);
    ASSERT_EQ(hi, phi);
    ASSERT_EQ(lo, plo);
  }
}

TEST(FormatInteger, EveryWidthAtItsLimits) {
  const auto ours = [](auto v) {
    char b[detail::max_integer_chars];
    return std::string(b, detail::format_integer(b, v));
  };
  const auto theirs = [](auto v) {
    char b[32];
    return std::string(b, std::to_chars(b, b + sizeof b, v).ptr);
  };
  EXPECT_EQ(ours(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(ours(std::numeric_limits<std::uint64_t>::max()), "18446744073709551615");
  EXPECT_EQ(ours(0), "0");
  EXPECT_EQ(ours(std::numeric_limits<std::int8_t>::min()), "-128");
  for (std::uint64_t p = 1, i = 0; i < 20; ++i, p *= 10)
    for (std::uint64_t v : {p - 1, p, p + 1}) ASSERT_EQ(ours(v), theirs(v));
  std::mt19937_64 r(5);
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t v = r() >> (r() % 64);
    ASSERT_EQ(ours(v), theirs(v));
    ASSERT_EQ(ours(static_cast<std::int64_t>(v)), theirs(static_cast<std::int64_t>(v)));
    ASSERT_EQ(ours(static_cast<std::int32_t>(v)), theirs(static_cast<std::int32_t>(v)));
  }
}

// ---- decoding ----

struct one_double {
  double d;
};

double from_chars(const std::string& text) {
  double d = 0;
  std::from_chars(text.data(), text.data() + text.size(), d);
  return d;
}

void expect_reads_like_from_chars(const std::string& text) {
  const auto r = genwire::decode<one_double>("{\"d\":" + text + "}");
  ASSERT_TRUE(r.has_value()) << text << ": " << r.error().message();
  EXPECT_EQ(std::bit_cast<std::uint64_t>(r->d), std::bit_cast<std::uint64_t>(from_chars(text))) << text;
  const auto top = genwire::decode<double>(text);  // the number ends the document
  ASSERT_TRUE(top.has_value()) << text;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*top), std::bit_cast<std::uint64_t>(from_chars(text))) << text;
}

TEST(DecodeDouble, AtTheEdgesOfTheFastPath) {
  for (const char* t : {"0", "-0", "0.0", "-0.0", "1", "0.5", "45.12", "1717243200.37", "9007199254740992", "9007199254740993",
                        "9007199254740991.5", "1234567890123456789", "12345678901234567890", "0.1234567890123456789",
                        "0.12345678901234567890", "1e22", "1e23", "1e-22", "1e-23", "123e20", "123e-20", "4.9e-324",
                        "2.2250738585072014e-308", "1.7976931348623157e308", "1E5", "1e+5", "1e-0005", "100000000000000000000000e-22",
                        "0.000000000000000000000000000001", "3.141592653589793238462643383279"})
    expect_reads_like_from_chars(t);
}

TEST(DecodeDouble, RandomDecimals) {
  std::mt19937_64 r(17);
  for (int i = 0; i < 300000; ++i) {
    std::string t = r() % 4 == 0 ? "-" : "";
    const int whole = 1 + static_cast<int>(r() % 18);
    for (int k = 0; k < whole; ++k) t += static_cast<char>('0' + (k == 0 ? 1 + r() % 9 : r() % 10));
    if (r() % 2) {
      t += '.';
      const int frac = 1 + static_cast<int>(r() % 18);
      for (int k = 0; k < frac; ++k) t += static_cast<char>('0' + r() % 10);
    }
    // Appended in two steps: "e" + std::string trips g++ 12's -Wrestrict false positive at -O3.
    if (r() % 3 == 0) t.append(1, 'e').append(std::to_string(static_cast<int>(r() % 60) - 30));
    expect_reads_like_from_chars(t);
  }
}

TEST(DecodeDouble, FloatMembersRoundTheDoubleAsBefore) {
  struct one_float {
    float f;
  };
  const auto r = genwire::decode<one_float>(R"({"f":0.1})");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->f, static_cast<float>(0.1));
  const auto big = genwire::decode<one_float>(R"({"f":1e39})");
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().code, errc::out_of_range);
  EXPECT_EQ(big.error().expected, "a number within the range of a float");
}

template <class T>
struct one {
  T v;
};

template <class T>
void expect_integer(const std::string& text, T expected) {
  const auto r = genwire::decode<one<T>>("{\"v\":" + text + "}");
  ASSERT_TRUE(r.has_value()) << text << ": " << r.error().message();
  EXPECT_EQ(r->v, expected) << text;
}

template <class T>
void expect_out_of_range(const std::string& text) {
  const auto r = genwire::decode<one<T>>("{\"v\":" + text + "}");
  ASSERT_FALSE(r.has_value()) << text;
  EXPECT_EQ(r.error().code, errc::out_of_range) << text;
  EXPECT_EQ(r.error().offset, 5U);
  EXPECT_EQ(r.error().rule.rule, genwire::rule::fits_type);
  EXPECT_EQ(r.error().expected, "an integer in [" + std::to_string(std::numeric_limits<T>::min()) + ", " +
                                    std::to_string(std::numeric_limits<T>::max()) + "]");
}

TEST(DecodeInteger, TheLargestAndSmallestOfEveryWidth) {
  expect_integer<std::int64_t>("9223372036854775807", std::numeric_limits<std::int64_t>::max());
  expect_integer<std::int64_t>("-9223372036854775808", std::numeric_limits<std::int64_t>::min());
  expect_out_of_range<std::int64_t>("9223372036854775808");
  expect_out_of_range<std::int64_t>("-9223372036854775809");
  expect_integer<std::uint64_t>("18446744073709551615", std::numeric_limits<std::uint64_t>::max());
  expect_out_of_range<std::uint64_t>("18446744073709551616");
  expect_out_of_range<std::uint64_t>("99999999999999999999");
  expect_integer<std::uint64_t>("-0", 0);
  expect_out_of_range<std::uint64_t>("-1");
  expect_integer<std::int8_t>("127", 127);
  expect_integer<std::int8_t>("-128", -128);
  expect_out_of_range<std::int8_t>("128");
  expect_out_of_range<std::int8_t>("-129");
  expect_integer<std::uint8_t>("255", 255);
  expect_out_of_range<std::uint8_t>("256");
  expect_integer<std::int32_t>("-2147483648", std::numeric_limits<std::int32_t>::min());
  expect_out_of_range<std::int32_t>("2147483648");
  expect_integer<std::int64_t>("0", 0);
  expect_integer<std::int64_t>("-0", 0);
  expect_out_of_range<std::int64_t>("100000000000000000000000000000");
}

TEST(DecodeInteger, WhatIsNoIntegerIsStillReportedAsBefore) {
  const auto frac = genwire::decode<one<int>>(R"({"v":1.0})");
  ASSERT_FALSE(frac.has_value());
  EXPECT_EQ(frac.error().code, errc::wrong_type);
  EXPECT_EQ(frac.error().expected, "an integer");
  const auto exp = genwire::decode<one<int>>(R"({"v":1e2})");
  ASSERT_FALSE(exp.has_value());
  EXPECT_EQ(exp.error().code, errc::wrong_type);
  const auto lead = genwire::decode<one<int>>(R"({"v":012})");
  ASSERT_FALSE(lead.has_value());
  EXPECT_EQ(lead.error().code, errc::syntax);
  EXPECT_EQ(lead.error().expected, "a number without leading zeros");
  const auto minus = genwire::decode<one<int>>(R"({"v":-})");
  ASSERT_FALSE(minus.has_value());
  EXPECT_EQ(minus.error().code, errc::syntax);
  for (int digits = 1; digits <= 25; ++digits) {
    const std::string t(static_cast<std::size_t>(digits), '7');
    const auto r = genwire::decode<one<std::uint64_t>>("{\"v\":" + t + "}");
    EXPECT_EQ(r.has_value(), digits < 20 || (digits == 20 && t <= "18446744073709551615")) << t;
  }
}

// The integer fast path against std::from_chars: every run length from 1 to 20 digits at several
// offsets, whatever follows it (punctuation, whitespace, a fraction, an exponent, another number's
// digits after a comma, a byte that is no digit), and a number that ends the input.
TEST(DecodeInteger, EveryDigitCountAndWhatFollowsItReadsLikeFromChars) {
  std::mt19937_64 r(29);
  for (int digits = 1; digits <= 20; ++digits) {
    for (int round = 0; round < 40; ++round) {
      std::string t(1, static_cast<char>('1' + r() % 9));
      while (static_cast<int>(t.size()) < digits) t += static_cast<char>('0' + r() % 10);
      if (round == 0) t.replace(0, std::string::npos, static_cast<std::size_t>(digits), '9');
      if (round == 1) t.replace(1, std::string::npos, static_cast<std::size_t>(digits - 1), '0');
      std::uint64_t u = 0;
      const bool fits = std::from_chars(t.data(), t.data() + t.size(), u).ec == std::errc{};
      std::int64_t i = 0;
      const bool fits_signed = std::from_chars(t.data(), t.data() + t.size(), i).ec == std::errc{};
      const std::string pad(static_cast<std::size_t>(round % 8), ' ');
      for (const std::string after : {"}", " }", "\n}", ",\"w\":12345678901}", ",\"w\":7}"}) {
        const std::string json = "{" + pad + "\"v\":" + t + after;
        const auto ru = genwire::decode<one<std::uint64_t>>(json);
        ASSERT_EQ(ru.has_value(), fits) << json;
        if (fits) {
          EXPECT_EQ(ru->v, u) << json;
        }
        const auto ri = genwire::decode<one<std::int64_t>>("{" + pad + "\"v\":-" + t + after);
        std::int64_t ni = 0;
        const std::string negative = "-" + t;
        const bool fits_negative = std::from_chars(negative.data(), negative.data() + negative.size(), ni).ec == std::errc{};
        ASSERT_EQ(ri.has_value(), fits_negative) << negative << after;
        if (fits_negative) {
          EXPECT_EQ(ri->v, ni) << negative << after;
        }
      }
      // The number ends the input; then two of them as an array's elements.
      const auto top = genwire::decode<std::int64_t>(t);
      ASSERT_EQ(top.has_value(), fits_signed) << t;
      if (fits_signed) {
        EXPECT_EQ(*top, i) << t;
      }
      const auto in_array = genwire::decode<std::vector<std::uint64_t>>("[" + t + "," + t + "]");
      ASSERT_EQ(in_array.has_value(), fits) << t;
      if (fits) {
        EXPECT_EQ(*in_array, (std::vector<std::uint64_t>{u, u})) << t;
      }
      if (digits <= 15) {  // exact as a double: a fraction and an exponent after the same run
        expect_reads_like_from_chars(t + ".25");
        expect_reads_like_from_chars("0." + t);
        expect_reads_like_from_chars(t + "e3");
      }
    }
  }
  // A byte that is no digit right after the run: the number ends there.
  for (const char* bad : {"12345\xC3\xA9}", "1234567/}", "1234567:}", "12345678A}"}) {
    const auto res = genwire::decode<one<std::uint64_t>>(std::string("{\"v\":") + bad);
    ASSERT_FALSE(res.has_value()) << bad;
    EXPECT_EQ(res.error().code, errc::syntax) << bad;
    EXPECT_EQ(res.error().offset, 5 + std::string_view(bad).find_first_not_of("0123456789")) << bad;
  }
}

}  // namespace number_text_test
}  // namespace
