// genwire/depicta/list_jobs.hpp: GET https://api.depicta.ai/v1/jobs (its reference page,
// "List recent generation jobs"). A page of the caller's recent jobs, newest first; `total` counts
// all matching jobs; completed jobs carry the generation result (same shape as the synchronous
// create response).
//
// The page prints no example body at all: every body below is composed by genwire from the
// documented fields (and docs/providers-depicta.md's result and error shapes) and marked provenance::composed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/decode.hpp"
#include "../core/endpoint.hpp"
#include "../core/error.hpp"
#include "../core/types.hpp"
#include "common.hpp"

namespace genwire::depicta {

// Query parameters, both optional.
struct list_jobs_query {
  static constexpr std::int64_t default_limit = 20;
  static constexpr std::int64_t default_offset = 0;
  static constexpr std::int64_t min_limit = 1;
  static constexpr std::int64_t min_offset = 0;
  // "Maximum number of results to return." Default 20.
  // Decision: limit >= 1 (a page of at most 0 jobs is meaningless) and no upper bound (none is documented; the server may cap it).
  std::optional<genwire::at_least<std::int64_t, 1>> limit;
  // "Number of results to skip for pagination." Default 0.
  // Decision: offset >= 0 (a negative skip count is meaningless); no upper bound (past the end is an empty page).
  std::optional<genwire::at_least<std::int64_t, 0>> offset;
};

// `error` of a failed job ("Present only when status is failed").
struct job_error {
  // "Machine-readable error code (e.g. content_rejected, insufficient_credits)": an open string.
  // Decision: code and message are both required (they are the object's whole content; nothing says either is omitted).
  std::string code;
  std::string message;
};

// One generation job. Members in the page's (alphabetical) order.
struct job {
  // "UTC timestamp when the job finished (completed or failed). Omitted if pending." null | date-time.
  genwire::optional_nullable<genwire::date_time> completed_at;
  genwire::date_time created_at;
  // "Present only when status is failed."
  std::optional<job_error> error;
  genwire::uuid job_id;
  // Decision: `result` is untyped on the page and polymorphic (image or story result, docs/providers-depicta.md): kept as exact raw JSON; image_result_of() is a typed view.
  std::optional<genwire::raw_json> result;
  // Decision: scenes_completed / scenes_total are optional: they count the scenes of multi-scene (story) jobs and the page does not say they are always sent; lenient decoding of single-image jobs beats the letter of the page.
  std::optional<std::int64_t> scenes_completed;
  std::optional<std::int64_t> scenes_total;
  // "UTC timestamp when processing began. Omitted if not yet started." null | date-time.
  genwire::optional_nullable<genwire::date_time> started_at;
  // Decision: status is an OPEN enum (response side; unknown values are kept, strict mode rejects them).
  genwire::open_enum<job_status> status;
};

struct list_jobs_response {
  // Decision: `generations` is required but may be null ("array | null"): unlike completed_at, started_at, error and result the page never says it is omitted, and null is how the page's schema shows an empty list.
  genwire::nullable<std::vector<job>> generations;
  // "Maximum number of results returned in this response."
  std::int64_t limit;
  // "Number of results skipped (for pagination)."
  std::int64_t offset;
  // "Total number of generation jobs matching the query (before limit/offset)."
  std::int64_t total;
};

// Typed view of an image job's `result` (docs/providers-depicta.md: `{id, ai_generated, formats:{png|jpeg|webp:
// {url, format, size_bytes?, hash?, expires_at?}}, cost_eur, balance_eur, image_hash}`, money as strings).
struct image_file {
  genwire::uri url;
  std::string format;
  std::optional<std::int64_t> size_bytes;
  std::optional<std::string> hash;
  // Decision: expires_at is kept as raw JSON: no source gives its type (string date-time or epoch number).
  std::optional<genwire::raw_json> expires_at;
};

struct image_formats {
  std::optional<image_file> png;
  std::optional<image_file> jpeg;
  std::optional<image_file> webp;
};

struct image_result {
  std::string id;
  bool ai_generated;
  image_formats formats;
  // Money as decimal strings, e.g. "0.045000" (docs/providers-depicta.md).
  std::string cost_eur;
  std::string balance_eur;
  std::string image_hash;
};

// The job's result read as an image result: errc::missing_key (path "result") when the job has no
// result, else the decode error of the result text (paths relative to the result).
template <genwire::options Opts = genwire::options{}>
genwire::result<image_result> image_result_of(const job& j) {
  if (!j.result) return genwire::error{genwire::errc::missing_key, "result", 0, "a result (status completed)", "none"};
  return genwire::decode<image_result, Opts>(j.result->text());
}

// ---------------------------------------------------------------------------------------------
// Examples (all composed: the page shows none).
// ---------------------------------------------------------------------------------------------

// Composed: the documented defaults, spelled out.
inline constexpr std::string_view example_request = "limit=20&offset=0";

// Composed from every documented field: newest first, a pending job (completed_at / started_at
// omitted), a processing one (completed_at null), a failed one (error) and a completed one whose
// result has docs/providers-depicta.md's image-result shape.
inline constexpr std::string_view example_response = R"json({
  "generations": [
    {
      "created_at": "2025-06-01T12:03:00Z",
      "job_id": "e2c8f5a1-7d3b-4f9e-8c6a-1b5d9e3f7a24",
      "scenes_completed": 0,
      "scenes_total": 1,
      "status": "pending"
    },
    {
      "completed_at": null,
      "created_at": "2025-06-01T12:02:00Z",
      "job_id": "9a7d3c1e-2b5f-4d8a-b6e0-c4f1a8d2e597",
      "scenes_completed": 1,
      "scenes_total": 4,
      "started_at": "2025-06-01T12:02:01Z",
      "status": "processing"
    },
    {
      "completed_at": "2025-06-01T12:01:03Z",
      "created_at": "2025-06-01T12:01:00Z",
      "error": {
        "code": "content_rejected",
        "message": "The prompt was rejected by the content policy."
      },
      "job_id": "b1e4d7a2-6c3f-4e8b-a5d9-0f2c7e1b4a86",
      "scenes_completed": 0,
      "scenes_total": 1,
      "started_at": "2025-06-01T12:01:01Z",
      "status": "failed"
    },
    {
      "completed_at": "2025-06-01T12:00:09Z",
      "created_at": "2025-06-01T12:00:00Z",
      "job_id": "3f6c2b8e-1a4d-4c7e-9b2f-5d8e7a6c1b03",
      "result": {
        "id": "img_5Kx9TqW2bN7m",
        "ai_generated": true,
        "formats": {
          "png": {
            "url": "https://cdn.depicta.ai/images/img_5Kx9TqW2bN7m.png",
            "format": "png",
            "size_bytes": 1843200,
            "hash": "4a1f0c9e7b3d2a8f6e5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e",
            "expires_at": "2025-06-08T12:00:09Z"
          },
          "webp": {
            "url": "https://cdn.depicta.ai/images/img_5Kx9TqW2bN7m.webp",
            "format": "webp",
            "size_bytes": 412876
          }
        },
        "cost_eur": "0.045000",
        "balance_eur": "9.955000",
        "image_hash": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
      },
      "scenes_completed": 1,
      "scenes_total": 1,
      "started_at": "2025-06-01T12:00:01Z",
      "status": "completed"
    }
  ],
  "limit": 20,
  "offset": 0,
  "total": 4
})json";

