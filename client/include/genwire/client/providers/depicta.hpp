// genwire/client/providers/depicta.hpp: Depicta, which publishes no SDK: its errors page asks
// clients to honour Retry-After on 429 and to retry 500 with backoff (docs/providers-depicta.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <genwire/depicta.hpp>

#include "../binding.hpp"
#include "../retry_policy.hpp"
#include "flora.hpp"

namespace genwire::client {
namespace providers {

struct depicta {
  static constexpr std::string_view name = genwire::depicta::provider_name;
  static constexpr std::string_view base_url = genwire::depicta::base_url;
  static constexpr std::string_view key_variable = "DEPICTA_API_KEY";
  static constexpr genwire::auth_scheme auth = genwire::depicta::auth_schemes[0];
  static constexpr std::string_view request_id_header = "";  // the id comes in the error body
  // Decision: Depicta's timeout and retries are FLORA's (60 s; 2 retries on connection errors, 408, 409, 429, >= 500, 0.5 s x 2^n to 8 s, 25 % jitter, retry-after-ms then Retry-After): no Depicta SDK exists, and these cover what its errors page asks.
  static constexpr std::chrono::milliseconds timeout = flora::timeout;
  static retry_policy retry() { return flora::retry(); }

  static error_text describe(const genwire::depicta::error_envelope& e) { return {e.error, e.message}; }
  static std::optional<std::string> request_id_of(const genwire::depicta::error_envelope& e) { return e.request_id; }
};

}  // namespace providers

using depicta_client = client<providers::depicta>;

// offset + limit until `total`; an empty page ends the walk too.
// Decision: the next offset is the asked offset plus the items received (not plus the limit), so a server that caps the limit is walked without a gap.
template <>
struct endpoint_binding<genwire::depicta::list_jobs_endpoint> {
  using provider = providers::depicta;
  static constexpr bool safe_to_repeat = true;

  static std::span<const genwire::depicta::job> items(const genwire::depicta::list_jobs_response& r) {
    if (!r.generations.has_value()) return {};
    return *r.generations;
  }
  static std::optional<genwire::depicta::list_jobs_query> next(genwire::depicta::list_jobs_query q,
                                                                const genwire::depicta::list_jobs_response& r) {
    const auto n = static_cast<std::int64_t>(items(r).size());
    const std::int64_t offset = (q.offset ? q.offset->value : genwire::depicta::list_jobs_query::default_offset) + n;
    if (n == 0 || offset >= r.total) return std::nullopt;
    q.offset = offset;
    return q;
  }
};

}  // namespace genwire::client
