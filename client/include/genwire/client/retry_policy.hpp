// genwire/client/retry_policy.hpp: when a request is sent again, and how long the client waits
// first. Each provider's SDK defaults are in providers/<provider>.hpp; every field can be changed.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "http.hpp"
#include "timer.hpp"
#include "transport_error.hpp"

namespace genwire::client {

struct retry_policy {
  int max_retries = 0;                 // retries after the first attempt; 0: none
  std::vector<int> statuses;           // statuses that are retried ...
  int statuses_from = 0;               // ... and every status >= this one (0: none)
  bool connection_errors = false;      // connect failures and dropped connections
  bool timeouts = false;               // attempts that got no answer within the timeout
  std::chrono::milliseconds initial_backoff{500};  // the wait before retry n is initial x 2^n ...
  std::chrono::milliseconds max_backoff{8000};     // ... at most this ...
  double jitter_down = 0;              // ... scaled by a random factor in [1 - jitter_down,
  double jitter_up = 0;                //     1 + jitter_up)
  bool retry_after_ms = false;         // read the non-standard retry-after-ms before Retry-After
  // A Retry-After (or retry-after-ms) asking for more than this ends the retries: the call returns
  // the answer, whose api_error::retry_after says how long the server wants.
  std::chrono::milliseconds max_retry_after{60000};

  [[nodiscard]] bool retries(int status) const noexcept {
    return (statuses_from > 0 && status >= statuses_from) || std::find(statuses.begin(), statuses.end(), status) != statuses.end();
  }
  [[nodiscard]] bool retries(transport_failure f) const noexcept {
    switch (f) {
      case transport_failure::connect:
      case transport_failure::dropped: return connection_errors;
      case transport_failure::timeout: return timeouts;
      // Decision: TLS failures are never retried (FLORA's SDK would, as connection errors): a certificate the client does not trust stays untrusted, and the caller's own limits are final.
      case transport_failure::tls:
      case transport_failure::cancelled:
      case transport_failure::deadline: return false;
    }
    return false;
  }
};

// The backoff before retry `n` (0 for the first retry) when the server asks for nothing; `draw` is
// a number in [0, 1) that picks the jitter.
std::chrono::milliseconds backoff(const retry_policy& p, int n, double draw) noexcept;

// How long the server asked the client to wait in `r`: retry-after-ms (when the policy reads it),
// else Retry-After as delta-seconds or an HTTP date (relative to `wall_now`); nullopt when it asked
// nothing readable. Fractions round up, so the wait is never shorter than asked.
std::optional<std::chrono::milliseconds> server_wait(const http_response& r, const retry_policy& p,
                                                     std::chrono::system_clock::time_point wall_now);

// The header parsers behind server_wait. "1.5" -> 1500 ms.
std::optional<std::chrono::milliseconds> parse_delay_seconds(std::string_view text) noexcept;
std::optional<std::chrono::milliseconds> parse_delay_milliseconds(std::string_view text) noexcept;
// An HTTP date in any of RFC 9110's three forms (IMF-fixdate, RFC 850, asctime).
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) noexcept;

}  // namespace genwire::client