// Composed error bodies, one per documented status, in the reference page's order.
inline constexpr std::string_view example_error_400 = R"json({
  "details": {
    "parameter": "limit",
    "reason": "must be a positive integer"
  },
  "error": "bad_request",
  "message": "Query parameter limit must be a positive integer.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A4"
})json";
inline constexpr std::string_view example_error_401 = R"json({
  "details": null,
  "error": "auth_invalid",
  "message": "Invalid or missing API key.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A5"
})json";
inline constexpr std::string_view example_error_402 = R"json({
  "details": {
    "balance_eur": "0.000000"
  },
  "error": "credit_insufficient",
  "message": "Insufficient credits. Top up your balance to continue.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A6"
})json";
inline constexpr std::string_view example_error_403 = R"json({
  "details": null,
  "error": "auth_email_not_verified",
  "message": "Verify your email address before using the API.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A7"
})json";
// Composed by genwire (see code_permission_denied): what a key without read permission gets.
inline constexpr std::string_view example_error_403_permission_denied = R"json({
  "details": null,
  "error": "permission_denied",
  "message": "This API key does not have permission to read jobs.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A8"
})json";
inline constexpr std::string_view example_error_404 = R"json({
  "details": null,
  "error": "not_found",
  "message": "Resource not found.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A8"
})json";
inline constexpr std::string_view example_error_409 = R"json({
  "details": null,
  "error": "conflict",
  "message": "The request conflicts with the current state of the resource.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0A9"
})json";
inline constexpr std::string_view example_error_422 = R"json({
  "details": [
    {
      "parameter": "offset",
      "reason": "must be greater than or equal to 0"
    }
  ],
  "error": "validation_failed",
  "message": "The request could not be validated.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AA"
})json";
inline constexpr std::string_view example_error_429 = R"json({
  "details": {
    "retry_after_seconds": 1
  },
  "error": "rate_limited",
  "message": "Too many concurrent requests (limit 10). Retry after the indicated delay.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AB"
})json";
inline constexpr std::string_view example_error_451 = R"json({
  "details": null,
  "error": "unavailable_for_legal_reasons",
  "message": "This service is not available in your region.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AC"
})json";
inline constexpr std::string_view example_error_500 = R"json({
  "details": null,
  "error": "internal_error",
  "message": "Internal server error. Retry with backoff.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AD"
})json";
inline constexpr std::string_view example_error_502 = R"json({
  "details": null,
  "error": "upstream_error",
  "message": "The upstream generation provider failed to respond.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AE"
})json";
inline constexpr std::string_view example_error_503 = R"json({
  "details": null,
  "error": "service_unavailable",
  "message": "The service is temporarily unavailable. Retry later.",
  "request_id": "req_01HZX4T7K2M9Q3B8V6N5C1D0AF"
})json";

