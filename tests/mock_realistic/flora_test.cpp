// FLORA in realistic mode: cursor pagination, filters, tamper-evident cursors.
#include <algorithm>
#include <map>
#include <set>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
namespace fl = genwire::flora;

struct walk {
  std::vector<fl::generation> items;
  std::vector<std::size_t> page_sizes;
  std::vector<double> totals;
  std::string last_cursor = "unset";
};

walk walk_all(gm::store& s, fl::list_generations_query q, const gm::key_record& key = owner_key) {
  walk w;
  for (int guard = 0; guard < 10000; ++guard) {
    const auto page = strict_page<flora_list>(s, q, key);
    w.page_sizes.push_back(page.generations.size());
    w.totals.push_back(page.meta.total_estimate ? page.meta.total_estimate->value : -1);
    w.items.insert(w.items.end(), page.generations.begin(), page.generations.end());
    EXPECT_TRUE(page.meta.next_cursor && *page.meta.next_cursor);
    const std::string next = page.meta.next_cursor && *page.meta.next_cursor ? **page.meta.next_cursor : std::string();
    if (next.empty()) {
      w.last_cursor = next;
      break;
    }
    q.cursor = next;
  }
  return w;
}

std::vector<std::string> ids_of(const std::vector<fl::generation>& items) {
  std::vector<std::string> out;
  for (const auto& g : items) out.push_back(g.generation_id);
  return out;
}

TEST(RealisticFlora, EveryLimitWalksEveryGenerationOnceNewestFirst) {
  constexpr std::size_t items = 237;
  std::vector<std::string> reference;
  for (const std::int64_t limit : {1, 7, 20, 100}) {
    auto store = gm::make_realistic_store(config(11, items));
    fl::list_generations_query q;
    q.limit = limit;
    const walk w = walk_all(*store, q);
    ASSERT_EQ(w.items.size(), items) << "limit " << limit;
    EXPECT_EQ(w.last_cursor, "") << "the last page ends the walk with an empty next_cursor";
    // Every page but the last is full; the last holds the rest.
    const std::size_t pages = (items + static_cast<std::size_t>(limit) - 1) / static_cast<std::size_t>(limit);
    ASSERT_EQ(w.page_sizes.size(), pages);
    for (std::size_t i = 0; i + 1 < pages; ++i) EXPECT_EQ(w.page_sizes[i], static_cast<std::size_t>(limit));
    EXPECT_EQ(w.page_sizes.back(), items - (pages - 1) * static_cast<std::size_t>(limit));
    for (double t : w.totals) EXPECT_EQ(t, static_cast<double>(items));
    const auto ids = ids_of(w.items);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), items) << "no generation twice";
    for (std::size_t i = 1; i < w.items.size(); ++i) EXPECT_GT(w.items[i - 1].created_at, w.items[i].created_at) << i;
    if (reference.empty()) reference = ids;
    EXPECT_EQ(ids, reference) << "the order does not depend on the page size";
  }
}

TEST(RealisticFlora, DefaultLimitIsTwentyAndLimitMayChangeBetweenPages) {
  auto store = gm::make_realistic_store(config(3, 50));
  const auto first = strict_page<flora_list>(*store, {});
  EXPECT_EQ(first.generations.size(), 20u);
  fl::list_generations_query q;
  q.cursor = **first.meta.next_cursor;
  q.limit = 100;
  const auto rest = strict_page<flora_list>(*store, q);
  EXPECT_EQ(rest.generations.size(), 30u);
  EXPECT_EQ(**rest.meta.next_cursor, "");
}

