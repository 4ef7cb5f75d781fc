// The realistic mode through the server: over loopback HTTP, the admin state/reset API, each
// fault flag end to end, the genwire-mock binary's flags, and the example clients.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <thread>

#include <genwire/mock/server.hpp>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
using namespace std::chrono_literals;
namespace fl = genwire::flora;
namespace dif = genwire::diffio;

// GET /__admin/state, as a test-side struct (decoding it strictly proves the shape).
struct state_store {
  std::string provider;
  std::size_t jobs = 0;
  std::size_t finished = 0;
  std::optional<std::vector<std::string>> projects;
};
struct state_faults {
  std::uint32_t latency_min_ms = 0, latency_max_ms = 0;
  double fail_rate = 0, rate_limit = 0, drop_rate = 0;
  std::uint64_t delayed = 0, failed = 0, rate_limited = 0, dropped = 0;
};
struct state {
  std::string data;
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> items;
  std::optional<std::uint64_t> step_ms;
  std::optional<std::uint64_t> clock_steps;
  std::vector<state_store> stores;
  state_faults faults;
};

struct live {
  explicit live(gm::server_config c) : srv(std::move(c)) {
    srv.start();
    cli = std::make_unique<httplib::Client>("127.0.0.1", srv.port());
    cli->set_read_timeout(10, 0);
  }
  live(std::shared_ptr<gm::store> data, gm::fault_config faults = {})
      : live([&] {
          gm::server_config c;
          c.data = std::move(data);
          c.faults = std::make_shared<gm::fault_injector>(std::move(faults));
          return c;
        }()) {}

  httplib::Result get(const std::string& target, const std::string& key = "gw_test_read", httplib::Headers extra = {}) {
    extra.emplace("Authorization", "Bearer " + key);
    return cli->Get(target, extra);
  }
  httplib::Result diffio(const std::string& path, const std::string& body, httplib::Headers extra = {}) {
    extra.emplace("X-Api-Key", "gw_test_read");
    return cli->Post(path, extra, body, "application/json");
  }
  state admin_state() {
    auto r = cli->Get("/__admin/state");
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, 200);
    auto s = genwire::decode<state, genwire::strict>(r->body);
    EXPECT_TRUE(s.has_value()) << r->body;
    return s ? *s : state{};
  }

  gm::server srv;
  std::unique_ptr<httplib::Client> cli;
};

std::string flora_path(const fl::list_generations_query& q) {
  return std::string(flora_list::path) + "?" + *genwire::encode_query(q);
}

// Every listed run's poll_url is the mock's own URL: a client follows it as it is and polls the
// run to its end over HTTP.
TEST(RealisticServer, FloraPollUrlIsFollowedToTheEndOverHttp) {
  live m(gm::make_realistic_store(config(8, 50)));
  auto r = m.get(std::string(flora_list::path) + "?limit=50");
  ASSERT_TRUE(r);
  auto page = genwire::decode<fl::list_generations_response, genwire::strict>(r->body);
  ASSERT_TRUE(page) << page.error().message();
  const std::string origin = "http://127.0.0.1:" + std::to_string(m.srv.port());
  const fl::generation* open = nullptr;
  for (const auto& g : page->generations) {
    ASSERT_TRUE(g.poll_url);
    EXPECT_EQ(g.poll_url->text, origin + "/api/v1/runs/" + g.run_id);
    if (g.status == fl::run_status::running || g.status == fl::run_status::pending) open = &g;
  }
  ASSERT_NE(open, nullptr);
  const std::string path = open->poll_url->text.substr(origin.size());
  fl::run last{};
  for (int i = 0; i < 10; ++i) {
    auto run = m.get(path);
    ASSERT_TRUE(run);
    ASSERT_EQ(run->status, 200) << run->body;
    EXPECT_TRUE(run->get_header_value("request-id").starts_with("req_"));
    auto decoded = genwire::decode<fl::run, genwire::strict>(run->body);
    ASSERT_TRUE(decoded) << decoded.error().message();
    last = *decoded;
    EXPECT_EQ(last.run_id, open->run_id);
  }
  EXPECT_TRUE(last.status == fl::run_status::completed || last.status == fl::run_status::failed);
  auto missing = m.get("/api/v1/runs/run_missing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST(RealisticServer, FloraWalkOverHttp) {
  live m(gm::make_realistic_store(config(5, 73)));
  fl::list_generations_query q;
  q.limit = 10;
  std::size_t seen = 0, pages = 0;
  for (;;) {
    auto r = m.get(flora_path(q));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_TRUE(r->get_header_value("request-id").starts_with("req_")) << "the FLORA policy still decorates";
    auto page = genwire::decode<fl::list_generations_response, genwire::strict>(r->body);
    ASSERT_TRUE(page) << page.error().message();
    ++pages;
    seen += page->generations.size();
    EXPECT_EQ(page->meta.total_estimate->value, 73.0);
    if ((*page->meta.next_cursor)->empty()) break;
    q.cursor = **page->meta.next_cursor;
  }
  EXPECT_EQ(seen, 73u);
  EXPECT_EQ(pages, 8u);

  q.cursor = "eyJvZmZzZXQiOjIwfQ";
  auto bad = m.get(flora_path(q));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(bad->has_header("request-id"));
  EXPECT_EQ(genwire::decode<fl::error_envelope>(bad->body)->error.code, fl::api_error_code::input_validation_error);

  // Validation, auth and Prefer still come before the data.
  auto zero = m.get(std::string(flora_list::path) + "?limit=0");
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->status, 400);
  auto no_key = m.cli->Get(std::string(flora_list::path));
  ASSERT_TRUE(no_key);
  EXPECT_EQ(no_key->status, 401);
  auto prefer = m.get(std::string(flora_list::path), "gw_test_read", {{"Prefer", "code=500"}});
  ASSERT_TRUE(prefer);
  EXPECT_EQ(prefer->status, 500);
  auto other = m.get(std::string(flora_list::path), "gw_test_other");
  ASSERT_TRUE(other);
  EXPECT_TRUE(genwire::decode<fl::list_generations_response>(other->body)->generations.empty());
}

