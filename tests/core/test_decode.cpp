// Decoding into structs: types, paths with indices, unknown keys (skipped by default, rejected in
// strict mode), std::variant chosen by JSON kind, std::array of an exact length, decode_into.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace {
namespace decode_test {

using genwire::errc;

enum class state { queued, running, done };

struct generation {
  std::string id;
  state status;
  std::optional<double> progress;
};

struct listing {
  std::vector<generation> generations;
  std::int32_t total;
};

TEST(Decode, NestedStructsAndVectors) {
  const auto r = genwire::decode<listing>(R"({"generations":[{"id":"g0","status":"done","progress":1},{"id":"g1","status":"queued"}],"total":2})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  ASSERT_EQ(r->generations.size(), 2U);
  EXPECT_EQ(r->generations[0].id, "g0");
  EXPECT_EQ(r->generations[0].status, state::done);
  EXPECT_EQ(r->generations[0].progress, 1.0);
  EXPECT_EQ(r->generations[1].status, state::queued);
  EXPECT_FALSE(r->generations[1].progress.has_value());
  EXPECT_EQ(r->total, 2);
}

TEST(Decode, PathNamesTheArrayIndexAndMember) {
  const std::string text =
      R"({"generations":[{"id":"g0","status":"done"},{"id":"g1","status":"done"},{"id":"g2","status":"done"},{"id":"g3","status":"finished"}],"total":4})";
  const auto r = genwire::decode<listing>(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unknown_enum);
  EXPECT_EQ(r.error().path, "generations[3].status");
  EXPECT_EQ(r.error().offset, text.find("\"finished\""));
  EXPECT_EQ(r.error().offset, 120U);
}

TEST(Decode, KeyOrderDoesNotMatter) {
  const auto r = genwire::decode<listing>(R"({"total":1,"generations":[{"progress":0.5,"status":"running","id":"x"}]})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->generations[0].id, "x");
  EXPECT_EQ(r->generations[0].progress, 0.5);
}

// Keys longer than one 32-byte block (the member-table codec compares and copies keys that fit as
// one block, longer ones byte by byte), in declaration order and out of it, and a document that
// ends within 32 bytes of a key.
struct long_keys {
  int a_member_name_long_enough_to_fill_a_block = 0;
  std::string short_one;
};

TEST(Decode, KeysLongerThanABlockInAndOutOfOrder) {
  const std::string in_order = R"({"a_member_name_long_enough_to_fill_a_block":7,"short_one":"x"})";
  const auto r = genwire::decode<long_keys>(in_order);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->a_member_name_long_enough_to_fill_a_block, 7);
  EXPECT_EQ(r->short_one, "x");
  EXPECT_EQ(genwire::encode(*r).value(), in_order);
  const auto swapped = genwire::decode<long_keys>(R"({"short_one":"y","a_member_name_long_enough_to_fill_a_block":8})");
  ASSERT_TRUE(swapped.has_value()) << swapped.error().message();
  EXPECT_EQ(swapped->a_member_name_long_enough_to_fill_a_block, 8);
  EXPECT_EQ(swapped->short_one, "y");
  const auto missing = genwire::decode<long_keys>(R"({"a_member_name_long_enough_to_fill_a_block":1})");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, genwire::errc::missing_key);
  EXPECT_EQ(missing.error().path, "short_one");
}

TEST(Decode, EscapedKeysMatchMembers) {
  const auto r = genwire::decode<listing>(R"({"gener\u0061tions":[],"\u0074otal":3})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->total, 3);
}

struct wrong_type_case {
  const char* text;
  const char* path;
  std::size_t offset;
  const char* message;
};

TEST(Decode, WrongTypesSayExpectedAndFound) {
  const wrong_type_case cases[] = {
      {R"({"generations":{},"total":0})", "generations", 15, "generations: expected an array, found an object (offset 15)"},
      {R"({"generations":[],"total":"0"})", "total", 26, R"(total: expected an integer, found string "0" (offset 26))"},
      {R"({"generations":[],"total":true})", "total", 26, "total: expected an integer, found true (offset 26)"},
      {R"({"generations":[],"total":[0]})", "total", 26, "total: expected an integer, found an array (offset 26)"},
      {R"({"generations":[1],"total":0})", "generations[0]", 16, "generations[0]: expected an object, found number 1 (offset 16)"},
      {R"({"generations":[{"id":7,"status":"done"}],"total":0})", "generations[0].id", 22, "generations[0].id: expected a string, found number 7 (offset 22)"},
      {R"({"generations":[{"id":"a","status":"done","progress":"50%"}],"total":0})", "generations[0].progress", 53, R"(generations[0].progress: expected a number, found string "50%" (offset 53))"},
      {R"([])", "$", 0, "$: expected an object, found an array (offset 0)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = genwire::decode<listing>(c.text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::wrong_type);
    EXPECT_EQ(r.error().path, c.path);
    EXPECT_EQ(r.error().offset, c.offset);
    EXPECT_EQ(r.error().message(), c.message);
  }
}

TEST(Decode, AWrongTypeThatIsAlsoMalformedIsASyntaxError) {
  // The value is checked before its type is judged, so the real problem is reported.
  const auto r = genwire::decode<listing>(R"({"generations":[],"total":"abc)");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unexpected_end);
  EXPECT_EQ(r.error().offset, 30U);
}

TEST(Decode, MissingKeyIsReportedAtTheClosingBrace) {
  const auto r = genwire::decode<listing>(R"({"generations":[{"status":"done"}],"total":1})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::missing_key);
  EXPECT_EQ(r.error().path, "generations[0].id");
  EXPECT_EQ(r.error().offset, 32U);
  EXPECT_EQ(r.error().message(), "generations[0].id: missing required key (offset 32)");
}

// ---------------------------------------------------------------------------------------------
// Unknown keys.
// ---------------------------------------------------------------------------------------------
struct inner {
  int x = 0;
};
struct outer {
  std::string name;
  inner in;
};

TEST(UnknownKeys, SkippedByDefaultWhateverTheirValue) {
  const auto r = genwire::decode<outer>(
      R"({"new":{"deep":[1,{"a":null}],"s":"\"}"},"name":"n","in":{"x":1,"extra":[[],{}]},"z":-1.5e3,"t":true})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->name, "n");
  EXPECT_EQ(r->in.x, 1);
}

TEST(UnknownKeys, StrictRejectsWithThePathOfTheKey) {
  //                          0         1         2         3
  //                          0123456789012345678901234567890123
  const std::string text = R"({"name":"n","in":{"x":1,"extra":2}})";
  const auto r = genwire::decode<outer, genwire::strict>(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unknown_key);
  EXPECT_EQ(r.error().path, "in.extra");
  EXPECT_EQ(r.error().offset, 24U);
  EXPECT_EQ(r.error().message(), R"(in.extra: expected a key declared by the type, found key "extra" (offset 24))");

  constexpr genwire::options keys_only{.reject_unknown_keys = true};
  const auto top = genwire::decode<outer, keys_only>(R"({"name":"n","[0]":1,"in":{"x":1}})");
  ASSERT_FALSE(top.has_value());
  EXPECT_EQ(top.error().path, R"(["[0]"])");
  EXPECT_EQ(top.error().offset, 12U);
}

TEST(UnknownKeys, StrictAcceptsExactlyTheDeclaredKeys) {
  EXPECT_TRUE((genwire::decode<outer, genwire::strict>(R"({"name":"n","in":{"x":1}})").has_value()));
}

TEST(UnknownKeys, DuplicateUnknownKeysAreNotAnErrorWhenSkipped) {
  EXPECT_TRUE(genwire::decode<outer>(R"({"z":1,"z":2,"name":"n","in":{"x":1}})").has_value());
}

// ---------------------------------------------------------------------------------------------
// std::variant: the alternative is chosen by the JSON kind of the value.
// ---------------------------------------------------------------------------------------------
using any_kind = std::variant<bool, std::int64_t, std::string, std::vector<int>, inner>;

TEST(Variant, AlternativeChosenByJsonKind) {
  EXPECT_EQ(std::get<bool>(genwire::decode<any_kind>("true").value()), true);
  EXPECT_EQ(std::get<std::int64_t>(genwire::decode<any_kind>("-42").value()), -42);
  EXPECT_EQ(std::get<std::string>(genwire::decode<any_kind>(R"("s")").value()), "s");
  EXPECT_EQ(std::get<std::vector<int>>(genwire::decode<any_kind>("[1,2]").value()), (std::vector<int>{1, 2}));
  EXPECT_EQ(std::get<inner>(genwire::decode<any_kind>(R"({"x":5})").value()).x, 5);
}

TEST(Variant, NoAlternativeForTheKindIsAWrongType) {
  const auto r = genwire::decode<any_kind>("null");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().message(), "$: expected true or false or an integer or a string or an array or an object, found null (offset 0)");
}

