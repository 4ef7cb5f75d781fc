// The error type and the result/status API: one readable line per failure, in full, for each
// kind of error; a value-or-error result without exceptions; a throwing wrapper on top.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {
namespace errors_test {

using genwire::errc;

enum class color { red, green };

struct item {
  std::string name;
  genwire::bounded<int, 0, 10> qty;
  color tint;
  std::optional<genwire::sized_string<2>> code;
  std::optional<genwire::date_time> at;
};

struct order {
  std::string id;
  std::vector<item> items;
};

TEST(ErrorMessages, OneFullLinePerKind) {
  struct message_case {
    genwire::error error;
    errc code;
    const char* message;
  };
  const message_case cases[] = {
      {genwire::check_json("[1,]").error(), errc::syntax, "$: expected a JSON value, found ']' (offset 3)"},
      {genwire::check_json("01").error(), errc::syntax, "$: expected a number without leading zeros, found number 01 (offset 0)"},
      {genwire::decode<std::string>("\"a\nb\"").error(), errc::syntax,
       "$: expected an escaped control character, found byte 0x0a (raw control character in a string) (offset 2)"},
      {genwire::parse_json(R"({"a":[1,)").error(), errc::unexpected_end, "a[1]: expected a JSON value, found end of input (offset 8)"},
      {genwire::check_json("{} x").error(), errc::trailing_content, "$: expected end of input, found 'x' (offset 3)"},
      {genwire::decode<std::string>("\"a\xFF\"").error(), errc::invalid_utf8, "$: expected valid UTF-8, found byte 0xff (offset 2)"},
      {genwire::decode<std::string>(R"("\q")").error(), errc::invalid_escape,
       R"($: expected one of \" \\ \/ \b \f \n \r \t \uXXXX, found \q (offset 1))"},
      {genwire::decode<std::string>(R"("\uDC00")").error(), errc::invalid_escape,
       R"($: expected a high surrogate before a low one, found lone low surrogate \uDC00 (offset 1))"},
      {genwire::decode<std::string>(R"("\uD800")").error(), errc::invalid_escape,
       R"($: expected a low surrogate \uDC00-\uDFFF after \uD800, found lone high surrogate (offset 1))"},
      {genwire::check_json(std::string(300, '[')).error(), errc::depth_exceeded,
       "$: expected at most 256 nested arrays/objects, found deeper nesting (offset 256)"},
      {genwire::decode<order>(R"({"id":"o","items":[{"name":1}]})").error(), errc::wrong_type,
       "items[0].name: expected a string, found number 1 (offset 27)"},
      {genwire::decode<order>(R"({"id":"o","items":[{"name":"n","qty":1}]})").error(), errc::missing_key,
       "items[0].tint: missing required key (offset 38)"},
      {genwire::decode<order>(R"({"id":"o","id":"p","items":[]})").error(), errc::duplicate_key,
       R"(id: expected each key once, found a second "id" (offset 10))"},
      {genwire::decode<order, genwire::strict>(R"({"id":"o","items":[],"note":""})").error(), errc::unknown_key,
       R"(note: expected a key declared by the type, found key "note" (offset 21))"},
      {genwire::decode<order>(R"({"id":"o","items":[{"name":"n","qty":11,"tint":"red"}]})").error(), errc::out_of_range,
       "items[0].qty: expected a number in [0, 10], found 11 (offset 37)"},
      {genwire::decode<order>(R"({"id":"o","items":[{"name":"n","qty":1,"tint":"red","code":"x"}]})").error(), errc::constraint,
       R"(items[0].code: expected a string of at least 2 characters, found string "x" (1 character) (offset 59))"},
      {genwire::decode<order, genwire::strict>(R"({"id":"o","items":[{"name":"n","qty":1,"tint":"red","at":"now"}]})").error(),
       errc::format, R"(items[0].at: expected an RFC 3339 date-time, found string "now" (offset 57))"},
      {genwire::decode<order>(R"({"id":"o","items":[{"name":"n","qty":1,"tint":"blue"}]})").error(), errc::unknown_enum,
       R"(items[0].tint: expected one of "red", "green", found string "blue" (offset 46))"},
      {genwire::encode(std::vector<double>{1, INFINITY}).error(), errc::unencodable, "[1]: expected a finite number, found infinity (offset 3)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    EXPECT_EQ(c.error.code, c.code);
    EXPECT_EQ(c.error.message(), c.message);
  }
}

TEST(ErrorMessages, LongStringsAreQuotedShortAndPrintable) {
  const auto r = genwire::decode<int>(std::string(1, '"').append(100, 'x').append(1, '"'));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "$: expected an integer, found string \"" + std::string(40, 'x') + "...\" (offset 0)");
  const auto e = genwire::decode<color>(R"("tab\there")");
  EXPECT_EQ(e.error().found, R"(string "tab\x09here")");
}

TEST(ErrorMessages, FormattingRules) {
  // With an expectation: "path: expected X, found Y (offset N)".
  EXPECT_EQ((genwire::error{errc::wrong_type, "a.b[2]", 17, "an integer", "null"}.message()), "a.b[2]: expected an integer, found null (offset 17)");
  // Expectation without a finding.
  EXPECT_EQ((genwire::error{errc::syntax, "$", 0, "a value", ""}.message()), "$: expected a value (offset 0)");
  // No expectation: the kind of error, then the finding if any.
  EXPECT_EQ((genwire::error{errc::missing_key, "x", 4, "", ""}.message()), "x: missing required key (offset 4)");
  EXPECT_EQ((genwire::error{errc::constraint, "x", 4, "", "too long"}.message()), "x: constraint violated: too long (offset 4)");
  // Defaults.
  const genwire::error d;
  EXPECT_EQ(d.code, errc::syntax);
  EXPECT_EQ(d.path, "$");
  EXPECT_EQ(d.offset, 0U);
}

TEST(ErrorMessages, EveryKindHasAName) {
  EXPECT_EQ(genwire::to_string(errc::syntax), "syntax error");
  EXPECT_EQ(genwire::to_string(errc::unexpected_end), "unexpected end of input");
  EXPECT_EQ(genwire::to_string(errc::trailing_content), "trailing content");
  EXPECT_EQ(genwire::to_string(errc::invalid_utf8), "invalid UTF-8");
  EXPECT_EQ(genwire::to_string(errc::invalid_escape), "invalid escape");
  EXPECT_EQ(genwire::to_string(errc::depth_exceeded), "nesting too deep");
  EXPECT_EQ(genwire::to_string(errc::wrong_type), "wrong type");
  EXPECT_EQ(genwire::to_string(errc::missing_key), "missing required key");
  EXPECT_EQ(genwire::to_string(errc::duplicate_key), "duplicate key");
  EXPECT_EQ(genwire::to_string(errc::unknown_key), "unknown key");
  EXPECT_EQ(genwire::to_string(errc::out_of_range), "out of range");
  EXPECT_EQ(genwire::to_string(errc::constraint), "constraint violated");
  EXPECT_EQ(genwire::to_string(errc::format), "invalid format");
  EXPECT_EQ(genwire::to_string(errc::unknown_enum), "unknown enum value");
  EXPECT_EQ(genwire::to_string(errc::unencodable), "cannot encode");
}

// ---------------------------------------------------------------------------------------------

TEST(Result, ValueSide) {
  genwire::result<order> r = genwire::decode<order>(R"({"id":"o","items":[]})");
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r->id, "o");
  EXPECT_EQ((*r).id, "o");
  EXPECT_EQ(r.value().id, "o");
  r->id = "changed";
  EXPECT_EQ(r.value().id, "changed");
  const order moved = std::move(r).value();
  EXPECT_EQ(moved.id, "changed");
}

