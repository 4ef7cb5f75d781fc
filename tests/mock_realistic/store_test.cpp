// The realistic store as a whole: seeds, the step clock, reset, the summary, and strict validity
// of every body at every step.
#include <atomic>
#include <set>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;

// The first page of each list endpoint and one Diffio progress answer, as raw bodies.
std::vector<std::string> first_answers(gm::realistic_store& s) {
  std::vector<std::string> out;
  const auto project = diffio_projects(s).front();
  const auto list = ask<diffio_list>(s, {project});
  out.push_back(list.body);
  const auto gen = strict_body<diffio_list>(list).generations.front().generation_id;
  out.push_back(ask<diffio_progress>(s, {gen, std::nullopt}).body);
  out.push_back(ask<flora_list>(s, {}).body);
  out.push_back(ask<depicta_list>(s, {}).body);
  out.push_back(ask<hedra_list>(s, {}).body);
  return out;
}

TEST(RealisticStore, SameSeedSameDataDifferentSeedDifferentData) {
  auto a = gm::make_realistic_store(config(123, 120));
  auto b = gm::make_realistic_store(config(123, 120));
  auto c = gm::make_realistic_store(config(124, 120));
  EXPECT_EQ(diffio_projects(*a), diffio_projects(*b));
  EXPECT_NE(diffio_projects(*a), diffio_projects(*c));
  const auto from_a = first_answers(*a);
  const auto from_b = first_answers(*b);
  const auto from_c = first_answers(*c);
  ASSERT_EQ(from_a.size(), 5u);
  for (std::size_t i = 0; i < from_a.size(); ++i) {
    EXPECT_EQ(from_a[i], from_b[i]) << "answer " << i << " byte for byte";
    EXPECT_NE(from_a[i], from_c[i]) << "answer " << i;
  }
  // The same sequence of requests keeps them equal.
  EXPECT_EQ(first_answers(*a), first_answers(*b));
}

TEST(RealisticStore, ItemsSetsEachProvidersSize) {
  auto s = gm::make_realistic_store(config(1, 57));
  const auto sum = s->summary();
  ASSERT_EQ(sum.stores.size(), 4u);
  const std::vector<std::string> names{"diffio", "flora", "depicta", "hedra"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(sum.stores[i].provider, names[i]);
    EXPECT_EQ(sum.stores[i].jobs, 57u);
    EXPECT_LT(sum.stores[i].finished, 57u) << "some jobs are still running";
    EXPECT_GT(sum.stores[i].finished, 40u) << "most jobs are finished";
  }
  EXPECT_EQ(sum.stores[0].projects->size(), 3u);
  EXPECT_FALSE(sum.stores[1].projects);
  EXPECT_EQ(sum.seed, 1u);
  EXPECT_EQ(sum.items, 57u);

  auto empty = gm::make_realistic_store(config(1, 0));
  EXPECT_TRUE(strict_page<flora_list>(*empty, {}).generations.empty());
  EXPECT_TRUE(strict_page<hedra_list>(*empty, {}).data.empty());
  EXPECT_TRUE(diffio_projects(*empty).empty());
}

struct manual_clock {
  std::shared_ptr<std::atomic<long long>> now = std::make_shared<std::atomic<long long>>(1'000'000);
  gm::ms_clock fn() const {
    return [n = now] { return std::chrono::milliseconds(n->load()); };
  }
  void advance(long long ms) const { *now += ms; }
};

TEST(RealisticStore, TheStepClockAdvancesEveryUnfinishedJob) {
  manual_clock clock;
  auto s = gm::make_realistic_store(config(9, 200, 1000, clock.fn()));
  auto twin = gm::make_realistic_store(config(9, 200, 1000, clock.fn()));
  const auto start = s->summary();
  EXPECT_EQ(start.clock_steps, 0u);
  const auto page0 = ask<hedra_list>(*twin, {}).body;

  clock.advance(999);
  EXPECT_EQ(s->summary().clock_steps, 0u);
  clock.advance(1);
  const auto one = s->summary();
  EXPECT_EQ(one.clock_steps, 1u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_GE(one.stores[i].finished, start.stores[i].finished);

  // Polls and the clock add up; both stores moved the same way.
  clock.advance(5000);
  EXPECT_EQ(ask<flora_list>(*s, {}).body, ask<flora_list>(*twin, {}).body);

  clock.advance(100'000);
  for (const auto& st : s->summary().stores) EXPECT_EQ(st.finished, st.jobs) << st.provider << ": every job ends";
  EXPECT_NE(ask<hedra_list>(*twin, {}).body, page0);

  // Reset restarts the clock and the jobs.
  s->reset();
  EXPECT_EQ(s->summary().clock_steps, 0u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(s->summary().stores[i].finished, start.stores[i].finished);
}

TEST(RealisticStore, ResetRestoresTheSeededState) {
  auto s = gm::make_realistic_store(config(31, 80));
  const auto before = first_answers(*s);
  // Move things: poll every Diffio generation a few times, page through everything.
  for (const auto& p : diffio_projects(*s)) {
    const auto page = strict_page<diffio_list>(*s, {p});
    for (const auto& g : page.generations)
      for (int i = 0; i < 5; ++i) ask<diffio_progress>(*s, {g.generation_id, std::nullopt});
  }
  for (int i = 0; i < 5; ++i) {
    ask<flora_list>(*s, {});
    ask<depicta_list>(*s, {});
    ask<hedra_list>(*s, {});
  }
  EXPECT_NE(first_answers(*s), before);
  s->reset();
  EXPECT_EQ(first_answers(*s), before);
}

// Every body every endpoint can give, for several seeds, at every step of every job, decodes with
// genwire::strict (formats, closed enums, no unknown members).
TEST(RealisticStore, EveryBodyAtEveryStepPassesStrictValidation) {
  for (const std::uint64_t seed : {1u, 2u, 1234567u}) {
    manual_clock clock;
    auto s = gm::make_realistic_store(config(seed, 150, 1000, clock.fn()));
    const auto projects = diffio_projects(*s);
    for (int step = 0; step < 16; ++step) {
      for (const auto& p : projects) {
        const auto page = strict_page<diffio_list>(*s, {p});
        for (const auto& g : page.generations) strict_page<diffio_progress>(*s, {g.generation_id, p});
      }
      genwire::flora::list_generations_query fq;
      fq.limit = 100;
      for (;;) {
        const auto page = strict_page<flora_list>(*s, fq);
        if (!page.meta.next_cursor || (*page.meta.next_cursor)->empty()) break;
        fq.cursor = **page.meta.next_cursor;
      }
      genwire::depicta::list_jobs_query dq;
      dq.limit = 1000;
      EXPECT_EQ(strict_page<depicta_list>(*s, dq).generations->size(), 150u);
      genwire::hedra::list_generations_query hq;
      hq.limit = 1000;
      EXPECT_EQ(strict_page<hedra_list>(*s, hq).data.size(), 150u);
      clock.advance(1000);
    }
    for (const auto& st : s->summary().stores) EXPECT_EQ(st.finished, st.jobs);
  }
}

}  // namespace
