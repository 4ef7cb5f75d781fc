// genwire/flora/get_run.hpp: GET https://app.flora.ai/api/v1/runs/{runId}, the `poll_url` of every
// list item: one run's current state, polled until it is completed or failed. No reference page
// shows it; its shape is the official TypeScript SDK's `generations.retrieve(runID)` and its
// GenerationRetrieveResponse (docs/providers-flora.md), its errors the list's envelope.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"
#include "common.hpp"
#include "list_generations.hpp"
#include "summary.hpp"

namespace genwire::flora {

// The `{runId}` path segment.
struct run_path {
  std::string run_id;
  static constexpr genwire::key_rename genwire_keys[] = {{"run_id", "runId"}};
};

// The endpoint takes no query parameters.
struct get_run_query {};

// GenerationRetrieveResponse. Members in the SDK's (alphabetical) order, required ones first.
struct run {
  double created_at;
  // Decision: progress is read like the list item's, a 0..100 percentage with no declared bounds.
  double progress;
  std::string run_id;
  genwire::open_enum<run_status> status;
  // Decision: the optional members are plain optional (absent, never null), as in the SDK's type.
  std::optional<genwire::at_least<double, 0>> charged_cost;
  std::optional<double> completed_at;
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  std::optional<std::vector<output>> outputs;
  std::optional<genwire::uri> poll_url;
  std::optional<double> started_at;
};

inline genwire::job_summary summarize(const run& r) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = r.run_id;
  s.raw_status = genwire::enum_name(r.status);
  s.state = state_of(r.status);
  if (std::isfinite(r.progress)) s.progress = std::clamp(r.progress / 100.0, 0.0, 1.0);
  s.created = epoch_time(r.created_at);
  if (r.completed_at) s.completed = epoch_time(*r.completed_at);
  if (r.started_at) s.updated = epoch_time(*r.started_at);
  if (s.completed && (!s.updated || *s.completed > *s.updated)) s.updated = s.completed;
  if (r.outputs)
    for (const output& o : *r.outputs) s.outputs.push_back({genwire::enum_name(o.type), o.url.value});
  if (r.error_code) s.error_code = *r.error_code;
  if (r.error_message) s.error_message = *r.error_message;
  return s;
}

// Composed from the SDK's type: the list example's run, finished.
inline constexpr std::string_view example_run_path = "/api/v1/runs/run_abc123";
inline constexpr std::string_view example_run = R"json({
  "created_at": 1748779200,
  "progress": 100,
  "run_id": "run_abc123",
  "status": "completed",
  "charged_cost": 0.04,
  "completed_at": 1748779214,
  "outputs": [
    {
      "output_id": "output_1",
      "type": "imageUrl",
      "url": "https://media.flora.ai/output.png"
    }
  ],
  "poll_url": "https://app.flora.ai/api/v1/runs/run_abc123",
  "started_at": 1748779202
})json";
inline constexpr std::string_view example_run_running = R"json({
  "created_at": 1748779200,
  "progress": 40,
  "run_id": "run_abc123",
  "status": "running",
  "poll_url": "https://app.flora.ai/api/v1/runs/run_abc123",
  "started_at": 1748779202
})json";
inline constexpr std::string_view example_run_failed = R"json({
  "created_at": 1748779200,
  "progress": 40,
  "run_id": "run_abc123",
  "status": "failed",
  "charged_cost": 0,
  "completed_at": 1748779209,
  "error_code": "provider_error",
  "error_message": "The provider failed to complete the generation.",
  "poll_url": "https://app.flora.ai/api/v1/runs/run_abc123",
  "started_at": 1748779202
})json";

struct get_run_endpoint {
  static constexpr std::string_view name = "flora.get_run";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::get;
  static constexpr std::string_view path = "/api/v1/runs/{runId}";
  static constexpr std::string_view base_url = genwire::flora::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::query_string;
  using path_params = run_path;
  // The documented examples' run.
  static constexpr std::string_view example_path = example_run_path;
  using request = get_run_query;
  using response = run;
  using error = error_envelope;
  static constexpr auto auth = auth_schemes;
  static constexpr auto response_headers = headers_on_every_response;

  // Decision: the rows are the errors page's codes that a read of one run can meet (no 400 input, 402 or 409: the call sends no input and spends nothing); bodies are the list page's envelope examples, the 503 one composed.
  static constexpr std::array<genwire::status_doc, 7> statuses{{
      {200, "OK", genwire::treatment::complete, "The run's current state.", example_run, genwire::provenance::composed, {},
       genwire::doc_source::sdk},
      {401, "Unauthorized", genwire::treatment::auth_error, "unauthorized or invalid_api_key.", example_error_401,
       genwire::provenance::documented, {}, genwire::doc_source::provider_docs},
      {403, "Forbidden", genwire::treatment::permission_error, "forbidden.", example_error_403,
       genwire::provenance::documented, {}, genwire::doc_source::provider_docs},
      {404, "Not Found", genwire::treatment::missing_resource, "not_found: no such run, or another workspace's.",
       example_error_404, genwire::provenance::documented, {}, genwire::doc_source::sdk},
      {429, "Too Many Requests", genwire::treatment::retryable, "rate_limited.", example_error_429,
       genwire::provenance::documented, {{{"Retry-After", "1"}}}, genwire::doc_source::provider_docs},
      {500, "Internal Server Error", genwire::treatment::retryable, "unknown_error.", example_error_500,
       genwire::provenance::documented, {}, genwire::doc_source::provider_docs},
      {503, "Service Unavailable", genwire::treatment::retryable, "service_unavailable.", example_error_503,
       genwire::provenance::composed, {}, genwire::doc_source::provider_docs},
  }};

  static constexpr std::array<genwire::example, 9> examples{{
      {"request", genwire::example_kind::request, 200, "", genwire::provenance::composed},
      {"response", genwire::example_kind::response, 200, example_run, genwire::provenance::composed},
      {"response_running", genwire::example_kind::response, 200, example_run_running, genwire::provenance::composed},
      {"response_failed", genwire::example_kind::response, 200, example_run_failed, genwire::provenance::composed},
      {"error_401", genwire::example_kind::error, 401, example_error_401, genwire::provenance::documented},
      {"error_401_invalid_api_key", genwire::example_kind::error, 401, example_error_401_invalid_api_key,
       genwire::provenance::composed},
      {"error_404", genwire::example_kind::error, 404, example_error_404, genwire::provenance::documented},
      {"error_429", genwire::example_kind::error, 429, example_error_429, genwire::provenance::documented},
      {"error_503", genwire::example_kind::error, 503, example_error_503, genwire::provenance::composed},
  }};
};

}  // namespace genwire::flora

namespace genwire {
// A using-declaration names the overloads declared before it: this one brings summarize(const run&).
using flora::summarize;
}  // namespace genwire
