// Depicta in realistic mode: limit/offset pagination, totals, the fields each status promises.
#include <set>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
namespace dp = genwire::depicta;

TEST(RealisticDepicta, EveryLimitWalksEveryJobOnceNewestFirst) {
  constexpr std::size_t items = 143;
  std::vector<std::string> reference;
  for (const std::int64_t limit : {1, 3, 20, 50, 1000}) {
    auto store = gm::make_realistic_store(config(4, items));
    std::vector<dp::job> all;
    for (std::int64_t offset = 0;; offset += limit) {
      dp::list_jobs_query q;
      q.limit = limit;
      q.offset = offset;
      const auto page = strict_page<depicta_list>(*store, q);
      EXPECT_EQ(page.limit, limit);
      EXPECT_EQ(page.offset, offset);
      EXPECT_EQ(page.total, static_cast<std::int64_t>(items));
      ASSERT_TRUE(page.generations.has_value());
      const std::size_t expected = std::min<std::size_t>(static_cast<std::size_t>(limit), items - std::min<std::size_t>(items, static_cast<std::size_t>(offset)));
      EXPECT_EQ(page.generations->size(), expected);
      if (page.generations->empty()) break;
      all.insert(all.end(), page.generations->begin(), page.generations->end());
    }
    ASSERT_EQ(all.size(), items) << "limit " << limit;
    std::vector<std::string> ids;
    for (const auto& j : all) ids.push_back(j.job_id.text);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), items);
    for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GT(millis_of(all[i - 1].created_at), millis_of(all[i].created_at));
    if (reference.empty()) reference = ids;
    EXPECT_EQ(ids, reference);
  }
}

TEST(RealisticDepicta, DefaultsArePage20AtOffset0AndPastTheEndIsEmpty) {
  auto store = gm::make_realistic_store(config(4, 45));
  const auto first = strict_page<depicta_list>(*store, {});
  EXPECT_EQ(first.limit, 20);
  EXPECT_EQ(first.offset, 0);
  EXPECT_EQ(first.total, 45);
  EXPECT_EQ(first.generations->size(), 20u);
  dp::list_jobs_query past;
  past.offset = 45;
  const auto end = strict_page<depicta_list>(*store, past);
  EXPECT_EQ(end.total, 45);
  ASSERT_TRUE(end.generations.has_value());
  EXPECT_TRUE(end.generations->empty());
  past.offset = 1'000'000'000;
  EXPECT_TRUE(strict_page<depicta_list>(*store, past).generations->empty());

  const auto other = strict_page<depicta_list>(*store, {}, other_key);
  EXPECT_EQ(other.total, 0);
  EXPECT_TRUE(other.generations->empty());
}

TEST(RealisticDepicta, JobsCarryWhatTheirStatusPromises) {
  auto store = gm::make_realistic_store(config(12, 400));
  dp::list_jobs_query q;
  q.limit = 400;
  const auto page = strict_page<depicta_list>(*store, q);
  std::set<std::string> seen;
  int stories = 0;
  for (const auto& j : *page.generations) {
    seen.insert(j.status.known() ? std::string(genwire::reflect::enum_names<dp::job_status>[static_cast<std::size_t>(j.status.value())]) : "?");
    ASSERT_TRUE(j.scenes_total && j.scenes_completed);
    EXPECT_GE(*j.scenes_completed, 0);
    EXPECT_LE(*j.scenes_completed, *j.scenes_total);
    const bool pending = j.status == dp::job_status::pending;
    const bool processing = j.status == dp::job_status::processing;
    const bool completed = j.status == dp::job_status::completed;
    const bool failed = j.status == dp::job_status::failed;
    EXPECT_EQ(j.result.has_value(), completed) << "result only for completed jobs";
    EXPECT_EQ(j.error.has_value(), failed) << "error only for failed jobs";
    EXPECT_EQ(j.started_at.has_value(), !pending) << "started_at omitted while pending";
    EXPECT_EQ(j.completed_at.has_value(), !pending) << "completed_at omitted while pending";
    if (processing) {
      EXPECT_FALSE(j.completed_at->has_value()) << "null while processing";
    }
    if (completed || failed) {
      ASSERT_TRUE(j.completed_at->has_value());
      EXPECT_GE(millis_of(**j.completed_at), millis_of(**j.started_at));
      EXPECT_GT(millis_of(**j.started_at), millis_of(j.created_at));
    }
    if (failed) {
      EXPECT_TRUE(j.error->code == dp::job_error_content_rejected || j.error->code == dp::job_error_insufficient_credits) << j.error->code;
    }
    if (completed) {
      EXPECT_EQ(*j.scenes_completed, *j.scenes_total);
      if (*j.scenes_total == 1) {
        const auto img = dp::image_result_of<genwire::strict>(j);
        ASSERT_TRUE(img.has_value()) << img.error().message();
        EXPECT_EQ(img->cost_eur, "0.045000");
        ASSERT_TRUE(img->formats.png);
        EXPECT_TRUE(img->formats.png->url.text.ends_with(".png"));
        EXPECT_EQ(img->image_hash.size(), 64u);
      } else {
        ++stories;
        auto scenes = genwire::parse_json(j.result->text());
        ASSERT_TRUE(scenes.has_value());
        EXPECT_NE(j.result->text().find("\"scenes\":["), std::string::npos);
        EXPECT_NE(j.result->text().find("\"characters\":["), std::string::npos);
      }
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"pending", "processing", "completed", "failed"}));
  EXPECT_GT(stories, 0) << "some multi-scene (story) jobs";
}

}  // namespace