TEST(Result, ErrorSideAndValueThrows) {
  const genwire::result<int> r = genwire::decode<int>("true");
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, errc::wrong_type);
  try {
    (void)r.value();
    FAIL() << "value() of an error must throw";
  } catch (const genwire::decode_error& e) {
    EXPECT_STREQ(e.what(), "$: expected an integer, found true (offset 0)");
    EXPECT_EQ(e.error().code, errc::wrong_type);
  }
}

TEST(Result, ImplicitFromValueAndFromError) {
  const genwire::result<std::string> ok = std::string("v");
  EXPECT_EQ(*ok, "v");
  const genwire::result<std::string> bad = genwire::error{errc::constraint, "p", 1, "x", "y"};
  EXPECT_EQ(bad.error().path, "p");
}

// A type that counts its live objects: the result's copies, moves and assignments between a value
// and an error must destroy exactly what they replace.
struct counted {
  static inline int alive = 0;
  std::string text;
  counted(std::string t) : text(std::move(t)) { ++alive; }  // NOLINT: implicit for the test
  counted(const counted& o) : text(o.text) { ++alive; }
  counted(counted&& o) noexcept : text(std::move(o.text)) { ++alive; }
  counted& operator=(const counted&) = default;
  counted& operator=(counted&&) noexcept = default;
  ~counted() { --alive; }
};

