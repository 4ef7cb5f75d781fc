// genwire/flora/list_generations.hpp: GET https://app.flora.ai/api/v1/generations
// (FLORA's API reference, "List generation history"; docs/providers-flora.md). Newest first; filters workspace_id,
// project_id, status; each item's poll_url polls pending/running runs and fetches finished ones.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"
#include "common.hpp"

namespace genwire::flora {

// Query parameters, all optional.
struct list_generations_query {
  // Decision: no default is documented; 20 is inferred from the example's next_cursor "eyJvZmZzZXQiOjIwfQ" (base64 of {"offset":20}) for a first page.
  static constexpr std::int64_t default_limit = 20;
  static constexpr std::int64_t min_limit = 1;
  static constexpr std::int64_t max_limit = 100;
  // "Opaque cursor for fetching the next page": the previous page's meta.next_cursor.
  std::optional<std::string> cursor;
  // Decision: documented as "number" with minimum 1 / maximum 100; a result count is whole, so it is an integer (limit=1.5 is rejected as wrong_type).
  std::optional<genwire::bounded<std::int64_t, 1, 100>> limit;
  std::optional<std::string> project_id;
  // Decision: the filter is a CLOSED enum (request side: the API validates it, so an unknown value is a client error caught before sending).
  std::optional<run_status> status;
  std::optional<std::string> workspace_id;
};

struct model_info {
  // Decision: the reference page says a required string of minLength 1, the official SDK says string|null: the key is required and may be null, and a string must be non-empty.
  genwire::nullable<genwire::non_empty_string> model_id;
};

struct output {
  std::string output_id;
  // Decision: output type is an OPEN enum (response side; FLORA may add media types).
  genwire::open_enum<output_type> type;
  // "Run output URL or text content", minLength 1: not a URI (text outputs carry the text itself).
  genwire::non_empty_string url;
};

// One generation (run). Members in the reference page's order.
struct generation {
  // Decision: FLORA timestamps are numbers of unknown epoch unit (kept as documented "number"); summarize() reads values above 1e11 as milliseconds, else seconds.
  double created_at;
  // "Run identifier".
  std::string generation_id;
  // Decision: progress has no documented range; it is read as a 0..100 percentage like Diffio's (summarize() clamps to 0..1).
  double progress;
  std::string project_id;
  std::string run_id;
  genwire::open_enum<run_status> status;
  std::string workspace_id;
  // "Cost charged in USD", minimum 0.
  std::optional<genwire::at_least<double, 0>> charged_cost;
  std::optional<double> completed_at;
  // "Machine-readable run error code": an open string (docs/providers-flora.md).
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  std::optional<model_info> model;
  std::optional<std::vector<output>> outputs;
  std::optional<genwire::uri> poll_url;
  std::optional<double> started_at;
};

struct page_meta {
  // Decision: the reference page says a required string, the official SDK an optional string|null whose falsy value ends pagination: optional_nullable so the last page decodes.
  genwire::optional_nullable<std::string> next_cursor;
  // "Estimated total matching items", minimum 0.
  std::optional<genwire::at_least<double, 0>> total_estimate;
};

struct list_generations_response {
  std::vector<generation> generations;
  page_meta meta;
};

// The messages of the reference page's error examples, for answers the mock composes.
inline constexpr std::string_view reason_input_validation = "prompt: Required";
inline constexpr std::string_view reason_unauthorized = "Invalid API key.";
inline constexpr std::string_view reason_insufficient_credits = "Insufficient credits.";
inline constexpr std::string_view reason_forbidden = "Forbidden.";
inline constexpr std::string_view reason_not_found = "Not found.";
inline constexpr std::string_view reason_idempotency_duplicate = "Duplicate idempotency key.";
inline constexpr std::string_view reason_rate_limited = "Rate limit exceeded.";
inline constexpr std::string_view reason_unknown_error = "An unknown error occurred.";

// The cURL sends no query parameters.
inline constexpr std::string_view example_request = "";
// Composed: every parameter once (the page shows none), cursor taken from the example's next_cursor.
inline constexpr std::string_view example_request_all_parameters =
    "cursor=eyJvZmZzZXQiOjIwfQ&limit=20&project_id=prj_abc123&status=completed&workspace_id=ws_abc123";

inline constexpr std::string_view example_response = R"json({
  "generations": [
    {
      "created_at": 0,
      "generation_id": "run_abc123",
      "progress": 0,
      "project_id": "prj_abc123",
      "run_id": "run_abc123",
      "status": "pending",
      "workspace_id": "ws_abc123",
      "charged_cost": 0,
      "completed_at": 0,
      "error_code": "provider_error",
      "error_message": "The provider failed to complete the generation.",
      "model": {
        "model_id": "t2i-flux-2-pro"
      },
      "outputs": [
        {
          "output_id": "output_1",
          "type": "imageUrl",
          "url": "https://media.flora.ai/output.png"
        }
      ],
      "poll_url": "https://example.com",
      "started_at": 0
    }
  ],
  "meta": {
    "next_cursor": "eyJvZmZzZXQiOjIwfQ",
    "total_estimate": 0
  }
})json";

