// The typed client against the in-process mock (loopback HTTP, no other network): every page of
// every paged endpoint exactly once through faults, retries that agree with the mock's journal and
// with Retry-After, deadlines and cancellation, each provider's typed errors, invalid bodies,
// keep-alive reuse, concurrent use and polling.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "client_test_support.hpp"

namespace {

using namespace client_test;
namespace fl = genwire::flora;
namespace dep = genwire::depicta;
namespace hed = genwire::hedra;
namespace dif = genwire::diffio;

// Requests the journal holds for one endpoint.
std::size_t journaled(const std::vector<gm::journal_entry>& j, std::string_view endpoint, int status = -1) {
  return static_cast<std::size_t>(std::count_if(j.begin(), j.end(), [&](const gm::journal_entry& e) {
    return e.endpoint == endpoint && (status < 0 || e.status == status);
  }));
}

gm::fault_config faults(std::uint64_t seed, double fail, double drop, double rate = 0) {
  gm::fault_config f;
  f.seed = seed;
  f.fail_rate = fail;
  f.drop_rate = drop;
  f.rate_limit = rate;
  f.latency_min_ms = 0;
  f.latency_max_ms = 2;
  return f;
}

// Walks D with each page size and checks: every job exactly once, and as many requests in the
// journal as pages plus retries (each retry follows exactly one failed request).
template <class P, class D, class Id>
void walk_every_page(live_mock& m, std::size_t items, std::initializer_list<std::int64_t> limits, Id id_of) {
  for (const std::int64_t limit : limits) {
    m.srv.requests().clear();
    std::size_t retries = 0;
    auto s = fast_settings<P>(m.srv.base_url());
    s.on_retry = [&](const gc::retry_event& e) { retries += e.scope == gc::retry_scope::request; };
    gc::client<P> c(std::move(s));
    typename D::request first{};
    first.limit = limit;
    auto all = c.template items<D>(first);
    std::vector<std::string> ids;
    for (const auto& item : all) ids.push_back(id_of(item));
    ASSERT_EQ(all.error(), nullptr) << all.error()->message();
    EXPECT_EQ(ids.size(), items) << D::name << " limit " << limit;
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), items) << D::name << " limit " << limit << ": a job twice";
    const auto j = m.journal();
    EXPECT_EQ(journaled(j, D::name), all.pages() + retries) << D::name << " limit " << limit;
    EXPECT_EQ(journaled(j, D::name) - journaled(j, D::name, 200), retries) << D::name << " limit " << limit;
  }
}

TEST(ClientPages, FloraCursorWalkGetsEveryJobOnceThroughFaults) {
  constexpr std::size_t items = 90;
  // The rate limit answers FLORA's 429 with retry-after-ms, so its waits stay short.
  live_mock m(gm::make_realistic_store(realistic(3, items)), faults(13, 0.15, 0.1, 12));
  walk_every_page<gc::providers::flora, fl::list_generations_endpoint>(m, items, {7, 30, 100},
                                                                       [](const fl::generation& g) { return g.generation_id; });
  const auto n = m.faults();
  EXPECT_GT(n.failed, 0u);
  EXPECT_GT(n.dropped, 0u);
  EXPECT_GT(n.rate_limited, 0u);
  EXPECT_GT(n.delayed, 0u);
}

TEST(ClientPages, DepictaOffsetWalkGetsEveryJobOnceThroughFaults) {
  constexpr std::size_t items = 70;
  live_mock m(gm::make_realistic_store(realistic(4, items)), faults(12, 0.1, 0.05));
  walk_every_page<gc::providers::depicta, dep::list_jobs_endpoint>(m, items, {7, 20, 70, 500},
                                                                   [](const dep::job& j) { return j.job_id.text; });
  EXPECT_GT(m.faults().failed, 0u);
  EXPECT_GT(m.faults().dropped, 0u);
}

