// raw_json (any JSON value kept as its exact text) and json::value (a dynamic value for JSON that
// has no struct): exact preservation, semantic equality, exact 64-bit integers.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace raw_and_dynamic_test {

using genwire::errc;
using genwire::json::value;

struct job {
  std::string id;
  genwire::raw_json result;
  std::optional<genwire::raw_json> details;
};

TEST(RawJson, KeepsTheExactTextIncludingWhitespaceEscapesAndNumberSpelling) {
  const std::string inner = "{ \"a\" : [1, 2.50, 1.0E+2],\n\t\"b\":\"\\u00e9\\/\" }";
  const auto r = genwire::decode<job>(R"({"id":"j","result":)" + inner + "}");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->result.text(), inner);
  EXPECT_FALSE(r->details.has_value());
  // Re-encoded verbatim: nothing is normalised.
  EXPECT_EQ(genwire::encode(*r).value(), R"({"id":"j","result":)" + inner + "}");
}

TEST(RawJson, EveryKindOfValue) {
  for (const std::string v : {"null", "true", "false", "-0.0", "18446744073709551616", "\"x\"", "[]", "{}", "[ ]", "1e999"}) {
    SCOPED_TRACE(v);
    const auto r = genwire::decode<job>(R"({"id":"j","result":)" + v + "}");
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_EQ(r->result.text(), v);
    EXPECT_EQ(genwire::encode(*r).value(), R"({"id":"j","result":)" + v + "}");
  }
}

TEST(RawJson, OptionalRawDistinguishesAbsentFromNull) {
  // A raw value may itself be null, so an optional raw member takes null as a value (it does not
  // turn into "absent"), and both round-trip exactly.
  const std::string with_null = R"({"id":"j","result":1,"details":null})";
  const auto r = genwire::decode<job>(with_null);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  ASSERT_TRUE(r->details.has_value());
  EXPECT_EQ(r->details->text(), "null");
  EXPECT_EQ(genwire::encode(*r).value(), with_null);

  const std::string absent = R"({"id":"j","result":1})";
  EXPECT_EQ(genwire::encode(genwire::decode<job>(absent).value()).value(), absent);
}

TEST(RawJson, IsValidatedOnDecodeWithThePathOfTheMember) {
  //                          0         1         2
  //                          0123456789012345678901234567
  const std::string text = R"({"id":"j","result":{"a":[1,]}})";
  const auto r = genwire::decode<job>(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::syntax);
  EXPECT_EQ(r.error().path, "result");
  EXPECT_EQ(r.error().offset, 27U);
}

TEST(RawJson, DefaultIsNullAndTrustedTextIsWrittenAsIs) {
  EXPECT_EQ(genwire::raw_json{}.text(), "null");
  EXPECT_EQ(genwire::encode(job{"j", {}, std::nullopt}).value(), R"({"id":"j","result":null})");
  const auto t = genwire::raw_json::from_trusted_text(R"({"k": [true]})");
  EXPECT_EQ(genwire::encode(std::vector<genwire::raw_json>{t, t}).value(), R"([{"k": [true]},{"k": [true]}])");
  EXPECT_EQ(t, genwire::raw_json::from_trusted_text(R"({"k": [true]})"));
  EXPECT_NE(t, genwire::raw_json::from_trusted_text(R"({"k":[true]})"));  // text equality, not semantic
}

TEST(RawJson, RawJsonInAVectorKeepsEachElement) {
  const auto r = genwire::decode<std::vector<genwire::raw_json>>("[ 1 , \"two\" ,{\"3\" : 3}]");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 3U);
  EXPECT_EQ((*r)[0].text(), "1");
  EXPECT_EQ((*r)[1].text(), "\"two\"");
  EXPECT_EQ((*r)[2].text(), "{\"3\" : 3}");
}

// ---------------------------------------------------------------------------------------------