TEST(RealisticFlora, FiltersSelectExactlyTheMatchingGenerations) {
  constexpr std::uint64_t seed = 5;
  constexpr std::size_t items = 180;
  // The snapshot: every generation as a fresh store shows it.
  auto snapshot_store = gm::make_realistic_store(config(seed, items));
  fl::list_generations_query all;
  all.limit = 100;
  const auto snapshot = walk_all(*snapshot_store, all).items;
  ASSERT_EQ(snapshot.size(), items);

  std::map<std::string, std::vector<std::string>> by_project, by_workspace;
  std::map<fl::run_status, std::vector<std::string>> by_status;
  for (const auto& g : snapshot) {
    by_project[g.project_id].push_back(g.generation_id);
    by_workspace[g.workspace_id].push_back(g.generation_id);
    by_status[g.status.value()].push_back(g.generation_id);
  }
  EXPECT_GE(by_project.size(), 3u);
  EXPECT_GE(by_workspace.size(), 2u);
  EXPECT_EQ(by_status.size(), 4u) << "pending, running, completed and failed all occur";

  for (const auto& [project, expected] : by_project) {
    auto store = gm::make_realistic_store(config(seed, items));
    fl::list_generations_query q;
    q.project_id = project;
    q.limit = 7;
    const walk w = walk_all(*store, q);
    EXPECT_EQ(ids_of(w.items), expected) << project;
    EXPECT_EQ(w.totals.front(), static_cast<double>(expected.size()));
  }
  for (const auto& [workspace, expected] : by_workspace) {
    auto store = gm::make_realistic_store(config(seed, items));
    fl::list_generations_query q;
    q.workspace_id = workspace;
    q.limit = 13;
    EXPECT_EQ(ids_of(walk_all(*store, q).items), expected) << workspace;
  }
  for (const auto& [status, expected] : by_status) {
    // A walk moves the jobs it returns, but only those already behind the cursor: the status filter
    // still sees each generation that matched at the start exactly once.
    auto store = gm::make_realistic_store(config(seed, items));
    fl::list_generations_query q;
    q.status = status;
    q.limit = 3;
    const walk w = walk_all(*store, q);
    EXPECT_EQ(ids_of(w.items), expected) << static_cast<int>(status);
    for (const auto& g : w.items) EXPECT_EQ(g.status, status);
  }
  // Combined filters intersect.
  const auto& [project, in_project] = *by_project.begin();
  auto store = gm::make_realistic_store(config(seed, items));
  fl::list_generations_query q;
  q.project_id = project;
  q.status = fl::run_status::completed;
  std::vector<std::string> expected;
  for (const auto& g : snapshot)
    if (g.project_id == project && g.status == fl::run_status::completed) expected.push_back(g.generation_id);
  EXPECT_EQ(ids_of(walk_all(*store, q).items), expected);
  EXPECT_LT(expected.size(), in_project.size());

  fl::list_generations_query none;
  none.project_id = "prj_does_not_exist";
  const auto empty = strict_page<flora_list>(*store, none);
  EXPECT_TRUE(empty.generations.empty());
  EXPECT_EQ(**empty.meta.next_cursor, "");
  EXPECT_EQ(empty.meta.total_estimate->value, 0.0);
}

TEST(RealisticFlora, GenerationsCarryWhatTheirStatusPromises) {
  auto store = gm::make_realistic_store(config(21, 300));
  fl::list_generations_query q;
  q.limit = 100;
  for (const auto& g : walk_all(*store, q).items) {
    EXPECT_EQ(g.run_id, g.generation_id);
    EXPECT_TRUE(g.generation_id.starts_with("run_"));
    EXPECT_GE(g.progress, 0);
    EXPECT_LE(g.progress, 100);
    EXPECT_GT(g.created_at, 1.7e12) << "milliseconds since the epoch";
    ASSERT_TRUE(g.poll_url);
    switch (g.status.value()) {
      case fl::run_status::pending:
        EXPECT_EQ(g.progress, 0);
        EXPECT_FALSE(g.started_at);
        EXPECT_FALSE(g.completed_at);
        EXPECT_FALSE(g.outputs);
        break;
      case fl::run_status::running:
        ASSERT_TRUE(g.started_at);
        EXPECT_GT(*g.started_at, g.created_at);
        EXPECT_FALSE(g.completed_at);
        EXPECT_FALSE(g.error_code);
        break;
      case fl::run_status::completed:
        EXPECT_EQ(g.progress, 100);
        ASSERT_TRUE(g.outputs);
        EXPECT_FALSE(g.outputs->empty());
        ASSERT_TRUE(g.completed_at);
        ASSERT_TRUE(g.started_at);
        EXPECT_GE(*g.completed_at, *g.started_at);
        ASSERT_TRUE(g.charged_cost);
        EXPECT_GT(g.charged_cost->value, 0);
        EXPECT_FALSE(g.error_code);
        break;
      case fl::run_status::failed:
        ASSERT_TRUE(g.error_code);
        ASSERT_TRUE(g.error_message);
        EXPECT_FALSE(g.error_message->empty());
        ASSERT_TRUE(g.completed_at);
        EXPECT_FALSE(g.outputs);
        break;
    }
  }
}

