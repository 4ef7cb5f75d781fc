// Fault injection as pure pieces: the token bucket, flag and Prefer parsing, each endpoint's
// documented fault answers, and the injector with a manual clock and a recording sleep.
#include <atomic>
#include <map>
#include <set>

#include "../../mock_server/src/faults/caller_key.hpp"
#include "../../mock_server/src/faults/token_bucket.hpp"
#include "../../mock_server/src/routing/endpoint_table.hpp"
#include "../../mock_server/src/routing/prefer.hpp"
#include "realistic_support.hpp"

#include <genwire/mock/server.hpp>

namespace {

using namespace realistic_test;
using namespace std::chrono_literals;
namespace ft = genwire::mock::faults;
namespace gd = genwire::mock::detail;

// D's entry, prepared as the router prepares it.
template <class D>
const gd::prepared_endpoint& entry_of() {
  static const gd::prepared_endpoint e = gd::make_entry<D>();
  return e;
}

// The injector as the router calls it: D's prepared entry, the request's Prefer read once, and the
// latency waited through the configured sleeper; the fault's answer, if any.
template <class D>
std::optional<gm::response> before(gm::fault_injector& f, const gm::request& rq) {
  const gm::fault_decision d = f.before(rq, entry_of<D>(), gd::parse_prefer(rq));
  f.wait(d.delay);
  return d.answer;
}

// The body decoded as D's error type with the strict rules.
template <class D>
typename D::error strict_error(const std::string& body) {
  auto e = genwire::decode<typename D::error, genwire::strict>(body);
  EXPECT_TRUE(e.has_value()) << body;
  return e ? *e : typename D::error{};
}

TEST(TokenBucket, AllowsBurstThenRefillsAtRate) {
  ft::token_bucket b(2.0, 2.0, 0ms);
  EXPECT_FALSE(b.take(0ms));
  EXPECT_FALSE(b.take(0ms));
  const auto wait = b.take(0ms);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 500ms);
  EXPECT_EQ(*b.take(250ms), 250ms);
  EXPECT_FALSE(b.take(500ms));
  EXPECT_TRUE(b.take(500ms));
  EXPECT_FALSE(b.full(500ms));
  EXPECT_TRUE(b.full(5000ms));
  // Idle time never stores more than the burst.
  EXPECT_FALSE(b.take(60000ms));
  EXPECT_FALSE(b.take(60000ms));
  EXPECT_TRUE(b.take(60000ms));
}

TEST(TokenBucket, SlowRatesWaitLonger) {
  ft::token_bucket b(0.5, 0.5, 0ms);  // burst is at least one request
  EXPECT_FALSE(b.take(0ms));
  EXPECT_EQ(*b.take(0ms), 2000ms);
}

TEST(FaultFlags, LatencyRanges) {
  EXPECT_EQ(gm::parse_latency("50")->min_ms, 50u);
  EXPECT_EQ(gm::parse_latency("50")->max_ms, 50u);
  EXPECT_EQ(gm::parse_latency("10-200")->min_ms, 10u);
  EXPECT_EQ(gm::parse_latency("10-200")->max_ms, 200u);
  EXPECT_EQ(gm::parse_latency("0")->max_ms, 0u);
  for (std::string_view bad : {"", "-", "abc", "200-10", "10-", "-10", "1.5", "10-20-30", "999999999"})
    EXPECT_FALSE(gm::parse_latency(bad)) << bad;
}

TEST(FaultFlags, ApplyRealisticFlag) {
  gm::realistic_options o;
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--data", "realistic"));
  EXPECT_TRUE(o.realistic);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--seed", "42"));
  EXPECT_EQ(o.store.seed, 42u);
  EXPECT_EQ(o.faults.seed, 42u);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--items", "12"));
  EXPECT_EQ(o.store.items, 12u);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--step-ms", "250"));
  EXPECT_EQ(o.store.step_ms, 250u);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--latency-ms", "5-9"));
  EXPECT_EQ(o.faults.latency_min_ms, 5u);
  EXPECT_EQ(o.faults.latency_max_ms, 9u);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--fail-rate", "0.25"));
  EXPECT_EQ(o.faults.fail_rate, 0.25);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--rate-limit", "2.5"));
  EXPECT_EQ(o.faults.rate_limit, 2.5);
  EXPECT_TRUE(gm::apply_realistic_flag(o, "--drop-rate", "1"));
  EXPECT_EQ(o.faults.drop_rate, 1.0);
  EXPECT_FALSE(gm::apply_realistic_flag(o, "--port", "1"));
  for (auto [flag, value] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"--data", "fancy"}, {"--seed", "-1"}, {"--items", "1000001"}, {"--items", "x"}, {"--fail-rate", "1.5"},
           {"--drop-rate", "-0.1"}, {"--rate-limit", "nan"}, {"--latency-ms", "9-5"}, {"--step-ms", ""}})
    EXPECT_THROW(gm::apply_realistic_flag(o, flag, value), std::invalid_argument) << flag << " " << value;
  EXPECT_FALSE(gm::realistic_usage.empty());
}