TEST(JsonValue, ParsesEveryKind) {
  const auto v = genwire::parse_json(R"({"n":null,"t":true,"i":-5,"u":18446744073709551615,"d":0.5,"s":"\u00e9","a":[1,[2]],"o":{"k":{}}})");
  ASSERT_TRUE(v.has_value()) << v.error().message();
  ASSERT_TRUE(v->is_object());
  EXPECT_TRUE(v->find("n")->is_null());
  EXPECT_TRUE(v->find("t")->is_bool());
  EXPECT_EQ(std::get<std::int64_t>(v->find("i")->get()), -5);
  EXPECT_EQ(std::get<std::uint64_t>(v->find("u")->get()), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(std::get<double>(v->find("d")->get()), 0.5);
  EXPECT_EQ(*v->find("s")->as_string(), "\xC3\xA9");
  ASSERT_TRUE(v->find("a")->is_array());
  EXPECT_EQ(v->find("a")->as_array()->size(), 2U);
  EXPECT_TRUE(v->find("o")->find("k")->is_object());
  EXPECT_EQ(v->find("missing"), nullptr);
  EXPECT_EQ(v->find("a")->find("x"), nullptr);  // not an object
  // Member order is document order.
  const auto& members = *v->as_object();
  ASSERT_EQ(members.size(), 8U);
  EXPECT_EQ(members[0].first, "n");
  EXPECT_EQ(members[7].first, "o");
}

TEST(JsonValue, EqualityIsSemantic) {
  const auto eq = [](const char* a, const char* b) { return genwire::parse_json(a).value() == genwire::parse_json(b).value(); };
  EXPECT_TRUE(eq("1", "1.0"));
  EXPECT_TRUE(eq("1", "1e0"));
  EXPECT_TRUE(eq("100", "1E2"));
  EXPECT_TRUE(eq("-0", "0"));
  EXPECT_TRUE(eq("-0.0", "0.0"));  // IEEE: -0 == +0
  EXPECT_TRUE(eq(R"({"a":1,"b":[1,2]})", R"({"b":[1.0,2],"a":1})"));  // member order ignored
  EXPECT_TRUE(eq(R"({"x":{"p":1,"q":2}})", R"({"x":{"q":2,"p":1}})"));
  EXPECT_FALSE(eq("[1,2]", "[2,1]"));  // array order is not
  EXPECT_FALSE(eq("1", "\"1\""));
  EXPECT_FALSE(eq("0", "false"));
  EXPECT_FALSE(eq("null", "false"));
  EXPECT_FALSE(eq("[]", "{}"));
  EXPECT_FALSE(eq(R"({"a":1})", R"({"a":1,"b":2})"));
  EXPECT_FALSE(eq(R"({"a":1,"b":2})", R"({"a":1})"));
  EXPECT_FALSE(eq(R"({"a":1})", R"({"b":1})"));
  // Every other kind by its own content.
  EXPECT_TRUE(eq("null", "null"));
  EXPECT_TRUE(eq("true", "true"));
  EXPECT_FALSE(eq("true", "false"));
  EXPECT_TRUE(eq(R"("ab")", R"("a\u0062")"));  // the same text, escaped or not
  EXPECT_FALSE(eq(R"("ab")", R"("ac")"));
  EXPECT_TRUE(eq("[1,[2,{}]]", "[1.0,[2e0,{}]]"));
  EXPECT_FALSE(eq("[1]", "[1,1]"));
  EXPECT_FALSE(eq("[[1]]", "[[2]]"));
}

TEST(JsonValue, EqualityWithDuplicateKeysIsSymmetric) {
  const auto a = genwire::parse_json(R"({"a":1,"a":1})").value();
  const auto b = genwire::parse_json(R"({"a":1,"a":2})").value();
  EXPECT_FALSE(a == b);
  EXPECT_FALSE(b == a);
  EXPECT_FALSE(b == genwire::parse_json(R"({"a":2,"a":1})").value());  // same multiset, other order per name
  EXPECT_TRUE(b == genwire::parse_json(R"({"a":1.0,"a":2})").value());
}

TEST(JsonValue, SixtyFourBitIntegersStayExact) {
  // 2^53 + 1 is not a double; it must neither round on parsing nor compare equal to 2^53.
  const auto odd = genwire::parse_json("9007199254740993").value();
  EXPECT_EQ(std::get<std::int64_t>(odd.get()), 9007199254740993LL);
  EXPECT_EQ(genwire::to_json(odd), "9007199254740993");
  EXPECT_FALSE(odd == genwire::parse_json("9007199254740992").value());
  EXPECT_FALSE(odd == genwire::parse_json("9007199254740992.0").value());
  EXPECT_TRUE(genwire::parse_json("9007199254740992").value() == genwire::parse_json("9007199254740992.0").value());

  const auto min = genwire::parse_json("-9223372036854775808").value();
  EXPECT_EQ(std::get<std::int64_t>(min.get()), std::numeric_limits<std::int64_t>::min());
  const auto above_int64 = genwire::parse_json("9223372036854775808").value();
  EXPECT_EQ(std::get<std::uint64_t>(above_int64.get()), 9223372036854775808ULL);
  const auto max = genwire::parse_json("18446744073709551615").value();
  EXPECT_EQ(genwire::to_json(max), "18446744073709551615");
  EXPECT_FALSE(max == genwire::parse_json("18446744073709551614").value());
  // One past uint64 and one below int64 become doubles.
  EXPECT_TRUE(std::holds_alternative<double>(genwire::parse_json("18446744073709551616").value().get()));
  EXPECT_TRUE(std::holds_alternative<double>(genwire::parse_json("-9223372036854775809").value().get()));
}

TEST(JsonValue, IntegerRepresentationsCompareByValue) {
  // Hand-built values may hold a small number as uint64; it is still the same number.
  EXPECT_TRUE(value(std::uint64_t{5}) == value(5));
  EXPECT_TRUE(value(5) == value(std::uint64_t{5}));
  EXPECT_TRUE(value(5) == value(5.0));
  EXPECT_FALSE(value(-1) == value(std::numeric_limits<std::uint64_t>::max()));
  EXPECT_FALSE(value(std::numeric_limits<std::uint64_t>::max()) == value(18446744073709551616.0));
  EXPECT_TRUE(value(std::uint64_t{1} << 63) == value(9223372036854775808.0));
  EXPECT_FALSE(value(std::numeric_limits<std::int64_t>::max()) == value(9223372036854775808.0));
  EXPECT_FALSE(value(1) == value(1.5));
  EXPECT_FALSE(value(0) == value(std::nan("")));
}

TEST(JsonValue, NegativeZeroIsAFixedPointOfToJson) {
  // Written as "-0" it would read back as the integer 0 and the next to_json would say "0".
  const auto v = genwire::parse_json("-0.0").value();
  const std::string once = genwire::to_json(v);
  EXPECT_EQ(once, "-0.0");
  const auto back = genwire::parse_json(once).value();
  ASSERT_TRUE(std::holds_alternative<double>(back.get()));
  EXPECT_TRUE(std::signbit(std::get<double>(back.get())));
  EXPECT_EQ(genwire::to_json(back), once);
  // An integer token "-0" is the integer zero.
  EXPECT_EQ(genwire::to_json(genwire::parse_json("-0").value()), "0");
}

TEST(JsonValue, HugeNumbers) {
  // A 400-digit integer is a double (about 1e399): out of range.
  const auto huge = genwire::parse_json("1" + std::string(400, '0'));
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().code, errc::out_of_range);
  EXPECT_EQ(huge.error().offset, 0U);
  EXPECT_EQ(huge.error().found, "number 1" + std::string(39, '0') + "... (401 characters)");
  const auto big = genwire::parse_json("1" + std::string(300, '0'));
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(std::get<double>(big->get()), 1e300);
  EXPECT_EQ(genwire::to_json(*big), "1e+300");
  const auto tiny = genwire::parse_json("0." + std::string(400, '0') + "1");
  ASSERT_TRUE(tiny.has_value());
  EXPECT_EQ(std::get<double>(tiny->get()), 0.0);
  const auto neg = genwire::parse_json("-1e400");
  ASSERT_FALSE(neg.has_value());
  EXPECT_EQ(neg.error().code, errc::out_of_range);
}