fl::error_envelope cursor_error(gm::store& s, const fl::list_generations_query& q, const gm::key_record& key = owner_key) {
  const auto a = ask<flora_list>(s, q, key);
  EXPECT_EQ(a.what, gm::answer::kind::reply);
  EXPECT_EQ(a.status, 400) << a.body;
  auto e = genwire::decode<fl::error_envelope, genwire::strict>(a.body);
  EXPECT_TRUE(e.has_value()) << a.body;
  return e ? *e : fl::error_envelope{};
}

void expect_cursor_rejected(gm::store& s, const fl::list_generations_query& q, const gm::key_record& key = owner_key) {
  const auto e = cursor_error(s, q, key);
  EXPECT_EQ(e.error.code, fl::api_error_code::input_validation_error);
  ASSERT_TRUE(e.error.fields);
  ASSERT_EQ(e.error.fields->size(), 1u);
  EXPECT_EQ((*e.error.fields)[0].field, "cursor");
  EXPECT_TRUE(e.error.message.starts_with("cursor: "));
}

TEST(RealisticFlora, TamperedOrForeignCursorsAreInputValidationErrors) {
  auto store = gm::make_realistic_store(config(8, 60));
  fl::list_generations_query q;
  q.limit = 5;
  const std::string cursor = **strict_page<flora_list>(*store, q).meta.next_cursor;
  ASSERT_FALSE(cursor.empty());

  fl::list_generations_query next = q;
  next.cursor = cursor;
  EXPECT_EQ(ask<flora_list>(*store, next).status, 200) << "the untouched cursor works";

  // Every single-character edit is caught.
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    std::string bad = cursor;
    bad[i] = bad[i] == 'A' ? 'B' : 'A';
    fl::list_generations_query t = q;
    t.cursor = bad;
    expect_cursor_rejected(*store, t);
  }
  // Truncated, extended, not base64url at all.
  for (std::string bad : {cursor.substr(0, cursor.size() - 1), cursor + "A", std::string("not a cursor"), std::string("%%%")}) {
    fl::list_generations_query t = q;
    t.cursor = bad;
    expect_cursor_rejected(*store, t);
  }
  // The documented example's cursor (base64 of {"offset":20}) and a hand-made one with a made-up signature.
  for (std::string foreign : {std::string("eyJvZmZzZXQiOjIwfQ"), std::string("eyJvZmZzZXQiOjUsInNpZyI6IjAwMDAwMDAwMDAwMDAwMDAifQ")}) {
    fl::list_generations_query t = q;
    t.cursor = foreign;
    expect_cursor_rejected(*store, t);
  }
  // Minted under another seed.
  auto other = gm::make_realistic_store(config(9, 60));
  expect_cursor_rejected(*other, next);
  // Passed back with other filters.
  fl::list_generations_query filtered = next;
  filtered.status = fl::run_status::completed;
  expect_cursor_rejected(*store, filtered);
  // Passed back by another key that sees the same data.
  expect_cursor_rejected(*store, next, second_owner);
  // A different limit is fine: the cursor is about where, not how many.
  fl::list_generations_query wider = next;
  wider.limit = 50;
  EXPECT_EQ(strict_page<flora_list>(*store, wider).generations.size(), 50u);
  // An empty cursor is no cursor (the SDK never sends one; it stops on a falsy next_cursor).
  fl::list_generations_query empty = q;
  empty.cursor = "";
  EXPECT_EQ(ask<flora_list>(*store, empty).status, 200);
}

TEST(RealisticFlora, AKeyThatOwnsNothingListsNothing) {
  auto store = gm::make_realistic_store(config(1, 40));
  const auto page = strict_page<flora_list>(*store, {}, other_key);
  EXPECT_TRUE(page.generations.empty());
  EXPECT_EQ(**page.meta.next_cursor, "");
  EXPECT_EQ(page.meta.total_estimate->value, 0.0);
}

}  // namespace