TEST(RealisticServer, DiffioRefusalsUseTheDocumentedReasons) {
  auto store = gm::make_realistic_store(config(5, 40));
  const auto project = diffio_projects(*store).front();
  live m(store);
  auto ok = m.diffio(std::string(diffio_list::path), R"({"apiProjectId":")" + project + "\"}");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_TRUE((genwire::decode<diffio_list::response, genwire::strict>(ok->body).has_value()));
  auto missing = m.diffio(std::string(diffio_list::path), R"({"apiProjectId":"proj-123"})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(genwire::decode<dif::error_envelope>(missing->body)->error, dif::reason_api_project_not_found);
  auto foreign = m.cli->Post(std::string(diffio_list::path), {{"X-Api-Key", "gw_test_other"}},
                             R"({"apiProjectId":")" + project + "\"}", "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  EXPECT_EQ(genwire::decode<dif::error_envelope>(foreign->body)->error, dif::reason_project_not_owned);
}

TEST(RealisticServer, AdminStateAndReset) {
  live m(gm::make_realistic_store(config(17, 64)));
  const state s = m.admin_state();
  EXPECT_EQ(s.data, "realistic");
  EXPECT_EQ(s.seed, 17u);
  EXPECT_EQ(s.items, 64u);
  ASSERT_EQ(s.stores.size(), 4u);
  for (const auto& st : s.stores) EXPECT_EQ(st.jobs, 64u) << st.provider;
  ASSERT_TRUE(s.stores[0].projects);
  EXPECT_EQ(s.stores[0].projects->size(), 4u);
  EXPECT_EQ(s.faults.fail_rate, 0.0);

  const std::string first = m.get(std::string(hedra_list::path) + "?limit=20", "gw_test_read", {{"X-API-Key", "gw_test_read"}})->body;
  for (int i = 0; i < 6; ++i) m.get(std::string(hedra_list::path) + "?limit=20", "gw_test_read", {{"X-API-Key", "gw_test_read"}});
  EXPECT_NE(m.get(std::string(hedra_list::path) + "?limit=20", "gw_test_read", {{"X-API-Key", "gw_test_read"}})->body, first);
  EXPECT_GT(m.admin_state().stores[3].finished, s.stores[3].finished) << "polled jobs moved";

  auto wrong = m.cli->Get("/__admin/reset");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  auto reset = m.cli->Post("/__admin/reset", "", "application/json");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 200);
  EXPECT_EQ(genwire::decode<state>(reset->body)->stores[3].finished, s.stores[3].finished);
  EXPECT_EQ(m.get(std::string(hedra_list::path) + "?limit=20", "gw_test_read", {{"X-API-Key", "gw_test_read"}})->body, first);
}

TEST(RealisticServer, DocumentedModeStateShowsTheExamples) {
  live m(gm::server_config{});
  const state s = m.admin_state();
  EXPECT_EQ(s.data, "documented");
  EXPECT_FALSE(s.seed);
  ASSERT_EQ(s.stores.size(), 4u);
  EXPECT_EQ(s.stores[0].jobs, 1u);
  EXPECT_EQ(*s.stores[0].projects, std::vector<std::string>{"proj-123"});
  EXPECT_EQ(s.stores[2].provider, "depicta");
  EXPECT_EQ(s.stores[2].jobs, 4u);
  auto reset = m.cli->Post("/__admin/reset", "", "application/json");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 200);
  // Prefer: latency needs no flag.
  const auto t0 = std::chrono::steady_clock::now();
  auto slow = m.get(std::string(flora_list::path), "gw_test_read", {{"Prefer", "latency=150"}});
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 150ms);
}