gm::request with_headers(std::vector<gm::header> h, std::string method = "GET") {
  gm::request r;
  r.method = std::move(method);
  r.headers = std::move(h);
  return r;
}

TEST(FaultPrefer, LatencyCodeAndExample) {
  using gm::detail::parse_prefer;
  auto p = parse_prefer(with_headers({{"Prefer", "latency=250"}}));
  EXPECT_EQ(p.latency_ms, 250u);
  EXPECT_FALSE(p.code || p.example);
  p = parse_prefer(with_headers({{"prefer", "code=500, latency=\"10\"; ignored=1"}, {"Prefer", "latency=99"}}));
  EXPECT_EQ(p.latency_ms, 10u) << "the first instance wins";
  EXPECT_EQ(p.code, 500);
  EXPECT_EQ(parse_prefer(with_headers({{"Prefer", "example=error_429"}})).example, "error_429");
  EXPECT_FALSE(parse_prefer(with_headers({{"Prefer", "return=minimal"}})).latency_ms);
  EXPECT_EQ(parse_prefer(with_headers({{"Prefer", "latency=abc"}})).latency_error, "Prefer: latency must be a whole number of milliseconds");
  EXPECT_FALSE(parse_prefer(with_headers({{"Prefer", "latency="}})).latency_error.empty());
  EXPECT_FALSE(parse_prefer(with_headers({{"Prefer", "latency=-5"}})).latency_error.empty());
  EXPECT_FALSE(parse_prefer(with_headers({{"Prefer", "latency=1234567890"}})).latency_error.empty()) << "ten digits";
  EXPECT_TRUE(parse_prefer(with_headers({{"Prefer", "latency=abc"}})).error.empty()) << "the route's error is for code and example";
}

TEST(FaultPrefer, CallerKeyFromTheEndpointsAuthHeaders) {
  const auto& diffio = entry_of<diffio_list>();
  EXPECT_EQ(gd::caller_key(with_headers({{"authorization", "Bearer  k1 "}}), diffio.auth), "k1");
  EXPECT_EQ(gd::caller_key(with_headers({{"Xi-Api-Key", "k2"}}), diffio.auth), "k2");
  EXPECT_EQ(gd::caller_key(with_headers({}), diffio.auth), "");
  const auto& hedra = entry_of<hedra_list>();
  EXPECT_EQ(gd::caller_key(with_headers({{"X-API-Key", "sk_hedra_x"}}), hedra.auth), "sk_hedra_x");
  EXPECT_EQ(gd::caller_key(with_headers({{"Authorization", "Bearer nope"}}), hedra.auth), "");
}

std::set<int> statuses(const gd::prepared_endpoint& e) {
  std::set<int> out;
  for (std::size_t i : e.retryable) out.insert(e.answers[i].status);
  return out;
}

TEST(FaultRows, EachEndpointFailsTheWayItsProviderDocuments) {
  const auto& flora = entry_of<flora_list>();
  EXPECT_EQ(statuses(flora), (std::set<int>{429, 500, 503}));
  ASSERT_TRUE(flora.too_many_requests);
  EXPECT_EQ(*gm::find_header(flora.answers[*flora.too_many_requests].headers, "Retry-After"), "1");
  EXPECT_EQ(statuses(entry_of<depicta_list>()), (std::set<int>{429, 500, 502, 503}));
  EXPECT_EQ(statuses(entry_of<diffio_list>()), (std::set<int>{500}));
  // get_generation_progress documents no retryable status: its injected failure is a marked mock 503.
  EXPECT_TRUE(entry_of<diffio_progress>().retryable.empty());
  EXPECT_FALSE(entry_of<diffio_progress>().too_many_requests);
  EXPECT_TRUE(entry_of<hedra_list>().retryable.empty());
  // The bodies are the documented ones, semantically.
  for (std::size_t i : flora.retryable) {
    const auto& r = flora.answers[i];
    const auto* doc = genwire::find_status<flora_list>(r.status);
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(*genwire::parse_json(r.body), *genwire::parse_json(doc->body));
  }
}