namespace {

// GET /api/v1/runs/{runId} in realistic mode: every listed run's poll_url is the mock's own URL
// for it, and the run it answers is the list's item, moving on as it is polled.

gm::request from_host(std::string host) {
  gm::request r;
  r.headers.push_back({"Host", std::move(host)});
  return r;
}

gm::answer ask_run(gm::store& s, const std::string& run_id, const gm::key_record& key = owner_key,
                   const gm::request& raw = from_host("127.0.0.1:8080")) {
  return ask<flora_run>(s, fl::get_run_query{}, key, fl::run_path{run_id}, raw);
}

fl::list_generations_response first_page(gm::store& s, std::int64_t limit, const gm::request& raw = from_host("127.0.0.1:8080")) {
  fl::list_generations_query q;
  q.limit = limit;
  return strict_body<flora_list>(ask<flora_list>(s, q, owner_key, {}, raw));
}

TEST(RealisticFloraRuns, PollUrlIsTheMocksOwnUrlFromTheHost) {
  auto store = gm::make_realistic_store(config(3, 40));
  for (const auto& g : first_page(*store, 40).generations) {
    ASSERT_TRUE(g.poll_url);
    EXPECT_EQ(g.poll_url->text, "http://127.0.0.1:8080/api/v1/runs/" + g.run_id);
  }
  gm::request tls = from_host("mock.test:9443");
  tls.scheme = "https";
  for (const auto& g : first_page(*store, 5, tls).generations) EXPECT_EQ(g.poll_url->text, "https://mock.test:9443/api/v1/runs/" + g.run_id);
}

TEST(RealisticFloraRuns, TheRunAgreesWithItsListItem) {
  auto store = gm::make_realistic_store(config(4, 60));
  auto twin = gm::make_realistic_store(config(4, 60));
  // Seen once by the list, once as a run, at the same step (each store is read once).
  for (const auto& g : first_page(*store, 60).generations) {
    const fl::run r = strict_body<flora_run>(ask_run(*twin, g.run_id));
    EXPECT_EQ(r.run_id, g.run_id);
    EXPECT_EQ(r.status, g.status);
    EXPECT_EQ(r.progress, g.progress);
    EXPECT_EQ(r.created_at, g.created_at);
    EXPECT_EQ(r.started_at, g.started_at);
    EXPECT_EQ(r.completed_at, g.completed_at);
    EXPECT_EQ(r.charged_cost.has_value(), g.charged_cost.has_value());
    EXPECT_EQ(r.error_code, g.error_code);
    EXPECT_EQ(r.error_message, g.error_message);
    EXPECT_EQ(r.outputs.has_value(), g.outputs.has_value());
    if (r.outputs && g.outputs) {
      EXPECT_EQ(r.outputs->size(), g.outputs->size());
    }
    ASSERT_TRUE(r.poll_url);
    EXPECT_EQ(r.poll_url->text, g.poll_url->text);
  }
}

TEST(RealisticFloraRuns, PollingARunningJobMovesItToItsEnd) {
  auto store = gm::make_realistic_store(config(5, 80));
  std::string running;
  for (const auto& g : first_page(*store, 80).generations)
    if (g.status == fl::run_status::pending || g.status == fl::run_status::running) running = g.run_id;
  ASSERT_FALSE(running.empty()) << "some jobs start unfinished";
  std::vector<fl::run> seen;
  for (int i = 0; i < 10; ++i) seen.push_back(strict_body<flora_run>(ask_run(*store, running)));
  ASSERT_TRUE(seen.back().status == fl::run_status::completed || seen.back().status == fl::run_status::failed);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].progress, seen[i - 1].progress);
  EXPECT_NE(seen.front().status, seen.back().status) << "each poll moves it one step";
  // The list sees the same, finished, job now.
  for (const auto& g : first_page(*store, 80).generations) {
    if (g.run_id == running) {
      EXPECT_EQ(g.status, seen.back().status);
    }
  }
}

TEST(RealisticFloraRuns, UnknownAndForeignRunsAreNotFound) {
  auto store = gm::make_realistic_store(config(6, 10));
  const std::string some = first_page(*store, 1).generations.at(0).run_id;
  EXPECT_EQ(ask_run(*store, "run_nope").what, gm::answer::kind::not_found);
  EXPECT_EQ(ask_run(*store, some, other_key).what, gm::answer::kind::not_found);
  EXPECT_EQ(ask_run(*store, some, second_owner).what, gm::answer::kind::reply);
}

}  // namespace
