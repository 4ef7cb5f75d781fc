// GENWIRE_DECLARE_CODEC / GENWIRE_DEFINE_CODEC: codecs compiled in another TU (reading_codec.cpp)
// behave as the header-only ones do: values, defaults, strict rules, errors with path and offset.
// This TU compiles none of those codecs (its object only refers to them); reading_codec.cpp does.
#include <gtest/gtest.h>

#include <string>

#include "reading.hpp"

namespace {

using extern_test::reading;
using extern_test::reading_query;

TEST(ExternCodec, DecodesAndEncodesThroughTheCompiledCopy) {
  auto r = genwire::decode<reading>(R"({"sensor":"s1","value":21.5,"unit":"celsius","flags":[1,2]})");
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->sensor, "s1");
  EXPECT_DOUBLE_EQ(r->value, 21.5);
  ASSERT_TRUE(r->flags);
  EXPECT_EQ(r->flags->size(), 2u);
  auto json = genwire::encode(*r);
  ASSERT_TRUE(json) << json.error().message();
  EXPECT_EQ(*json, R"({"sensor":"s1","value":21.5,"unit":"celsius","flags":[1,2]})");
}

TEST(ExternCodec, DefaultOptionsKeepUnknownKeysAndOpenEnums) {
  auto r = genwire::decode<reading>(R"({"sensor":"s1","value":1,"unit":"fahrenheit","extra":true})");
  ASSERT_TRUE(r) << r.error().message();
  std::string out;
  ASSERT_TRUE(genwire::encode_to(*r, out).ok());
  EXPECT_EQ(out, R"({"sensor":"s1","value":1,"unit":"fahrenheit"})");
}

TEST(ExternCodec, StrictCopyRejectsWhatStrictRejects) {
  auto unknown = genwire::decode<reading, genwire::strict>(R"({"sensor":"s1","value":1,"unit":"kelvin","extra":true})");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, genwire::errc::unknown_key);
  EXPECT_EQ(unknown.error().path, "extra");
  auto closed = genwire::decode<reading, genwire::strict>(R"({"sensor":"s1","value":1,"unit":"fahrenheit"})");
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().path, "unit");
}

TEST(ExternCodec, ErrorsNameThePathAndOffset) {
  const std::string text = R"({"sensor":"s1","value":1,"unit":"kelvin","flags":[1,11]})";
  auto r = genwire::decode<reading>(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, genwire::errc::out_of_range);
  EXPECT_EQ(r.error().path, "flags[1]");
  EXPECT_EQ(r.error().offset, text.find("11"));  // where the value out of 0..10 starts
  reading value;
  const genwire::status st = genwire::decode_into(R"({"sensor":"s1","unit":"kelvin"})", value);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, genwire::errc::missing_key);
  EXPECT_EQ(st.error().path, "value");
}

TEST(ExternCodec, QueryCopyRoundTripsAndChecksBounds) {
  auto q = genwire::decode_query<reading_query>("limit=5&sensor=s%202");
  ASSERT_TRUE(q) << q.error().message();
  EXPECT_EQ(q->limit.value, 5);
  EXPECT_EQ(q->sensor, "s 2");
  auto text = genwire::encode_query(*q);
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_EQ(*text, "limit=5&sensor=s%202");
  auto bad = genwire::decode_query<reading_query, genwire::strict>("limit=0&other=1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().path, "limit");
}

}  // namespace
