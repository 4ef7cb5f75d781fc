// The query-string codec: the same types and rules as JSON, errors with the parameter name as the
// path and the byte offset in the query string.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace query_test {

using genwire::errc;

enum class order { asc, desc };

struct list_query {
  genwire::bounded<int, 1, 100> limit;
  std::optional<std::string> cursor;
  std::optional<order> sort;
  std::vector<std::string> tags;
  bool include_deleted = false;
  genwire::nullable<std::int64_t> since;
  std::optional<double> min_score;
  genwire::optional_nullable<genwire::open_enum<order>> fallback;
};

template <class R>
::testing::AssertionResult fails_with(const R& r, errc code, std::string_view path, std::size_t offset) {
  if (r.has_value()) return ::testing::AssertionFailure() << "succeeded";
  const genwire::error& e = r.error();
  if (e.code == code && e.path == path && e.offset == offset) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got \"" << e.message() << "\" (" << genwire::to_string(e.code) << ")";
}

TEST(Query, EncodeThenDecodeRoundTrips) {
  list_query q;
  q.limit = 10;
  q.cursor = "a b&c=d+e/\xC3\xA9~";
  q.sort = order::desc;
  q.tags = {"x", "y z"};
  q.include_deleted = true;
  q.since = 5;
  q.min_score = 0.5;
  const auto text = genwire::encode_query(q);
  ASSERT_TRUE(text.has_value()) << text.error().message();
  EXPECT_EQ(*text, "limit=10&cursor=a%20b%26c%3Dd%2Be%2F%C3%A9~&sort=desc&tags=x&tags=y%20z&include_deleted=true&since=5&min_score=0.5");
  const auto back = genwire::decode_query<list_query>(*text);
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(back->limit.value, 10);
  EXPECT_EQ(back->cursor, q.cursor);
  EXPECT_EQ(back->sort, order::desc);
  EXPECT_EQ(back->tags, q.tags);
  EXPECT_TRUE(back->include_deleted);
  EXPECT_EQ(back->since, 5);
  EXPECT_EQ(back->min_score, 0.5);
  EXPECT_FALSE(back->fallback.has_value());
  EXPECT_EQ(genwire::encode_query(*back).value(), *text);
}

TEST(Query, AbsentAndNullMembersAreOmitted) {
  list_query q;
  q.limit = 1;
  EXPECT_EQ(genwire::encode_query(q).value(), "limit=1&include_deleted=false");
  q.fallback = genwire::nullable<genwire::open_enum<order>>{};
  EXPECT_EQ(genwire::encode_query(q).value(), "limit=1&include_deleted=false");
  q.fallback = genwire::open_enum<order>::unknown("random");
  EXPECT_EQ(genwire::encode_query(q).value(), "limit=1&include_deleted=false&fallback=random");
}

TEST(Query, PercentEncodingOfEveryReservedCharacter) {
  list_query q;
  q.limit = 1;
  q.cursor = " !\"#$%&'()*+,/:;=?@[]";
  EXPECT_EQ(genwire::encode_query(q).value(),
            "limit=1&cursor=%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D&include_deleted=false");
  // Unreserved characters stay as they are.
  q.cursor = "AZaz09-._~";
  EXPECT_EQ(genwire::encode_query(q).value(), "limit=1&cursor=AZaz09-._~&include_deleted=false");
}

TEST(Query, DecodingPlusIsASpaceAndEscapesAreEitherCase) {
  const auto r = genwire::decode_query<list_query>("limit=1&include_deleted=false&cursor=a+b%2bc%2Bd%c3%A9");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(*r->cursor, "a b+c+d\xC3\xA9");
  // Names are percent-decoded too.
  const auto n = genwire::decode_query<list_query>("li%6Dit=2&include%5Fdeleted=true");
  ASSERT_TRUE(n.has_value()) << n.error().message();
  EXPECT_EQ(n->limit.value, 2);
}

TEST(Query, RepeatedParametersFillAVector) {
  const auto r = genwire::decode_query<list_query>("tags=a&limit=1&tags=b&include_deleted=true&tags=&tags=c+d");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->tags, (std::vector<std::string>{"a", "b", "", "c d"}));
  const auto none = genwire::decode_query<list_query>("limit=1&include_deleted=true");
  EXPECT_TRUE(none->tags.empty());
}

TEST(Query, LeadingQuestionMarkAndEmptyPairs) {
  const auto r = genwire::decode_query<list_query>("?&&limit=3&&include_deleted=true&=ignored&");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->limit.value, 3);
}

