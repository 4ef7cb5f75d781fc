// Reflection: member counts and names at compile time (the static_asserts run on both
// compilers), enum names, and how member names become JSON keys.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {
namespace reflect_test {

enum class colour { red, green, blue };

struct inner {
  int a = 0;
  std::string b;
  friend bool operator==(const inner&, const inner&) = default;
};

// 64 members, the documented maximum, cycling through every member type the issue names.
struct big {
  std::int8_t m00{};
  std::uint8_t m01{};
  std::int16_t m02{};
  std::uint16_t m03{};
  std::int32_t m04{};
  std::uint32_t m05{};
  std::int64_t m06{};
  std::uint64_t m07{};
  double m08{};
  bool m09{};
  std::string m10{};
  std::vector<int> m11{};
  std::optional<int> m12{};
  inner m13{};
  colour m14{};
  float m15{};
  std::int8_t m16{};
  std::uint8_t m17{};
  std::int16_t m18{};
  std::uint16_t m19{};
  std::int32_t m20{};
  std::uint32_t m21{};
  std::int64_t m22{};
  std::uint64_t m23{};
  double m24{};
  bool m25{};
  std::string m26{};
  std::vector<int> m27{};
  std::optional<int> m28{};
  inner m29{};
  colour m30{};
  float m31{};
  std::int8_t m32{};
  std::uint8_t m33{};
  std::int16_t m34{};
  std::uint16_t m35{};
  std::int32_t m36{};
  std::uint32_t m37{};
  std::int64_t m38{};
  std::uint64_t m39{};
  double m40{};
  bool m41{};
  std::string m42{};
  std::vector<int> m43{};
  std::optional<int> m44{};
  inner m45{};
  colour m46{};
  float m47{};
  std::int8_t m48{};
  std::uint8_t m49{};
  std::int16_t m50{};
  std::uint16_t m51{};
  std::int32_t m52{};
  std::uint32_t m53{};
  std::int64_t m54{};
  std::uint64_t m55{};
  double m56{};
  bool m57{};
  std::string m58{};
  std::vector<int> m59{};
  std::optional<int> m60{};
  inner m61{};
  colour m62{};
  float m63{};
  friend bool operator==(const big&, const big&) = default;
};

struct outer {
  inner first;
  std::vector<inner> list;
  std::optional<inner> maybe;
  std::array<inner, 2> pair;
};

struct empty {};

struct odd_names {
  int _leading;
  int trailing_;
  int with_digits_42;
  int CamelCase;
  int x;
};

// Keywords cannot be enumerators, so the wire name drops one trailing underscore.
enum class verb { get, delete_, default_, new_, _ };

namespace deep::er {
enum plain_enum { alpha, beta };  // unscoped, nested namespaces
struct holder {
  enum class nested { one, two };  // class-scope enum
};
}  // namespace deep::er

enum class small : std::uint8_t { a, b, c };

struct camel {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string api_project_id;
  int created_at_ms;
  int x;
  int _private;
  int a__b;
  bool done_;
};

struct pair_keys {
  static constexpr genwire::key_rename genwire_keys[] = {{"first", "[0]"}, {"second", "[1]"}};
  std::string first;
  int second;
  int third;
};

struct renamed_and_camel {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  static constexpr genwire::key_rename genwire_keys[] = {{"type_", "type"}, {"created_at", "timestamp"}};
  std::string type_;
  int created_at;
  int updated_at;
};

struct with_pair {
  pair_keys input;
};

// Every count around the member-count search's steps (it doubles 1, 2, 4, ... 64, then bisects):
// std::optional members (the costliest to probe), the last one a std::string.
struct count1 { std::string last; };
struct count2 { std::optional<int> m0; std::string last; };
struct count3 { std::optional<int> m0, m1; std::string last; };
struct count4 { std::optional<int> m0, m1, m2; std::string last; };
struct count5 { std::optional<int> m0, m1, m2, m3; std::string last; };
struct count7 { std::optional<int> m0, m1, m2, m3, m4, m5; std::string last; };
struct count8 { std::optional<int> m0, m1, m2, m3, m4, m5, m6; std::string last; };
struct count9 { std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7; std::string last; };
struct count15 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13;
  std::string last;
};
struct count16 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14;
  std::string last;
};
struct count17 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15;
  std::string last;
};
struct count31 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18,
      m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29;
  std::string last;
};
struct count32 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18,
      m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30;
  std::string last;
};
struct count33 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18,
      m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31;
  std::string last;
};
struct count63 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18,
      m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31, m32, m33, m34, m35, m36, m37, m38,
      m39, m40, m41, m42, m43, m44, m45, m46, m47, m48, m49, m50, m51, m52, m53, m54, m55, m56, m57, m58,
      m59, m60, m61;
  std::string last;
};
struct count65 {
  std::optional<int> m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18,
      m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31, m32, m33, m34, m35, m36, m37, m38,
      m39, m40, m41, m42, m43, m44, m45, m46, m47, m48, m49, m50, m51, m52, m53, m54, m55, m56, m57, m58,
      m59, m60, m61, m62, m63;
  std::string last;
};