TEST(ClientPages, HedraShortPageWalkGetsEveryJobOnceThroughFaults) {
  constexpr std::size_t items = 80;
  live_mock m(gm::make_realistic_store(realistic(5, items)), faults(13, 0.2, 0.05));
  walk_every_page<gc::providers::hedra, hed::list_generations_endpoint>(m, items, {9, 40, 80, 100},
                                                                        [](const hed::generation& g) { return g.id.text; });
  EXPECT_GT(m.faults().failed, 0u);
  EXPECT_GT(m.faults().dropped, 0u);
}

TEST(ClientPages, DiffioListIsOnePageAndAnEmptyWalkIsNoError) {
  auto store = gm::make_realistic_store(realistic(6, 40));
  std::string project;
  for (const auto& st : store->summary().stores)
    if (st.provider == "diffio") project = st.projects->front();
  live_mock m(store, {});
  gc::diffio_client d(fast_settings<gc::providers::diffio>(m.srv.base_url()));
  auto all = d.items<dif::list_project_generations_endpoint>({project});
  std::size_t n = 0;
  for (const auto& g : all) n += !g.generation_id.empty();
  EXPECT_EQ(all.pages(), 1u);
  EXPECT_GT(n, 0u);
  EXPECT_EQ(n, all.last_page()->generations.size());
  // Another key sees no FLORA jobs: a walk of zero items, one page, no error.
  gc::flora_client other(fast_settings<gc::providers::flora>(m.srv.base_url(), "gw_test_other"));
  auto none = other.items<fl::list_generations_endpoint>();
  EXPECT_EQ(std::ranges::distance(none), 0);
  EXPECT_EQ(none.error(), nullptr);
  EXPECT_EQ(none.pages(), 1u);
}

TEST(ClientPages, AnErrorEndsTheWalkAndIsKept) {
  live_mock m(gm::make_realistic_store(realistic(7, 30)), {});
  auto s = fast_settings<gc::providers::flora>(m.srv.base_url(), "gw_test_noread");
  gc::flora_client c(std::move(s));
  auto all = c.items<fl::list_generations_endpoint>();
  EXPECT_EQ(std::ranges::distance(all), 0);
  ASSERT_NE(all.error(), nullptr);
  ASSERT_NE(all.error()->api(), nullptr);
  EXPECT_EQ(all.error()->api()->status, 403);
  EXPECT_EQ(all.pages(), 0u);
}

// The time between the answer that was retried and the answer after it, from the mock's log.
ms gap_after(const std::vector<logged_line>& log, std::string_view retried_line_start) {
  for (std::size_t i = 0; i + 1 < log.size(); ++i)
    if (log[i].line.starts_with(retried_line_start))
      return std::chrono::duration_cast<ms>(log[i + 1].at - log[i].at);
  std::string lines;
  for (const auto& l : log) lines += l.line + "\n";
  ADD_FAILURE() << "no logged answer starts with " << retried_line_start << " in\n" << lines;
  return ms(-1);
}

TEST(ClientRetries, DepictaWaitsTheWholeRetryAfter) {
  gm::fault_config f;
  f.rate_limit = 1;  // a second request within the second is refused with Retry-After: 1
  live_mock m(gm::make_realistic_store(realistic(8, 10)), f);
  std::vector<std::pair<ms, std::string>> waits;  // (wait, the header it was for)
  auto s = fast_settings<gc::providers::depicta>(m.srv.base_url());
  s.on_retry = [&](const gc::retry_event& e) {
    waits.emplace_back(e.wait, e.response && e.response->header("Retry-After") ? *e.response->header("Retry-After") : "");
    EXPECT_TRUE(e.server_asked);
    EXPECT_EQ(e.status, 429);
  };
  gc::depicta_client c(std::move(s));
  ASSERT_TRUE(c.call<dep::list_jobs_endpoint>());
  const auto t0 = std::chrono::steady_clock::now();
  auto second = c.call<dep::list_jobs_endpoint>();
  ASSERT_TRUE(second) << second.error().message();
  EXPECT_EQ(second.attempts(), 2);
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_EQ(waits[0].second, "1");
  EXPECT_EQ(waits[0].first, 1000ms) << "exactly what Retry-After asked, never less";
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 1000ms);
  const auto j = m.journal();
  EXPECT_GE(gap_after(m.log->snapshot(j.size()), "GET /v1/jobs 429"), 1000ms) << "the mock saw the retry a whole second later";
  EXPECT_EQ(journaled(j, "depicta.list_jobs"), 3u);
  EXPECT_EQ(journaled(j, "depicta.list_jobs", 429), 1u);
}

