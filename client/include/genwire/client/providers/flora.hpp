// genwire/client/providers/flora.hpp: FLORA as its official TypeScript SDK calls it (Stainless;
// https://github.com/florafauna-ai/flora-typescript, src/client.ts; docs/providers-flora.md).
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <genwire/core/enum_name.hpp>
#include <genwire/flora.hpp>

#include "../binding.hpp"
#include "../retry_policy.hpp"

namespace genwire::client {
namespace providers {

struct flora {
  static constexpr std::string_view name = genwire::flora::provider_name;
  static constexpr std::string_view base_url = genwire::flora::base_url;
  static constexpr std::string_view key_variable = "FLORA_API_KEY";
  static constexpr genwire::auth_scheme auth = genwire::flora::auth_schemes[0];
  static constexpr std::string_view request_id_header = genwire::flora::request_id_header;
  static constexpr std::chrono::milliseconds timeout{60000};

  // 2 retries on connection errors (timeouts included), 408, 409, 429 and >= 500; retry-after-ms,
  // then Retry-After; else 0.5 s x 2^n capped at 8 s, less up to 25 % jitter.
  static retry_policy retry() {
    return {
        .max_retries = 2,
        .statuses = {408, 409, 429},
        .statuses_from = 500,
        .connection_errors = true,
        .timeouts = true,
        .initial_backoff = std::chrono::milliseconds(500),
        .max_backoff = std::chrono::milliseconds(8000),
        .jitter_down = 0.25,
        .jitter_up = 0,
        .retry_after_ms = true,
        // Decision: a Retry-After beyond 60 s ends the retries (the SDK would wait any length; the issue caps it at 60 s, and waiting less than asked is never done).
        .max_retry_after = std::chrono::milliseconds(60000),
    };
  }

  static error_text describe(const genwire::flora::error_envelope& e) {
    return {std::string(genwire::enum_name(e.error.code)), e.error.message};
  }
};

}  // namespace providers

using flora_client = client<providers::flora>;

// The SDK's auto-pagination: meta.next_cursor passed back as `cursor` until it is empty or absent;
// the limit (and filters) stay those of the first request.
template <>
struct endpoint_binding<genwire::flora::list_generations_endpoint> {
  using provider = providers::flora;
  static constexpr bool safe_to_repeat = true;

  static std::span<const genwire::flora::generation> items(const genwire::flora::list_generations_response& r) {
    return r.generations;
  }
  static std::optional<genwire::flora::list_generations_query> next(genwire::flora::list_generations_query q,
                                                                     const genwire::flora::list_generations_response& r) {
    const auto& cursor = r.meta.next_cursor;
    if (!cursor || !cursor->has_value() || (*cursor)->empty()) return std::nullopt;
    q.cursor = **cursor;
    return q;
  }
};

// A run, polled through its poll_url (GET /api/v1/runs/{runId}) until completed or failed.
template <>
struct endpoint_binding<genwire::flora::get_run_endpoint> {
  using provider = providers::flora;
  static constexpr bool safe_to_repeat = true;

  static bool terminal(const genwire::flora::run& r) { return finished(genwire::summarize(r)); }
  // Decision: a FLORA run is polled every 2 s for at most 10 minutes, Diffio's SDK values (FLORA's SDK has no wait helper).
  static constexpr std::chrono::milliseconds poll_interval{2000};
  static constexpr std::chrono::milliseconds max_wait{600000};
};

}  // namespace genwire::client
