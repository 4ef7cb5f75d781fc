// The retry loop and its arithmetic, driven by a scripted exchange and a manual timer: every wait
// is checked exactly (or within the jitter's bounds), and no test sleeps.
#include <thread>

#include "client_test_support.hpp"

namespace {

using namespace client_test;

gc::http_response answer(int status, std::vector<gc::http_header> headers = {}) { return gc::http_response{status, std::move(headers), "{}"}; }
gc::transport_error failure(gc::transport_failure kind) { return gc::transport_error{kind, "scripted", {}}; }

// Answers from a script, one per attempt; records the timeout each attempt was given.
struct script {
  std::vector<gc::exchange_result> answers;
  std::vector<ms> timeouts{};
  manual_timer* clock = nullptr;
  ms latency{0};

  gc::exchange_fn fn() {
    return [this](const gc::http_request&, ms timeout, std::stop_token) {
      timeouts.push_back(timeout);
      if (clock) clock->advance(latency);
      const std::size_t i = std::min(timeouts.size() - 1, answers.size() - 1);
      return answers[i];
    };
  }
};

struct run_result {
  gc::exchange_outcome out;
  std::vector<gc::retry_event> events;  // their pointers are dangling after the call: see failures
  std::vector<std::optional<gc::transport_failure>> failures;
};

run_result run(script& s, const gc::retry_policy& policy, manual_timer& clock, gc::attempt_limits limits = {}) {
  run_result r{{gc::transport_error{}, 0}, {}, {}};
  s.clock = &clock;
  r.out = gc::send_with_retries(s.fn(), gc::http_request{}, policy, limits, clock,
                                [&](const gc::retry_event& e) {
                                  r.events.push_back(e);
                                  r.failures.push_back(e.failure ? std::optional(e.failure->kind) : std::nullopt);
                                },
                                "test.endpoint");
  return r;
}

int status_of(const gc::exchange_outcome& o) {
  const auto* r = std::get_if<gc::http_response>(&o.last);
  return r ? r->status : -1;
}

TEST(RetryLoop, FloraRetriesServerErrorsWithJitteredBackoffThenSucceeds) {
  manual_timer clock;
  script s{{answer(503), answer(500), answer(200)}};
  const auto r = run(s, gc::providers::flora::retry(), clock);
  EXPECT_EQ(r.out.attempts, 3);
  EXPECT_EQ(status_of(r.out), 200);
  ASSERT_EQ(clock.sleeps.size(), 2u);
  // 0.5 s x 2^n less up to 25 %.
  EXPECT_GE(clock.sleeps[0], 375ms);
  EXPECT_LE(clock.sleeps[0], 500ms);
  EXPECT_GE(clock.sleeps[1], 750ms);
  EXPECT_LE(clock.sleeps[1], 1000ms);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].retry, 1);
  EXPECT_EQ(r.events[0].max_retries, 2);
  EXPECT_EQ(r.events[0].status, 503);
  EXPECT_EQ(r.events[1].status, 500);
  EXPECT_EQ(r.events[0].wait, clock.sleeps[0]);
  EXPECT_FALSE(r.events[0].server_asked);
  EXPECT_EQ(r.events[0].endpoint, "test.endpoint");
}

TEST(RetryLoop, StopsWhenTheRetriesAreUsedUp) {
  manual_timer clock;
  script s{{answer(503)}};
  const auto r = run(s, gc::providers::flora::retry(), clock);
  EXPECT_EQ(r.out.attempts, 3);
  EXPECT_EQ(status_of(r.out), 503);
  EXPECT_EQ(r.events.size(), 2u);
}

