// Hedra in realistic mode: flat limit/offset paging with page_info, the six filters, progress 0..1.
#include <algorithm>
#include <set>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
namespace hd = genwire::hedra;

std::vector<hd::generation> walk(gm::store& s, hd::list_generations_query q, std::int64_t limit) {
  std::vector<hd::generation> all;
  q.limit = limit;
  for (std::int64_t offset = 0;; offset += limit) {
    q.offset = offset;
    const auto page = strict_page<hedra_list>(s, q);
    EXPECT_EQ(page.page_info.limit, limit);
    EXPECT_EQ(page.page_info.offset, offset);
    EXPECT_LE(page.data.size(), static_cast<std::size_t>(limit));
    all.insert(all.end(), page.data.begin(), page.data.end());
    if (page.data.size() < static_cast<std::size_t>(limit)) break;
  }
  return all;
}

std::vector<std::string> ids_of(const std::vector<hd::generation>& items) {
  std::vector<std::string> out;
  for (const auto& g : items) out.push_back(g.id.text);
  return out;
}

TEST(RealisticHedra, EveryLimitWalksEveryGenerationOnceNewestFirst) {
  constexpr std::size_t items = 260;
  std::vector<std::string> reference;
  for (const std::int64_t limit : {1, 10, 100, 250, 1000}) {
    auto store = gm::make_realistic_store(config(6, items));
    const auto all = walk(*store, {}, limit);
    ASSERT_EQ(all.size(), items) << "limit " << limit;
    const auto ids = ids_of(all);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), items);
    for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GT(millis_of(all[i - 1].created_at), millis_of(all[i].created_at));
    if (reference.empty()) reference = ids;
    EXPECT_EQ(ids, reference);
  }
}

TEST(RealisticHedra, DefaultPageIs100AtOffset0) {
  auto store = gm::make_realistic_store(config(6, 150));
  const auto page = strict_page<hedra_list>(*store, {});
  EXPECT_EQ(page.page_info.limit, 100);
  EXPECT_EQ(page.page_info.offset, 0);
  EXPECT_EQ(page.data.size(), 100u);
  EXPECT_TRUE(strict_page<hedra_list>(*store, {}, other_key).data.empty());
}

TEST(RealisticHedra, GenerationsCarryWhatTheirStatusPromises) {
  auto store = gm::make_realistic_store(config(30, 500));
  hd::list_generations_query q;
  q.limit = 500;
  std::set<hd::generation_status> seen;
  std::set<hd::asset_type> types;
  for (const auto& g : strict_page<hedra_list>(*store, q).data) {
    ASSERT_TRUE(g.status.known());
    seen.insert(g.status.value());
    types.insert(g.type.value());
    EXPECT_GE(g.progress, 0.0) << "progress runs 0..1";
    EXPECT_LE(g.progress, 1.0);
    const bool complete = g.status == hd::generation_status::complete;
    const bool error = g.status == hd::generation_status::error;
    EXPECT_EQ(g.asset.has_value(), complete) << "an asset only once complete";
    if (complete) {
      EXPECT_EQ(g.progress, 1.0);
      ASSERT_TRUE(g.asset->has_value());
      EXPECT_EQ((*g.asset)->id, g.id);
      EXPECT_EQ((*g.asset)->type, g.type);
      EXPECT_GE(millis_of((*g.asset)->created_at), millis_of(g.created_at));
    }
    const bool has_error = g.error && g.error->has_value();
    const bool has_message = g.error_message && g.error_message->has_value();
    if (error)
      EXPECT_NE(has_error, has_message) << "error, or error_message, not both";
    else
      EXPECT_FALSE(has_error || has_message);
    ASSERT_TRUE(g.eta_sec);
    EXPECT_EQ(g.eta_sec->has_value(), !complete && !error);
    ASSERT_TRUE(g.input.type);
  }
  EXPECT_EQ(seen, (std::set<hd::generation_status>{hd::generation_status::queued, hd::generation_status::processing,
                                                   hd::generation_status::finalizing, hd::generation_status::complete,
                                                   hd::generation_status::error}));
  EXPECT_EQ(types, (std::set<hd::asset_type>{hd::asset_type::video, hd::asset_type::image, hd::asset_type::audio,
                                             hd::asset_type::voice}));
}

// Each filter against the same predicate applied to the unfiltered list (the filters are on
// attributes that never change, so walking moves nothing in or out).
class RealisticHedraFilters : public ::testing::Test {
 protected:
  static constexpr std::uint64_t seed = 44;
  static constexpr std::size_t items = 300;

  void SetUp() override {
    store = gm::make_realistic_store(config(seed, items));
    snapshot = walk(*store, {}, 1000);
    ASSERT_EQ(snapshot.size(), items);
  }

