// Encoding: exact output (compact, declaration order, only the escapes JSON needs), doubles in
// their shortest round-trip form, and the values JSON cannot hold reported as errc::unencodable
// with the path and the output offset.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace encode_test {

using genwire::errc;

enum class kind { image, video };

struct asset {
  std::string url;
  kind type;
  std::vector<int> size;
};

struct job {
  std::string id;
  std::optional<asset> output;
  std::vector<asset> inputs;
  bool done;
  double cost;
};

TEST(Encode, CompactInDeclarationOrder) {
  const job j{"j1", asset{"https://x/y.png", kind::image, {640, 480}}, {asset{"a", kind::video, {}}}, true, 0.5};
  EXPECT_EQ(genwire::encode(j).value(),
            R"({"id":"j1","output":{"url":"https://x/y.png","type":"image","size":[640,480]},"inputs":[{"url":"a","type":"video","size":[]}],"done":true,"cost":0.5})");
}

TEST(Encode, StringEscapes) {
  // Quote, backslash and control characters are escaped; '/' and non-ASCII UTF-8 are not.
  const std::string s = std::string("q\"b\\s/\b\f\n\r\t\x01\x1F\x7F\0", 15) + "\xC3\xA9\xF0\x9F\x98\x80";
  EXPECT_EQ(genwire::encode(s).value(), "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7F\\u0000\xC3\xA9\xF0\x9F\x98\x80\"");
  // Long runs (past the 8-byte fast path) with an escape at the end.
  const std::string long_run = std::string(37, 'a') + "\"";
  EXPECT_EQ(genwire::encode(long_run).value(), std::string(1, '"').append(37, 'a').append("\\\"\""));
  // And what is written reads back as the same string.
  EXPECT_EQ(genwire::decode<std::string>(genwire::encode(s).value()).value(), s);
}

TEST(Encode, InvalidUtf8IsUnencodableWithPath) {
  job j{"j1", std::nullopt, {asset{"ok", kind::image, {}}, asset{"bad\xC3(", kind::image, {}}}, false, 0};
  const auto r = genwire::encode(j);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unencodable);
  EXPECT_EQ(r.error().path, "inputs[1].url");
  EXPECT_EQ(r.error().message(), "inputs[1].url: expected a string of valid UTF-8, found invalid UTF-8 (offset 66)");
  // The offset is the output length where the string would have started.
  EXPECT_EQ(std::string(R"({"id":"j1","inputs":[{"url":"ok","type":"image","size":[]},{"url":)").size(), 66U);
}

TEST(Encode, UnencodableSurrogateAndOverlongBytes) {
  for (const std::string& bad : {std::string("\xED\xA0\x80"), std::string("\xC0\x80"), std::string("\xF4\x90\x80\x80"), std::string("x\x80")}) {
    const auto r = genwire::encode(bad);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::unencodable);
  }
}

// ---------------------------------------------------------------------------------------------
// Doubles.
// ---------------------------------------------------------------------------------------------
struct double_case {
  double value;
  const char* text;
};

TEST(EncodeDouble, ShortestRoundTripForm) {
  const double_case cases[] = {
      {0.1, "0.1"},
      {1e300, "1e+300"},
      {5e-324, "5e-324"},
      {-0.0, "-0.0"},  // "-0" would read back as the integer 0
      {0.0, "0"},
      {1.0, "1"},
      {-2.5, "-2.5"},
      {1e21, "1e+21"},
      {123456789012.5, "123456789012.5"},
      {0.30000000000000004, "0.30000000000000004"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
      {std::numeric_limits<double>::min(), "2.2250738585072014e-308"},
      {9007199254740993.0, "9007199254740992"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(genwire::encode(c.value).value(), c.text);
  }
}

TEST(EncodeDouble, EveryTextReadsBackBitForBit) {
  for (const double d : {0.1, 1e300, 5e-324, -0.0, 1.0 / 3.0, 2.0 / 3.0, 6.02214076e23, -1.602176634e-19,
                         std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                         std::numeric_limits<double>::epsilon(), 4.35, 0.1 + 0.2}) {
    const std::string text = genwire::encode(d).value();
    const double back = genwire::decode<double>(text).value();
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back), std::bit_cast<std::uint64_t>(d)) << text;
  }
}

TEST(EncodeDouble, UnderflowDecodesToZeroAndSignIsKept) {
  const double z = genwire::decode<double>("1e-400").value();
  EXPECT_EQ(z, 0.0);
  EXPECT_FALSE(std::signbit(z));
  const double nz = genwire::decode<double>("-1e-400").value();
  EXPECT_TRUE(std::signbit(nz));
  EXPECT_EQ(genwire::encode(nz).value(), "-0.0");
  EXPECT_EQ(genwire::encode(genwire::decode<double>("-0").value()).value(), "-0.0");
}

