#include <genwire/client/retrying.hpp>

#include <random>
#include <string>

namespace genwire::client {
namespace {

using std::chrono::milliseconds;

double jitter_draw() {
  thread_local std::mt19937_64 source{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(source);
}

transport_error stopped(transport_failure kind, std::string detail, std::optional<int> status) {
  return transport_error{kind, std::move(detail), status};
}

}  // namespace

exchange_outcome send_with_retries(const exchange_fn& exchange, const http_request& rq, const retry_policy& policy,
                                   const attempt_limits& limits, timer& clock, const retry_observer& on_retry,
                                   std::string_view endpoint) {
  exchange_outcome out{transport_error{}, 0};
  std::optional<int> retried_status;  // the status the last wait was for
  for (int retry = 0;; ++retry) {
    if (limits.stop.stop_requested()) {
      out.last = stopped(transport_failure::cancelled, "cancelled before the request was sent", retried_status);
      return out;
    }
    milliseconds timeout = limits.timeout;
    bool deadline_bound = false;
    if (limits.deadline) {
      const auto left = std::chrono::duration_cast<milliseconds>(*limits.deadline - clock.now());
      if (left <= milliseconds(0)) {
        out.last = stopped(transport_failure::deadline, "the deadline passed before the request was sent", retried_status);
        return out;
      }
      if (left < timeout) timeout = left, deadline_bound = true;
    }

    out.last = exchange(rq, timeout, limits.stop);
    ++out.attempts;

    bool retryable = false;
    std::optional<milliseconds> asked;
    std::optional<int> status;
    const transport_error* failure = std::get_if<transport_error>(&out.last);
    if (failure) {
      if (deadline_bound && failure->kind == transport_failure::timeout) {
        out.last = stopped(transport_failure::deadline, "no answer before the deadline (" + std::to_string(timeout.count()) + " ms left)",
                           retried_status);
        return out;
      }
      retryable = policy.retries(failure->kind);
    } else {
      const http_response& r = std::get<http_response>(out.last);
      status = r.status;
      retryable = policy.retries(r.status);
      if (retryable) asked = server_wait(r, policy, clock.wall_now());
    }
    if (!retryable || retry >= policy.max_retries) return out;
    // The server wants longer than this policy waits: its answer (and api_error::retry_after) go back to the caller.
    if (asked && *asked > policy.max_retry_after) return out;

    const milliseconds wait = asked ? *asked : backoff(policy, retry, jitter_draw());
    // Decision: a wait that cannot end before the deadline is not begun: the call ends at once with a deadline transport_error naming the retried status (not the last answer), so a caller tells its own limit from the service's failure.
    if (limits.deadline && clock.now() + wait > *limits.deadline) {
      out.last = stopped(transport_failure::deadline,
                         "the deadline leaves no time for retry " + std::to_string(retry + 1) + " (a wait of " +
                             std::to_string(wait.count()) + " ms)",
                         status);
      return out;
    }
    if (on_retry)
      on_retry(retry_event{endpoint, retry_scope::request, retry + 1, policy.max_retries, status.value_or(0), failure,
                           std::get_if<http_response>(&out.last), wait, asked.has_value()});
    retried_status = status;
    if (!clock.sleep_until(clock.now() + wait, limits.stop)) {
      out.last = stopped(transport_failure::cancelled, "cancelled while waiting to retry", status);
      return out;
    }
  }
}

}  // namespace genwire::client
