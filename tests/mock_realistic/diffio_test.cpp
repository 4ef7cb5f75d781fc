// Diffio in realistic mode: projects, the list's order, and the stage rules of
// get_generation_progress as generations are polled.
#include <set>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
namespace dif = genwire::diffio;

dif::list_project_generations_response list(gm::store& s, const std::string& project) {
  return strict_page<diffio_list>(s, dif::list_project_generations_request{project});
}

dif::get_generation_progress_response poll(gm::store& s, const std::string& generation) {
  return strict_page<diffio_progress>(s, dif::get_generation_progress_request{generation, std::nullopt});
}

std::int64_t sort_key(const dif::project_generation& g) {
  if (g.created_at && g.created_at->has_value()) return millis_of(**g.created_at);
  return millis_of(g.updated_at);
}

TEST(RealisticDiffio, ProjectsListTheirOwnGenerationsNewestFirst) {
  constexpr std::size_t items = 210;
  auto store = gm::make_realistic_store(config(2, items));
  const auto projects = diffio_projects(*store);
  ASSERT_EQ(projects.size(), (items + 19) / 20);
  std::set<std::string> all;
  int without_created = 0;
  for (const auto& p : projects) {
    const auto page = list(*store, p);
    EXPECT_EQ(page.api_project_id, p);
    EXPECT_FALSE(page.generations.empty());
    for (std::size_t i = 0; i < page.generations.size(); ++i) {
      const auto& g = page.generations[i];
      EXPECT_TRUE(all.insert(g.generation_id).second) << "a generation belongs to one project";
      EXPECT_EQ(g.model_key, "diffio-2");
      if (!g.created_at) ++without_created;
      // "sorted by createdAt in descending order, updatedAt is used when createdAt is missing".
      if (i > 0) {
        EXPECT_GE(sort_key(page.generations[i - 1]), sort_key(g));
      }
      EXPECT_GE(millis_of(g.updated_at), g.created_at ? millis_of(**g.created_at) : 0);
      ASSERT_TRUE(g.status && g.status->has_value());
      const auto status = (*g.status)->value();
      ASSERT_TRUE(g.progress);
      if (status == dif::generation_status::complete) {
        EXPECT_EQ(**g.progress, 100);
      }
      if (g.progress->has_value()) {
        EXPECT_GE(**g.progress, 0);
        EXPECT_LE(**g.progress, 100);
      } else {
        EXPECT_EQ(status, dif::generation_status::pending) << "progress is null only before any is reported";
      }
    }
  }
  EXPECT_EQ(all.size(), items);
  EXPECT_GT(without_created, 0) << "some generations exercise the updatedAt fallback";
}

TEST(RealisticDiffio, UnknownAndForeignResourcesAreRefused) {
  auto store = gm::make_realistic_store(config(2, 40));
  const auto project = diffio_projects(*store).front();
  const auto generation = list(*store, project).generations.front().generation_id;

  EXPECT_EQ(ask<diffio_list>(*store, {"proj-123"}).what, gm::answer::kind::not_found);
  EXPECT_EQ(ask<diffio_list>(*store, {project}, other_key).what, gm::answer::kind::not_owner);
  EXPECT_EQ(ask<diffio_progress>(*store, {"gen-123", std::nullopt}).what, gm::answer::kind::not_found);
  EXPECT_EQ(ask<diffio_progress>(*store, {generation, std::nullopt}, other_key).what, gm::answer::kind::not_owner);
  EXPECT_EQ(ask<diffio_progress>(*store, {generation, std::string("proj-0000000000000000")}).what, gm::answer::kind::not_found)
      << "a project id that does not hold the generation";
  EXPECT_EQ(ask<diffio_progress>(*store, {generation, project}).status, 200);
}