using genwire::reflect::member_count;
using genwire::reflect::member_names;
using genwire::reflect::enum_names;

// N members, the last of them a std::string named `last`.
template <class T, std::size_t N>
constexpr bool counted_with_last = member_count<T> == N && member_names<T>[N - 1] == "last" &&
                                   std::is_same_v<genwire::reflect::member_type<T, N - 1>, std::string>;

static_assert(member_count<big> == 64);
static_assert(member_names<big>[0] == "m00");
static_assert(member_names<big>[63] == "m63");
static_assert(member_count<inner> == 2);
static_assert(member_count<outer> == 4);
static_assert(member_count<empty> == 0);
static_assert(counted_with_last<count1, 1>);
static_assert(counted_with_last<count2, 2>);
static_assert(counted_with_last<count3, 3>);
static_assert(counted_with_last<count4, 4>);
static_assert(counted_with_last<count5, 5>);
static_assert(counted_with_last<count7, 7>);
static_assert(counted_with_last<count8, 8>);
static_assert(counted_with_last<count9, 9>);
static_assert(counted_with_last<count15, 15>);
static_assert(counted_with_last<count16, 16>);
static_assert(counted_with_last<count17, 17>);
static_assert(counted_with_last<count31, 31>);
static_assert(counted_with_last<count32, 32>);
static_assert(counted_with_last<count33, 33>);
static_assert(counted_with_last<count63, 63>);
static_assert(member_count<count65> == 65);  // 65: one more than genwire reflects, reported as such
static_assert(member_names<outer>[3] == "pair");
static_assert(enum_names<verb>.size() == 5);
static_assert(enum_names<verb>[1] == "delete");

TEST(Reflect, SixtyFourMembersCountedAndNamedInOrder) {
  ASSERT_EQ(member_count<big>, 64U);
  const auto& names = member_names<big>;
  ASSERT_EQ(names.size(), 64U);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string expected = std::string("m") + static_cast<char>('0' + i / 10) + static_cast<char>('0' + i % 10);
    EXPECT_EQ(names[i], expected) << "member " << i;
  }
}

TEST(Reflect, SixtyFourMembersRoundTripThroughJson) {
  big b;
  b.m00 = -128;
  b.m01 = 255;
  b.m06 = -9'223'372'036'854'775'807LL - 1;
  b.m07 = 18'446'744'073'709'551'615ULL;
  b.m08 = 0.25;
  b.m09 = true;
  b.m10 = "ten";
  b.m11 = {1, 2};
  b.m12 = 12;
  b.m13 = {13, "thirteen"};
  b.m14 = colour::blue;
  b.m15 = 1.5F;
  b.m63 = 63.5F;
  const auto text = genwire::encode(b);
  ASSERT_TRUE(text.has_value()) << text.error().message();
  EXPECT_EQ(text->substr(0, 60), R"({"m00":-128,"m01":255,"m02":0,"m03":0,"m04":0,"m05":0,"m06":)");
  EXPECT_NE(text->find(R"("m06":-9223372036854775808,"m07":18446744073709551615,"m08":0.25,"m09":true,"m10":"ten","m11":[1,2],"m12":12,"m13":{"a":13,"b":"thirteen"},"m14":"blue","m15":1.5,)"), std::string::npos);
  EXPECT_EQ(text->substr(text->size() - 11), R"("m63":63.5})");
  // m28 is the std::optional<int> of the second cycle: absent, so 63 keys are written.
  EXPECT_EQ(text->find("\"m28\""), std::string::npos);
  const auto back = genwire::decode<big>(*text);
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(*back, b);
}

TEST(Reflect, NestedStructsAndContainersHaveTheirOwnNames) {
  EXPECT_EQ(member_names<outer>, (std::array<std::string_view, 4>{"first", "list", "maybe", "pair"}));
  EXPECT_EQ(member_names<inner>, (std::array<std::string_view, 2>{"a", "b"}));
  EXPECT_TRUE(member_names<empty>.empty());
}

TEST(Reflect, NamesWithUnderscoresDigitsAndCapitals) {
  EXPECT_EQ(member_names<odd_names>,
            (std::array<std::string_view, 5>{"_leading", "trailing_", "with_digits_42", "CamelCase", "x"}));
  // Members keep their exact spelling as keys (only enumerators lose a trailing underscore).
  EXPECT_EQ(genwire::encode(odd_names{1, 2, 3, 4, 5}).value(),
            R"({"_leading":1,"trailing_":2,"with_digits_42":3,"CamelCase":4,"x":5})");
}

