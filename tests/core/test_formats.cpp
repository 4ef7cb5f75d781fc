// Formats: RFC 3339 date-time (converted exactly to genwire::timestamp), UUID and URI. Checked in
// strict mode; in the default mode a broken value is kept as text and only fails when asked for
// as a time. The expected instants were computed independently (Python datetime), not with
// std::chrono, so the parser is not checked against itself.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace formats_test {

using genwire::errc;

std::int64_t micros(const genwire::timestamp& t) { return t.time_since_epoch().count(); }

struct dt_case {
  const char* text;
  std::int64_t epoch_us;
};

const dt_case valid_date_times[] = {
    {"2025-01-05T12:40:00Z", 1736080800000000},
    {"2025-01-05T12:40:00.123+02:00", 1736073600123000},
    {"2024-02-29T23:59:59.999999-05:30", 1709270999999999},  // leap day, negative offset crossing midnight
    {"1969-12-31T23:59:59.5Z", -500000},                      // before the epoch
    {"2016-12-31T23:59:60Z", 1483228800000000},               // leap second folds into the next second
    {"2000-03-01T00:00:00.000001Z", 951868800000001},
    {"0001-01-01T00:00:00Z", -62135596800000000},
    {"9999-12-31T23:59:59.999999Z", 253402300799999999},
    {"2025-06-15T08:30:00-00:00", 1749976200000000},  // "unknown local offset" is still UTC
    {"2025-06-15t08:30:00z", 1749976200000000},       // RFC 3339 allows lower-case t and z
    {"2025-06-15T08:30:00.1234567890Z", 1749976200123456},  // beyond microseconds: truncated
    {"2025-06-15T09:30:00+01:00", 1749976200000000},
    {"2025-06-15T00:00:00+23:59", 1749976200000000 - (8 * 3600 + 30 * 60) * 1000000LL - (23 * 3600 + 59 * 60) * 1000000LL},
};

TEST(DateTime, ValidTextsConvertToTheExactMicrosecond) {
  for (const auto& c : valid_date_times) {
    SCOPED_TRACE(c.text);
    const auto t = genwire::formats::parse_date_time(c.text);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(micros(*t), c.epoch_us);
    EXPECT_TRUE(genwire::formats::is_date_time(c.text));
    const genwire::date_time dt{c.text};
    const auto via_member = dt.time();
    ASSERT_TRUE(via_member.has_value());
    EXPECT_EQ(micros(*via_member), c.epoch_us);
  }
}

TEST(DateTime, TimestampIsASysTimeOfMicroseconds) {
  static_assert(std::is_same_v<genwire::timestamp, std::chrono::sys_time<std::chrono::microseconds>>);
  const auto t = genwire::date_time{"2025-01-05T12:40:00Z"}.time().value();
  using namespace std::chrono;
  EXPECT_EQ(floor<days>(t), sys_days{year{2025} / January / 5});
  EXPECT_EQ(t - floor<days>(t), hours{12} + minutes{40});
}

const char* const invalid_date_times[] = {
    "",
    "2025-01-05",                       // a date alone
    "2025-01-05T12:40:00",              // no offset
    "2025-01-05 12:40:00Z",             // space instead of T
    "2025-13-05T12:40:00Z",             // month 13
    "2025-00-05T12:40:00Z",             // month 0
    "2025-01-32T12:40:00Z",             // day 32
    "2025-01-00T12:40:00Z",             // day 0
    "2023-02-29T12:40:00Z",             // not a leap year
    "2025-04-31T12:40:00Z",             // April has 30 days
    "2025-01-05T24:00:00Z",             // hour 24
    "2025-01-05T12:60:00Z",             // minute 60
    "2025-01-05T12:40:61Z",             // second 61
    "2025-01-05T12:40:00+24:00",        // offset hour 24
    "2025-01-05T12:40:00+02:60",        // offset minute 60
    "2025-01-05T12:40:00+0200",         // offset without colon
    "2025-01-05T12:40:00+02",           // offset without minutes
    "2025-01-05T12:40:00.Z",            // fraction without digits
    "2025-01-05T12:40:00Z ",            // trailing space
    "2025-01-05T12:40:00ZZ",            // trailing garbage
    "2025-1-05T12:40:00Z",              // one-digit month
    "25-01-05T12:40:00Z",               // two-digit year
    "2025/01/05T12:40:00Z",             // wrong separators
    "2025-01-05T12:40Z",                // no seconds
    "+2025-01-05T12:40:00Z",            // signed year
    "2025-01-05T12:40:00,5Z",           // comma fraction
    "2025-01-05T1a:40:00Z",             // letter in the hour
    "yesterday",
};

