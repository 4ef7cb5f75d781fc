// genwire/depicta/common.hpp: Depicta's base URL, auth, job vocabulary and error envelope.
// Sources: its reference page (depicta.ai/docs/api/operations/listjobs) and
// docs/providers-depicta.md (Depicta error-codes page, result shapes).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"

namespace genwire::depicta {

inline constexpr std::string_view provider_name = "depicta";
inline constexpr std::string_view base_url = "https://api.depicta.ai";

// `Authorization: Bearer dpct_...` (docs/providers-depicta.md).
inline constexpr std::array<genwire::auth_scheme, 1> auth_schemes{{{"Authorization", "Bearer "}}};
inline constexpr std::string_view api_key_prefix = "dpct_";

inline constexpr std::string_view retry_after_header = "Retry-After";

// Job status: "pending, processing, completed, or failed". Open in responses (docs/providers-depicta.md: every
// provider has shipped values its docs do not list).
enum class job_status { pending, processing, completed, failed };

// The error body of every non-2xx answer: `{"details": ..., "error": "<code>", "message": "...",
// "request_id": "..."}`. The reference page lists the four keys for all twelve error statuses.
struct error_envelope {
  // Decision: `details` has no type on the page (any JSON, kept exactly) and is optional, since the errors page's bodies carry only error and message.
  std::optional<genwire::raw_json> details;
  // Decision: `error` is a plain string (the page says "string"), not an enum: the code list is known only from the errors page and partly composed by genwire; constants below.
  std::string error;
  std::string message;
  // Decision: `request_id` is optional: the errors page's bodies omit it, only the reference page adds it.
  std::optional<std::string> request_id;
};

// Error codes (`error`) from the errors page (docs/providers-depicta.md), by HTTP status.
inline constexpr std::string_view code_bad_request = "bad_request";                            // 400
inline constexpr std::string_view code_auth_invalid = "auth_invalid";                          // 401
inline constexpr std::string_view code_credit_insufficient = "credit_insufficient";            // 402
inline constexpr std::string_view code_auth_email_not_verified = "auth_email_not_verified";    // 403
inline constexpr std::string_view code_content_rejected = "content_rejected";                  // 403
inline constexpr std::string_view code_account_suspended = "account_suspended";                // 403
inline constexpr std::string_view code_not_found = "not_found";                                // 404
inline constexpr std::string_view code_payload_too_large = "payload_too_large";                // 413
inline constexpr std::string_view code_rate_limited = "rate_limited";                          // 429
inline constexpr std::string_view code_internal_error = "internal_error";                      // 500
// Codes for statuses the reference page lists but no source names a code for (composed by genwire).
// Decision: 409 uses "conflict" (no source names Depicta's 409 code; the HTTP reason in snake_case).
inline constexpr std::string_view code_conflict = "conflict";                                  // 409
// Decision: 422 uses "validation_failed" (no source names it; 400 bad_request already covers malformed requests, 422 is a well-formed request that fails validation).
inline constexpr std::string_view code_validation_failed = "validation_failed";                // 422
// Decision: 451 uses "unavailable_for_legal_reasons" (no source names it; the HTTP reason in snake_case).
inline constexpr std::string_view code_unavailable_for_legal_reasons = "unavailable_for_legal_reasons";  // 451
// Decision: 502 uses "upstream_error" (no source names it; a gateway error of an image API is a failed upstream model provider).
inline constexpr std::string_view code_upstream_error = "upstream_error";                      // 502
// Decision: 503 uses "service_unavailable" (no source names it; the HTTP reason in snake_case).
inline constexpr std::string_view code_service_unavailable = "service_unavailable";            // 503
// Decision: a key without read permission gets 403 "permission_denied" (composed: the errors page names only email, content and suspension refusals, none of which says "this key may not read").
inline constexpr std::string_view code_permission_denied = "permission_denied";                // 403

// Messages of the composed error bodies (one per documented status), for answers the mock makes.
inline constexpr std::string_view reason_bad_request = "Query parameter limit must be a positive integer.";
inline constexpr std::string_view reason_auth_invalid = "Invalid or missing API key.";
inline constexpr std::string_view reason_credit_insufficient = "Insufficient credits. Top up your balance to continue.";
inline constexpr std::string_view reason_auth_email_not_verified = "Verify your email address before using the API.";
inline constexpr std::string_view reason_permission_denied = "This API key does not have permission to read jobs.";
inline constexpr std::string_view reason_not_found = "Resource not found.";
inline constexpr std::string_view reason_conflict = "The request conflicts with the current state of the resource.";
inline constexpr std::string_view reason_validation_failed = "The request could not be validated.";
inline constexpr std::string_view reason_rate_limited = "Too many concurrent requests (limit 10). Retry after the indicated delay.";
inline constexpr std::string_view reason_unavailable_for_legal_reasons = "This service is not available in your region.";
inline constexpr std::string_view reason_internal_error = "Internal server error. Retry with backoff.";
inline constexpr std::string_view reason_upstream_error = "The upstream generation provider failed to respond.";
inline constexpr std::string_view reason_service_unavailable = "The service is temporarily unavailable. Retry later.";

// Job-level `error.code` values named by the reference page ("e.g. content_rejected, insufficient_credits").
inline constexpr std::string_view job_error_content_rejected = "content_rejected";
inline constexpr std::string_view job_error_insufficient_credits = "insufficient_credits";

}  // namespace genwire::depicta
