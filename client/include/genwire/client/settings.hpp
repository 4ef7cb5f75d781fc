// genwire/client/settings.hpp: how a client is set up (once) and what one call may add.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "binding.hpp"
#include "http.hpp"
#include "retrying.hpp"
#include "timer.hpp"

namespace genwire::client {

// Everything defaults to what provider P's own SDK does.
template <api_provider P>
struct settings {
  std::string base_url{P::base_url};  // the real service; a mock's URL for tests
  std::string api_key{};              // empty: the environment variable P::key_variable
  retry_policy retry = P::retry();
  std::chrono::milliseconds timeout = P::timeout;  // per attempt
  std::string ca_file{};              // PEM certificate authorities to trust instead of the system's
  std::vector<http_header> headers{};  // sent with every request (after the auth header)
  retry_observer on_retry{};          // told of each retry before its wait
  std::shared_ptr<genwire::client::timer> timer{};  // null: the system clocks
};

// Limits of one call (or one range or wait): both end any wait, a backoff included.
struct call_options {
  std::optional<steady_time> deadline{};  // on the client's timer (steady_clock unless replaced)
  std::stop_token stop{};
};

struct wait_options {
  std::optional<std::chrono::milliseconds> interval{};  // between polls; nullopt: the endpoint's (SDK's)
  std::optional<steady_time> deadline{};                // nullopt: now + the endpoint's max_wait
  std::stop_token stop{};
};

}  // namespace genwire::client
