// Presence and null are separate: T (required, not null), std::optional<T> (may be absent),
// genwire::nullable<T> (may be null), genwire::optional_nullable<T> (both). Decoding records which
// it saw, and encoding reproduces it: absent stays absent, an explicit null stays null.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace {
namespace presence_test {

using genwire::errc;

struct four {
  int req = 0;
  std::optional<int> opt;
  genwire::nullable<int> nul;
  genwire::optional_nullable<int> both;
};

// Each member in each of absent / null / value, the others fixed to a valid state.
struct presence_case {
  const char* name;
  const char* text;
  bool ok;
  errc code;        // when !ok
  const char* path;
  std::size_t offset;
};

const presence_case presence_cases[] = {
    // required T
    {"req_absent", R"({"nul":1})", false, errc::missing_key, "req", 8},
    {"req_null", R"({"req":null,"nul":1})", false, errc::wrong_type, "req", 7},
    {"req_value", R"({"req":1,"nul":1})", true, {}, "", 0},
    // std::optional<T>
    {"opt_absent", R"({"req":1,"nul":1})", true, {}, "", 0},
    {"opt_null", R"({"req":1,"opt":null,"nul":1})", false, errc::wrong_type, "opt", 15},
    {"opt_value", R"({"req":1,"opt":2,"nul":1})", true, {}, "", 0},
    // nullable<T>
    {"nul_absent", R"({"req":1})", false, errc::missing_key, "nul", 8},
    {"nul_null", R"({"req":1,"nul":null})", true, {}, "", 0},
    {"nul_value", R"({"req":1,"nul":3})", true, {}, "", 0},
    // optional_nullable<T>
    {"both_absent", R"({"req":1,"nul":1})", true, {}, "", 0},
    {"both_null", R"({"req":1,"nul":1,"both":null})", true, {}, "", 0},
    {"both_value", R"({"req":1,"nul":1,"both":4})", true, {}, "", 0},
};

void PrintTo(const presence_case& c, std::ostream* os) { *os << c.name; }

class Presence : public ::testing::TestWithParam<presence_case> {};

TEST_P(Presence, DecodesAsDeclaredAndRoundTripsExactly) {
  const presence_case& c = GetParam();
  const auto r = genwire::decode<four>(c.text);
  if (!c.ok) {
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, c.code) << r.error().message();
    EXPECT_EQ(r.error().path, c.path) << r.error().message();
    EXPECT_EQ(r.error().offset, c.offset) << r.error().message();
    return;
  }
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(genwire::encode(*r).value(), c.text);
}

INSTANTIATE_TEST_SUITE_P(FourKinds, Presence, ::testing::ValuesIn(presence_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Presence, DecodedStatesAreDistinguishable) {
  const four absent = genwire::decode<four>(R"({"req":1,"nul":null})").value();
  EXPECT_FALSE(absent.opt.has_value());
  EXPECT_FALSE(absent.nul.has_value());   // null
  EXPECT_FALSE(absent.both.has_value());  // absent

  const four nulls = genwire::decode<four>(R"({"req":1,"nul":null,"both":null})").value();
  ASSERT_TRUE(nulls.both.has_value());     // present...
  EXPECT_FALSE(nulls.both->has_value());   // ...and null

  const four values = genwire::decode<four>(R"({"req":1,"opt":2,"nul":3,"both":4})").value();
  EXPECT_EQ(values.req, 1);
  EXPECT_EQ(values.opt, 2);
  EXPECT_EQ(values.nul, 3);
  ASSERT_TRUE(values.both.has_value());
  EXPECT_EQ(*values.both, 4);
}

TEST(Presence, EncodingFromCodeFollowsTheSameRules) {
  four v;
  v.req = 7;
  EXPECT_EQ(genwire::encode(v).value(), R"({"req":7,"nul":null})");
  v.both = genwire::nullable<int>{};
  EXPECT_EQ(genwire::encode(v).value(), R"({"req":7,"nul":null,"both":null})");
  v.both = 9;
  v.opt = 8;
  v.nul = 0;
  EXPECT_EQ(genwire::encode(v).value(), R"({"req":7,"opt":8,"nul":0,"both":9})");
  v.nul = std::nullopt;
  EXPECT_EQ(genwire::encode(v).value(), R"({"req":7,"opt":8,"nul":null,"both":9})");
}

TEST(Presence, NullableAssignsLikeStdOptional) {
  genwire::nullable<int> n;
  n = 0;  // a value, even though it is zero
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 0);
  n = {};  // null
  EXPECT_FALSE(n.has_value());
  n = 5;
  n = std::nullopt;
  EXPECT_FALSE(n.has_value());
  n = std::optional<int>(3);
  EXPECT_EQ(n, 3);
  genwire::nullable<std::string> s;
  s = "text";
  EXPECT_EQ(*s, "text");
  genwire::optional_nullable<int> both;
  both = genwire::nullable<int>{};
  EXPECT_TRUE(both.has_value() && !both->has_value());
  EXPECT_EQ(genwire::encode(four{1, std::nullopt, n, both}).value(), R"({"req":1,"nul":3,"both":null})");
}

TEST(Presence, NullMessagesSayWhatWasExpected) {
  const auto req = genwire::decode<four>(R"({"req":null,"nul":1})");
  EXPECT_EQ(req.error().message(), "req: expected an integer, found null (offset 7)");
  const auto opt = genwire::decode<four>(R"({"req":1,"opt":null,"nul":1})");
  EXPECT_EQ(opt.error().message(), "opt: expected an integer, found null (offset 15)");
  const auto missing = genwire::decode<four>(R"({"req":1})");
  EXPECT_EQ(missing.error().message(), "nul: missing required key (offset 8)");
}