TEST(ClientRetries, FloraWaitsTheRetryAfterMsItIsSent) {
  gm::fault_config f;
  f.rate_limit = 5;
  live_mock m(gm::make_realistic_store(realistic(9, 10)), f);
  std::vector<std::pair<ms, ms>> waits;  // (wait, retry-after-ms)
  auto s = fast_settings<gc::providers::flora>(m.srv.base_url());
  s.on_retry = [&](const gc::retry_event& e) {
    const std::string* h = e.response ? e.response->header("retry-after-ms") : nullptr;
    ASSERT_NE(h, nullptr);
    waits.emplace_back(e.wait, ms(std::stoll(*h)));
  };
  gc::flora_client c(std::move(s));
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(c.call<fl::list_generations_endpoint>()) << i;
  ASSERT_GE(waits.size(), 1u);
  for (const auto& [wait, asked] : waits) {
    EXPECT_EQ(wait, asked);
    EXPECT_GT(asked, 0ms);
    EXPECT_LE(asked, 200ms);
  }
  const auto log = m.log->snapshot(m.journal().size());
  EXPECT_GE(gap_after(log, "GET /api/v1/generations 429"), waits[0].second);
  EXPECT_EQ(journaled(m.journal(), "flora.list_generations", 429), waits.size());
}

TEST(ClientRetries, RetriesGiveUpWithTheLastAnswer) {
  live_mock m(gm::make_realistic_store(realistic(10, 10)), faults(1, 1.0, 0));
  auto s = fast_settings<gc::providers::hedra>(m.srv.base_url());
  s.retry.max_retries = 3;
  gc::hedra_client c(std::move(s));
  auto r = c.call<hed::list_generations_endpoint>();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.attempts(), 4);
  ASSERT_NE(r.error().api(), nullptr);
  EXPECT_EQ(r.error().api()->status, 503);
  // Every member of Hedra's envelope is optional: the mock's own 503 body decodes as one without a detail.
  ASSERT_TRUE(r.error().api()->body);
  EXPECT_FALSE(r.error().api()->body->detail);
  EXPECT_EQ(journaled(m.journal(), "hedra.list_generations"), 4u);
}

TEST(ClientDeadlines, ADeadlineShorterThanTheBackoffEndsTheCallInTime) {
  live_mock m(gm::make_realistic_store(realistic(10, 10)), faults(2, 1.0, 0));
  gc::settings<gc::providers::hedra> s;  // Hedra's own policy: the first backoff is about 1 s
  s.base_url = m.srv.base_url();
  s.api_key = "gw_test_read";
  gc::hedra_client c(std::move(s));
  const auto t0 = std::chrono::steady_clock::now();
  auto r = c.call<hed::list_generations_endpoint>({}, {.deadline = t0 + 300ms});
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(r);
  ASSERT_NE(r.error().transport(), nullptr) << r.error().message();
  EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::deadline);
  EXPECT_EQ(r.error().transport()->last_status, 503);
  EXPECT_LT(took, 300ms);
  EXPECT_EQ(r.attempts(), 1);
}