TEST(Result, CopiesMovesAndAssignmentsBetweenValueAndError) {
  using R = genwire::result<counted>;
  {
    R v = counted("one");
    R err = genwire::error{errc::constraint, "$.x", 3, "a", "b"};
    EXPECT_EQ(counted::alive, 1);
    R copy = v;
    R err_copy = err;
    EXPECT_EQ(copy->text, "one");
    EXPECT_EQ(err_copy.error().path, "$.x");
    EXPECT_EQ(counted::alive, 2);

    copy = err;  // a value replaced by a copy of an error
    ASSERT_FALSE(copy.has_value());
    EXPECT_EQ(copy.error().offset, 3U);
    EXPECT_EQ(counted::alive, 1);
    err_copy = v;  // an error replaced by a copy of a value
    ASSERT_TRUE(err_copy.has_value());
    EXPECT_EQ(err_copy->text, "one");
    EXPECT_EQ(counted::alive, 2);

    err = std::move(v);  // an error replaced by a moved value; v keeps a moved-from value
    ASSERT_TRUE(err.has_value());
    EXPECT_EQ(err->text, "one");
    EXPECT_TRUE(v.has_value());
    EXPECT_EQ(counted::alive, 3);
    v = std::move(copy);  // a value replaced by a moved error
    ASSERT_FALSE(v.has_value());
    EXPECT_EQ(v.error().found, "b");
    EXPECT_EQ(counted::alive, 2);

    err = R(counted("two"));  // value to value
    EXPECT_EQ(err->text, "two");
    const R& same = err;
    err = same;  // onto itself
    EXPECT_EQ(err->text, "two");
    EXPECT_EQ(counted::alive, 2);
    const R moved_error = std::move(v);
    EXPECT_EQ(moved_error.error().expected, "a");
  }
  EXPECT_EQ(counted::alive, 0);
}

struct moves_with_throw {
  moves_with_throw() = default;
  moves_with_throw(const moves_with_throw&) = default;
  moves_with_throw(moves_with_throw&&) noexcept(false) {}
};
static_assert(std::is_nothrow_move_constructible_v<genwire::result<std::string>>);
static_assert(std::is_nothrow_move_assignable_v<genwire::result<std::vector<int>>>);
// Switching between a value and an error could fail halfway for such a T: constructible, not assignable.
static_assert(std::is_move_constructible_v<genwire::result<moves_with_throw>>);
static_assert(!std::is_move_assignable_v<genwire::result<moves_with_throw>>);
static_assert(!std::is_copy_assignable_v<genwire::result<moves_with_throw>>);
// Copyable exactly when T is, as std::variant was (containers pick copy or move by these traits).
static_assert(!std::is_copy_constructible_v<genwire::result<std::unique_ptr<int>>>);
static_assert(!std::is_copy_assignable_v<genwire::result<std::unique_ptr<int>>>);
static_assert(std::is_nothrow_move_assignable_v<genwire::result<std::unique_ptr<int>>>);

TEST(Status, OkAndError) {
  const genwire::status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_TRUE(static_cast<bool>(ok));
  const genwire::status bad = genwire::check_json("[");
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(bad.error().code, errc::unexpected_end);
  EXPECT_EQ(bad.error().offset, 1U);
}

TEST(DecodeOrThrow, ReturnsTheValueOrThrowsDecodeError) {
  EXPECT_EQ(genwire::decode_or_throw<std::vector<int>>("[1,2]"), (std::vector<int>{1, 2}));
  EXPECT_THROW((void)genwire::decode_or_throw<order>("{}"), genwire::decode_error);
  EXPECT_THROW((void)genwire::decode_or_throw<order>("{}"), std::runtime_error);
  try {
    (void)genwire::decode_or_throw<order, genwire::strict>(R"({"id":"o","items":[],"x":1})");
    FAIL() << "expected a throw";
  } catch (const genwire::decode_error& e) {
    EXPECT_EQ(std::string(e.what()), e.error().message());
    EXPECT_STREQ(e.what(), R"(x: expected a key declared by the type, found key "x" (offset 21))");
    EXPECT_EQ(e.error().code, errc::unknown_key);
    EXPECT_EQ(e.error().path, "x");
    EXPECT_EQ(e.error().offset, 21U);
  }
}

}  // namespace errors_test
}  // namespace