// An injector whose time and sleeps the test controls.
struct harness {
  std::shared_ptr<std::atomic<long long>> now = std::make_shared<std::atomic<long long>>(0);
  std::shared_ptr<std::vector<long long>> slept = std::make_shared<std::vector<long long>>();

  gm::fault_config base(std::uint64_t seed = 1) const {
    gm::fault_config c;
    c.seed = seed;
    c.clock = [n = now] { return std::chrono::milliseconds(n->load()); };
    c.sleep = [s = slept](std::chrono::milliseconds d) { s->push_back(d.count()); };
    return c;
  }
};

gm::request flora_request(std::string key = "gw_test_read") {
  return with_headers({{"Authorization", "Bearer " + key}});
}

TEST(FaultInjector, NoFlagsNoFaults) {
  harness h;
  gm::fault_injector f(h.base());
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(before<flora_list>(f, flora_request()));
  EXPECT_TRUE(h.slept->empty());
  const auto n = f.counters();
  EXPECT_EQ(n.delayed + n.failed + n.rate_limited + n.dropped, 0u);
}

TEST(FaultInjector, FixedAndRangedLatency) {
  harness h;
  auto c = h.base();
  c.latency_min_ms = c.latency_max_ms = 40;
  gm::fault_injector fixed(c);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(before<flora_list>(fixed, flora_request()));
  EXPECT_EQ(*h.slept, std::vector<long long>(5, 40));
  EXPECT_EQ(fixed.counters().delayed, 5u);

  h.slept->clear();
  c.latency_min_ms = 10;
  c.latency_max_ms = 30;
  gm::fault_injector ranged(c);
  for (int i = 0; i < 300; ++i) before<hedra_list>(ranged, flora_request());
  std::set<long long> distinct(h.slept->begin(), h.slept->end());
  EXPECT_EQ(*distinct.begin(), 10);
  EXPECT_EQ(*distinct.rbegin(), 30);
  EXPECT_GT(distinct.size(), 15u) << "spread over the range";

  // Prefer: latency overrides the flag, for that request only.
  h.slept->clear();
  EXPECT_FALSE(before<flora_list>(ranged, with_headers({{"Prefer", "latency=1234"}})));
  EXPECT_EQ(*h.slept, std::vector<long long>{1234});
}

TEST(FaultInjector, PreferLatencyWorksWithoutFlagsAndIsBounded) {
  harness h;
  gm::fault_injector f(h.base());
  EXPECT_FALSE(before<depicta_list>(f, with_headers({{"Prefer", "latency=75"}})));
  EXPECT_EQ(*h.slept, std::vector<long long>{75});
  const auto too_long = before<depicta_list>(f, with_headers({{"Prefer", "latency=60001"}}));
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, gm::mock_error_status);
  EXPECT_EQ(*too_long->header_value(gm::mock_error_header), "bad-prefer");
  const auto bad = before<depicta_list>(f, with_headers({{"Prefer", "latency=soon"}}));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, gm::mock_error_status);
}