TEST(JsonValue, ToJsonIsCompactAndReparsesEqual) {
  const auto v = genwire::parse_json(" { \"b\" : [ 1 , 2.5 , \"\\n\" ] , \"a\" : { } } ").value();
  EXPECT_EQ(genwire::to_json(v), R"({"b":[1,2.5,"\n"],"a":{}})");
  EXPECT_EQ(genwire::parse_json(genwire::to_json(v)).value(), v);
  const value built = genwire::json::object{{"k", genwire::json::array{1, "two", nullptr, true, 2.5}}};
  EXPECT_EQ(genwire::to_json(built), R"({"k":[1,"two",null,true,2.5]})");
}

TEST(JsonValue, ErrorsInsideCarryThePath) {
  //                                    0         1
  //                                    012345678901234
  const auto r = genwire::parse_json(R"({"a":[0,{"b":tru}]})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::syntax);
  EXPECT_EQ(r.error().path, "a[1].b");
  EXPECT_EQ(r.error().offset, 13U);
}

struct envelope {
  std::string kind;
  value payload;
};

TEST(JsonValue, AsAStructMemberDecodesAndEncodes) {
  const auto r = genwire::decode<envelope>(R"({"kind":"k","payload":{"x":[1, 2.0, null]}})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->payload, genwire::parse_json(R"({"x":[1,2,null]})").value());
  EXPECT_EQ(genwire::encode(*r).value(), R"({"kind":"k","payload":{"x":[1,2,null]}})");
}

TEST(JsonValue, EncodingRefusesWhatJsonCannotHold) {
  const envelope nan{"k", genwire::json::array{1, std::nan("")}};
  const auto r = genwire::encode(nan);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unencodable);
  EXPECT_EQ(r.error().path, "payload[1]");
  EXPECT_EQ(r.error().offset, std::string(R"({"kind":"k","payload":[1,)").size());

  const envelope bad_utf8{"k", genwire::json::object{{"s", std::string("\xC3")}}};
  const auto u = genwire::encode(bad_utf8);
  ASSERT_FALSE(u.has_value());
  EXPECT_EQ(u.error().code, errc::unencodable);
  EXPECT_EQ(u.error().path, "payload.s");

  const envelope bad_key{"k", genwire::json::object{{std::string("\xFF"), 1}}};
  const auto k = genwire::encode(bad_key);
  ASSERT_FALSE(k.has_value());
  EXPECT_EQ(k.error().code, errc::unencodable);
}

}  // namespace raw_and_dynamic_test
}  // namespace