// The fixed-width part's shape (digits, '-', 'T' or 't', ':') and ranges against a plain reading of
// the rule: every byte value at every position of it.
TEST(DateTime, EveryByteAtEveryPositionOfTheFixedWidthPart) {
  static_assert(genwire::formats::is_date_time("2024-02-29T23:59:60.5+01:00"));  // still constexpr
  static_assert(!genwire::formats::is_date_time("2024-02-29T23:59:60.5+01:0"));
  const std::string base = "2024-02-29T23:59:59.5+01:00";
  for (std::size_t i = 0; i < 19; ++i) {
    for (int b = 0; b < 256; ++b) {
      std::string t = base;
      t[i] = static_cast<char>(b);
      bool shape = true;
      for (std::size_t k = 0; k < 19; ++k) {
        const char c = t[k];
        if (k == 4 || k == 7) shape &= c == '-';
        else if (k == 10) shape &= c == 'T' || c == 't';
        else if (k == 13 || k == 16) shape &= c == ':';
        else shape &= c >= '0' && c <= '9';
      }
      bool expected = shape;
      if (shape) {
        const auto n = [&](std::size_t at, std::size_t len) { return std::stoi(t.substr(at, len)); };
        using namespace std::chrono;
        const year_month_day ymd{year{n(0, 4)}, month{static_cast<unsigned>(n(5, 2))}, day{static_cast<unsigned>(n(8, 2))}};
        expected = ymd.ok() && n(11, 2) <= 23 && n(14, 2) <= 59 && n(17, 2) <= 60;
      }
      EXPECT_EQ(genwire::formats::is_date_time(t), expected) << "byte " << b << " at " << i << ": " << t;
    }
  }
}

// is_date_time reads the text in words at run time and byte by byte in constant evaluation (the
// path parse_date_time takes): both must agree on every byte at every position after the seconds,
// and on every day of every month of common, leap and century years.
TEST(DateTime, TheRunTimeCheckAgreesWithTheParserOnTheTail) {
  for (const std::string base : {"2024-02-29T23:59:59Z", "2024-02-29T23:59:59.5+01:00", "2024-02-29T23:59:59.123456-05:30",
                                 "2024-02-29T23:59:59z", "2024-02-29T23:59:59.1234567Z"}) {
    for (std::size_t i = 19; i <= base.size(); ++i) {
      for (int b = 0; b < 256; ++b) {
        std::string t = base;
        if (i < t.size()) t[i] = static_cast<char>(b);
        else t.push_back(static_cast<char>(b));  // one byte more
        EXPECT_EQ(genwire::formats::is_date_time(t), genwire::formats::parse_date_time(t).has_value()) << t;
      }
      EXPECT_EQ(genwire::formats::is_date_time(base.substr(0, i)), genwire::formats::parse_date_time(base.substr(0, i)).has_value()) << i;
    }
  }
}

TEST(DateTime, EveryDayOfEveryMonthOfCommonLeapAndCenturyYears) {
  for (int year : {1900, 2000, 2023, 2024, 2100, 2400, 1, 0}) {
    for (int month = 0; month <= 13; ++month) {
      for (int day = 0; day <= 32; ++day) {
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT00:00:00Z", year, month, day);
        using namespace std::chrono;
        const bool expected = year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                             std::chrono::day{static_cast<unsigned>(day)}}.ok();
        EXPECT_EQ(genwire::formats::is_date_time(text), expected) << text;
        EXPECT_EQ(genwire::formats::parse_date_time(text).has_value(), expected) << text;
      }
    }
  }
}