TEST(RealisticServer, PreferLatencyAndTheLatencyFlag) {
  gm::fault_config f;
  f.latency_min_ms = f.latency_max_ms = 120;
  live m(nullptr, f);
  auto t0 = std::chrono::steady_clock::now();
  auto r = m.get(std::string(depicta_list::path));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 120ms);

  t0 = std::chrono::steady_clock::now();
  r = m.get(std::string(depicta_list::path), "gw_test_read", {{"Prefer", "latency=300, code=503"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503) << "Prefer: code keeps working next to latency";
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 300ms);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);

  // Admin calls are never delayed.
  t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(m.admin_state().faults.delayed, 2u);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 100ms);
}

TEST(RealisticServer, FailRateRateLimitAndDropOverHttp) {
  {
    gm::fault_config f;
    f.fail_rate = 1;
    live m(gm::make_realistic_store(config(1, 10)), f);
    for (int i = 0; i < 10; ++i) {
      auto r = m.get(std::string(flora_list::path));
      ASSERT_TRUE(r);
      EXPECT_TRUE(r->status == 429 || r->status == 500 || r->status == 503) << r->status;
      EXPECT_TRUE(r->has_header("request-id"));
      EXPECT_TRUE((genwire::decode<fl::error_envelope, genwire::strict>(r->body).has_value()));
    }
    EXPECT_EQ(m.admin_state().faults.failed, 10u);
  }
  {
    gm::fault_config f;
    f.rate_limit = 1;
    live m(gm::make_realistic_store(config(1, 10)), f);
    auto first = m.get(std::string(depicta_list::path));
    auto second = m.get(std::string(depicta_list::path));
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(second->status, 429);
    EXPECT_EQ(second->get_header_value("Retry-After"), "1");
    EXPECT_EQ(genwire::decode<genwire::depicta::error_envelope>(second->body)->error, "rate_limited");
    auto other_key = m.get(std::string(depicta_list::path), "gw_test_other");
    ASSERT_TRUE(other_key);
    EXPECT_EQ(other_key->status, 200) << "buckets are per key";
  }
  {
    gm::fault_config f;
    f.drop_rate = 1;
    live m(gm::make_realistic_store(config(1, 10)), f);
    auto dropped = m.get(std::string(flora_list::path));
    EXPECT_FALSE(dropped) << "no answer at all";
    // The server is still there; Prefer: code is exempt from faults.
    auto r = m.get(std::string(flora_list::path), "gw_test_read", {{"Prefer", "code=200"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(m.admin_state().faults.dropped, 1u);
    const auto journal = m.srv.requests().snapshot();
    ASSERT_EQ(journal.requests.size(), 2u);
    EXPECT_EQ(journal.requests[0].status, 0) << "the journal shows the drop";
  }
}

// Runs a command, returns (exit status, stdout).
std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return {-1, {}};
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
  const int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::size_t count_lines(const std::string& text, std::string_view prefix) {
  std::size_t n = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    if (std::string_view(text).substr(pos).starts_with(prefix)) ++n;
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return n;
}

TEST(RealisticExamples, FloraPagerWalksEveryPage) {
  live m(gm::make_realistic_store(config(8, 130)));
  const auto [code, out] = run(std::string(GENWIRE_FLORA_PAGER_PATH) + " " + m.srv.base_url() + " gw_test_read --limit 25");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("pages=6 generations=130 total_estimate=130"), std::string::npos) << out;
  EXPECT_EQ(count_lines(out, "run_"), 130u);
  // The same order as the store itself walks.
  auto twin = gm::make_realistic_store(config(8, 130));
  fl::list_generations_query q;
  q.limit = 100;
  const auto page = strict_page<flora_list>(*twin, q);
  EXPECT_TRUE(out.starts_with(page.generations[0].generation_id + " ")) << out.substr(0, 200);
  EXPECT_NE(out.find(page.generations[99].generation_id + " "), std::string::npos);
}

TEST(RealisticExamples, FloraPagerRetriesThroughFaults) {
  gm::fault_config f;
  f.seed = 3;
  f.fail_rate = 0.4;
  f.drop_rate = 0.2;
  live m(gm::make_realistic_store(config(8, 300)), f);
  const auto [code, out] = run(std::string(GENWIRE_FLORA_PAGER_PATH) + " " + m.srv.base_url() +
                               " gw_test_read --limit 30 --max-retries 30 --backoff-ms 1");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("pages=10 generations=300 total_estimate=300"), std::string::npos) << out;
  const auto n = m.admin_state().faults;
  EXPECT_EQ(count_lines(out, "retry status="), n.failed) << out;
  EXPECT_EQ(count_lines(out, "retry connection-error"), n.dropped) << out;
  EXPECT_GT(n.failed, 0u);
  EXPECT_GT(n.dropped, 0u);
}

TEST(RealisticExamples, DiffioPollerPollsToTheEndThroughRetries) {
  constexpr std::uint64_t seed = 21;
  auto store = gm::make_realistic_store(config(seed, 120));
  // An unfinished generation, and where it ends, from a twin store polled directly.
  auto twin = gm::make_realistic_store(config(seed, 120));
  std::string generation, project;
  for (const auto& p : diffio_projects(*twin)) {
    for (const auto& g : strict_page<diffio_list>(*twin, {p}).generations)
      if ((*g.status)->value() == dif::generation_status::processing || (*g.status)->value() == dif::generation_status::pending) {
        generation = g.generation_id;
        project = p;
        break;
      }
    if (!generation.empty()) break;
  }
  ASSERT_FALSE(generation.empty());
  dif::get_generation_progress_response last;
  for (int i = 0; i < 30; ++i) last = strict_page<diffio_progress>(*twin, {generation, std::nullopt});
  const std::string expected = last.status == dif::generation_status::complete ? "final=complete" : "final=failed";

  // get_generation_progress documents no retryable status, so its injected failures are marked mock 503s.
  gm::fault_config f;
  f.seed = 4;
  f.fail_rate = 0.4;
  live m(store, f);
  const auto [code, out] = run(std::string(GENWIRE_DIFFIO_POLLER_PATH) + " " + m.srv.base_url() + " gw_test_read " +
                               generation + " --project " + project + " --interval-ms 1 --backoff-ms 1 --max-retries 30");
  EXPECT_EQ(code, last.status == dif::generation_status::complete ? 0 : 3) << out;
  EXPECT_NE(out.find(expected), std::string::npos) << out;
  EXPECT_GE(count_lines(out, "status="), 2u) << out;
  EXPECT_EQ(count_lines(out, "retry status=503"), m.admin_state().faults.failed) << out;
  EXPECT_GT(count_lines(out, "retry status=503"), 0u) << out;

  // A 429 with Retry-After is honoured: a rate limit of 1 request per second spaces the polls out.
  gm::fault_config limited;
  limited.rate_limit = 1;
  live slow(gm::make_realistic_store(config(seed, 120)), limited);
  const auto t0 = std::chrono::steady_clock::now();
  const auto [code2, out2] = run(std::string(GENWIRE_DIFFIO_POLLER_PATH) + " " + slow.srv.base_url() + " gw_test_read " +
                                 generation + " --interval-ms 1 --backoff-ms 1 --max-retries 30 --max-polls 3 2>/dev/null");
  EXPECT_GE(count_lines(out2, "retry status=429 wait_ms=1000"), 1u) << out2;
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 1s);
  EXPECT_GE(count_lines(out2, "status="), 2u) << out2;
  (void)code2;
}