// Checks one progress answer against the progress page's stage rules; returns the stages in order.
std::vector<const dif::stage*> check_rules(const dif::get_generation_progress_response& r) {
  std::vector<const dif::stage*> stages;
  EXPECT_TRUE(r.pre_processing && r.inference);
  EXPECT_EQ(r.restored_video.has_value(), r.has_video) << "audio projects return preProcessing and inference only";
  if (r.pre_processing) stages.push_back(&*r.pre_processing);
  if (r.inference) stages.push_back(&*r.inference);
  if (r.restored_video) stages.push_back(&*r.restored_video);
  bool failed = false, all_complete = true;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const dif::stage& s = *stages[i];
    EXPECT_TRUE(s.status.known());
    if (!s.status.known()) continue;
    const auto st = s.status.value();
    failed = failed || st == dif::stage_status::failed;
    all_complete = all_complete && st == dif::stage_status::complete;
    if (st == dif::stage_status::pending) {
      EXPECT_EQ(s.progress.value, 0) << "a pending (or missing) stage reports progress 0";
      const bool has_job = s.job_id && s.job_id->has_value();
      if (!has_job) {
        EXPECT_TRUE(s.job_state && !s.job_state->has_value());
      }
    }
    if (st == dif::stage_status::complete) {
      EXPECT_EQ(s.progress.value, 100);
    }
    if (st == dif::stage_status::failed) {
      EXPECT_TRUE(s.error && s.error->has_value());
      EXPECT_TRUE(s.error_details && s.error_details->has_value());
      EXPECT_TRUE(s.job_state && s.job_state->has_value() && **s.job_state == dif::cloud_job_state::FAILED);
    } else {
      EXPECT_FALSE(s.error && s.error->has_value());
    }
    // Stages run in order: a later stage moves only once the earlier one is complete.
    if (i > 0 && st != dif::stage_status::pending) {
      EXPECT_EQ(stages[i - 1]->status, dif::stage_status::complete);
    }
  }
  if (failed) {
    EXPECT_EQ(r.status, dif::generation_status::failed) << "a failed stage fails the generation";
    EXPECT_TRUE(r.error && r.error->has_value());
    EXPECT_TRUE(r.error_details && r.error_details->has_value());
  } else {
    EXPECT_FALSE(r.error && r.error->has_value());
    EXPECT_EQ(r.status == dif::generation_status::complete, all_complete) << "complete when all stages are complete";
  }
  return stages;
}

// The whole run of one generation, poll by poll, until it stops changing.
std::vector<std::string> run_to_end(gm::store& s, const std::string& generation) {
  std::vector<std::string> bodies;
  for (int i = 0; i < 40; ++i) {
    const auto a = ask<diffio_progress>(s, {generation, std::nullopt});
    const auto r = strict_body<diffio_progress>(a);
    check_rules(r);
    if (!bodies.empty() && bodies.back() == a.body) break;
    bodies.push_back(a.body);
  }
  return bodies;
}

TEST(RealisticDiffio, PollingWalksEachGenerationThroughItsStagesDeterministically) {
  constexpr std::uint64_t seed = 77;
  auto store = gm::make_realistic_store(config(seed, 300));
  auto twin = gm::make_realistic_store(config(seed, 300));
  int audio = 0, video = 0, failed = 0, complete = 0;
  for (const auto& project : diffio_projects(*store)) {
    for (const auto& g : list(*store, project).generations) {
      const auto status = (*g.status)->value();
      if (status == dif::generation_status::complete || status == dif::generation_status::failed) continue;
      const auto bodies = run_to_end(*store, g.generation_id);
      ASSERT_GE(bodies.size(), 2u) << "an unfinished generation moves when polled";
      EXPECT_LE(bodies.size(), 15u);
      EXPECT_EQ(run_to_end(*twin, g.generation_id), bodies) << "same seed, same polls: same answers";

      // Progress never goes back, stage by stage.
      std::vector<double> last(3, 0);
      for (const auto& body : bodies) {
        const auto r = *genwire::decode<dif::get_generation_progress_response>(body);
        const auto stages = check_rules(r);
        for (std::size_t i = 0; i < stages.size(); ++i) {
          EXPECT_GE(stages[i]->progress.value, last[i]);
          last[i] = stages[i]->progress.value;
        }
      }
      const auto final_state = *genwire::decode<dif::get_generation_progress_response>(bodies.back());
      (final_state.has_video ? video : audio) += 1;
      if (final_state.status == dif::generation_status::failed) ++failed;
      if (final_state.status == dif::generation_status::complete) ++complete;
      EXPECT_TRUE(final_state.status == dif::generation_status::complete || final_state.status == dif::generation_status::failed);

      // The list shows the same generation where polling left it.
      for (const auto& item : list(*store, project).generations)
        if (item.generation_id == g.generation_id) {
          EXPECT_EQ((*item.status)->value(), final_state.status.value());
        }
    }
  }
  EXPECT_GT(audio, 0);
  EXPECT_GT(video, 0);
  EXPECT_GT(complete, 0);
  EXPECT_GT(audio + video, 20);
}

TEST(RealisticDiffio, FinishedGenerationsShowTheSeedsStageRules) {
  auto store = gm::make_realistic_store(config(5, 400));
  int failed = 0, pre_without_document = 0;
  for (const auto& project : diffio_projects(*store)) {
    for (const auto& g : list(*store, project).generations) {
      const auto r = poll(*store, g.generation_id);
      check_rules(r);
      if (r.status == dif::generation_status::failed) ++failed;
      // "preProcessing reports complete when audioOriginalMp3Ready is true even if the job document is missing".
      if (r.pre_processing->status == dif::stage_status::complete && !r.pre_processing->job_id->has_value()) ++pre_without_document;
    }
  }
  EXPECT_GT(failed, 0);
  EXPECT_GT(pre_without_document, 0);
}

}  // namespace