TEST(ClientDeadlines, ADeadlineEndsAnAnswerThatIsLate) {
  live_mock m;
  auto s = fast_settings<gc::providers::flora>(m.srv.base_url());
  s.headers.push_back({"Prefer", "latency=600"});
  gc::flora_client c(std::move(s));
  const auto t0 = std::chrono::steady_clock::now();
  auto r = c.call<fl::list_generations_endpoint>({}, {.deadline = t0 + 250ms});
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(r);
  ASSERT_NE(r.error().transport(), nullptr) << r.error().message();
  EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::deadline);
  EXPECT_GE(took, 200ms);
  EXPECT_LT(took, 1500ms);
  // The per-attempt timeout alone: a timeout, retried by FLORA's policy until the retries run out.
  auto t = fast_settings<gc::providers::flora>(m.srv.base_url());
  t.headers.push_back({"Prefer", "latency=400"});
  t.timeout = 100ms;
  t.retry.max_retries = 1;
  gc::flora_client slow(std::move(t));
  auto late = slow.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(late);
  ASSERT_NE(late.error().transport(), nullptr);
  EXPECT_EQ(late.error().transport()->kind, gc::transport_failure::timeout);
  EXPECT_EQ(late.attempts(), 2);
}

// Calls `call` with a stop token that fires after `after`; returns how long the call took.
template <class Call>
ms cancelled_after(ms after, Call call) {
  std::stop_source stop;
  std::jthread canceller([&] {
    std::this_thread::sleep_for(after);
    stop.request_stop();
  });
  const auto t0 = std::chrono::steady_clock::now();
  auto r = call(stop.get_token());
  const auto took = std::chrono::duration_cast<ms>(std::chrono::steady_clock::now() - t0);
  EXPECT_FALSE(r);
  const gc::transport_error* e = r ? nullptr : r.error().transport();
  EXPECT_TRUE(e && e->kind == gc::transport_failure::cancelled) << (r ? std::string("an answer") : r.error().message());
  return took;
}

TEST(ClientDeadlines, AStopTokenEndsABackoffAndAnAnswerInFlight) {
  // During Hedra's first backoff (about 1 s) after a 503.
  live_mock failing(gm::make_realistic_store(realistic(10, 10)), faults(3, 1.0, 0));
  gc::settings<gc::providers::hedra> s;
  s.base_url = failing.srv.base_url();
  s.api_key = "gw_test_read";
  gc::hedra_client c(std::move(s));
  const ms backoff = cancelled_after(100ms, [&](std::stop_token t) { return c.call<hed::list_generations_endpoint>({}, {.stop = t}); });
  EXPECT_GE(backoff, 90ms);
  EXPECT_LT(backoff, 600ms);
  // While the answer is still on its way (the mock holds it 600 ms).
  live_mock slow;
  auto t = fast_settings<gc::providers::hedra>(slow.srv.base_url());
  t.headers.push_back({"Prefer", "latency=600"});
  gc::hedra_client d(std::move(t));
  const ms in_flight = cancelled_after(50ms, [&](std::stop_token tok) { return d.call<hed::list_generations_endpoint>({}, {.stop = tok}); });
  EXPECT_LT(in_flight, 400ms);
}

