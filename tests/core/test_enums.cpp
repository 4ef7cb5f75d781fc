// Enums travel as their enumerators' names. A plain enum is closed (an unknown string is an error
// listing the names it knows); genwire::open_enum keeps an unknown string, says it is unknown and
// writes it back unchanged; strict mode closes open enums again.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {
namespace enums_test {

using genwire::errc;

enum class status { queued, running, done, failed };

struct closed_job {
  std::string id;
  status state;
};

struct open_job {
  std::string id;
  genwire::open_enum<status> state;
};

struct page {
  std::vector<open_job> generations;
};

TEST(ClosedEnum, KnownNamesDecodeAndEncode) {
  const auto r = genwire::decode<closed_job>(R"({"id":"a","state":"running"})");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->state, status::running);
  EXPECT_EQ(genwire::encode(closed_job{"b", status::failed}).value(), R"({"id":"b","state":"failed"})");
}

TEST(ClosedEnum, UnknownStringIsAnErrorListingTheNames) {
  //                                            0         1         2
  //                                            0123456789012345678901234
  const auto r = genwire::decode<closed_job>(R"({"id":"a","state":"paused"})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unknown_enum);
  EXPECT_EQ(r.error().path, "state");
  EXPECT_EQ(r.error().offset, 18U);
  EXPECT_EQ(r.error().expected, R"(one of "queued", "running", "done", "failed")");
  EXPECT_EQ(r.error().found, R"(string "paused")");
  EXPECT_EQ(r.error().message(), R"(state: expected one of "queued", "running", "done", "failed", found string "paused" (offset 18))");
}

TEST(ClosedEnum, NamesAreCaseSensitiveAndExact) {
  for (const char* bad : {R"("Running")", R"("running ")", R"("")", R"("run")", R"("runningx")"}) {
    SCOPED_TRACE(bad);
    const auto r = genwire::decode<status>(bad);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::unknown_enum);
  }
  // An escaped spelling of a known name is that name.
  EXPECT_EQ(genwire::decode<status>(R"("d\u006fne")").value(), status::done);
}

TEST(ClosedEnum, NonStringIsAWrongType) {
  const auto r = genwire::decode<closed_job>(R"({"id":"a","state":2})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().message(), R"(state: expected one of "queued", "running", "done", "failed", found number 2 (offset 18))");
}

TEST(ClosedEnum, EncodingAValueWithoutANameFails) {
  const auto r = genwire::encode(closed_job{"a", static_cast<status>(9)});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unencodable);
  EXPECT_EQ(r.error().path, "state");
  EXPECT_EQ(r.error().found, "enumerator 9");
}

TEST(OpenEnum, KnownNameIsKnown) {
  const auto r = genwire::decode<open_job>(R"({"id":"a","state":"done"})");
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->state.known());
  EXPECT_EQ(r->state.value(), status::done);
  EXPECT_TRUE(r->state == status::done);
  EXPECT_FALSE(r->state == status::queued);
  EXPECT_EQ(r->state.unknown_text(), "");
}

TEST(OpenEnum, UnknownStringIsKeptAndReencodedVerbatim) {
  const std::string text = R"({"generations":[{"id":"a","state":"queued"},{"id":"b","state":"upscaling"}]})";
  const auto r = genwire::decode<page>(text);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  const auto& s = r->generations[1].state;
  EXPECT_FALSE(s.known());
  EXPECT_EQ(s.unknown_text(), "upscaling");
  // No enumerator matches an unknown value, not even the default one.
  EXPECT_FALSE(s == status::queued);
  EXPECT_EQ(genwire::encode(*r).value(), text);
}

TEST(OpenEnum, UnknownTextWithEscapesIsKeptAsTheStringItMeans) {
  const auto r = genwire::decode<genwire::open_enum<status>>(R"("caf\u00e9 \"x\"")");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->unknown_text(), "caf\xC3\xA9 \"x\"");
  EXPECT_EQ(genwire::encode(*r).value(), "\"caf\xC3\xA9 \\\"x\\\"\"");
}

TEST(OpenEnum, StrictClosesIt) {
  //                          0         1         2         3         4         5         6         7
  //                          01234567890123456789012345678901234567890123456789012345678901234567890123456789
  const std::string text = R"({"generations":[{"id":"a","state":"queued"},{"id":"b","state":"upscaling"}]})";
  const auto r = genwire::decode<page, genwire::strict>(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unknown_enum);
  EXPECT_EQ(r.error().path, "generations[1].state");
  EXPECT_EQ(r.error().offset, 62U);
  EXPECT_EQ(r.error().message(),
            R"(generations[1].state: expected one of "queued", "running", "done", "failed", found string "upscaling" (offset 62))");
  // closed_enums alone does it too.
  constexpr genwire::options closed{.closed_enums = true};
  EXPECT_EQ((genwire::decode<page, closed>(text).error().code), errc::unknown_enum);
  // Known values pass strict mode.
  EXPECT_TRUE((genwire::decode<page, genwire::strict>(R"({"generations":[{"id":"a","state":"failed"}]})").has_value()));
}