TEST(RealisticBinary, FlagsStartTheRealisticMode) {
  const std::string cmd = std::string(GENWIRE_MOCK_PATH) + " --port 0 --quiet --data realistic --seed 12 --items 33 --fail-rate 0";
  // Started in the background; its first line names the URL.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string first;
  char c = 0;
  while (::read(fds[0], &c, 1) == 1 && c != '\n') first += c;
  const auto at = first.find("http://");
  ASSERT_NE(at, std::string::npos) << first;
  httplib::Client cli(first.substr(at));
  auto r = cli.Get("/__admin/state");
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(fds[0]);
  ASSERT_TRUE(r);
  auto s = genwire::decode<state>(r->body);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->data, "realistic");
  EXPECT_EQ(s->seed, 12u);
  EXPECT_EQ(s->items, 33u);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  const auto [bad, text] = run(std::string(GENWIRE_MOCK_PATH) + " --fail-rate 2 2>&1");
  EXPECT_EQ(bad, 2);
  EXPECT_NE(text.find("--fail-rate"), std::string::npos) << text;
  const auto [help_code, help] = run(std::string(GENWIRE_MOCK_PATH) + " --help");
  EXPECT_EQ(help_code, 0);
  EXPECT_NE(help.find("--rate-limit"), std::string::npos);
}

}  // namespace