TEST(RetryLoop, EachProviderRetriesItsOwnStatuses) {
  const auto attempts = [](const gc::retry_policy& base, int status) {
    manual_timer clock;
    gc::retry_policy p = base;
    p.max_retries = 1;
    script s{{answer(status), answer(200)}};
    return run(s, p, clock).out.attempts;
  };
  for (int status : {408, 409, 429, 500, 501, 503, 599}) {
    EXPECT_EQ(attempts(gc::providers::flora::retry(), status), 2) << status;
    EXPECT_EQ(attempts(gc::providers::hedra::retry(), status), 2) << status;
    EXPECT_EQ(attempts(gc::providers::depicta::retry(), status), 2) << status;
  }
  for (int status : {408, 429, 500, 502, 503, 504}) EXPECT_EQ(attempts(gc::providers::diffio::retry(), status), 2) << status;
  for (int status : {409, 501, 505}) EXPECT_EQ(attempts(gc::providers::diffio::retry(), status), 1) << status;
  for (int status : {400, 401, 403, 404, 422})
    for (const auto& p : {gc::providers::flora::retry(), gc::providers::diffio::retry(), gc::providers::hedra::retry()})
      EXPECT_EQ(attempts(p, status), 1) << status;
  // Diffio's SDK retries nothing unless asked.
  manual_timer clock;
  script s{{answer(503), answer(200)}};
  EXPECT_EQ(run(s, gc::providers::diffio::retry(), clock).out.attempts, 1);
}

TEST(RetryLoop, RetryAfterMsComesFirstForFloraAndIsIgnoredByDiffio) {
  const std::vector<gc::http_header> h{{"retry-after-ms", "1234"}, {"Retry-After", "2"}};
  {
    manual_timer clock;
    script s{{answer(429, h), answer(200)}};
    std::string seen;  // the retried answer is shown to the observer, during the callback
    bool asked = false;
    gc::send_with_retries(s.fn(), gc::http_request{}, gc::providers::flora::retry(), {}, clock,
                          [&](const gc::retry_event& e) {
                            asked = e.server_asked;
                            if (e.response && e.response->header("RETRY-AFTER-MS")) seen = *e.response->header("RETRY-AFTER-MS");
                          },
                          "test.endpoint");
    EXPECT_EQ(clock.sleeps, std::vector<ms>{1234ms});
    EXPECT_TRUE(asked);
    EXPECT_EQ(seen, "1234");
  }
  {
    manual_timer clock;
    gc::retry_policy p = gc::providers::diffio::retry();
    p.max_retries = 1;
    script s{{answer(429, h), answer(200)}};
    run(s, p, clock);
    EXPECT_EQ(clock.sleeps, std::vector<ms>{2000ms}) << "Diffio reads Retry-After only";
  }
}

TEST(RetryLoop, AServerWaitIsNeverShortened) {
  for (const auto& [header, expected] : std::vector<std::pair<std::string, ms>>{
           {"1", 1000ms}, {"0", 0ms}, {"1.5", 1500ms}, {"0.0011", 2ms}, {"  3  ", 3000ms}}) {
    manual_timer clock;
    script s{{answer(503, {{"Retry-After", header}}), answer(200)}};
    const auto r = run(s, gc::providers::hedra::retry(), clock);
    EXPECT_EQ(clock.sleeps, std::vector<ms>{expected}) << header;
  }
  // Not a delay or a date: the backoff applies (Hedra: 1 s +- 10 %).
  manual_timer clock;
  script s{{answer(503, {{"Retry-After", "soon"}}), answer(200)}};
  run(s, gc::providers::hedra::retry(), clock);
  ASSERT_EQ(clock.sleeps.size(), 1u);
  EXPECT_GE(clock.sleeps[0], 900ms);
  EXPECT_LE(clock.sleeps[0], 1100ms);
}

TEST(RetryLoop, RetryAfterAsAnHttpDate) {
  manual_timer clock;  // wall clock 2025-06-01T12:00:00Z
  script s{{answer(429, {{"Retry-After", "Sun, 01 Jun 2025 12:00:03 GMT"}}), answer(429, {{"Retry-After", "Sun, 01 Jun 2025 11:00:00 GMT"}}),
            answer(200)}};
  run(s, gc::providers::flora::retry(), clock);
  EXPECT_EQ(clock.sleeps, (std::vector<ms>{3000ms, 0ms})) << "a date in the past means now";
}