TEST(FaultInjector, FailRateAnswersDocumentedRetryableRows) {
  harness h;
  auto c = h.base();
  c.fail_rate = 1.0;
  gm::fault_injector f(c);
  std::map<int, int> seen;
  for (int i = 0; i < 200; ++i) {
    const auto r = before<depicta_list>(f, with_headers({{"Authorization", "Bearer k"}}));
    ASSERT_TRUE(r);
    ++seen[r->status];
    const auto* doc = genwire::find_status<depicta_list>(r->status);
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(doc->treat, genwire::treatment::retryable);
    EXPECT_EQ(*genwire::parse_json(r->body), *genwire::parse_json(doc->body));
    strict_error<depicta_list>(r->body);
  }
  EXPECT_EQ(seen.size(), 4u) << "429, 500, 502 and 503 all occur";
  EXPECT_EQ(f.counters().failed, 200u);

  // Diffio's progress endpoint documents no retryable status (the list's 500 is not its answer):
  // a clearly marked mock 503, like Hedra's.
  const auto d = before<diffio_progress>(f, with_headers({}, "POST"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 503);
  EXPECT_EQ(*d->header_value(gm::mock_error_header), "injected-failure");
  // Hedra documents no retryable status: a clearly marked mock 503.
  const auto hd = before<hedra_list>(f, with_headers({}));
  ASSERT_TRUE(hd);
  EXPECT_EQ(hd->status, 503);
  EXPECT_EQ(*hd->header_value(gm::mock_error_header), "injected-failure");
  // Prefer: code / example and CORS preflights are left alone.
  EXPECT_FALSE(before<depicta_list>(f, with_headers({{"Prefer", "code=200"}})));
  EXPECT_FALSE(before<depicta_list>(f, with_headers({{"Prefer", "example=response"}})));
  EXPECT_FALSE(before<diffio_list>(f, with_headers({}, "OPTIONS")));
}

TEST(FaultInjector, FailRateIsAProbabilityAndDeterministicPerSeed) {
  harness h;
  auto c = h.base(99);
  c.fail_rate = 0.3;
  const auto run = [&] {
    gm::fault_injector f(c);
    std::vector<int> out;
    for (int i = 0; i < 2000; ++i) {
      const auto r = before<flora_list>(f, flora_request());
      out.push_back(r ? r->status : 0);
    }
    return out;
  };
  const auto a = run();
  EXPECT_EQ(run(), a);
  const auto failed = std::count_if(a.begin(), a.end(), [](int s) { return s != 0; });
  EXPECT_GT(failed, 500);
  EXPECT_LT(failed, 700);
  c.seed = 100;
  EXPECT_NE(run(), a);
}

TEST(FaultInjector, RateLimitPerKeyAndProviderWithRetryAfter) {
  harness h;
  auto c = h.base();
  c.rate_limit = 2;
  gm::fault_injector f(c);
  EXPECT_FALSE(before<flora_list>(f, flora_request("a")));
  EXPECT_FALSE(before<flora_list>(f, flora_request("a")));
  const auto limited = before<flora_list>(f, flora_request("a"));
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(*limited->header_value("Retry-After"), "1");
  EXPECT_EQ(*limited->header_value("retry-after-ms"), "500");
  EXPECT_EQ(strict_error<flora_list>(limited->body).error.code, genwire::flora::api_error_code::rate_limited);
  // Another key, and the same key on another provider, have their own buckets.
  EXPECT_FALSE(before<flora_list>(f, flora_request("b")));
  EXPECT_FALSE(before<depicta_list>(f, flora_request("a")));
  // Depicta's documented 429; Hedra and Diffio document none: a marked mock 429, still with Retry-After.
  EXPECT_FALSE(before<depicta_list>(f, flora_request("a")));
  const auto dp = before<depicta_list>(f, flora_request("a"));
  ASSERT_TRUE(dp);
  EXPECT_EQ(dp->status, 429);
  EXPECT_EQ(strict_error<depicta_list>(dp->body).error, "rate_limited");
  EXPECT_FALSE(dp->header_value("retry-after-ms"));
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(before<hedra_list>(f, with_headers({{"X-API-Key", "a"}})));
  const auto hd = before<hedra_list>(f, with_headers({{"X-API-Key", "a"}}));
  ASSERT_TRUE(hd);
  EXPECT_EQ(hd->status, 429);
  EXPECT_EQ(*hd->header_value(gm::mock_error_header), "rate-limited");
  EXPECT_EQ(*hd->header_value("Retry-After"), "1");
  // Time refills the bucket.
  *h.now += 500;
  EXPECT_FALSE(before<flora_list>(f, flora_request("a")));
  EXPECT_TRUE(before<flora_list>(f, flora_request("a")));
  EXPECT_EQ(f.counters().rate_limited, 4u);
  // Reset refills everything.
  f.reset();
  EXPECT_EQ(f.counters().rate_limited, 0u);
  EXPECT_FALSE(before<flora_list>(f, flora_request("a")));
}

TEST(FaultInjector, SlowRateLimitsAskForLongerWaits) {
  harness h;
  auto c = h.base();
  c.rate_limit = 0.25;
  gm::fault_injector f(c);
  EXPECT_FALSE(before<flora_list>(f, flora_request()));
  const auto r = before<flora_list>(f, flora_request());
  ASSERT_TRUE(r);
  EXPECT_EQ(*r->header_value("Retry-After"), "4");
  EXPECT_EQ(*r->header_value("retry-after-ms"), "4000");
}

TEST(FaultInjector, DropRateMarksTheAnswerForTheHttpLayer) {
  harness h;
  auto c = h.base();
  c.drop_rate = 1.0;
  gm::fault_injector f(c);
  const auto r = before<flora_list>(f, flora_request());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 0);
  EXPECT_EQ(r->disposition, gm::disposition::drop);
  EXPECT_EQ(f.counters().dropped, 1u);
  EXPECT_FALSE(before<flora_list>(f, with_headers({{"Prefer", "code=429"}})));
}

}  // namespace