// The reference page's error examples, in the order 400, 401, 402, 403, 404, 409, 429, 500 (docs/providers-flora.md).
inline constexpr std::string_view example_error_400 = R"json({
  "error": {
    "code": "input_validation_error",
    "message": "prompt: Required",
    "fields": [
      {
        "field": "prompt",
        "message": "Required"
      }
    ]
  }
})json";
inline constexpr std::string_view example_error_401 = R"json({
  "error": {
    "code": "unauthorized",
    "message": "Invalid API key."
  }
})json";
inline constexpr std::string_view example_error_402 = R"json({
  "error": {
    "code": "insufficient_credits",
    "message": "Insufficient credits."
  }
})json";
inline constexpr std::string_view example_error_403 = R"json({
  "error": {
    "code": "forbidden",
    "message": "Forbidden."
  }
})json";
inline constexpr std::string_view example_error_404 = R"json({
  "error": {
    "code": "not_found",
    "message": "Not found."
  }
})json";
inline constexpr std::string_view example_error_409 = R"json({
  "error": {
    "code": "idempotency_duplicate",
    "message": "Duplicate idempotency key."
  }
})json";
inline constexpr std::string_view example_error_429 = R"json({
  "error": {
    "code": "rate_limited",
    "message": "Rate limit exceeded."
  }
})json";
inline constexpr std::string_view example_error_500 = R"json({
  "error": {
    "code": "unknown_error",
    "message": "An unknown error occurred."
  }
})json";

// The errors page's other codes (docs/providers-flora.md), in the same envelope; no page prints
// their bodies, so these are composed.
inline constexpr std::string_view reason_invalid_json = "Request body is not valid JSON.";
inline constexpr std::string_view reason_invalid_api_key = "The API key is not valid.";
inline constexpr std::string_view reason_service_unavailable = "The service is temporarily unavailable.";
inline constexpr std::string_view example_error_400_invalid_json = R"json({
  "error": {
    "code": "invalid_json",
    "message": "Request body is not valid JSON."
  }
})json";
inline constexpr std::string_view example_error_401_invalid_api_key = R"json({
  "error": {
    "code": "invalid_api_key",
    "message": "The API key is not valid."
  }
})json";
inline constexpr std::string_view example_error_503 = R"json({
  "error": {
    "code": "service_unavailable",
    "message": "The service is temporarily unavailable."
  }
})json";

struct list_generations_endpoint {
  static constexpr std::string_view name = "flora.list_generations";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::get;
  static constexpr std::string_view path = "/api/v1/generations";
  static constexpr std::string_view base_url = genwire::flora::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::query_string;
  using request = list_generations_query;
  using response = list_generations_response;
  using error = error_envelope;
  static constexpr auto auth = auth_schemes;
  static constexpr auto response_headers = headers_on_every_response;

