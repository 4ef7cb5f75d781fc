// Paths with parameters ("/api/v1/runs/{runId}"): matching, decoding a path's segments into the
// parameter struct, expanding the template from it, and the compile-time check that a template
// names exactly the struct's keys.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <cstdint>
#include <string>

namespace {
namespace path_test {

using genwire::errc;

struct run_path {
  std::string run_id;
  static constexpr genwire::key_rename genwire_keys[] = {{"run_id", "runId"}};
};

struct two {
  std::string project;
  genwire::bounded<std::int64_t, 1, 99> page;
};

constexpr std::string_view runs = "/api/v1/runs/{runId}";
constexpr std::string_view pages = "/p/{project}/pages/{page}";

static_assert(genwire::path_declares<run_path>(runs));
static_assert(genwire::path_declares<two>(pages));
static_assert(!genwire::path_declares<two>("/p/{project}"));            // page is not in the path
static_assert(!genwire::path_declares<run_path>("/runs/{runId}/{runId}"));  // twice
static_assert(!genwire::path_declares<run_path>("/runs/{run_id}"));     // the key, not the member
static_assert(genwire::path_declares<genwire::no_path_params>("/v1/jobs"));

TEST(Path, MatchesLiteralSegmentsAndNonEmptyParameters) {
  EXPECT_TRUE(genwire::path_matches(runs, "/api/v1/runs/run_1"));
  EXPECT_FALSE(genwire::path_matches(runs, "/api/v1/runs/"));
  EXPECT_FALSE(genwire::path_matches(runs, "/api/v1/runs"));
  EXPECT_FALSE(genwire::path_matches(runs, "/api/v1/runs/a/b"));
  EXPECT_FALSE(genwire::path_matches(runs, "/api/v2/runs/run_1"));
  EXPECT_TRUE(genwire::path_matches("/v1/jobs", "/v1/jobs"));
  EXPECT_FALSE(genwire::path_matches("/v1/jobs", "/v1/jobs/"));
}

TEST(Path, DecodesEachSegmentAsItsMembersType) {
  const auto r = genwire::decode_path<run_path>(runs, "/api/v1/runs/run_abc 1");
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->run_id, "run_abc 1");
  const auto t = genwire::decode_path<two>(pages, "/p/prj_1/pages/7");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  EXPECT_EQ(t->project, "prj_1");
  EXPECT_EQ(t->page.value, 7);
}

TEST(Path, ASegmentThatBreaksItsRuleIsReportedAtItsOffset) {
  const auto r = genwire::decode_path<two>(pages, "/p/prj_1/pages/100");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::out_of_range);
  EXPECT_EQ(r.error().path, "page");
  EXPECT_EQ(r.error().offset, 15u);
  const auto n = genwire::decode_path<two>(pages, "/p/prj_1/pages/seven");
  ASSERT_FALSE(n.has_value());
  EXPECT_EQ(n.error().code, errc::wrong_type);
  const auto other = genwire::decode_path<two>(pages, "/q/prj_1/pages/7");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, errc::syntax);
}

TEST(Path, ExpandsWithEachValueAsOneEncodedSegment) {
  const auto p = genwire::encode_path(runs, run_path{"run_1"});
  ASSERT_TRUE(p.has_value()) << p.error().message();
  EXPECT_EQ(*p, "/api/v1/runs/run_1");
  // A '/' or a space inside a value cannot split it or end it.
  EXPECT_EQ(*genwire::encode_path(runs, run_path{"a/b c"}), "/api/v1/runs/a%2Fb%20c");
  EXPECT_EQ(*genwire::encode_path(pages, two{"x", 3}), "/p/x/pages/3");
  const auto empty = genwire::encode_path(runs, run_path{""});
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, errc::constraint);
  EXPECT_EQ(empty.error().path, "runId");
  const auto out_of_range = genwire::encode_path(pages, two{"x", 0});
  ASSERT_FALSE(out_of_range.has_value());
  EXPECT_EQ(out_of_range.error().code, errc::out_of_range);
}

TEST(Path, ExpandAndDecodeAgree) {
  const run_path in{"run_x-1.2~3"};
  const auto p = genwire::encode_path(runs, in);
  ASSERT_TRUE(p.has_value());
  const auto back = genwire::decode_path<run_path>(runs, *p);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->run_id, in.run_id);
}

}  // namespace path_test
}  // namespace