TEST(Variant, ErrorInsideTheChosenAlternative) {
  const auto r = genwire::decode<any_kind>("[1,\"2\"]");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().path, "[1]");
  EXPECT_EQ(r.error().offset, 3U);
  // A fraction or an exponent cannot go into the only (integer) number alternative.
  EXPECT_EQ(genwire::decode<any_kind>("1e3").error().code, errc::wrong_type);
}

TEST(Variant, IntegerOrFloatingIsChosenByTheNumbersSpelling) {
  using number = std::variant<std::int64_t, double>;
  const auto frac = genwire::decode<number>("1.5");
  ASSERT_TRUE(frac.has_value()) << frac.error().message();
  EXPECT_EQ(std::get<double>(*frac), 1.5);
  EXPECT_EQ(std::get<std::int64_t>(genwire::decode<number>("9007199254740993").value()), 9007199254740993);
  EXPECT_EQ(std::get<double>(genwire::decode<number>("1e2").value()), 100.0);
  // Order of alternatives does not change it: an integer keeps its exact alternative.
  using reversed = std::variant<double, std::int64_t>;
  EXPECT_EQ(std::get<std::int64_t>(genwire::decode<reversed>("7").value()), 7);
  EXPECT_EQ(std::get<double>(genwire::decode<reversed>("7.25").value()), 7.25);
  // With only a floating alternative, integers go there.
  EXPECT_EQ(std::get<double>(genwire::decode<std::variant<std::string, double>>("3").value()), 3.0);
}

