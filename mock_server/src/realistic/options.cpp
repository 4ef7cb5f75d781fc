// The realistic mode's command-line flags, shared by genwire-mock and anything else that embeds it.
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

#include <genwire/mock/realistic.hpp>

namespace genwire::mock {
namespace {

// Generated data is held in memory and each job keeps its encoded JSON: a ceiling keeps a typo
// (--items 10000000) from eating the machine.
constexpr std::size_t max_items = 100'000;
constexpr std::uint32_t max_latency_ms = 600'000;

template <class T>
T whole(std::string_view flag, std::string_view text) {
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
    throw std::invalid_argument(std::string(flag) + ": not a whole number: " + std::string(text));
  return v;
}

double real(std::string_view flag, std::string_view text, double lo, double hi) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || !std::isfinite(v))
    throw std::invalid_argument(std::string(flag) + ": not a number: " + std::string(text));
  if (v < lo || v > hi)
    throw std::invalid_argument(std::string(flag) + ": must be from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

}  // namespace

const std::string_view realistic_usage = R"(Realistic mode:
  --data MODE        documented (default: replay the documented examples) or realistic
                     (seeded, stateful stores with real pagination, filters and progression)
  --seed N           seed of the generated data and of the faults (default 1)
  --items K          jobs per provider in realistic mode (default 300, at most 100000)
  --step-ms MS       every MS milliseconds each unfinished job advances one step
                     (default 0: jobs advance only when a poll returns them)

Faults (any mode; per request: Prefer: latency=MS, Prefer: code=NNN):
  --latency-ms A[-B] delay every endpoint answer A ms, or uniformly A to B ms
  --fail-rate P      answer a documented retryable status with probability P (0..1)
  --rate-limit R     allow R requests per second per key and provider (burst R), then
                     the documented 429 with Retry-After
  --drop-rate P      close the connection without an answer with probability P (0..1)
)";

std::optional<latency_range> parse_latency(std::string_view text) noexcept {
  const auto number = [](std::string_view s) -> std::optional<std::uint32_t> {
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || v > max_latency_ms) return std::nullopt;
    return v;
  };
  const std::size_t dash = text.find('-');
  const auto lo = number(text.substr(0, dash));
  const auto hi = dash == std::string_view::npos ? lo : number(text.substr(dash + 1));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return latency_range{*lo, *hi};
}

bool is_realistic_flag(std::string_view flag) noexcept {
  for (std::string_view f : {"--data", "--seed", "--items", "--step-ms", "--latency-ms", "--fail-rate", "--rate-limit", "--drop-rate"})
    if (f == flag) return true;
  return false;
}

bool apply_realistic_flag(realistic_options& o, std::string_view flag, std::string_view value) {
  if (flag == "--data") {
    if (value == "realistic")
      o.realistic = true;
    else if (value == "documented")
      o.realistic = false;
    else
      throw std::invalid_argument("--data: must be documented or realistic, not " + std::string(value));
  } else if (flag == "--seed") {
    o.store.seed = whole<std::uint64_t>(flag, value);
    o.faults.seed = o.store.seed;
  } else if (flag == "--items") {
    o.store.items = whole<std::size_t>(flag, value);
    if (o.store.items > max_items) throw std::invalid_argument("--items: at most " + std::to_string(max_items));
  } else if (flag == "--step-ms") {
    o.store.step_ms = whole<std::uint64_t>(flag, value);
  } else if (flag == "--latency-ms") {
    const auto range = parse_latency(value);
    if (!range)
      throw std::invalid_argument("--latency-ms: expected MS or MIN-MAX (0.." + std::to_string(max_latency_ms) +
                                  ", MIN <= MAX), not " + std::string(value));
    o.faults.latency_min_ms = range->min_ms;
    o.faults.latency_max_ms = range->max_ms;
  } else if (flag == "--fail-rate") {
    o.faults.fail_rate = real(flag, value, 0, 1);
  } else if (flag == "--rate-limit") {
    o.faults.rate_limit = real(flag, value, 0, 1e9);
  } else if (flag == "--drop-rate") {
    o.faults.drop_rate = real(flag, value, 0, 1);
  } else {
    return false;
  }
  return true;
}

}  // namespace genwire::mock
