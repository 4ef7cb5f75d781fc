// genwire::extra_members: a struct that declares it keeps the members it does not name, in order
// and exactly, in both modes, and writes them back.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <optional>
#include <string>

namespace {
namespace extra_members_test {

using genwire::errc;

struct billing_error {
  std::string error;
  std::optional<std::string> code;
  genwire::extra_members extra{};
  friend bool operator==(const billing_error&, const billing_error&) = default;
};

struct nested {
  billing_error inner;
};

constexpr std::string_view body =
    R"({"error":"Payment failed.","invoice":{"id":"in_1","due":[1, 2.50,"x"]},"code":"paymentFailed","retryable":false})";

TEST(ExtraMembers, KeptInOrderAsExactTextInBothModes) {
  for (const bool strict : {false, true}) {
    SCOPED_TRACE(strict);
    const auto r = strict ? genwire::decode<billing_error, genwire::strict>(body) : genwire::decode<billing_error>(body);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_EQ(r->error, "Payment failed.");
    EXPECT_EQ(r->code, "paymentFailed");
    ASSERT_EQ(r->extra.items.size(), 2u);
    EXPECT_EQ(r->extra.items[0].first, "invoice");
    EXPECT_EQ(r->extra.items[0].second.text(), R"({"id":"in_1","due":[1, 2.50,"x"]})");
    EXPECT_EQ(r->extra.items[1].first, "retryable");
    EXPECT_EQ(r->extra.items[1].second.text(), "false");
  }
}

TEST(ExtraMembers, ReEncodedAfterTheDeclaredOnesWithTheirExactText) {
  const auto r = genwire::decode<billing_error>(body);
  ASSERT_TRUE(r.has_value());
  const auto e = genwire::encode(*r);
  ASSERT_TRUE(e.has_value()) << e.error().message();
  EXPECT_EQ(*e, R"({"error":"Payment failed.","code":"paymentFailed","invoice":{"id":"in_1","due":[1, 2.50,"x"]},"retryable":false})");
  const auto again = genwire::decode<billing_error, genwire::strict>(*e);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *r);
}

TEST(ExtraMembers, ARepeatedKeptKeyIsADuplicate) {
  const auto r = genwire::decode<billing_error>(R"({"error":"x","a":1,"a":2})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::duplicate_key);
  EXPECT_EQ(r.error().path, "a");
  EXPECT_EQ(r.error().offset, 19u);
  EXPECT_EQ(r.error().rule.rule, genwire::rule::unique_key);
}

TEST(ExtraMembers, AKeptValueMustBeJsonAndIsReportedAtItsPath) {
  const auto r = genwire::decode<nested>(R"({"inner":{"error":"x","when":[1,]}})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::syntax);
  EXPECT_EQ(r.error().path, "inner.when");
}

TEST(ExtraMembers, TheDeclaredRulesStillHold) {
  const auto missing = genwire::decode<billing_error, genwire::strict>(R"({"code":"c","x":1})");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, errc::missing_key);
  EXPECT_EQ(missing.error().path, "error");
  const auto wrong = genwire::decode<billing_error>(R"({"error":1})");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().code, errc::wrong_type);
}

TEST(ExtraMembers, DecodeIntoStartsFromNone) {
  billing_error v;
  v.extra.items.emplace_back("stale", genwire::raw_json::from_trusted_text("1"));
  ASSERT_TRUE(genwire::decode_into(R"({"error":"e","fresh":2})", v).ok());
  ASSERT_EQ(v.extra.items.size(), 1u);
  EXPECT_EQ(v.extra.items[0].first, "fresh");
}

TEST(ExtraMembers, EncodeRefusesAKeyThatWouldRepeat) {
  billing_error v{"e", std::nullopt, {}};
  v.extra.items.emplace_back("error", genwire::raw_json::from_trusted_text("1"));
  const auto e = genwire::encode(v);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, errc::unencodable);
  EXPECT_EQ(e.error().path, "error");
  v.extra.items[0].first = "other";
  v.extra.items.emplace_back("other", genwire::raw_json::from_trusted_text("2"));
  EXPECT_FALSE(genwire::encode(v).has_value());
  v.extra.items.pop_back();
  const auto ok = genwire::encode(v);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(*ok, R"({"error":"e","other":1})");
}

TEST(ExtraMembers, KeysThatNeedEscapingRoundTrip) {
  const auto r = genwire::decode<billing_error, genwire::strict>(R"({"error":"e","a\"b\u00e9":null})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->extra.items[0].first, "a\"b\xC3\xA9");
  EXPECT_EQ(*genwire::encode(*r), "{\"error\":\"e\",\"a\\\"b\xC3\xA9\":null}");
}

}  // namespace extra_members_test
}  // namespace