TEST(EncodeDouble, FloatIsWrittenAsAFloat) {
  // The float nearest 0.1 prints as 0.1, not as its exact double expansion 0.10000000149011612.
  EXPECT_EQ(genwire::encode(0.1F).value(), "0.1");
  EXPECT_EQ(genwire::encode(std::vector<float>{1.5F, -3.25e-5F, 16777217.0F}).value(), "[1.5,-3.25e-05,16777216]");
  EXPECT_EQ(genwire::decode<float>(genwire::encode(0.3F).value()).value(), 0.3F);
}

struct reading {
  std::string sensor;
  std::vector<double> values;
};

TEST(EncodeDouble, NanAndInfinityAreUnencodable) {
  const auto nan = genwire::encode(reading{"s", {0.5, std::nan("")}});
  ASSERT_FALSE(nan.has_value());
  EXPECT_EQ(nan.error().code, errc::unencodable);
  EXPECT_EQ(nan.error().path, "values[1]");
  EXPECT_EQ(nan.error().message(), "values[1]: expected a finite number, found NaN (offset 28)");
  EXPECT_EQ(std::string(R"({"sensor":"s","values":[0.5,)").size(), 28U);

  const auto inf = genwire::encode(reading{"s", {-std::numeric_limits<double>::infinity()}});
  ASSERT_FALSE(inf.has_value());
  EXPECT_EQ(inf.error().message(), "values[0]: expected a finite number, found infinity (offset 24)");
  EXPECT_EQ(genwire::encode(std::numeric_limits<float>::infinity()).error().code, errc::unencodable);
}

TEST(Encode, EncodeToAppendsAndReportsOffsetsInTheWholeBuffer) {
  std::string buffer = "prefix:";
  ASSERT_TRUE(genwire::encode_to(std::vector<int>{1, 2}, buffer).ok());
  EXPECT_EQ(buffer, "prefix:[1,2]");
  const genwire::status st = genwire::encode_to(reading{"s", {std::nan("")}}, buffer);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().offset, std::string("prefix:[1,2]").size() + std::string(R"({"sensor":"s","values":[)").size());
}

TEST(Encode, EncodeIntoReplacesWhateverTheBufferHeld) {
  // Longer text before: written over, then cut to the new document.
  std::string buffer = "a much longer text than the document that replaces it";
  ASSERT_TRUE(genwire::encode_into(std::vector<int>{1, 2}, buffer).ok());
  EXPECT_EQ(buffer, "[1,2]");
  // Shorter text before (and empty): the buffer grows past it.
  const reading r{"s", {0.5, 2}};
  const std::string expected = genwire::encode(r).value();
  for (std::string before : {std::string("xy"), std::string()}) {
    ASSERT_TRUE(genwire::encode_into(r, before).ok());
    EXPECT_EQ(before, expected);
  }
  // Documents longer than one growth step of the buffer (2 KiB), after a short one and again.
  std::vector<std::string> many(300, "0123456789");
  const std::string big = genwire::encode(many).value();
  ASSERT_GT(big.size(), 2048U);
  ASSERT_TRUE(genwire::encode_into(many, buffer).ok());
  EXPECT_EQ(buffer, big);
  ASSERT_TRUE(genwire::encode_into(std::vector<int>{7}, buffer).ok());
  EXPECT_EQ(buffer, "[7]");
  ASSERT_TRUE(genwire::encode_into<genwire::strict>(many, buffer).ok());
  EXPECT_EQ(buffer, big);
  // A failure: the offset counts from the start of the document, as encode()'s does.
  const genwire::status st = genwire::encode_into(reading{"s", {std::nan("")}}, buffer);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().offset, std::string(R"({"sensor":"s","values":[)").size());
  EXPECT_EQ(st.error().message(), genwire::encode(reading{"s", {std::nan("")}}).error().message());
}

TEST(Encode, IntegersOfEveryWidth) {
  struct ints {
    std::int8_t a;
    std::uint8_t b;
    std::int16_t c;
    std::uint16_t d;
    std::int32_t e;
    std::uint32_t f;
    std::int64_t g;
    std::uint64_t h;
  };
  const ints v{-128, 255, -32768, 65535, -2147483647 - 1, 4294967295U, std::numeric_limits<std::int64_t>::min(),
               std::numeric_limits<std::uint64_t>::max()};
  const std::string text =
      R"({"a":-128,"b":255,"c":-32768,"d":65535,"e":-2147483648,"f":4294967295,"g":-9223372036854775808,"h":18446744073709551615})";
  EXPECT_EQ(genwire::encode(v).value(), text);
  const auto back = genwire::decode<ints>(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->g, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(back->h, std::numeric_limits<std::uint64_t>::max());
}

TEST(Encode, StrictAndLenientWriteTheSameValidValue) {
  const job j{"j1", std::nullopt, {}, false, -0.25};
  EXPECT_EQ(genwire::encode(j).value(), genwire::encode<genwire::strict>(j).value());
  EXPECT_EQ(genwire::encode(j).value(), R"({"id":"j1","inputs":[],"done":false,"cost":-0.25})");
}

}  // namespace encode_test
}  // namespace