TEST(ClientErrors, EachProviderAnswersItsTypedErrors) {
  live_mock m(gm::make_realistic_store(realistic(14, 20)), {});
  const std::string url = m.srv.base_url();
  // 401: an unknown key.
  {
    gc::flora_client c(fast_settings<gc::providers::flora>(url, "nope"));
    auto r = c.call<fl::list_generations_endpoint>();
    ASSERT_FALSE(r);
    const auto* e = r.error().api();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, 401);
    ASSERT_TRUE(e->body);
    EXPECT_TRUE(e->body->error.code == fl::api_error_code::unauthorized || e->body->error.code == fl::api_error_code::invalid_api_key);
    ASSERT_TRUE(e->request_id);
    EXPECT_TRUE(e->request_id->starts_with("req_"));
    ASSERT_NE(e->documented, nullptr);
    EXPECT_EQ(e->documented->treat, genwire::treatment::auth_error);
    EXPECT_EQ(r.attempts(), 1) << "401 is not retried";
    EXPECT_NE(r.error().message().find("HTTP 401"), std::string::npos);
  }
  {
    gc::depicta_client c(fast_settings<gc::providers::depicta>(url, "nope"));
    auto r = c.call<dep::list_jobs_endpoint>();
    ASSERT_FALSE(r);
    ASSERT_NE(r.error().api(), nullptr);
    EXPECT_EQ(r.error().api()->status, 401);
    EXPECT_EQ(r.error().api()->body->error, dep::code_auth_invalid);
  }
  // 403: a key without read permission.
  {
    gc::hedra_client c(fast_settings<gc::providers::hedra>(url, "gw_test_noread"));
    auto r = c.call<hed::list_generations_endpoint>();
    ASSERT_FALSE(r);
    ASSERT_NE(r.error().api(), nullptr);
    EXPECT_EQ(r.error().api()->status, 403);
    ASSERT_TRUE(r.error().api()->body && r.error().api()->body->detail);
    EXPECT_TRUE(std::holds_alternative<std::string>(*r.error().api()->body->detail)) << "FastAPI's {\"detail\": text}";
    gc::depicta_client d(fast_settings<gc::providers::depicta>(url, "gw_test_noread"));
    auto q = d.call<dep::list_jobs_endpoint>();
    ASSERT_FALSE(q);
    EXPECT_EQ(q.error().api()->status, 403);
    EXPECT_TRUE(q.error().api()->body->error == dep::code_permission_denied || q.error().api()->body->error == dep::code_auth_email_not_verified)
        << q.error().api()->body->error;
  }
  // 404: a generation nobody has.
  {
    gc::diffio_client c(fast_settings<gc::providers::diffio>(url));
    auto r = c.call<dif::get_generation_progress_endpoint>({"gen-nobody", std::nullopt});
    ASSERT_FALSE(r);
    ASSERT_NE(r.error().api(), nullptr);
    EXPECT_EQ(r.error().api()->status, 404);
    EXPECT_EQ(r.error().api()->body->error, dif::reason_generation_not_found);
    EXPECT_EQ(r.error().message(), "HTTP 404: Generation not found");
  }
  {
    auto s = fast_settings<gc::providers::depicta>(url);
    s.headers.push_back({"Prefer", "code=404"});
    gc::depicta_client c(std::move(s));
    auto r = c.call<dep::list_jobs_endpoint>();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().api()->status, 404);
    EXPECT_EQ(r.error().api()->body->error, dep::code_not_found);
    EXPECT_TRUE(r.error().api()->request_id) << "Depicta's request id comes in the body";
  }
  // 422: a query Hedra's validation refuses.
  {
    gc::hedra_client c(fast_settings<gc::providers::hedra>(url));
    hed::list_generations_query q;
    q.created_after = genwire::date_time{"yesterday"};
    auto r = c.call<hed::list_generations_endpoint>(q);
    ASSERT_FALSE(r);
    const auto* e = r.error().api();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, 422);
    ASSERT_TRUE(e->body && e->body->detail);
    const auto& list = std::get<std::vector<hed::validation_error>>(*e->body->detail);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(std::get<std::string>(list[0].loc.at(1)), "created_after");
    EXPECT_NE(r.error().message().find("query.created_after"), std::string::npos) << r.error().message();
  }
}

