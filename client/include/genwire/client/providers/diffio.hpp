// genwire/client/providers/diffio.hpp: Diffio as its official SDKs call it
// (https://github.com/Diffio-AI/diffio-python, src/diffio/client.py, and diffio-js;
// docs/providers-diffio.md).
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <genwire/diffio.hpp>

#include "../binding.hpp"
#include "../retry_policy.hpp"

namespace genwire::client {
namespace providers {

struct diffio {
  static constexpr std::string_view name = genwire::diffio::provider_name;
  static constexpr std::string_view base_url = genwire::diffio::base_url;
  static constexpr std::string_view key_variable = "DIFFIO_API_KEY";
  // The SDK sends `Authorization: Bearer <key>`, the first of the three headers the pages accept.
  static constexpr genwire::auth_scheme auth = genwire::diffio::auth_schemes[0];
  static constexpr std::string_view request_id_header = "";
  static constexpr std::chrono::milliseconds timeout{60000};

  // Retries off by default; when enabled, 408, 429, 500, 502, 503, 504 and any request error
  // (connection, timeout), waiting 0.5 s x 2^n without jitter.
  static retry_policy retry() {
    return {
        .max_retries = 0,
        .statuses = {408, 429, 500, 502, 503, 504},
        .statuses_from = 0,
        .connection_errors = true,
        .timeouts = true,
        .initial_backoff = std::chrono::milliseconds(500),
        // Decision: Diffio's backoff is capped at 60 s (the SDK has no cap: its 8th retry would wait 64 s, the 12th 17 minutes).
        .max_backoff = std::chrono::milliseconds(60000),
        .jitter_down = 0,
        .jitter_up = 0,
        // Decision: Retry-After is honoured although Diffio's SDK ignores it: a retry sooner than the server asked only meets another refusal (the mock's rate limit sends it).
        .retry_after_ms = false,
        .max_retry_after = std::chrono::milliseconds(60000),
    };
  }

  static error_text describe(const genwire::diffio::error_envelope& e) { return {e.code.value_or(""), e.error}; }
};

}  // namespace providers

using diffio_client = client<providers::diffio>;

// Decision: list_project_generations answers a project's generations in one page (it has no paging parameters), so items() walks that one page.
template <>
struct endpoint_binding<genwire::diffio::list_project_generations_endpoint> {
  using provider = providers::diffio;
  static constexpr bool safe_to_repeat = true;  // a read, though sent as POST

  static std::span<const genwire::diffio::project_generation> items(const genwire::diffio::list_project_generations_response& r) {
    return r.generations;
  }
  static std::optional<genwire::diffio::list_project_generations_request> next(
      const genwire::diffio::list_project_generations_request&, const genwire::diffio::list_project_generations_response&) {
    return std::nullopt;
  }
};

// The SDK's wait_for_generation: every 2 s until complete or failed, for at most 600 s. `error` (the
// webhooks' word) is terminal too (summarize() maps it to failed).
template <>
struct endpoint_binding<genwire::diffio::get_generation_progress_endpoint> {
  using provider = providers::diffio;
  static constexpr bool safe_to_repeat = true;  // a read, though sent as POST

  static bool terminal(const genwire::diffio::get_generation_progress_response& r) { return finished(genwire::summarize(r)); }
  static constexpr std::chrono::milliseconds poll_interval{2000};
  static constexpr std::chrono::milliseconds max_wait{600000};
};

}  // namespace genwire::client