TEST(DateTime, InvalidTextsAreRejected) {
  for (const char* text : invalid_date_times) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(genwire::formats::parse_date_time(text).has_value());
    EXPECT_FALSE(genwire::formats::is_date_time(text));
    const auto t = genwire::date_time{text}.time();
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().code, errc::format);
    EXPECT_EQ(t.error().expected, "an RFC 3339 date-time");
    // Built by appending: `"\"" + std::string(text)` inserts into a temporary, where g++ 12 at -O3
    // reports a -Wrestrict false positive (GCC bug 105329).
    EXPECT_EQ(t.error().found, std::string("\"").append(text).append("\""));
  }
}

struct event {
  std::string id;
  genwire::date_time created_at;
  std::optional<genwire::date_time> finished_at;
};

TEST(DateTime, DefaultModeKeepsBrokenTextAndReportsItWhenAskedForTheTime) {
  const std::string text = R"({"id":"e1","created_at":"last tuesday","finished_at":"2025-01-05T12:40:00.120+02:00"})";
  const auto r = genwire::decode<event>(text);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->created_at.text, "last tuesday");
  const auto t = r->created_at.time();
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, errc::format);
  EXPECT_EQ(t.error().message(), R"($: expected an RFC 3339 date-time, found "last tuesday" (offset 0))");
  ASSERT_TRUE(r->finished_at.has_value());
  EXPECT_EQ(micros(r->finished_at->time().value()), 1736073600120000);
  // Both re-encode exactly as received (".120" and "+02:00" are not normalised away).
  EXPECT_EQ(genwire::encode(*r).value(), text);
}

TEST(DateTime, StrictModeRejectsWithPathAndOffset) {
  //                          0         1         2         3
  //                          0123456789012345678901234567890
  const std::string text = R"({"id":"e1","created_at":"2025-02-30T00:00:00Z"})";
  const auto r = genwire::decode<event, genwire::strict>(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::format);
  EXPECT_EQ(r.error().path, "created_at");
  EXPECT_EQ(r.error().offset, 24U);
  EXPECT_EQ(r.error().message(), R"(created_at: expected an RFC 3339 date-time, found string "2025-02-30T00:00:00Z" (offset 24))");

  const auto ok = genwire::decode<event, genwire::strict>(R"({"id":"e1","created_at":"2025-02-28T00:00:00Z"})");
  ASSERT_TRUE(ok.has_value()) << ok.error().message();
  EXPECT_EQ(ok->created_at.text, "2025-02-28T00:00:00Z");
}

TEST(DateTime, CheckFormatsOptionAloneIsEnough) {
  constexpr genwire::options formats_only{.check_formats = true};
  const auto r = genwire::decode<event, formats_only>(R"({"id":"e1","created_at":"x","extra":1})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::format);
  EXPECT_EQ(r.error().path, "created_at");
}

TEST(DateTime, StrictEncodeChecksTheFormatToo) {
  const event e{"e1", genwire::date_time{"2025-01-05T12:40:00"}, std::nullopt};
  EXPECT_EQ(genwire::encode(e).value(), R"({"id":"e1","created_at":"2025-01-05T12:40:00"})");
  const auto strict = genwire::encode<genwire::strict>(e);
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().code, errc::format);
  EXPECT_EQ(strict.error().path, "created_at");
  // The offset on encode is the output length when the problem was found.
  EXPECT_EQ(strict.error().offset, std::string(R"({"id":"e1","created_at":)").size());
}

struct ids {
  genwire::uuid id;
  genwire::uri link;
};

