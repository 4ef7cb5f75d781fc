// genwire/diffio/list_project_generations.hpp: POST https://api.diffio.ai/v1/list_project_generations
// (its reference page). "List generations for a project." Permission: read.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"
#include "common.hpp"

namespace genwire::diffio {

// Request body: {"apiProjectId": "..."}.
struct list_project_generations_request {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  // "Project identifier returned by create_project." Required.
  std::string api_project_id;
};

// One item of `generations`.
struct project_generation {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string generation_id;
  // Decision: documented as required, but the official Python SDK defaults a missing list status to "queued" (docs/providers-diffio.md), so a missing or null status decodes (summarize() maps it to queued).
  genwire::optional_nullable<genwire::open_enum<generation_status>> status;
  std::string model_key;
  // "Progress percentage when available"; the notes: "progress can be null when the generation has not reported progress".
  // Decision: no range is documented for the list item's progress (unlike the stage object's 0..100), so it is a plain number; summarize() clamps.
  genwire::optional_nullable<double> progress;
  // Decision: documented as required, but the notes say results fall back to updatedAt "when createdAt is missing", so createdAt may be absent (or null) on real items.
  genwire::optional_nullable<genwire::date_time> created_at;
  genwire::date_time updated_at;
};

struct list_project_generations_response {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string api_project_id;
  // Sorted by createdAt descending (updatedAt when createdAt is missing); only the key's own generations.
  std::vector<project_generation> generations;
};

// Reasons only this endpoint's return-code table lists (the shared ones are in common.hpp).
inline constexpr std::string_view reason_api_project_id_must_be_string = "apiProjectId must be provided as a string";
inline constexpr std::string_view reason_api_project_not_found = "API project not found";
inline constexpr std::string_view reason_failed_to_load_generations = "Failed to load generations";

// Named examples: genwire::diffio::list_project_generations::example_*.
namespace list_project_generations {

// The cURL body.
inline constexpr std::string_view example_request = R"json({
    "apiProjectId": "proj-123"
})json";

// "Successful response".
inline constexpr std::string_view example_response = R"json({
  "apiProjectId": "proj-123",
  "generations": [
    {
      "generationId": "gen-123",
      "status": "processing",
      "modelKey": "diffio-2",
      "progress": 45,
      "createdAt": "2025-01-05T12:40:00Z",
      "updatedAt": "2025-01-05T12:41:00Z"
    }
  ]
})json";

// Composed (the page shows no error bodies): {"error": "<first documented reason>"}.
inline constexpr std::string_view example_error_400 = R"json({"error": "Invalid JSON body"})json";
inline constexpr std::string_view example_error_401 = R"json({"error": "Missing API key"})json";
inline constexpr std::string_view example_error_403 = R"json({"error": "API key is not active"})json";
inline constexpr std::string_view example_error_404 = R"json({"error": "API project not found"})json";
inline constexpr std::string_view example_error_405 = R"json({"error": "Method is not POST"})json";
inline constexpr std::string_view example_error_500 = R"json({"error": "Failed to load generations"})json";

}  // namespace list_project_generations

struct list_project_generations_endpoint {
  static constexpr std::string_view name = "diffio.list_project_generations";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::post;
  static constexpr std::string_view path = "/v1/list_project_generations";
  static constexpr std::string_view base_url = genwire::diffio::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::json_body;
  using request = list_project_generations_request;
  using response = list_project_generations_response;
  using error = error_envelope;
  static constexpr auto auth = auth_schemes;

  // The reference page's "Return codes", code for code, with its own meaning and "treated as".
  static constexpr std::array<genwire::status_doc, 9> statuses{{
      {200, "Success", genwire::treatment::complete, "Generation list returned.",
       list_project_generations::example_response, genwire::provenance::documented, {}},
      {204, "Success", genwire::treatment::empty, "CORS preflight when method is OPTIONS.", "",
       genwire::provenance::documented, {}},
      {400, "Bad request", genwire::treatment::client_error,
       "Invalid JSON body, apiProjectId must be provided as a string.", list_project_generations::example_error_400,
       genwire::provenance::composed, {}},
      {401, "Unauthorized", genwire::treatment::auth_error, "Missing API key, or invalid API key.",
       list_project_generations::example_error_401, genwire::provenance::composed, {}},
      // The API introduction documents 402 for billing failures (paymentFailed, spendLimitExceeded).
      {402, "Payment required", genwire::treatment::client_error,
       "paymentFailed: update the payment method; spendLimitExceeded: raise the spend limit.", example_error_payment_failed,
       genwire::provenance::documented, {}, genwire::doc_source::provider_docs},
      {403, "Forbidden", genwire::treatment::permission_error,
       "API key is not active, missing read permission, or does not own the project.",
       list_project_generations::example_error_403, genwire::provenance::composed, {}},
      {404, "Not found", genwire::treatment::missing_resource, "API project not found.",
       list_project_generations::example_error_404, genwire::provenance::composed, {}},
      {405, "Client error", genwire::treatment::fix_required, "Method is not POST.",
       list_project_generations::example_error_405, genwire::provenance::composed,
       {{{"Allow", allow_header_value}}}},
      {500, "Server error", genwire::treatment::retryable, "Failed to load generations.",
       list_project_generations::example_error_500, genwire::provenance::composed, {}},
  }};

  static constexpr std::array<genwire::example, 10> examples{{
      {"request", genwire::example_kind::request, 200, list_project_generations::example_request,
       genwire::provenance::documented},
      {"response", genwire::example_kind::response, 200, list_project_generations::example_response,
       genwire::provenance::documented},
      {"error_400", genwire::example_kind::error, 400, list_project_generations::example_error_400,
       genwire::provenance::composed},
      {"error_401", genwire::example_kind::error, 401, list_project_generations::example_error_401,
       genwire::provenance::composed},
      {"error_402", genwire::example_kind::error, 402, example_error_payment_failed, genwire::provenance::documented},
      {"error_402_spend_limit", genwire::example_kind::error, 402, example_error_spend_limit_exceeded,
       genwire::provenance::composed},
      {"error_403", genwire::example_kind::error, 403, list_project_generations::example_error_403,
       genwire::provenance::composed},
      {"error_404", genwire::example_kind::error, 404, list_project_generations::example_error_404,
       genwire::provenance::composed},
      {"error_405", genwire::example_kind::error, 405, list_project_generations::example_error_405,
       genwire::provenance::composed},
      {"error_500", genwire::example_kind::error, 500, list_project_generations::example_error_500,
       genwire::provenance::composed},
  }};
};

}  // namespace genwire::diffio