TEST(Reflect, VisitPassesMembersByReferenceInOrder) {
  inner v{1, "one"};
  genwire::reflect::visit(v, [](int& a, std::string& b) {
    a = 2;
    b += "!";
  });
  EXPECT_EQ(v.a, 2);
  EXPECT_EQ(v.b, "one!");
  const inner c{3, "three"};
  const std::size_t n = genwire::reflect::visit(c, [](const auto&... m) { return sizeof...(m); });
  EXPECT_EQ(n, 2U);
}

TEST(Reflect, EmptyStructIsAnEmptyObject) {
  EXPECT_EQ(genwire::encode(empty{}).value(), "{}");
  EXPECT_TRUE(genwire::decode<empty>(R"({"ignored": [1, {"x": null}]})").has_value());
  const auto strict = genwire::decode<empty, genwire::strict>(R"({"x":1})");
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().code, genwire::errc::unknown_key);
  EXPECT_EQ(strict.error().path, "x");
  EXPECT_EQ(strict.error().offset, 1U);
}

TEST(Reflect, EnumNamesStripOneTrailingUnderscore) {
  EXPECT_EQ(enum_names<verb>, (std::array<std::string_view, 5>{"get", "delete", "default", "new", "_"}));
  EXPECT_EQ(enum_names<colour>, (std::array<std::string_view, 3>{"red", "green", "blue"}));
  EXPECT_EQ(enum_names<small>, (std::array<std::string_view, 3>{"a", "b", "c"}));
  EXPECT_EQ(enum_names<deep::er::plain_enum>, (std::array<std::string_view, 2>{"alpha", "beta"}));
  EXPECT_EQ(enum_names<deep::er::holder::nested>, (std::array<std::string_view, 2>{"one", "two"}));
}

TEST(Reflect, KeywordEnumeratorsUseTheirWireName) {
  EXPECT_EQ(genwire::encode(verb::delete_).value(), R"("delete")");
  EXPECT_EQ(genwire::encode(verb::default_).value(), R"("default")");
  EXPECT_EQ(genwire::decode<verb>(R"("new")").value(), verb::new_);
  const auto r = genwire::decode<verb>(R"("delete_")");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, genwire::errc::unknown_enum);
  EXPECT_EQ(r.error().expected, R"(one of "get", "delete", "default", "new", "_")");
}

TEST(Reflect, CamelCaseNamingPolicy) {
  camel c{"p1", 5, 6, 7, 8, true};
  const auto text = genwire::encode(c);
  ASSERT_TRUE(text.has_value());
  // A leading underscore stays; a doubled or trailing one just disappears.
  EXPECT_EQ(*text, R"({"apiProjectId":"p1","createdAtMs":5,"x":6,"_private":7,"aB":8,"done":true})");
  const auto back = genwire::decode<camel>(*text);
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(back->api_project_id, "p1");
  EXPECT_EQ(back->created_at_ms, 5);
  EXPECT_EQ(back->a__b, 8);
  EXPECT_TRUE(back->done_);
  // The member name itself is no longer a key.
  const auto snake = genwire::decode<camel>(R"({"api_project_id":"p1","createdAtMs":5,"x":6,"_private":7,"aB":8,"done":true})");
  ASSERT_FALSE(snake.has_value());
  EXPECT_EQ(snake.error().code, genwire::errc::missing_key);
  EXPECT_EQ(snake.error().path, "apiProjectId");
}

TEST(Reflect, KeyRenamesForKeysThatAreNotIdentifiers) {
  const auto text = genwire::encode(pair_keys{"a", 2, 3});
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, R"({"[0]":"a","[1]":2,"third":3})");
  const auto back = genwire::decode<pair_keys>(R"({"third":3,"[1]":2,"[0]":"a"})");
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(back->first, "a");
  EXPECT_EQ(back->second, 2);
}

TEST(Reflect, RenamedKeyAppearsQuotedInPaths) {
  //                                           0         1         2
  //                                           0123456789012345678901234567
  const auto r = genwire::decode<with_pair>(R"({"input":{"[0]":"a","[1]":"2","third":3}})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, genwire::errc::wrong_type);
  EXPECT_EQ(r.error().path, R"(input["[1]"])");
  EXPECT_EQ(r.error().offset, 26U);
  EXPECT_EQ(r.error().message(), R"(input["[1]"]: expected an integer, found string "2" (offset 26))");

  const auto top = genwire::decode<pair_keys>(R"({"[0]":1})");
  ASSERT_FALSE(top.has_value());
  EXPECT_EQ(top.error().path, R"(["[0]"])");
}

TEST(Reflect, RenamesTakePrecedenceOverTheNamingPolicy) {
  const auto text = genwire::encode(renamed_and_camel{"t", 1, 2});
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, R"({"type":"t","timestamp":1,"updatedAt":2})");
  EXPECT_TRUE(genwire::decode<renamed_and_camel>(*text).has_value());
}

}  // namespace reflect_test
}  // namespace