TEST(Uuid, ValidAndInvalidTexts) {
  EXPECT_TRUE(genwire::formats::is_uuid("123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_TRUE(genwire::formats::is_uuid("123E4567-E89B-12D3-A456-426614174000"));
  EXPECT_TRUE(genwire::formats::is_uuid("00000000-0000-0000-0000-000000000000"));
  EXPECT_FALSE(genwire::formats::is_uuid(""));
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567e89b12d3a456426614174000"));         // no dashes
  EXPECT_FALSE(genwire::formats::is_uuid("{123e4567-e89b-12d3-a456-426614174000}"));   // braces
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567-e89b-12d3-a456-42661417400"));      // 35 characters
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567-e89b-12d3-a456-4266141740000"));    // 37 characters
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567-e89b-12d3-a456-42661417400g"));     // not hex
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567e-89b-12d3-a456-426614174000"));     // dash misplaced
  EXPECT_FALSE(genwire::formats::is_uuid("123e4567-e89b-12d3-a456_426614174000"));
}

TEST(Uri, ValidAndInvalidTexts) {
  EXPECT_TRUE(genwire::formats::is_uri("https://example.com/a/b?x=1&y=%20#frag"));
  EXPECT_TRUE(genwire::formats::is_uri("urn:isbn:0451450523"));
  EXPECT_TRUE(genwire::formats::is_uri("mailto:someone@example.com"));
  EXPECT_TRUE(genwire::formats::is_uri("s3+custom.v1-x://bucket/key"));
  EXPECT_TRUE(genwire::formats::is_uri("http://[::1]:8080/"));
  EXPECT_FALSE(genwire::formats::is_uri(""));
  EXPECT_FALSE(genwire::formats::is_uri("/relative/path"));
  EXPECT_FALSE(genwire::formats::is_uri("example.com"));
  EXPECT_FALSE(genwire::formats::is_uri("1http://example.com"));      // scheme starts with a digit
  EXPECT_FALSE(genwire::formats::is_uri("https://example.com/a b"));  // space
  EXPECT_FALSE(genwire::formats::is_uri("https://example.com/%G1"));  // bad escape
  EXPECT_FALSE(genwire::formats::is_uri("https://example.com/%4"));   // truncated escape
  EXPECT_FALSE(genwire::formats::is_uri("https://example.com/\"q\""));
  EXPECT_FALSE(genwire::formats::is_uri("https://example.com/\xC3\xA9"));  // IRI, not URI
}

TEST(UuidAndUri, DefaultKeepsTextStrictReportsFormat) {
  //                              0         1         2         3
  //                              0123456789012345678901234567890123456789
  const std::string bad_uuid = R"({"id":"not-a-uuid","link":"https://x.test/"})";
  const auto lenient = genwire::decode<ids>(bad_uuid);
  ASSERT_TRUE(lenient.has_value());
  EXPECT_EQ(lenient->id.text, "not-a-uuid");
  EXPECT_EQ(genwire::encode(*lenient).value(), bad_uuid);

  const auto strict = genwire::decode<ids, genwire::strict>(bad_uuid);
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().message(), R"(id: expected a UUID, found string "not-a-uuid" (offset 6))");

  const std::string bad_uri = R"({"id":"123e4567-e89b-12d3-a456-426614174000","link":"x y"})";
  const auto strict_uri = genwire::decode<ids, genwire::strict>(bad_uri);
  ASSERT_FALSE(strict_uri.has_value());
  EXPECT_EQ(strict_uri.error().code, errc::format);
  EXPECT_EQ(strict_uri.error().path, "link");
  EXPECT_EQ(strict_uri.error().offset, 52U);
  EXPECT_EQ(strict_uri.error().expected, "an absolute URI");
}

TEST(Formats, WrongJsonTypeIsATypeErrorInEveryMode) {
  const auto r = genwire::decode<ids>(R"({"id":123,"link":"a:b"})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().message(), "id: expected a UUID string, found number 123 (offset 6)");
  const auto d = genwire::decode<genwire::date_time>("null");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().message(), "$: expected a date-time string, found null (offset 0)");
}

TEST(Formats, VectorOfDateTimesHasIndexedPaths) {
  const auto r = genwire::decode<std::vector<genwire::date_time>, genwire::strict>(
      R"(["2025-01-05T12:40:00Z", "2025-01-05T12:40:00"])");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().path, "[1]");
  EXPECT_EQ(r.error().offset, 25U);
}

}  // namespace formats_test
}  // namespace
