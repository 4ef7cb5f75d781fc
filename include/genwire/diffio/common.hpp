// genwire/diffio/common.hpp: what Diffio's two modelled endpoints share: the base URL, the three
// auth headers, the error envelope, the status vocabularies, the stage object and the error reasons
// both return-code tables list. Sources: the two endpoints' reference pages, plus docs/providers-diffio.md (Diffio introduction page, SDKs).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"

namespace genwire::diffio {

inline constexpr std::string_view provider_name = "diffio";
inline constexpr std::string_view base_url = "https://api.diffio.ai";

// "Send the API key on every request using one of the supported headers" (both reference pages), in the
// order the reference pages list them.
inline constexpr std::array<genwire::auth_scheme, 3> auth_schemes{{
    {"Authorization", "Bearer "},
    {"X-Api-Key", ""},
    {"Xi-Api-Key", ""},
}};

// Keys look like `diffio_live_...` (docs/providers-diffio.md).
inline constexpr std::string_view api_key_prefix = "diffio_live_";

// Overall generation status. OPEN: the reference pages list pending/processing/complete/failed, the create
// docs and the webhooks add queued and error (docs/providers-diffio.md), and unknown strings are kept.
enum class generation_status { pending, processing, complete, failed, queued, error };

// Stage `status` ("for example pending, running, complete, or failed"): open.
enum class stage_status { pending, running, complete, failed };

// Stage `jobState`, the cloud job's own state ("for example RUNNING or SUCCEEDED"): open.
// Decision: PENDING/RUNNING/SUCCEEDED are the reference page's; FAILED is added as the terminal counterpart of SUCCEEDED (a failed stage needs it), anything else is kept as unknown text.
enum class cloud_job_state { PENDING, RUNNING, SUCCEEDED, FAILED };

// The stage object shared by preProcessing, inference and restoredVideo (the progress page).
struct stage {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  // Decision: jobId/jobState are "not required" and only "when available"; the service writes every stage key and sends null for what it lacks (see statusMessage below, and a missing stage still "reports pending"), so accept null too.
  genwire::optional_nullable<std::string> job_id;
  genwire::optional_nullable<genwire::open_enum<cloud_job_state>> job_state;
  genwire::open_enum<stage_status> status;
  // "Progress percentage from 0 to 100."
  genwire::bounded<double, 0, 100> progress;
  // Decision: statusMessage/error/errorDetails are "not required" in the table but the examples send them as null: optional_nullable so real payloads decode.
  genwire::optional_nullable<std::string> status_message;
  genwire::optional_nullable<std::string> error;
  genwire::optional_nullable<std::string> error_details;
};

// The error body (Diffio's API introduction, docs/providers-diffio.md): {"error": "<human message>",
// "code": "<optional code>"}, "sometimes" with extra billing fields that the docs do not name.
struct error_envelope {
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  std::string error;
  // Decision: `code` is an open string (only paymentFailed and spendLimitExceeded are known), so std::string rather than an enum.
  std::optional<std::string> code;
  // Decision: the unnamed billing fields are kept as they came (in order, exact JSON) and accepted in strict mode too: the docs promise them, so a body that has them is a documented body.
  genwire::extra_members extra{};
};

// Error codes known beyond the reference pages (both HTTP 402, docs/providers-diffio.md).
inline constexpr std::string_view code_payment_failed = "paymentFailed";
inline constexpr std::string_view code_spend_limit_exceeded = "spendLimitExceeded";

// The introduction page's example error body (not part of either endpoint page's status table).
inline constexpr std::string_view example_error_payment_failed =
    R"json({"error": "Payment failed. Update your payment method in the billing portal.", "code": "paymentFailed"})json";
// Composed: the same envelope with the other documented 402 code.
inline constexpr std::string_view example_error_spend_limit_exceeded =
    R"json({"error": "Spend limit exceeded. Raise your spend limit in the billing portal.", "code": "spendLimitExceeded"})json";

// Error reasons both return-code tables list, worded as the tables word them (each table row
// joins its reasons with commas; a reason's subject is repeated where the row elides it).
inline constexpr std::string_view reason_invalid_json_body = "Invalid JSON body";
inline constexpr std::string_view reason_missing_api_key = "Missing API key";
inline constexpr std::string_view reason_invalid_api_key = "Invalid API key";
inline constexpr std::string_view reason_api_key_not_active = "API key is not active";
inline constexpr std::string_view reason_missing_read_permission = "Missing read permission";
inline constexpr std::string_view reason_project_not_owned = "API key does not own the project";
inline constexpr std::string_view reason_method_not_post = "Method is not POST";

// 405 answers carry the methods the endpoint accepts (POST, and OPTIONS for CORS preflight).
inline constexpr std::string_view allow_header_value = "POST, OPTIONS";

}  // namespace genwire::diffio
