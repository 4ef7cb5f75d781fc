#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

#include "../providers/provider_policy.hpp"
#include "../realistic/prng.hpp"
#include "../routing/answers.hpp"
#include "../routing/header_text.hpp"
#include "../routing/prefer.hpp"
#include "../routing/prepared_endpoint.hpp"
#include "caller_key.hpp"
#include "token_bucket.hpp"

namespace genwire::mock {
namespace detail {

std::string caller_key(const request& rq, std::span<const genwire::auth_scheme> auth) {
  for (const genwire::auth_scheme& s : auth) {
    const std::string* v = rq.header_value(s.header);
    if (!v) continue;
    if (const auto key = credential(*v, s.prefix); key && !key->empty()) return std::string(*key);
  }
  return {};
}

}  // namespace detail

namespace {

response from_answer(const detail::prepared_answer& a) { return response{a.status, a.headers, a.body}; }

std::chrono::milliseconds steady_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

// Buckets of callers that have been idle long enough to be full again carry no state; past this
// many, they are forgotten so that a client inventing keys cannot grow the map without bound.
constexpr std::size_t max_buckets = 4096;

}  // namespace

struct fault_injector::impl {
  explicit impl(fault_config c) : config(std::move(c)), random(config.seed) {
    if (!config.clock) config.clock = steady_now;
    if (!config.sleep) config.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  }

  fault_config config;
  std::mutex mutex;  // random, buckets
  realistic::rng random;
  std::unordered_map<std::string, faults::token_bucket> buckets;
  std::atomic<std::uint64_t> delayed{0}, failed{0}, rate_limited{0}, dropped{0};

  std::optional<std::chrono::milliseconds> take(const std::string& bucket_key) {
    const auto now = config.clock();
    const std::lock_guard lock(mutex);
    auto it = buckets.find(bucket_key);
    if (it == buckets.end()) {
      if (buckets.size() >= max_buckets) {
        std::erase_if(buckets, [&](const auto& kv) { return kv.second.full(now); });
        if (buckets.size() >= max_buckets) buckets.clear();
      }
      it = buckets.emplace(bucket_key, faults::token_bucket(config.rate_limit, config.rate_limit, now)).first;
    }
    return it->second.take(now);
  }
};

fault_injector::fault_injector(fault_config config) : impl_(std::make_unique<impl>(std::move(config))) {}
fault_injector::~fault_injector() = default;

fault_decision fault_injector::before(const request& rq, const detail::prepared_endpoint& ep, const detail::preferences& pref) {
  impl& d = *impl_;
  const fault_config& c = d.config;
  fault_decision out;
  if (!pref.latency_error.empty()) {
    out.answer = detail::mock_error(mock_error_status, "bad-prefer", pref.latency_error, &ep);
    return out;
  }
  if (pref.latency_ms && *pref.latency_ms > static_cast<std::uint64_t>(c.max_prefer_latency.count())) {
    out.answer = detail::mock_error(mock_error_status, "bad-prefer",
                                    "Prefer: latency is at most " + std::to_string(c.max_prefer_latency.count()) + " ms", &ep);
    return out;
  }

  // Every random draw happens under the lock and in a fixed order, so one client's sequence of
  // requests meets the same faults for the same seed.
  std::uint64_t wait = 0;
  bool drop = false, fail = false;
  std::size_t fail_pick = 0;
  const bool exempt = pref.code || pref.example || rq.method == "OPTIONS";
  {
    const std::lock_guard lock(d.mutex);
    if (c.latency_max_ms > 0) wait = static_cast<std::uint64_t>(d.random.between(c.latency_min_ms, c.latency_max_ms));
    if (!exempt && c.drop_rate > 0) drop = d.random.chance(c.drop_rate);
    if (!exempt && c.fail_rate > 0) {
      fail = d.random.chance(c.fail_rate);
      fail_pick = static_cast<std::size_t>(d.random.below(ep.retryable.empty() ? 1 : ep.retryable.size()));
    }
  }
  if (pref.latency_ms) wait = *pref.latency_ms;
  if (wait > 0) {
    ++d.delayed;
    out.delay = std::chrono::milliseconds(wait);
  }
  if (exempt) return out;

  if (drop) {
    ++d.dropped;
    response r{0, {}, {}};
    r.disposition = disposition::drop;
    out.answer = std::move(r);
    return out;
  }

  // Decision: an endpoint that documents no 429 gets a marked mock 429 from --rate-limit rather than a body its page does not document; Retry-After is whole seconds, rounded up.
  if (c.rate_limit > 0) {
    const std::string bucket = std::string(ep.provider) + '\n' + detail::caller_key(rq, ep.auth);
    if (const auto after = d.take(bucket)) {
      ++d.rate_limited;
      const long long ms = after->count();
      response r = ep.too_many_requests ? from_answer(ep.answers[*ep.too_many_requests])
                                        : detail::mock_error(429, "rate-limited",
                                                             std::string(ep.name) + " documents no 429; the mock's --rate-limit refused this request", &ep);
      r.set_header("Retry-After", std::to_string((ms + 999) / 1000));
      ep.policy->rate_limited(ep, *after, r);
      out.answer = std::move(r);
      return out;
    }
  }

  // Decision: an endpoint that documents no retryable status gets a marked mock 503 from --fail-rate rather than a body its page does not document.
  if (fail) {
    ++d.failed;
    out.answer = ep.retryable.empty()
                     ? detail::mock_error(503, "injected-failure",
                                          std::string(ep.name) + " documents no retryable status; the mock's --fail-rate failed this request", &ep)
                     : from_answer(ep.answers[ep.retryable[fail_pick]]);
  }
  return out;
}

void fault_injector::wait(std::chrono::milliseconds d) const {
  if (d.count() > 0) impl_->config.sleep(d);
}

void fault_injector::reset() {
  impl& d = *impl_;
  const std::lock_guard lock(d.mutex);
  d.random = realistic::rng(d.config.seed);
  d.buckets.clear();
  d.delayed = 0;
  d.failed = 0;
  d.rate_limited = 0;
  d.dropped = 0;
}

const fault_config& fault_injector::config() const noexcept { return impl_->config; }

fault_counters fault_injector::counters() const {
  return fault_counters{impl_->delayed.load(), impl_->failed.load(), impl_->rate_limited.load(), impl_->dropped.load()};
}

}  // namespace genwire::mock