TEST(ClientErrors, ABrokenUpstreamBodyIsAnInvalidResponseWithItsPath) {
  httplib::Server broken;
  broken.Get("/api/v1/generations", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"generations":[{"created_at":"yesterday"}],"meta":{}})", "application/json");
  });
  broken.Get("/v1/jobs", [](const httplib::Request&, httplib::Response& res) {
    res.status = 502;
    res.set_content("<html>Bad Gateway</html>", "text/html");
  });
  const int port = broken.bind_to_any_port("127.0.0.1");
  std::jthread serving([&] { broken.listen_after_bind(); });
  while (!broken.is_running()) std::this_thread::sleep_for(1ms);
  const std::string url = "http://127.0.0.1:" + std::to_string(port);

  gc::flora_client c(fast_settings<gc::providers::flora>(url));
  auto r = c.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(r);
  const auto* bad = r.error().invalid();
  ASSERT_NE(bad, nullptr) << r.error().message();
  EXPECT_EQ(bad->status, 200);
  EXPECT_EQ(bad->error.path, "generations[0].created_at");
  EXPECT_EQ(bad->error.code, genwire::errc::wrong_type);
  EXPECT_EQ(bad->body, R"({"generations":[{"created_at":"yesterday"}],"meta":{}})");
  EXPECT_EQ(r.attempts(), 1) << "a bad body is not retried";
  EXPECT_NE(r.error().message().find("generations[0].created_at"), std::string::npos);

  auto s = fast_settings<gc::providers::depicta>(url);
  s.retry.max_retries = 2;
  gc::depicta_client d(std::move(s));
  auto g = d.call<dep::list_jobs_endpoint>();
  ASSERT_FALSE(g);
  ASSERT_NE(g.error().api(), nullptr);
  EXPECT_EQ(g.error().api()->status, 502);
  EXPECT_FALSE(g.error().api()->body);
  EXPECT_EQ(g.error().api()->raw_body, "<html>Bad Gateway</html>");
  EXPECT_EQ(g.attempts(), 3) << "502 is retried, whatever its body";
  broken.stop();
}

TEST(ClientErrors, TransportErrorsAndRequestsThatAreNotSent) {
  // A port nobody listens on.
  auto s = fast_settings<gc::providers::flora>("http://127.0.0.1:" + std::to_string(closed_port()));
  s.retry.max_retries = 2;
  std::vector<gc::transport_failure> seen;
  s.on_retry = [&](const gc::retry_event& e) { seen.push_back(e.failure ? e.failure->kind : gc::transport_failure::tls); };
  gc::flora_client c(std::move(s));
  auto r = c.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(r);
  ASSERT_NE(r.error().transport(), nullptr);
  EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::connect);
  EXPECT_EQ(r.attempts(), 3);
  EXPECT_EQ(seen, (std::vector<gc::transport_failure>{gc::transport_failure::connect, gc::transport_failure::connect}));

  gc::flora_client bad_url(fast_settings<gc::providers::flora>("ftp://127.0.0.1"));
  auto u = bad_url.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(u);
  ASSERT_NE(u.error().not_sent(), nullptr);
  EXPECT_NE(u.error().message().find("http:// or https://"), std::string::npos);

  // No key given and none in the environment: nothing is sent.
  live_mock m;
  ::unsetenv("FLORA_API_KEY");
  gc::flora_client keyless(fast_settings<gc::providers::flora>(m.srv.base_url(), ""));
  auto k = keyless.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(k);
  ASSERT_NE(k.error().not_sent(), nullptr);
  EXPECT_NE(k.error().message().find("FLORA_API_KEY"), std::string::npos);
  EXPECT_EQ(k.attempts(), 0);
  EXPECT_TRUE(m.journal().empty());
  // The key from the environment, sent in FLORA's header.
  ::setenv("FLORA_API_KEY", "gw_test_read", 1);
  gc::flora_client from_env(fast_settings<gc::providers::flora>(m.srv.base_url(), ""));
  EXPECT_TRUE(from_env.call<fl::list_generations_endpoint>());
  ::unsetenv("FLORA_API_KEY");
  const auto j = m.journal();
  ASSERT_EQ(j.size(), 1u);
  const auto auth = std::find_if(j[0].headers.begin(), j[0].headers.end(), [](const gm::journal_header& h) { return h.name == "Authorization"; });
  ASSERT_NE(auth, j[0].headers.end());
  EXPECT_EQ(auth->value, "Bearer [REDACTED]");
}

TEST(ClientConnections, KeepAliveIsReusedAndConcurrentCallsGetTheirOwn) {
  live_mock m;
  gc::depicta_client c(fast_settings<gc::providers::depicta>(m.srv.base_url()));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(c.call<dep::list_jobs_endpoint>());
  EXPECT_EQ(c.connections_opened(), 1u);

  gc::hedra_client h(fast_settings<gc::providers::hedra>(m.srv.base_url()));
  std::atomic<int> ok{0};
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 10; ++i) ok += h.call<hed::list_generations_endpoint>().has_value();
      });
  }
  EXPECT_EQ(ok.load(), 40);
  EXPECT_GE(h.connections_opened(), 1u);
  EXPECT_LE(h.connections_opened(), 4u);
  EXPECT_EQ(journaled(m.journal(), "hedra.list_generations"), 40u);
}

