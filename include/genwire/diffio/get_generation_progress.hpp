// genwire/diffio/get_generation_progress.hpp: POST https://api.diffio.ai/v1/get_generation_progress
// (its reference page). "Fetch progress and job stages for a generation." Permission: read.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"
#include "common.hpp"

namespace genwire::diffio {

// Request body: {"generationId": "...", "apiProjectId": "..."}.
struct get_generation_progress_request {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  // "Generation identifier returned by a generation request." Required.
  std::string generation_id;
  // "Optional project id to speed up the lookup"; "must be a string when provided" (so never null).
  std::optional<std::string> api_project_id;
};

// The overall status plus one stage object per job step. Audio projects return preProcessing and
// inference only; video projects add restoredVideo. A missing stage "reports pending with progress
// set to 0"; when a stage fails the top-level status is failed and the error fields are populated.
struct get_generation_progress_response {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string generation_id;
  std::string api_project_id;
  genwire::open_enum<generation_status> status;
  bool has_video;
  std::optional<stage> pre_processing;
  std::optional<stage> inference;
  std::optional<stage> restored_video;
  // Decision: top-level error/errorDetails are "not required"; the same fields in the stage objects are sent as null, so null is accepted here too (optional_nullable).
  genwire::optional_nullable<std::string> error;
  genwire::optional_nullable<std::string> error_details;
};

// Reasons only this endpoint's return-code table lists (the shared ones are in common.hpp).
inline constexpr std::string_view reason_generation_id_must_be_string = "generationId must be provided as a string";
inline constexpr std::string_view reason_api_project_id_must_be_string_when_provided =
    "apiProjectId must be a string when provided";
inline constexpr std::string_view reason_generation_not_owned = "API key does not own the generation";
inline constexpr std::string_view reason_generation_not_found = "Generation not found";

// Named examples: genwire::diffio::get_generation_progress::example_*.
namespace get_generation_progress {

// The cURL body.
inline constexpr std::string_view example_request = R"json({
    "generationId": "gen-123",
    "apiProjectId": "proj-123"
})json";

// "Successful response".
inline constexpr std::string_view example_response = R"json({
  "generationId": "gen-123",
  "apiProjectId": "proj-123",
  "status": "processing",
  "hasVideo": true,
  "preProcessing": {
    "jobId": "job-pre",
    "jobState": "SUCCEEDED",
    "status": "complete",
    "progress": 100,
    "statusMessage": null,
    "error": null,
    "errorDetails": null
  },
  "inference": {
    "jobId": "job-cloud-run-gpu",
    "jobState": "RUNNING",
    "status": "running",
    "progress": 45,
    "statusMessage": "Processing audio",
    "error": null,
    "errorDetails": null
  },
  "restoredVideo": {
    "jobId": "job-restored",
    "jobState": "PENDING",
    "status": "pending",
    "progress": 0,
    "statusMessage": "Queued",
    "error": null,
    "errorDetails": null
  }
})json";

// "Stage object" (a fragment: decodes as genwire::diffio::stage).
inline constexpr std::string_view example_stage = R"json({
  "jobId": "job-123",
  "jobState": "RUNNING",
  "status": "running",
  "progress": 30,
  "statusMessage": "Processing",
  "error": null,
  "errorDetails": null
})json";

// Composed (the page shows no error bodies): {"error": "<first documented reason>"}.
inline constexpr std::string_view example_error_400 = R"json({"error": "Invalid JSON body"})json";
inline constexpr std::string_view example_error_401 = R"json({"error": "Missing API key"})json";
inline constexpr std::string_view example_error_403 = R"json({"error": "API key is not active"})json";
inline constexpr std::string_view example_error_404 = R"json({"error": "Generation not found"})json";
inline constexpr std::string_view example_error_405 = R"json({"error": "Method is not POST"})json";

}  // namespace get_generation_progress

struct get_generation_progress_endpoint {
  static constexpr std::string_view name = "diffio.get_generation_progress";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::post;
  static constexpr std::string_view path = "/v1/get_generation_progress";
  static constexpr std::string_view base_url = genwire::diffio::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::json_body;
  using request = get_generation_progress_request;
  using response = get_generation_progress_response;
  using error = error_envelope;
  static constexpr auto auth = auth_schemes;

  // The reference page's "Return codes", code for code (this table has no 500 row).
  static constexpr std::array<genwire::status_doc, 8> statuses{{
      {200, "Success", genwire::treatment::complete, "Progress returned.", get_generation_progress::example_response,
       genwire::provenance::documented, {}},
      {204, "Success", genwire::treatment::empty, "CORS preflight when method is OPTIONS.", "",
       genwire::provenance::documented, {}},
      {400, "Bad request", genwire::treatment::client_error,
       "Invalid JSON body, generationId must be provided as a string, apiProjectId must be a string when provided.",
       get_generation_progress::example_error_400, genwire::provenance::composed, {}},
      {401, "Unauthorized", genwire::treatment::auth_error, "Missing API key, or invalid API key.",
       get_generation_progress::example_error_401, genwire::provenance::composed, {}},
      // The API introduction documents 402 for billing failures (paymentFailed, spendLimitExceeded).
      {402, "Payment required", genwire::treatment::client_error,
       "paymentFailed: update the payment method; spendLimitExceeded: raise the spend limit.", example_error_payment_failed,
       genwire::provenance::documented, {}, genwire::doc_source::provider_docs},
      {403, "Forbidden", genwire::treatment::permission_error,
       "API key is not active, missing read permission, or does not own the project or generation.",
       get_generation_progress::example_error_403, genwire::provenance::composed, {}},
      {404, "Not found", genwire::treatment::missing_resource, "Generation not found.",
       get_generation_progress::example_error_404, genwire::provenance::composed, {}},
      {405, "Client error", genwire::treatment::fix_required, "Method is not POST.",
       get_generation_progress::example_error_405, genwire::provenance::composed, {{{"Allow", allow_header_value}}}},
  }};

  static constexpr std::array<genwire::example, 10> examples{{
      {"request", genwire::example_kind::request, 200, get_generation_progress::example_request,
       genwire::provenance::documented},
      {"response", genwire::example_kind::response, 200, get_generation_progress::example_response,
       genwire::provenance::documented},
      {"stage", genwire::example_kind::fragment, 200, get_generation_progress::example_stage,
       genwire::provenance::documented},
      {"error_400", genwire::example_kind::error, 400, get_generation_progress::example_error_400,
       genwire::provenance::composed},
      {"error_401", genwire::example_kind::error, 401, get_generation_progress::example_error_401,
       genwire::provenance::composed},
      {"error_402", genwire::example_kind::error, 402, example_error_payment_failed, genwire::provenance::documented},
      {"error_402_spend_limit", genwire::example_kind::error, 402, example_error_spend_limit_exceeded,
       genwire::provenance::composed},
      {"error_403", genwire::example_kind::error, 403, get_generation_progress::example_error_403,
       genwire::provenance::composed},
      {"error_404", genwire::example_kind::error, 404, get_generation_progress::example_error_404,
       genwire::provenance::composed},
      {"error_405", genwire::example_kind::error, 405, get_generation_progress::example_error_405,
       genwire::provenance::composed},
  }};
};

}  // namespace genwire::diffio