struct list_jobs_endpoint {
  static constexpr std::string_view name = "depicta.list_jobs";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::get;
  static constexpr std::string_view path = "/v1/jobs";
  static constexpr std::string_view base_url = genwire::depicta::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::query_string;
  using request = list_jobs_query;
  using response = list_jobs_response;
  using error = error_envelope;
  static constexpr auto auth = auth_schemes;

  // The reference page's thirteen response sections (OK + twelve error statuses), with the page's own titles.
  // Decision: the reference page gives no treatments; they follow docs/providers-depicta.md (429 and 5xx retryable, 401 auth error, 403 permission error, 404 missing resource, other 4xx client error).
  static constexpr std::array<genwire::status_doc, 13> statuses{{
      {200, "OK", genwire::treatment::complete, "A page of recent generation jobs, newest first.", example_response,
       genwire::provenance::composed, {}},
      {400, "Bad Request", genwire::treatment::client_error, "bad_request: the request is malformed.",
       example_error_400, genwire::provenance::composed, {}},
      {401, "Unauthorized", genwire::treatment::auth_error, "auth_invalid: missing or invalid API key.",
       example_error_401, genwire::provenance::composed, {}},
      // Decision: 402 credit_insufficient is a client error (topping up is the caller's fix; retrying does not help).
      {402, "Payment Required", genwire::treatment::client_error, "credit_insufficient: not enough credits.",
       example_error_402, genwire::provenance::composed, {}},
      {403, "Forbidden", genwire::treatment::permission_error,
       "auth_email_not_verified, content_rejected or account_suspended (and permission_denied, composed by genwire).", example_error_403,
       genwire::provenance::composed, {}},
      {404, "Not Found", genwire::treatment::missing_resource, "not_found: the resource does not exist.",
       example_error_404, genwire::provenance::composed, {}},
      {409, "Conflict", genwire::treatment::client_error, "conflict (code composed by genwire).", example_error_409,
       genwire::provenance::composed, {}},
      {422, "Unprocessable Entity", genwire::treatment::client_error,
       "validation_failed (code composed by genwire).", example_error_422, genwire::provenance::composed, {}},
      // Decision: the 429 carries Retry-After: 1 (docs/providers-depicta.md says rate_limited answers send Retry-After, without a value).
      {429, "Too Many Requests", genwire::treatment::retryable,
       "rate_limited: more than 10 concurrent requests; honour Retry-After.", example_error_429,
       genwire::provenance::composed, {{{"Retry-After", "1"}}}},
      {451, "Unavailable For Legal Reasons", genwire::treatment::client_error,
       "unavailable_for_legal_reasons (code composed by genwire).", example_error_451,
       genwire::provenance::composed, {}},
      {500, "Internal Server Error", genwire::treatment::retryable, "internal_error: retry with backoff.",
       example_error_500, genwire::provenance::composed, {}},
      {502, "Bad Gateway", genwire::treatment::retryable, "upstream_error (code composed by genwire).",
       example_error_502, genwire::provenance::composed, {}},
      {503, "Service Unavailable", genwire::treatment::retryable,
       "service_unavailable (code composed by genwire).", example_error_503, genwire::provenance::composed, {}},
  }};

  static constexpr std::array<genwire::example, 15> examples{{
      {"request", genwire::example_kind::request, 200, example_request, genwire::provenance::composed},
      {"response", genwire::example_kind::response, 200, example_response, genwire::provenance::composed},
      {"error_400", genwire::example_kind::error, 400, example_error_400, genwire::provenance::composed},
      {"error_401", genwire::example_kind::error, 401, example_error_401, genwire::provenance::composed},
      {"error_402", genwire::example_kind::error, 402, example_error_402, genwire::provenance::composed},
      {"error_403", genwire::example_kind::error, 403, example_error_403, genwire::provenance::composed},
      {"error_403_permission_denied", genwire::example_kind::error, 403, example_error_403_permission_denied,
       genwire::provenance::composed},
      {"error_404", genwire::example_kind::error, 404, example_error_404, genwire::provenance::composed},
      {"error_409", genwire::example_kind::error, 409, example_error_409, genwire::provenance::composed},
      {"error_422", genwire::example_kind::error, 422, example_error_422, genwire::provenance::composed},
      {"error_429", genwire::example_kind::error, 429, example_error_429, genwire::provenance::composed},
      {"error_451", genwire::example_kind::error, 451, example_error_451, genwire::provenance::composed},
      {"error_500", genwire::example_kind::error, 500, example_error_500, genwire::provenance::composed},
      {"error_502", genwire::example_kind::error, 502, example_error_502, genwire::provenance::composed},
      {"error_503", genwire::example_kind::error, 503, example_error_503, genwire::provenance::composed},
  }};
};

}  // namespace genwire::depicta