TEST(Query, NullableAndOpenEnumParameters) {
  const auto r = genwire::decode_query<list_query>("limit=1&include_deleted=true&since=-9223372036854775808&fallback=sideways");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(*r->since, INT64_MIN);
  ASSERT_TRUE(r->fallback.has_value() && r->fallback->has_value());
  EXPECT_FALSE((**r->fallback).known());
  EXPECT_EQ((**r->fallback).unknown_text(), "sideways");
  // A nullable parameter that is not sent is null (a query cannot say null otherwise).
  const auto absent = genwire::decode_query<list_query>("limit=1&include_deleted=true");
  ASSERT_TRUE(absent.has_value());
  EXPECT_FALSE(absent->since.has_value());
}

TEST(Query, DuplicateScalarIsAnErrorAtTheSecondParameter) {
  //                                                0         1
  //                                                0123456789012345
  const auto r = genwire::decode_query<list_query>("limit=1&limit=2&include_deleted=true");
  EXPECT_TRUE(fails_with(r, errc::duplicate_key, "limit", 8));
  EXPECT_EQ(r.error().message(), R"(limit: expected each parameter once, found a second "limit" (offset 8))");
  // Spelled differently, still the same parameter.
  EXPECT_TRUE(fails_with(genwire::decode_query<list_query>("include_deleted=true&limit=1&l%69mit=1"), errc::duplicate_key, "limit", 29));
}

TEST(Query, UnknownParameterSkippedOrRejectedInStrictMode) {
  const std::string text = "limit=1&page=2&include_deleted=true";
  EXPECT_TRUE(genwire::decode_query<list_query>(text).has_value());
  const auto strict = genwire::decode_query<list_query, genwire::strict>(text);
  EXPECT_TRUE(fails_with(strict, errc::unknown_key, "page", 8));
  EXPECT_EQ(strict.error().message(), R"(page: expected a parameter declared by the type, found parameter "page" (offset 8))");
}

TEST(Query, MissingRequiredParameter) {
  const auto r = genwire::decode_query<list_query>("limit=5");
  EXPECT_TRUE(fails_with(r, errc::missing_key, "include_deleted", 7));
  EXPECT_EQ(r.error().message(), "include_deleted: missing required key (offset 7)");
  EXPECT_TRUE(fails_with(genwire::decode_query<list_query>("include_deleted=false"), errc::missing_key, "limit", 21));
  EXPECT_TRUE(fails_with(genwire::decode_query<list_query>(""), errc::missing_key, "limit", 0));
}

struct bad_value_case {
  const char* query;
  errc code;
  const char* path;
  std::size_t offset;
  const char* message;
};

