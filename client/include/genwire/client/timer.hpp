// genwire/client/timer.hpp: where the client reads the time and waits. Every wait (a retry's
// backoff, a poll's interval) goes through one timer, so a test can substitute one whose time moves
// only when the client waits, and every wait ends early when the caller's stop token fires.
#pragma once

#include <chrono>
#include <memory>
#include <stop_token>

namespace genwire::client {

using steady_time = std::chrono::steady_clock::time_point;

class timer {
 public:
  virtual ~timer() = default;
  [[nodiscard]] virtual steady_time now() = 0;
  // Wall-clock time, for a Retry-After given as an HTTP date.
  [[nodiscard]] virtual std::chrono::system_clock::time_point wall_now() = 0;
  // Returns at `until`, or earlier with false when `stop` is requested.
  virtual bool sleep_until(steady_time until, std::stop_token stop) = 0;
};

// The steady and system clocks; sleeps wake at once on a stop request. Shared and thread-safe.
std::shared_ptr<timer> system_timer();

}  // namespace genwire::client