TEST(OpenEnum, StrictEncodeRefusesUnknownText) {
  const open_job j{"x", genwire::open_enum<status>::unknown("new_state")};
  EXPECT_EQ(genwire::encode(j).value(), R"({"id":"x","state":"new_state"})");
  const auto strict = genwire::encode<genwire::strict>(j);
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().code, errc::unknown_enum);
  EXPECT_EQ(strict.error().path, "state");
  EXPECT_EQ(strict.error().found, R"(string "new_state")");
}

TEST(OpenEnum, Equality) {
  using oe = genwire::open_enum<status>;
  EXPECT_TRUE(oe(status::done) == oe(status::done));
  EXPECT_FALSE(oe(status::done) == oe(status::failed));
  EXPECT_TRUE(oe::unknown("x") == oe::unknown("x"));
  EXPECT_FALSE(oe::unknown("x") == oe::unknown("y"));
  EXPECT_FALSE(oe::unknown("queued") == oe(status::queued));  // built by hand: still unknown
  EXPECT_TRUE(oe{}.known());
  EXPECT_EQ(oe{}.value(), status::queued);
}

// Assigning an enumerator makes it known again whatever it held, through decode_into as by hand.
TEST(OpenEnum, AssigningAnEnumeratorMakesAnUnknownValueKnown) {
  auto e = genwire::open_enum<status>::unknown("paused");
  e = status::running;
  EXPECT_TRUE(e.known());
  EXPECT_EQ(e.value(), status::running);
  EXPECT_EQ(e.unknown_text(), "");
  EXPECT_TRUE(e == genwire::open_enum<status>(status::running));

  open_job j{"a", genwire::open_enum<status>::unknown("paused")};
  ASSERT_TRUE(genwire::decode_into(R"({"id":"b","state":"done"})", j));
  EXPECT_TRUE(j.state == status::done);
  EXPECT_EQ(j.state.unknown_text(), "");
  ASSERT_TRUE(genwire::decode_into(R"({"id":"c","state":"paused"})", j));
  EXPECT_FALSE(j.state.known());
  EXPECT_EQ(j.state.unknown_text(), "paused");
}

TEST(OpenEnum, NonStringIsStillAWrongType) {
  const auto r = genwire::decode<open_job>(R"({"id":"a","state":null})");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::wrong_type);
  EXPECT_EQ(r.error().message(), "state: expected a string, found null (offset 18)");
}

TEST(Enums, OptionalAndNullableEnums) {
  struct filters {
    std::optional<status> only;
    genwire::nullable<genwire::open_enum<status>> last;
  };
  const auto r = genwire::decode<filters>(R"({"last":"archived"})");
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->only.has_value());
  ASSERT_TRUE(r->last.has_value());
  EXPECT_EQ(r->last->unknown_text(), "archived");
  EXPECT_EQ(genwire::encode(*r).value(), R"({"last":"archived"})");
  EXPECT_EQ(genwire::encode(filters{status::running, std::nullopt}).value(), R"({"only":"running","last":null})");
}

// enum_name gives exactly the text encode() writes, so logs and the wire never disagree.
enum class keyword_kind { default_, delete_, plain };

TEST(EnumName, IsTheWireText) {
  static_assert(genwire::enum_name(status::running) == "running");
  EXPECT_EQ(genwire::enum_name(keyword_kind::default_), "default");
  EXPECT_EQ(genwire::enum_name(static_cast<status>(9)), "") << "no enumerator, no name";
  for (status s : {status::queued, status::running, status::done, status::failed})
    EXPECT_EQ(genwire::encode(closed_job{"j", s}).value(),
              R"({"id":"j","state":")" + std::string(genwire::enum_name(s)) + R"("})");
}

TEST(EnumName, OfAnOpenEnumIsItsKnownNameOrItsUnknownText) {
  EXPECT_EQ(genwire::enum_name(genwire::open_enum<status>(status::done)), "done");
  auto r = genwire::decode<open_job>(R"({"id":"j","state":"paused"})");
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(genwire::enum_name(r->state), "paused");
}

// The encoder copies an enumerator's `"name"` from a zero-padded table as one 32-byte block (the
// name's own length still decides how far the output moves); a name longer than the block is
// copied whole. Names of 1 to 40 characters, one after another, each into a buffer that has to
// grow right at it, and a signed enum's negative value (no enumerator: still an error).
enum class name_lengths : signed char {
  a,
  bb,
  name_of_twenty_nine_chars_xyz,
  name_of_thirty_chars_abcdefghi,
  name_of_thirty_one_chars_abcdef,
  name_of_thirty_two_characters_ab,
  name_of_thirty_three_characters_x,
  an_enumerator_name_of_forty_characters_x,
  keyword_
};

