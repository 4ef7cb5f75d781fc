// genwire/flora/common.hpp: FLORA's base URL, auth, response headers, run vocabularies and error
// envelope. Sources: its reference page and docs/providers-flora.md (FLORA
// authentication and errors pages, official TypeScript SDK).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"

namespace genwire::flora {

inline constexpr std::string_view provider_name = "flora";
inline constexpr std::string_view base_url = "https://app.flora.ai";

// `Authorization: Bearer sk_live_...`.
inline constexpr std::array<genwire::auth_scheme, 1> auth_schemes{{{"Authorization", "Bearer "}}};
inline constexpr std::string_view api_key_prefix = "sk_live_";

// Every response carries `request-id: req_...` (authentication and errors pages).
inline constexpr std::string_view request_id_header = "request-id";
inline constexpr std::string_view request_id_prefix = "req_";
// Decision: the example value is the mock's first id ("req_" and 12 hex digits); the pages show only the prefix.
inline constexpr std::string_view request_id_example = "req_000000000001";
// What every FLORA descriptor declares as its `response_headers`.
inline constexpr std::array<genwire::header_field, 1> headers_on_every_response{{{request_id_header, request_id_example}}};
// 429 answers may carry these; the official SDK honours retry-after-ms first, then retry-after.
inline constexpr std::string_view retry_after_header = "Retry-After";
inline constexpr std::string_view retry_after_ms_header = "retry-after-ms";

// Run status: "pending" or "running" or "completed" or "failed". Open in responses, closed in the
// `status` query filter (see list_generations_query).
enum class run_status { pending, running, completed, failed };

// Run output media type.
enum class output_type { imageUrl, videoUrl, audioUrl, text, documentUrl };

// Error `code`: the reference page's eight examples plus the errors page's other codes (docs/providers-flora.md). Open.
enum class api_error_code {
  invalid_json,
  input_validation_error,
  unauthorized,
  invalid_api_key,
  insufficient_credits,
  forbidden,
  not_found,
  idempotency_duplicate,
  rate_limited,
  unknown_error,
  service_unavailable,
};

// One entry of `error.fields` (input validation failures).
struct field_error {
  std::string field;
  std::string message;
};

struct error_detail {
  // Decision: error `code` is an OPEN enum of the reference page's and the errors page's codes, so a new code still decodes (strict mode closes it).
  genwire::open_enum<api_error_code> code;
  std::string message;
  std::optional<std::vector<field_error>> fields;
};

// {"error": {"code": "...", "message": "...", "fields": [{"field": "...", "message": "..."}]}}
struct error_envelope {
  error_detail error;
};

// Run-level `error_code` values known beyond the reference page's example ("provider_error"): a run can
// answer HTTP 200 and fail later (docs/providers-flora.md). `error_code` itself stays an open string.
inline constexpr std::string_view run_error_provider_error = "provider_error";
inline constexpr std::string_view run_error_model_timeout = "model_timeout";
inline constexpr std::string_view run_error_safety_blocked = "safety_blocked";
inline constexpr std::string_view run_error_input_unreachable = "input_unreachable";
inline constexpr std::string_view run_error_internal_error = "internal_error";

}  // namespace genwire::flora
