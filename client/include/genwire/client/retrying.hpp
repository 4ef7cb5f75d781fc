// genwire/client/retrying.hpp: one logical request: attempts, waits and retries under a policy,
// a per-attempt timeout, a deadline and a stop token. Knows no endpoint and no HTTP library: the
// exchange is a function, so tests script it and the client passes its connection pool.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stop_token>
#include <string_view>
#include <variant>

#include "http.hpp"
#include "retry_policy.hpp"
#include "timer.hpp"
#include "transport_error.hpp"

namespace genwire::client {

using exchange_result = std::variant<http_response, transport_error>;
// Sends one request, waiting at most `timeout` for the answer; a stop request ends it early.
using exchange_fn = std::function<exchange_result(const http_request&, std::chrono::milliseconds timeout, std::stop_token)>;

enum class retry_scope : unsigned char {
  request,  // the same request again, after a retryable answer or failure
  poll,     // a wait's next poll, after a poll whose retries were used up
};

// Reported before each wait for a retry. The pointers are valid during the callback only.
struct retry_event {
  std::string_view endpoint;  // the descriptor's name, "flora.list_generations"
  retry_scope scope = retry_scope::request;
  int retry = 0;              // 1 for the first retry (or the first poll after a failed one)
  int max_retries = 0;        // the policy's; 0 for polls (they go on until the deadline)
  int status = 0;                            // the retried answer's status, or 0 and
  const transport_error* failure = nullptr;  //   the retried failure
  const http_response* response = nullptr;   // the retried answer itself (its Retry-After), if any
  std::chrono::milliseconds wait{};
  bool server_asked = false;  // `wait` is the server's Retry-After / retry-after-ms
};
using retry_observer = std::function<void(const retry_event&)>;

struct attempt_limits {
  std::chrono::milliseconds timeout{60000};  // per attempt
  std::optional<steady_time> deadline;       // ends every attempt and every wait
  std::stop_token stop;
};

struct exchange_outcome {
  exchange_result last;  // the last answer, or why there was none
  int attempts = 0;      // requests sent (1 + retries)
};

// Sends `rq` until an answer the policy does not retry, the retries are used up, the server asks
// for a wait beyond policy.max_retry_after, or the deadline or stop token ends it (then `last` is a
// transport_error of kind deadline or cancelled, with the status being retried, if any).
exchange_outcome send_with_retries(const exchange_fn& exchange, const http_request& rq, const retry_policy& policy,
                                   const attempt_limits& limits, timer& clock, const retry_observer& on_retry,
                                   std::string_view endpoint);

}  // namespace genwire::client