TEST(EnumLiterals, EveryNameIsWrittenWholeWhateverItsLength) {
  using genwire::detail::enum_literals;
  static_assert(enum_literals<name_lengths>::plain);
  static_assert(enum_literals<name_lengths>::of(name_lengths::keyword_) == R"("keyword")");
  static_assert(enum_literals<name_lengths>::of(static_cast<name_lengths>(-1)).empty());
  static_assert(enum_literals<name_lengths>::of(static_cast<name_lengths>(9)).empty());
  std::vector<name_lengths> all;
  for (int i = 0; i <= static_cast<int>(name_lengths::keyword_); ++i) all.push_back(static_cast<name_lengths>(i));
  std::string expected = "[";
  for (name_lengths e : all) {
    const std::string quoted = '"' + std::string(genwire::enum_name(e)) + '"';
    EXPECT_EQ(enum_literals<name_lengths>::of(e), quoted);
    expected += (expected.size() > 1 ? "," : "") + quoted;
    // Closed and open, alone and after text that fills the buffer up to the name (so the 32-byte
    // block is what makes it grow).
    EXPECT_EQ(genwire::encode(e).value(), quoted);
    EXPECT_EQ(genwire::encode(genwire::open_enum<name_lengths>(e)).value(), quoted);
    for (std::size_t fill = 0; fill < 40; ++fill) {
      std::string out(fill, 'x');
      out.shrink_to_fit();
      ASSERT_TRUE(genwire::encode_to(e, out));
      EXPECT_EQ(out, std::string(fill, 'x') + quoted) << fill;
    }
  }
  EXPECT_EQ(genwire::encode(all).value(), expected + "]");
  EXPECT_EQ(genwire::enum_name(name_lengths::an_enumerator_name_of_forty_characters_x).size(), 40U);
  const auto bad = genwire::encode(static_cast<name_lengths>(-1));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, errc::unencodable);
  EXPECT_EQ(bad.error().found, "enumerator -1");
  // An open enum holding the same value fails the same way.
  const auto bad_open = genwire::encode(genwire::open_enum<name_lengths>(static_cast<name_lengths>(-1)));
  ASSERT_FALSE(bad_open.has_value());
  EXPECT_EQ(bad_open.error().code, errc::unencodable);
  EXPECT_EQ(bad_open.error().expected, bad.error().expected);
  EXPECT_EQ(bad_open.error().found, "enumerator -1");
}

// The decoder looks a name up by its length and its first 16 bytes as two words, the rest compared
// as bytes (detail::enum_from_name): names that share a length and differ in one byte
// anywhere (in the first word, the second, past the 16th), every enumerator, and every near miss
// (one byte changed at each position, one byte short or long, empty, longer than the longest)
// decode as they should, at run time and in constant evaluation alike.
enum class look_alike {
  ab,
  ac,
  abcdefgh,
  abcdefgi,
  abcdefghi,
  bbcdefghi,
  abcdefghijklmnop,
  abcdefghijklmnoq,
  abcdefghijklmnopq_tail_one,
  abcdefghijklmnopq_tail_two,
  x
};

TEST(EnumLookup, EveryNameAndEveryNearMissOfEachLength) {
  using genwire::detail::enum_from_name;
  static_assert(enum_from_name<look_alike>("abcdefghijklmnopq_tail_two") == look_alike::abcdefghijklmnopq_tail_two);
  static_assert(!enum_from_name<look_alike>("abcdefghijklmnopq_tail_thr").has_value());
  static_assert(!enum_from_name<look_alike>("").has_value());
  const auto& names = genwire::reflect::enum_names<look_alike>;
  const auto is_a_name = [&](const std::string& s) {
    for (auto n : names)
      if (n == s) return true;
    return false;
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string name(names[i]);
    ASSERT_EQ(enum_from_name<look_alike>(name), static_cast<look_alike>(i)) << name;
    const auto closed = genwire::decode<look_alike>('"' + name + '"');
    ASSERT_TRUE(closed.has_value()) << name;
    EXPECT_EQ(*closed, static_cast<look_alike>(i));
    std::vector<std::string> misses = {name.substr(0, name.size() - 1), name + "a", name + "_", std::string(40, 'a')};
    for (std::size_t at = 0; at < name.size(); ++at) {
      std::string changed = name;
      changed[at] = static_cast<char>(changed[at] == 'z' ? 'y' : changed[at] + 1);
      misses.push_back(changed);
    }
    for (const std::string& miss : misses) {
      if (is_a_name(miss)) continue;  // "ab" + 1 byte changed may be "ac"
      EXPECT_FALSE(enum_from_name<look_alike>(miss).has_value()) << miss;
      const auto open = genwire::decode<genwire::open_enum<look_alike>>('"' + miss + '"');
      ASSERT_TRUE(open.has_value()) << miss;
      EXPECT_FALSE(open->known()) << miss;
      EXPECT_EQ(open->unknown_text(), miss);
      const auto refused = genwire::decode<look_alike>('"' + miss + '"');
      ASSERT_FALSE(refused.has_value()) << miss;
      EXPECT_EQ(refused.error().code, errc::unknown_enum) << miss;
    }
  }
}

}  // namespace enums_test
}  // namespace