TEST(ClientRequests, TheDescriptorShapesTheRequest) {
  live_mock m;
  gc::diffio_client d(fast_settings<gc::providers::diffio>(m.srv.base_url()));
  auto r = d.call<dif::list_project_generations_endpoint>({"proj-123"});
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->api_project_id, "proj-123");
  gc::flora_client f(fast_settings<gc::providers::flora>(m.srv.base_url()));
  fl::list_generations_query q;
  q.limit = 5;
  q.status = fl::run_status::running;
  ASSERT_TRUE(f.call<fl::list_generations_endpoint>(q));
  const auto j = m.journal();
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0].method, "POST");
  EXPECT_EQ(j[0].path, "/v1/list_project_generations");
  EXPECT_EQ(j[0].body, R"({"apiProjectId":"proj-123"})");
  EXPECT_EQ(j[1].method, "GET");
  EXPECT_EQ(j[1].path, "/api/v1/generations");
  EXPECT_EQ(j[1].query, "limit=5&status=running");
}

// A Diffio generation that is not finished yet, from a twin of the store.
std::string unfinished_generation(std::uint64_t seed, std::size_t items) {
  auto twin = gm::make_realistic_store(realistic(seed, items));
  for (const auto& st : twin->summary().stores) {
    if (st.provider != "diffio") continue;
    for (const auto& p : *st.projects) {
      const gm::key_record owner{"gw_test_read", true, true, true};
      const gm::caller who{&owner};
      const gm::request raw;
      const dif::list_project_generations_request rq{p};
      const gm::any_request any{std::in_place_type<gm::typed_request<dif::list_project_generations_endpoint>>,
                                gm::typed_request<dif::list_project_generations_endpoint>{&rq, &who, &raw}};
      auto page = genwire::decode<dif::list_project_generations_response>(twin->find(any).body);
      for (const auto& g : page->generations)
        if (g.status && g.status->has_value() && genwire::summarize(g).state != genwire::job_state::succeeded &&
            genwire::summarize(g).state != genwire::job_state::failed)
          return g.generation_id;
    }
  }
  return {};
}

TEST(ClientPolling, DiffioWaitsToTheEndThroughFailedPolls) {
  const std::string generation = unfinished_generation(21, 120);
  ASSERT_FALSE(generation.empty());
  // get_generation_progress documents no retryable status: its injected failures are marked 503s,
  // which Diffio's default policy (no retries) leaves to the wait's own backoff.
  live_mock m(gm::make_realistic_store(realistic(21, 120)), faults(4, 0.3, 0));
  std::vector<gc::retry_event> polls_failed;
  auto s = fast_settings<gc::providers::diffio>(m.srv.base_url());
  s.retry.max_retries = 0;
  s.on_retry = [&](const gc::retry_event& e) { polls_failed.push_back(e); };
  gc::diffio_client d(std::move(s));
  std::vector<std::string> states;
  auto done = d.wait<dif::get_generation_progress_endpoint>({generation, std::nullopt}, {.interval = 1ms},
                                                           [&](const dif::get_generation_progress_response& r) {
                                                             states.emplace_back(genwire::enum_name(r.status));
                                                           });
  ASSERT_TRUE(done) << done.error().message();
  EXPECT_TRUE(gc::finished(genwire::summarize(*done)));
  ASSERT_GE(states.size(), 2u);
  EXPECT_EQ(states.back(), genwire::enum_name(done->status));
  for (std::size_t i = 0; i + 1 < states.size(); ++i) EXPECT_TRUE(states[i] == "pending" || states[i] == "processing") << states[i];
  const auto failed = m.srv.requests().snapshot();
  EXPECT_GT(polls_failed.size(), 0u);
  for (const auto& e : polls_failed) {
    EXPECT_EQ(e.scope, gc::retry_scope::poll);
    EXPECT_EQ(e.status, 503);
    EXPECT_GE(e.wait, 2ms);
    EXPECT_LE(e.wait, 8ms);
  }
  EXPECT_EQ(journaled(failed.requests, "diffio.get_generation_progress", 503), polls_failed.size());
  EXPECT_EQ(journaled(failed.requests, "diffio.get_generation_progress"), states.size() + polls_failed.size());
  EXPECT_EQ(done.attempts(), static_cast<int>(states.size() + polls_failed.size()));
}