TEST(Variant, NullableAlternativeTakesNull) {
  using maybe = std::variant<std::string, genwire::nullable<int>>;
  const auto n = genwire::decode<maybe>("null");
  ASSERT_TRUE(n.has_value());
  EXPECT_FALSE(std::get<genwire::nullable<int>>(*n).has_value());
  EXPECT_EQ(std::get<std::string>(genwire::decode<maybe>(R"("a")").value()), "a");
  EXPECT_EQ(genwire::encode(*n).value(), "null");
}

TEST(Variant, RoundTripsThroughEncode) {
  struct holder {
    std::vector<any_kind> items;
  };
  const std::string text = R"({"items":[true,3,"x",[4],{"x":5}]})";
  const auto r = genwire::decode<holder>(text);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(genwire::encode(*r).value(), text);
}

// ---------------------------------------------------------------------------------------------
// std::array: exactly N elements.
// ---------------------------------------------------------------------------------------------
struct box {
  std::array<int, 3> xyz;
};

TEST(StdArray, ExactLength) {
  const auto r = genwire::decode<box>(R"({"xyz":[1, 2, 3]})");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->xyz, (std::array<int, 3>{1, 2, 3}));
  EXPECT_EQ(genwire::encode(*r).value(), R"({"xyz":[1,2,3]})");
}

TEST(StdArray, TooFewElements) {
  const auto r = genwire::decode<box>(R"({"xyz":[1, 2]})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().path, "xyz");
  EXPECT_EQ(r.error().offset, 7U);
  EXPECT_EQ(r.error().message(), "xyz: expected an array of 3 elements, found an array of 2 (offset 7)");
  EXPECT_EQ(genwire::decode<box>(R"({"xyz":[]})").error().found, "an array of 0");
}

TEST(StdArray, TooManyElementsPointsAtTheFirstExtra) {
  //                                     0         1
  //                                     0123456789012345678
  const auto r = genwire::decode<box>(R"({"xyz":[1, 2, 3,  4]})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().path, "xyz[3]");
  EXPECT_EQ(r.error().offset, 18U);
  EXPECT_EQ(r.error().message(), "xyz[3]: expected an array of 3, found more elements (offset 18)");
}

TEST(StdArray, NotAnArray) {
  const auto r = genwire::decode<box>(R"({"xyz":"1,2,3"})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().offset, 7U);
}

// ---------------------------------------------------------------------------------------------
// decode_into and options.
// ---------------------------------------------------------------------------------------------
TEST(DecodeInto, ReplacesVectorsAndReportsStatus) {
  listing l{{{"old", state::done, 1.0}}, 9};
  const genwire::status st = genwire::decode_into(R"({"generations":[{"id":"new","status":"queued"}],"total":1})", l);
  ASSERT_TRUE(st.ok()) << st.error().message();
  ASSERT_EQ(l.generations.size(), 1U);
  EXPECT_EQ(l.generations[0].id, "new");
  EXPECT_EQ(l.total, 1);

  const genwire::status bad = genwire::decode_into<genwire::strict>(R"({"generations":[],"total":1,"more":0})", l);
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(bad.error().code, errc::unknown_key);
  EXPECT_EQ(bad.error().path, "more");
}

TEST(Decode, AllScalarKinds) {
  struct scalars {
    bool b;
    std::int8_t i8;
    std::uint16_t u16;
    std::int64_t i64;
    float f;
    double d;
    std::string s;
  };
  const auto r = genwire::decode<scalars>(R"({"b":false,"i8":-7,"u16":65535,"i64":-1,"f":0.1,"d":-2.5e-3,"s":"a\tb\u0000c"})");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_FALSE(r->b);
  EXPECT_EQ(r->i8, -7);
  EXPECT_EQ(r->u16, 65535);
  EXPECT_EQ(r->i64, -1);
  EXPECT_EQ(r->f, 0.1F);
  EXPECT_EQ(r->d, -2.5e-3);
  EXPECT_EQ(r->s, std::string("a\tb\0c", 5));
}

}  // namespace decode_test
}  // namespace
