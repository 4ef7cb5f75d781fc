// genwire/mock/realistic.hpp: the mock's realistic mode: a seeded, stateful store (real pagination,
// filters and job progression for every provider) and fault injection (latency, retryable
// failures, per-key rate limits, dropped connections).
//
//   genwire::mock::server_config c;
//   c.data = genwire::mock::make_realistic_store({.seed = 7, .items = 300});
//   c.faults = std::make_shared<genwire::mock::fault_injector>(genwire::mock::fault_config{.fail_rate = 0.1});
//   genwire::mock::server srv(std::move(c));
//
// Everything generated is a pure function of the seed and of the requests seen since the last
// reset (and, with step_ms, of the clock), so a test can replay it exactly.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http.hpp"
#include "store.hpp"

namespace genwire::mock {

struct server_config;

// A monotonic clock in milliseconds. Null everywhere means std::chrono::steady_clock; tests pass
// a manual one so that time-driven behaviour is deterministic.
using ms_clock = std::function<std::chrono::milliseconds()>;

// The realistic store ------------------------------------------------------------------------------

struct realistic_config {
  std::uint64_t seed = 1;
  std::size_t items = 300;    // jobs per provider (spread over its projects where it has them)
  std::uint64_t step_ms = 0;  // every step_ms, every unfinished job advances one step; 0: only polls move jobs
  ms_clock clock{};
};

struct realistic_summary {
  std::uint64_t seed = 0;
  std::size_t items = 0;
  std::uint64_t step_ms = 0;
  std::uint64_t clock_steps = 0;  // steps the clock has added since the last reset
  std::vector<realistic_store_size> stores;
};

// The owner of the generated data is any key with key_record::owns_examples (gw_test_read, and
// config keys that say so); gw_test_other owns nothing. Thread-safe.
class realistic_store final : public store {
 public:
  explicit realistic_store(realistic_config config);
  ~realistic_store() override;
  realistic_store(const realistic_store&) = delete;
  realistic_store& operator=(const realistic_store&) = delete;

  answer find(const any_request& request) override;
  [[nodiscard]] store_state state() const override;
  // Back to the seeded state: every job at its initial step, the clock restarted.
  void reset() override;

  [[nodiscard]] realistic_summary summary() const;
  [[nodiscard]] const realistic_config& config() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::shared_ptr<realistic_store> make_realistic_store(realistic_config config = {});

// Fault injection --------------------------------------------------------------------------------

struct fault_config {
  std::uint64_t seed = 1;
  std::uint32_t latency_min_ms = 0;  // every endpoint answer waits a uniform time in [min, max]
  std::uint32_t latency_max_ms = 0;
  double fail_rate = 0.0;   // probability of a documented retryable status instead of the answer
  double rate_limit = 0.0;  // requests per second per (provider, key) before a 429; 0: no limit
  double drop_rate = 0.0;   // probability of closing the connection without an answer
  // The longest `Prefer: latency=MS` honoured; longer asks are a marked mock error.
  std::chrono::milliseconds max_prefer_latency{60000};
  ms_clock clock{};                                        // for the rate limiter's token buckets
  std::function<void(std::chrono::milliseconds)> sleep{};  // null: std::this_thread::sleep_for
};

struct fault_counters {
  std::uint64_t delayed = 0;
  std::uint64_t failed = 0;
  std::uint64_t rate_limited = 0;
  std::uint64_t dropped = 0;
};

namespace detail {
struct prepared_endpoint;
struct preferences;
}  // namespace detail

// What the fault injector decided for one request.
struct fault_decision {
  std::chrono::milliseconds delay{0};  // wait this long before the answer goes out (latency)
  // Instead of the endpoint's answer: a documented retryable status, a 429, a dropped connection
  // (disposition::drop), or a marked mock error for a bad `Prefer: latency`.
  std::optional<response> answer;
};

// Runs before an endpoint handles a request. Thread-safe.
class fault_injector {
 public:
  explicit fault_injector(fault_config config = {});
  ~fault_injector();
  fault_injector(const fault_injector&) = delete;
  fault_injector& operator=(const fault_injector&) = delete;

  // The latency and the fault (if any) for a request to `endpoint`, whose Prefer header is `prefer`.
  // The router prepares both once per request.
  fault_decision before(const request& rq, const detail::prepared_endpoint& endpoint, const detail::preferences& prefer);
  // Waits `d` with the configured sleeper (std::this_thread::sleep_for unless the config says).
  void wait(std::chrono::milliseconds d) const;

  // Refills every bucket, restarts the random sequence and zeroes the counters.
  void reset();
  [[nodiscard]] const fault_config& config() const noexcept;
  [[nodiscard]] fault_counters counters() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// Command line -----------------------------------------------------------------------------------

struct realistic_options {
  bool realistic = false;  // --data realistic (default: documented)
  realistic_config store;
  fault_config faults;
};

// Whether `flag` is one of the flags below (each takes a value).
bool is_realistic_flag(std::string_view flag) noexcept;

// Applies one flag (--data, --seed, --items, --step-ms, --latency-ms, --fail-rate, --rate-limit,
// --drop-rate) and its value. False when `flag` is not one of these; throws std::invalid_argument
// with a message for a bad value.
bool apply_realistic_flag(realistic_options& options, std::string_view flag, std::string_view value);

// Sets config.data (realistic mode only) and config.faults from the options.
void apply_realistic_options(server_config& config, const realistic_options& options);

// The flags' part of genwire-mock --help.
extern const std::string_view realistic_usage;

// "50" -> {50, 50}; "50-200" -> {50, 200}; nullopt for anything else (or min > max).
struct latency_range {
  std::uint32_t min_ms = 0;
  std::uint32_t max_ms = 0;
};
std::optional<latency_range> parse_latency(std::string_view text) noexcept;

}  // namespace genwire::mock