TEST(Query, BadValuesNameTheParameterAndTheOffset) {
  const bad_value_case cases[] = {
      {"limit=abc&include_deleted=true", errc::wrong_type, "limit", 6, R"(limit: expected an integer, found "abc" (offset 6))"},
      {"include_deleted=true&limit=0", errc::out_of_range, "limit", 27, "limit: expected a number in [1, 100], found 0 (offset 27)"},
      {"limit=101&include_deleted=true", errc::out_of_range, "limit", 6, "limit: expected a number in [1, 100], found 101 (offset 6)"},
      {"limit=99999999999&include_deleted=true", errc::out_of_range, "limit", 6,
       R"(limit: expected an integer in [-2147483648, 2147483647], found "99999999999" (offset 6))"},
      {"limit=1.5&include_deleted=true", errc::wrong_type, "limit", 6, R"(limit: expected an integer, found "1.5" (offset 6))"},
      {"limit=+1&include_deleted=true", errc::wrong_type, "limit", 6, R"(limit: expected an integer, found " 1" (offset 6))"},
      {"limit=&include_deleted=true", errc::wrong_type, "limit", 6, R"(limit: expected an integer, found "" (offset 6))"},
      {"limit&include_deleted=true", errc::wrong_type, "limit", 5, R"(limit: expected an integer, found "" (offset 5))"},
      {"limit=1&include_deleted=yes", errc::wrong_type, "include_deleted", 24, R"(include_deleted: expected true or false, found "yes" (offset 24))"},
      {"limit=1&include_deleted=TRUE", errc::wrong_type, "include_deleted", 24, R"(include_deleted: expected true or false, found "TRUE" (offset 24))"},
      {"limit=1&include_deleted=true&sort=up", errc::unknown_enum, "sort", 34, R"(sort: expected one of "asc", "desc", found string "up" (offset 34))"},
      {"limit=1&include_deleted=true&since=-", errc::wrong_type, "since", 35, R"(since: expected an integer, found "-" (offset 35))"},
      {"limit=1&include_deleted=true&min_score=abc", errc::wrong_type, "min_score", 39, R"(min_score: expected a number, found "abc" (offset 39))"},
      {"limit=1&include_deleted=true&min_score=NaN", errc::wrong_type, "min_score", 39, R"(min_score: expected a number, found "NaN" (offset 39))"},
      {"limit=1&include_deleted=true&min_score=1e999", errc::out_of_range, "min_score", 39,
       R"(min_score: expected a number within the range of a double, found "1e999" (offset 39))"},
      {"limit=%G1&include_deleted=true", errc::syntax, "limit", 6, R"(limit: expected a percent-escape %XX, found "%G1" (offset 6))"},
      {"limit=1%4&include_deleted=true", errc::syntax, "limit", 7, R"(limit: expected a percent-escape %XX, found "%4" (offset 7))"},
      {"limit=1&include_deleted=true&cur%zzsor=x", errc::syntax, "$", 32, R"($: expected a percent-escape %XX, found "%zz" (offset 32))"},
      {"limit=1&include_deleted=true&cursor=%FF", errc::invalid_utf8, "cursor", 36, R"(cursor: expected valid UTF-8, found bytes that are not (offset 36))"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    const auto r = genwire::decode_query<list_query>(c.query);
    EXPECT_TRUE(fails_with(r, c.code, c.path, c.offset));
    if (!r.has_value()) {
      EXPECT_EQ(r.error().message(), c.message);
    }
  }
}

TEST(Query, EncodeChecksConstraints) {
  list_query q;
  q.limit = 0;
  const auto r = genwire::encode_query(q);
  EXPECT_TRUE(fails_with(r, errc::out_of_range, "limit", 0));
  EXPECT_EQ(r.error().message(), "limit: expected a number in [1, 100], found 0 (offset 0)");

  q.limit = 1;
  q.min_score = std::nan("");
  const auto nan = genwire::encode_query(q);
  // The offset is the length of what was written before this parameter.
  EXPECT_TRUE(fails_with(nan, errc::unencodable, "min_score", std::string("limit=1&include_deleted=false").size()));

  q.min_score.reset();
  q.cursor = std::string("\xC3");
  EXPECT_TRUE(fails_with(genwire::encode_query(q), errc::unencodable, "cursor", 7));

  q.cursor.reset();
  q.fallback = genwire::open_enum<order>::unknown("random");
  EXPECT_TRUE(genwire::encode_query(q).has_value());
  EXPECT_TRUE(fails_with(genwire::encode_query<genwire::strict>(q), errc::unknown_enum, "fallback", 29));
}

TEST(Query, DoublesWithExponentsRoundTrip) {
  // to_chars writes "1.5e+07"; a '+' in a query is a space, so the encoder leaves it out.
  list_query q;
  q.limit = 1;
  for (const double d : {-1.5e7, 3e30, 1e-7, 5e-324, 1.7976931348623157e308, 0.1}) {
    q.min_score = d;
    const auto text = genwire::encode_query(q);
    ASSERT_TRUE(text.has_value());
    EXPECT_EQ(text->find('+'), std::string::npos) << *text;
    const auto back = genwire::decode_query<list_query>(*text);
    ASSERT_TRUE(back.has_value()) << *text << ": " << back.error().message();
    EXPECT_EQ(back->min_score, d) << *text;
  }
  q.min_score = -1.5e7;
  EXPECT_EQ(genwire::encode_query(q).value(), "limit=1&include_deleted=false&min_score=-1.5e07");
  // A client that percent-encodes the '+' is understood too.
  EXPECT_EQ(genwire::decode_query<list_query>("limit=1&include_deleted=true&min_score=2e%2B3").value().min_score, 2000.0);
}

struct camel_query {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string project_id;
  std::optional<int> page_size;
};

TEST(Query, NamingPolicyAppliesToParameterNames) {
  EXPECT_EQ(genwire::encode_query(camel_query{"p 1", 20}).value(), "projectId=p%201&pageSize=20");
  const auto r = genwire::decode_query<camel_query>("pageSize=3&projectId=x");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->project_id, "x");
  EXPECT_EQ(r->page_size, 3);
  EXPECT_TRUE(fails_with(genwire::decode_query<camel_query>("project_id=x"), errc::missing_key, "projectId", 12));
}

}  // namespace query_test
}  // namespace