TEST(RetryLoop, ARetryAfterBeyondTheCapEndsTheRetries) {
  manual_timer clock;
  script s{{answer(429, {{"Retry-After", "61"}}), answer(200)}};
  const auto r = run(s, gc::providers::flora::retry(), clock);
  EXPECT_EQ(r.out.attempts, 1);
  EXPECT_EQ(status_of(r.out), 429);
  EXPECT_TRUE(clock.sleeps.empty());
  // 60 s itself is waited.
  script t{{answer(429, {{"Retry-After", "60"}}), answer(200)}};
  EXPECT_EQ(run(t, gc::providers::flora::retry(), clock).out.attempts, 2);
}

TEST(RetryLoop, ADeadlineShorterThanTheBackoffEndsTheCallAtOnce) {
  manual_timer clock;
  const auto start = clock.now();
  script s{{answer(503), answer(200)}};
  const auto r = run(s, gc::providers::hedra::retry(), clock, gc::attempt_limits{60s, clock.now() + 300ms, {}});
  EXPECT_EQ(r.out.attempts, 1);
  const auto* t = std::get_if<gc::transport_error>(&r.out.last);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, gc::transport_failure::deadline);
  EXPECT_EQ(t->last_status, 503);
  EXPECT_TRUE(clock.sleeps.empty()) << "no wait that cannot end in time";
  EXPECT_EQ(clock.now(), start);
  EXPECT_TRUE(r.events.empty());
}

TEST(RetryLoop, TheDeadlineBoundsEachAttemptsTimeout) {
  manual_timer clock;
  script s{{failure(gc::transport_failure::timeout)}};
  const auto r = run(s, gc::providers::flora::retry(), clock, gc::attempt_limits{60s, clock.now() + 250ms, {}});
  ASSERT_EQ(s.timeouts, std::vector<ms>{250ms});
  const auto* t = std::get_if<gc::transport_error>(&r.out.last);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, gc::transport_failure::deadline) << "a timeout the deadline imposed is the deadline";
  // Without a deadline, the attempt gets the whole timeout, and FLORA retries timeouts.
  script u{{failure(gc::transport_failure::timeout), answer(200)}};
  const auto v = run(u, gc::providers::flora::retry(), clock, gc::attempt_limits{1500ms, std::nullopt, {}});
  EXPECT_EQ(u.timeouts, (std::vector<ms>{1500ms, 1500ms}));
  EXPECT_EQ(status_of(v.out), 200);
}

TEST(RetryLoop, TransportFailuresFollowThePolicy) {
  const auto attempts = [](const gc::retry_policy& p, gc::transport_failure f) {
    manual_timer clock;
    script s{{failure(f), answer(200)}};
    return run(s, p, clock).out.attempts;
  };
  using tf = gc::transport_failure;
  EXPECT_EQ(attempts(gc::providers::flora::retry(), tf::connect), 2);
  EXPECT_EQ(attempts(gc::providers::flora::retry(), tf::dropped), 2);
  EXPECT_EQ(attempts(gc::providers::flora::retry(), tf::timeout), 2);
  EXPECT_EQ(attempts(gc::providers::hedra::retry(), tf::dropped), 2);
  EXPECT_EQ(attempts(gc::providers::hedra::retry(), tf::timeout), 1) << "Fern retries broken connections, not timeouts";
  for (tf never : {tf::tls, tf::cancelled, tf::deadline}) EXPECT_EQ(attempts(gc::providers::flora::retry(), never), 1);
  // The event carries the failure.
  manual_timer clock;
  script s{{failure(tf::dropped), answer(200)}};
  const auto r = run(s, gc::providers::flora::retry(), clock);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.failures[0], tf::dropped);
  EXPECT_EQ(r.events[0].status, 0);
}