// ---------------------------------------------------------------------------------------------
// Nested structures: every combination at every level survives decode -> encode unchanged.
// ---------------------------------------------------------------------------------------------
struct leaf {
  std::string name;
  genwire::nullable<std::string> note;
  std::optional<double> score;
};

struct branch {
  leaf main;
  std::optional<leaf> spare;
  genwire::nullable<leaf> maybe;
  genwire::optional_nullable<std::vector<leaf>> children;
  std::vector<genwire::nullable<int>> slots;
  genwire::optional_nullable<std::string> label;
};

struct tree {
  std::vector<branch> branches;
  genwire::optional_nullable<branch> extra;
};

const char* const nested_round_trips[] = {
    R"({"branches":[]})",
    R"({"branches":[],"extra":null})",
    R"({"branches":[{"main":{"name":"a","note":null},"maybe":null,"slots":[]}]})",
    R"({"branches":[{"main":{"name":"a","note":"n","score":0.5},"spare":{"name":"s","note":null},"maybe":{"name":"m","note":null,"score":1},"children":null,"slots":[null,1,null],"label":null}]})",
    R"({"branches":[{"main":{"name":"a","note":null},"maybe":null,"children":[],"slots":[],"label":"x"},{"main":{"name":"b","note":"q"},"maybe":null,"children":[{"name":"c","note":null},{"name":"d","note":"e","score":-2}],"slots":[0]}],"extra":{"main":{"name":"z","note":null},"maybe":null,"slots":[null]}})",
};

TEST(PresenceNested, RoundTripReproducesAbsentAndNullAtEveryLevel) {
  for (const char* text : nested_round_trips) {
    SCOPED_TRACE(text);
    const auto r = genwire::decode<tree>(text);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_EQ(genwire::encode(*r).value(), text);
  }
}

TEST(PresenceNested, StatesOfADecodedTree) {
  const auto r = genwire::decode<tree>(nested_round_trips[4]);
  ASSERT_TRUE(r.has_value());
  const branch& b0 = r->branches[0];
  EXPECT_FALSE(b0.spare.has_value());
  EXPECT_FALSE(b0.maybe.has_value());
  ASSERT_TRUE(b0.children.has_value());
  ASSERT_TRUE(b0.children->has_value());
  EXPECT_TRUE((*b0.children)->empty());
  ASSERT_TRUE(b0.label.has_value());
  EXPECT_EQ(**b0.label, "x");
  const branch& b1 = r->branches[1];
  EXPECT_FALSE(b1.label.has_value());
  ASSERT_EQ((*b1.children)->size(), 2U);
  EXPECT_FALSE((**b1.children)[0].note.has_value());
  EXPECT_EQ((**b1.children)[1].score, -2.0);
  ASSERT_TRUE(r->extra.has_value() && r->extra->has_value());
  ASSERT_EQ((**r->extra).slots.size(), 1U);
  EXPECT_FALSE((**r->extra).slots[0].has_value());
}

TEST(PresenceNested, ErrorsDeepInsideHaveFullPaths) {
  // A null where only absence is allowed, three levels down.
  const std::string spare_null =
      R"({"branches":[{"main":{"name":"a","note":null},"maybe":null,"slots":[]},{"main":{"name":"b","note":null},"maybe":null,"slots":[],"children":[{"name":"c","note":null,"score":null}]}]})";
  const auto r = genwire::decode<tree>(spare_null);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().path, "branches[1].children[0].score");
  EXPECT_EQ(r.error().offset, spare_null.find("null}]}]}"));
  EXPECT_EQ(r.error().expected, "a number");

  // A required nullable absent inside an optional struct.
  const std::string missing = R"({"branches":[],"extra":{"main":{"name":"z"},"maybe":null,"slots":[]}})";
  const auto m = genwire::decode<tree>(missing);
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code, errc::missing_key);
  EXPECT_EQ(m.error().path, "extra.main.note");
  EXPECT_EQ(m.error().offset, missing.find("}"));
}

TEST(PresenceNested, NullableStructAndVectorAcceptNullButPlainOnesDoNot) {
  const auto r = genwire::decode<tree>(R"({"branches":null})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "branches: expected an array, found null (offset 12)");
  const auto main_null = genwire::decode<branch>(R"({"main":null,"maybe":null,"slots":[]})");
  ASSERT_FALSE(main_null.has_value());
  EXPECT_EQ(main_null.error().message(), "main: expected an object, found null (offset 8)");
}

TEST(Presence, NullableOutsideAStructAndInContainers) {
  EXPECT_EQ(genwire::decode<genwire::nullable<int>>("null").value(), std::nullopt);
  EXPECT_EQ(genwire::decode<genwire::nullable<int>>("5").value(), 5);
  const auto v = genwire::decode<std::vector<genwire::nullable<std::string>>>(R"(["a",null,""])");
  ASSERT_TRUE(v.has_value());
  ASSERT_EQ(v->size(), 3U);
  EXPECT_EQ((*v)[0], "a");
  EXPECT_FALSE((*v)[1].has_value());
  EXPECT_EQ((*v)[2], "");
  EXPECT_EQ(genwire::encode(*v).value(), R"(["a",null,""])");
  // In an array there is no "absent": a plain element cannot be null.
  const auto plain = genwire::decode<std::vector<int>>("[1,null]");
  ASSERT_FALSE(plain.has_value());
  EXPECT_EQ(plain.error().path, "[1]");
  EXPECT_EQ(plain.error().offset, 3U);
}

}  // namespace presence_test
}  // namespace
