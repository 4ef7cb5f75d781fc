#include "faults.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

#include "../admin.hpp"
#include "../header_text.hpp"
#include "../prefer.hpp"
#include "../realistic/prng.hpp"
#include "token_bucket.hpp"

namespace genwire::mock {
namespace faults {
namespace {

row make_row(const genwire::status_doc& s) {
  row r;
  r.status = s.code;
  if (!s.body.empty()) {
    // Compact, like every other body the mock sends; the documented text when it is not JSON.
    auto parsed = genwire::parse_json(s.body);
    r.body = parsed ? genwire::to_json(*parsed) : std::string(s.body);
    r.headers.push_back({"Content-Type", "application/json"});
  }
  for (const genwire::header_field& h : s.headers)
    if (!h.name.empty()) r.headers.push_back({std::string(h.name), std::string(h.value)});
  return r;
}

struct endpoint_table {
  std::vector<std::pair<std::string_view, endpoint_faults>> entries;

  endpoint_table() {
    genwire::all_endpoints::for_each([&]<class D>() {
      endpoint_faults e;
      e.provider = D::provider;
      e.auth = std::span<const genwire::auth_scheme>(D::auth);
      for (const genwire::status_doc& s : D::statuses) {
        if (s.treat == genwire::treatment::retryable) e.retryable.push_back(make_row(s));
        if (s.code == 429) e.too_many_requests = make_row(s);
      }
      entries.emplace_back(D::name, std::move(e));
    });
  }
};

const endpoint_table& table() {
  static const endpoint_table t;
  return t;
}

}  // namespace

std::string caller_key(const request& rq, std::span<const genwire::auth_scheme> auth) {
  for (const genwire::auth_scheme& s : auth) {
    const std::string* v = rq.header_value(s.header);
    if (!v) continue;
    if (const auto key = detail::credential(*v, s.prefix); key && !key->empty()) return std::string(*key);
  }
  return {};
}

const endpoint_faults* endpoint_faults_for(std::string_view endpoint) {
  for (const auto& [name, e] : table().entries)
    if (name == endpoint) return &e;
  return nullptr;
}

}  // namespace faults

namespace {

response marked(int status, std::string_view kind, std::string message, std::string_view endpoint) {
  detail::mock_error_body body;
  body.genwire_mock_error.kind = std::string(kind);
  body.genwire_mock_error.message = std::move(message);
  if (!endpoint.empty()) body.genwire_mock_error.endpoint = std::string(endpoint);
  response r{status, {{"Content-Type", "application/json"}, {std::string(mock_error_header), std::string(kind)}}, {}};
  if (auto text = genwire::encode(body)) r.body = std::move(*text);
  return r;
}

response from_row(const faults::row& row) { return response{row.status, row.headers, row.body}; }

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

std::optional<response> fault_injector::before(const request& rq, std::string_view endpoint) {
  impl& d = *impl_;
  const fault_config& c = d.config;
  const detail::preferences pref = detail::parse_prefer(rq);
  if (!pref.latency_error.empty()) return marked(mock_error_status, "bad-prefer", pref.latency_error, endpoint);
  if (pref.latency_ms && *pref.latency_ms > static_cast<std::uint64_t>(c.max_prefer_latency.count()))
    return marked(mock_error_status, "bad-prefer",
                  "Prefer: latency is at most " + std::to_string(c.max_prefer_latency.count()) + " ms", endpoint);

  // Every random draw happens under the lock and in a fixed order, so one client's sequence of
  // requests meets the same faults for the same seed.
  std::uint64_t wait = 0;
  bool drop = false, fail = false;
  std::size_t fail_pick = 0;
  const faults::endpoint_faults* ep = faults::endpoint_faults_for(endpoint);
  const bool exempt = pref.code || pref.example || rq.method == "OPTIONS" || !ep;
  {
    const std::lock_guard lock(d.mutex);
    if (c.latency_max_ms > 0) wait = static_cast<std::uint64_t>(d.random.between(c.latency_min_ms, c.latency_max_ms));
    if (!exempt && c.drop_rate > 0) drop = d.random.chance(c.drop_rate);
    if (!exempt && c.fail_rate > 0) {
      fail = d.random.chance(c.fail_rate);
      fail_pick = static_cast<std::size_t>(d.random.below(ep->retryable.empty() ? 1 : ep->retryable.size()));
    }
  }
  if (pref.latency_ms) wait = *pref.latency_ms;
  if (wait > 0) {
    ++d.delayed;
    c.sleep(std::chrono::milliseconds(wait));
  }
  if (exempt) return std::nullopt;

  if (drop) {
    ++d.dropped;
    return response{0, {{std::string(drop_header), "1"}}, {}};
  }

  // Decision: Diffio and Hedra document no 429, so their rate-limit answer is a marked mock 429; Retry-After is whole seconds, rounded up.
  if (c.rate_limit > 0) {
    const std::string bucket = std::string(ep->provider) + '\n' + faults::caller_key(rq, ep->auth);
    if (const auto after = d.take(bucket)) {
      ++d.rate_limited;
      const long long ms = after->count();
      const std::string seconds = std::to_string((ms + 999) / 1000);
      response r = ep->too_many_requests
                       ? from_row(*ep->too_many_requests)
                       : marked(429, "rate-limited",
                                std::string(endpoint) + " documents no 429; the mock's --rate-limit refused this request",
                                endpoint);
      r.set_header("Retry-After", seconds);
      // FLORA's SDK reads retry-after-ms before retry-after (PROVIDERS.md).
      if (ep->provider == genwire::flora::provider_name) r.set_header(std::string(genwire::flora::retry_after_ms_header), std::to_string(ms));
      return r;
    }
  }

  // Decision: an endpoint that documents no retryable status (Hedra's list, Diffio's get_generation_progress) gets a marked mock 503 from --fail-rate rather than a body its page does not document.
  if (fail) {
    ++d.failed;
    if (ep->retryable.empty())
      return marked(503, "injected-failure",
                    std::string(endpoint) + " documents no retryable status; the mock's --fail-rate failed this request",
                    endpoint);
    return from_row(ep->retryable[fail_pick]);
  }
  return std::nullopt;
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