TEST(RetryLoop, AStopRequestEndsABackoffAtOnce) {
  std::stop_source stop;
  script s{{answer(503), answer(200)}};
  std::jthread canceller([&] {
    std::this_thread::sleep_for(50ms);
    stop.request_stop();
  });
  const auto t0 = std::chrono::steady_clock::now();
  const auto out = gc::send_with_retries(s.fn(), gc::http_request{}, gc::providers::hedra::retry(), gc::attempt_limits{60s, std::nullopt, stop.get_token()},
                                         *gc::system_timer(), {}, "test.endpoint");
  const auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_LT(took, 600ms) << "Hedra's first backoff is about 1 s";
  EXPECT_GE(took, 40ms);
  const auto* t = std::get_if<gc::transport_error>(&out.last);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, gc::transport_failure::cancelled);
  EXPECT_EQ(t->last_status, 503);
  EXPECT_EQ(out.attempts, 1);
}

TEST(Backoff, ExponentialCappedAndJittered) {
  const auto diffio = gc::providers::diffio::retry();
  EXPECT_EQ(gc::backoff(diffio, 0, 0.5), 500ms);
  EXPECT_EQ(gc::backoff(diffio, 1, 0.0), 1000ms);
  EXPECT_EQ(gc::backoff(diffio, 6, 0.9), 32000ms);
  EXPECT_EQ(gc::backoff(diffio, 7, 0.9), 60000ms) << "64 s capped";
  EXPECT_EQ(gc::backoff(diffio, 4000, 0.9), 60000ms);
  const auto flora = gc::providers::flora::retry();
  EXPECT_EQ(gc::backoff(flora, 0, 0.0), 375ms);
  EXPECT_EQ(gc::backoff(flora, 3, 0.9999999), 4000ms);
  EXPECT_EQ(gc::backoff(flora, 5, 0.0), 6000ms) << "8 s cap, less 25 %";
  const auto hedra = gc::providers::hedra::retry();
  EXPECT_EQ(gc::backoff(hedra, 0, 0.0), 900ms);
  EXPECT_EQ(gc::backoff(hedra, 0, 0.5), 1000ms);
  EXPECT_EQ(gc::backoff(hedra, 2, 0.9999999), 4400ms);
  EXPECT_EQ(gc::backoff(hedra, 9, 0.5), 60000ms);
}

TEST(HttpDate, TheThreeFormsOfRfc9110) {
  const auto expected = std::chrono::sys_days(std::chrono::year(1994) / 11 / 6) + 8h + 49min + 37s;
  EXPECT_EQ(gc::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
  EXPECT_EQ(gc::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
  EXPECT_EQ(gc::parse_http_date("Sun Nov  6 08:49:37 1994"), expected);
  EXPECT_EQ(gc::parse_http_date("Sun Nov 16 08:49:37 1994"), expected + std::chrono::days(10));
  for (std::string_view bad : {"", "garbage", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
                               "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
                               "Sun Nov  6 08:49:37 1994 extra", "1994-11-06T08:49:37Z"})
    EXPECT_FALSE(gc::parse_http_date(bad)) << bad;
}

TEST(Delays, SecondsAndMillisecondsRoundUp) {
  EXPECT_EQ(gc::parse_delay_seconds("120"), 120000ms);
  EXPECT_EQ(gc::parse_delay_seconds("0.25"), 250ms);
  EXPECT_EQ(gc::parse_delay_seconds("0.2501"), 251ms);
  EXPECT_EQ(gc::parse_delay_milliseconds("250"), 250ms);
  EXPECT_EQ(gc::parse_delay_milliseconds("250.1"), 251ms);
  EXPECT_EQ(gc::parse_delay_milliseconds("0.0"), 0ms);
  for (std::string_view bad : {"", "-1", "1.", ".5", "1e3", "1 2", "abc", "+1"}) {
    EXPECT_FALSE(gc::parse_delay_seconds(bad)) << bad;
    EXPECT_FALSE(gc::parse_delay_milliseconds(bad)) << bad;
  }
  EXPECT_GT(*gc::parse_delay_seconds("99999999999999999999999"), 1000000000ms) << "huge asks saturate, they do not wrap";
}

}  // namespace