  // Decision: the reference page prints bodies without codes or meanings; codes come from docs/providers-flora.md, meanings are the HTTP reason phrases, and treatments follow its facts (429/5xx retryable, 401 auth, 403 permission, 404 missing resource, other 4xx client error).
  static constexpr std::array<genwire::status_doc, 10> statuses{{
      {200, "OK", genwire::treatment::complete, "Generation history page.", example_response,
       genwire::provenance::documented, {}},
      {400, "Bad Request", genwire::treatment::client_error, "invalid_json or input_validation_error.",
       example_error_400, genwire::provenance::documented, {}},
      {401, "Unauthorized", genwire::treatment::auth_error, "unauthorized or invalid_api_key.", example_error_401,
       genwire::provenance::documented, {}},
      // Decision: 402 insufficient_credits is a client error (topping up is the caller's fix; not retryable).
      {402, "Payment Required", genwire::treatment::client_error, "insufficient_credits.", example_error_402,
       genwire::provenance::documented, {}},
      {403, "Forbidden", genwire::treatment::permission_error, "forbidden.", example_error_403,
       genwire::provenance::documented, {}},
      {404, "Not Found", genwire::treatment::missing_resource, "not_found.", example_error_404,
       genwire::provenance::documented, {}},
      // Decision: 409 idempotency_duplicate is a client error although the SDK retries 409s: the same idempotency key conflicts again on retry.
      {409, "Conflict", genwire::treatment::client_error, "idempotency_duplicate.", example_error_409,
       genwire::provenance::documented, {}},
      // Retry-After: honour it when present (docs/providers-flora.md); the mock sends 1 second.
      {429, "Too Many Requests", genwire::treatment::retryable, "rate_limited.", example_error_429,
       genwire::provenance::documented, {{{"Retry-After", "1"}}}},
      {500, "Internal Server Error", genwire::treatment::retryable, "unknown_error.", example_error_500,
       genwire::provenance::documented, {}},
      // The errors page lists service_unavailable; the list page prints no 503.
      {503, "Service Unavailable", genwire::treatment::retryable, "service_unavailable.", example_error_503,
       genwire::provenance::composed, {}, genwire::doc_source::provider_docs},
  }};

  static constexpr std::array<genwire::example, 14> examples{{
      {"request", genwire::example_kind::request, 200, example_request, genwire::provenance::documented},
      {"request_all_parameters", genwire::example_kind::request, 200, example_request_all_parameters,
       genwire::provenance::composed},
      {"response", genwire::example_kind::response, 200, example_response, genwire::provenance::documented},
      {"error_400", genwire::example_kind::error, 400, example_error_400, genwire::provenance::documented},
      {"error_401", genwire::example_kind::error, 401, example_error_401, genwire::provenance::documented},
      {"error_402", genwire::example_kind::error, 402, example_error_402, genwire::provenance::documented},
      {"error_403", genwire::example_kind::error, 403, example_error_403, genwire::provenance::documented},
      {"error_404", genwire::example_kind::error, 404, example_error_404, genwire::provenance::documented},
      {"error_409", genwire::example_kind::error, 409, example_error_409, genwire::provenance::documented},
      {"error_429", genwire::example_kind::error, 429, example_error_429, genwire::provenance::documented},
      {"error_500", genwire::example_kind::error, 500, example_error_500, genwire::provenance::documented},
      {"error_400_invalid_json", genwire::example_kind::error, 400, example_error_400_invalid_json,
       genwire::provenance::composed},
      {"error_401_invalid_api_key", genwire::example_kind::error, 401, example_error_401_invalid_api_key,
       genwire::provenance::composed},
      {"error_503", genwire::example_kind::error, 503, example_error_503, genwire::provenance::composed},
  }};
};

}  // namespace genwire::flora