TEST(ClientPolling, AWaitEndsAtItsDeadlineAndOnAClientError) {
  live_mock m;  // the documented example stays "processing" forever
  gc::diffio_client d(fast_settings<gc::providers::diffio>(m.srv.base_url()));
  int states = 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto r = d.wait<dif::get_generation_progress_endpoint>({"gen-123", std::nullopt}, {.interval = 20ms, .deadline = t0 + 150ms},
                                                        [&](const auto&) { ++states; });
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(r);
  ASSERT_NE(r.error().transport(), nullptr);
  EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::deadline);
  EXPECT_LT(took, 250ms) << "at the deadline (an attempt in flight is cut there too)";
  EXPECT_GE(states, 2);
  auto gone = d.wait<dif::get_generation_progress_endpoint>({"gen-nobody", std::nullopt}, {.interval = 1ms});
  ASSERT_FALSE(gone);
  ASSERT_NE(gone.error().api(), nullptr);
  EXPECT_EQ(gone.error().api()->status, 404);
  EXPECT_EQ(gone.attempts(), 1);
}

template <class D, class List>
struct listed;
template <class D, class... Ds>
struct listed<D, genwire::endpoint_list<Ds...>> : std::bool_constant<(std::same_as<D, Ds> || ...)> {};

TEST(ClientPolling, FloraRunThroughItsPollUrl) {
  if (!listed<fl::get_run_endpoint, genwire::all_endpoints>::value)
    GTEST_SKIP() << "flora.get_run is not in genwire::all_endpoints yet, so the mock does not serve it";
  live_mock m(gm::make_realistic_store(realistic(22, 60)), {});
  gc::flora_client f(fast_settings<gc::providers::flora>(m.srv.base_url()));
  fl::list_generations_query q;
  q.status = fl::run_status::running;
  auto page = f.call<fl::list_generations_endpoint>(q);
  ASSERT_TRUE(page) << page.error().message();
  ASSERT_FALSE(page->generations.empty());
  const fl::generation& g = page->generations.front();
  ASSERT_TRUE(g.poll_url);
  // The poll_url's path is get_run's path with this run's id.
  auto params = genwire::decode_path<fl::run_path>(fl::get_run_endpoint::path, std::string_view(g.poll_url->text).substr(
                                                                                   g.poll_url->text.find("/api/v1/runs/")));
  ASSERT_TRUE(params) << params.error().message();
  EXPECT_EQ(params->run_id, g.run_id);
  std::vector<std::string> states;
  auto done = f.wait<fl::get_run_endpoint>(*params, {}, {.interval = 1ms},
                                           [&](const fl::run& r) { states.emplace_back(genwire::enum_name(r.status)); });
  ASSERT_TRUE(done) << done.error().message();
  EXPECT_EQ(done->run_id, g.run_id);
  EXPECT_TRUE(done->status == fl::run_status::completed || done->status == fl::run_status::failed);
  EXPECT_GE(states.size(), 1u);
  auto missing = f.call<fl::get_run_endpoint>({"run_nobody"});
  ASSERT_FALSE(missing);
  ASSERT_NE(missing.error().api(), nullptr);
  EXPECT_EQ(missing.error().api()->status, 404);
  EXPECT_EQ(missing.error().api()->body->error.code, fl::api_error_code::not_found);
}

}  // namespace