  template <class Pred>
  std::vector<std::string> expected(Pred pred) const {
    std::vector<std::string> out;
    for (const auto& g : snapshot)
      if (pred(g)) out.push_back(g.id.text);
    return out;
  }
  std::vector<std::string> filtered(const hd::list_generations_query& q, std::int64_t limit = 9) {
    return ids_of(walk(*store, q, limit));
  }

  std::shared_ptr<gm::realistic_store> store;
  std::vector<hd::generation> snapshot;
};

TEST_F(RealisticHedraFilters, Type) {
  hd::list_generations_query q;
  q.type = hd::generation_filter::video;
  const auto videos = expected([](const hd::generation& g) { return g.type == hd::asset_type::video; });
  EXPECT_GT(videos.size(), 20u);
  EXPECT_EQ(filtered(q), videos);
  // A generation type matches the input's type.
  q.type = hd::generation_filter::text_to_speech;
  const auto speech = expected([](const hd::generation& g) { return g.input.type && *g.input.type == hd::input_type::text_to_speech; });
  EXPECT_GT(speech.size(), 5u);
  EXPECT_EQ(filtered(q), speech);
  q.type = hd::generation_filter::text;
  EXPECT_TRUE(filtered(q).empty());
}

TEST_F(RealisticHedraFilters, CreatedBeforeAndAfterAreExclusive) {
  const auto all = ids_of(snapshot);
  const auto slice = [&](std::size_t from, std::size_t to) {
    return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to));
  };
  hd::list_generations_query q;
  q.created_before = snapshot[100].created_at;
  EXPECT_EQ(filtered(q), slice(101, all.size()));
  q = {};
  q.created_after = snapshot[100].created_at;
  EXPECT_EQ(filtered(q), slice(0, 100));
  q.created_before = snapshot[40].created_at;
  EXPECT_EQ(filtered(q), slice(41, 100));
}

TEST_F(RealisticHedraFilters, IdsIsACommaSeparatedList) {
  hd::list_generations_query q;
  std::string upper = snapshot[7].id.text;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  q.ids = snapshot[250].id.text + ", " + upper + " ," + snapshot[3].id.text + ",not-a-uuid,";
  EXPECT_EQ(filtered(q, 2), (std::vector<std::string>{snapshot[3].id.text, snapshot[7].id.text, snapshot[250].id.text}))
      << "newest first, whatever order the ids came in";
  q.ids = snapshot[0].id.text;
  EXPECT_EQ(filtered(q), std::vector<std::string>{snapshot[0].id.text});
}

TEST_F(RealisticHedraFilters, PromptQueryIsCaseInsensitive) {
  hd::list_generations_query q;
  q.prompt_query = "FoX";
  const auto foxes = filtered(q);
  EXPECT_FALSE(foxes.empty());
  for (const auto& id : foxes) {
    const auto it = std::find_if(snapshot.begin(), snapshot.end(), [&](const hd::generation& g) { return g.id.text == id; });
    ASSERT_NE(it, snapshot.end());
    const std::string prompt = it->input.generated_video_inputs ? it->input.generated_video_inputs->text_prompt
                                                                : it->input.text_prompt.value_or("");
    EXPECT_NE(prompt.find("fox"), std::string::npos) << prompt;
  }
  const auto expected_foxes = expected([](const hd::generation& g) {
    const std::string p = g.input.generated_video_inputs ? g.input.generated_video_inputs->text_prompt : g.input.text_prompt.value_or("");
    return p.find("fox") != std::string::npos;
  });
  EXPECT_EQ(foxes, expected_foxes);
}

TEST_F(RealisticHedraFilters, AgentThreadIdAndCombinations) {
  const auto with_thread = std::find_if(snapshot.begin(), snapshot.end(), [](const hd::generation& g) {
    return g.input.agent_thread_id && g.input.agent_thread_id->has_value();
  });
  ASSERT_NE(with_thread, snapshot.end());
  const std::string thread = (*with_thread->input.agent_thread_id)->text;
  hd::list_generations_query q;
  q.agent_thread_id = genwire::uuid(thread);
  const auto in_thread = expected([&](const hd::generation& g) {
    return g.input.agent_thread_id && g.input.agent_thread_id->has_value() && (*g.input.agent_thread_id)->text == thread;
  });
  EXPECT_GT(in_thread.size(), 3u);
  EXPECT_EQ(filtered(q), in_thread);
  q.type = hd::generation_filter::image;
  const auto images_in_thread = expected([&](const hd::generation& g) {
    return g.type == hd::asset_type::image && g.input.agent_thread_id && g.input.agent_thread_id->has_value() &&
           (*g.input.agent_thread_id)->text == thread;
  });
  EXPECT_EQ(filtered(q), images_in_thread);
  EXPECT_LT(images_in_thread.size(), in_thread.size());
}

}  // namespace
