// genwire/hedra/list_generations.hpp: GET https://api.hedra.com/web-app/public/generations
// (its reference page, "List"; OpenAPI operation list__public_generations_get).
// A page of the caller's generations with filters; each generation echoes its input, and carries
// its asset once complete or its error once failed.
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

namespace genwire::hedra {

// The query's `type` filter: the OpenAPI accepts AssetType | GenerationType (reference page: the five
// AssetType values first, then GenerationType's others, in its order).
// Decision: the filter is a CLOSED enum holding both AssetType and GenerationType values: the reference page lists only the five asset types, but the published OpenAPI accepts either enum and the server answers 422 to anything else.
enum class generation_filter {
  text,
  image,
  audio,
  video,
  voice,
  text_to_speech,
  speech_to_speech,
  voice_clone,
  audio_isolation,
  video_stitching,
  video_upscale,
  video_to_video,
  image_upscale,
  agent_response,
  audio_from_video,
  text_to_sound,
  assets_to_image_text_prompt,
  assets_to_audio_text_prompt,
};

// Query parameters, all optional. Paging is flat `limit` / `offset` (docs/providers-hedra.md, OpenAPI),
// not the reference page's nested `paging_params` object.
struct list_generations_query {
  static constexpr std::int64_t default_limit = 100;
  static constexpr std::int64_t default_offset = 0;
  static constexpr std::int64_t min_limit = 1;
  static constexpr std::int64_t min_offset = 0;
  // Decision: the documented "| null" query parameters are std::optional: a query string cannot carry null, and an absent parameter is the API's null (default None).
  std::optional<generation_filter> type;
  std::optional<genwire::date_time> created_before;
  std::optional<genwire::date_time> created_after;
  std::optional<std::string> prompt_query;
  std::optional<genwire::uuid> agent_thread_id;
  // Decision: ids stays one string as documented (string|null); no source says how several ids are joined.
  std::optional<std::string> ids;
  // "Number of items returned in the page." Default 100.
  // Decision: limit >= 1 and offset >= 0 although the OpenAPI declares no bounds: an empty or negative page size and a negative skip are meaningless; no upper bound is imposed (none is declared).
  std::optional<genwire::at_least<std::int64_t, 1>> limit;
  // "Number of records skipped." Default 0.
  std::optional<genwire::at_least<std::int64_t, 0>> offset;
};

// PageInfo.
struct paging_info {
  // "Number of items returned in the page."
  std::int64_t limit;
  // "Number of records skipped."
  std::int64_t offset;
};

// Generation. Members in the reference page's order; required: id, type, input, status, progress, created_at.
struct generation {
  // "ID of the generation and associated asset."
  genwire::uuid id;
  // Decision: type (AssetType) and status are OPEN enums (response side; docs/providers-hedra.md: pending appears in some doc versions only).
  genwire::open_enum<asset_type> type;
  generation_input input;
  genwire::open_enum<generation_status> status;
  // Decision: progress is an unbounded double although documented "Between 0-1": the schema declares no bounds and the reference page's own example has 123, so bounds would reject the documented example; summarize() clamps to 0..1.
  double progress;
  // Decision: Generation.created_at is genwire::date_time although the OpenAPI says plain string: it is a timestamp, summaries parse it, and strict mode reports text that is not RFC 3339 (the reference page's "<string>").
  genwire::date_time created_at;
  // Decision: eta_sec, credit_cost, batch_generation_id, asset, error and error_message are optional_nullable: the OpenAPI neither requires them nor forbids null (anyOf [..., null]).
  genwire::optional_nullable<std::int64_t> eta_sec;
  genwire::optional_nullable<std::int64_t> credit_cost;
  genwire::optional_nullable<std::string> batch_generation_id;
  // "Not present unless the status of the generation is 'complete'."
  genwire::optional_nullable<generation_asset> asset;
  // "Not present unless the status ... is 'error' and error_message field is not present."
  genwire::optional_nullable<generation_error> error;
  genwire::optional_nullable<std::string> error_message;
};

// PagedResponse[Generation].
struct list_generations_response {
  paging_info page_info;
  std::vector<generation> data;
};

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

// The reference page's cURL sends no query parameters.
inline constexpr std::string_view example_request = "";
// Composed: every parameter once, in canonical percent-encoding (as encode_query writes it).
inline constexpr std::string_view example_request_all_parameters =
    "type=video&created_before=2025-06-02T00%3A00%3A00Z&created_after=2025-06-01T00%3A00%3A00Z&prompt_query=fox"
    "&agent_thread_id=3c90c3cc-0d44-4b50-8888-8dd25736052a&ids=c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4&limit=10&offset=20";

// The reference page's example, verbatim (placeholders included: see the tests for what strict mode reports).
inline constexpr std::string_view example_response_reference_page = R"json({
  "page_info": {
    "limit": 123,
    "offset": 123
  },
  "data": [
    {
      "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      "type": "text",
      "input": {
        "generated_video_inputs": {
          "text_prompt": "<string>",
          "ai_model_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "resolution": "<string>",
          "aspect_ratio": "<string>",
          "duration_ms": 123,
          "bounding_box_target": {
            "[0]": 0.5,
            "[1]": 0.5
          },
          "character_orientation": "video",
          "enhance_prompt": false
        },
        "workspace_id": "<string>",
        "agent_thread_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "generation_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "generation_ids": [
          "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        ],
        "type": "video",
        "ai_model_id": "d1dd37a3-e39a-4854-a298-6510289f9cf2",
        "start_keyframe_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "start_keyframe_url": "<string>",
        "end_keyframe_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "end_keyframe_url": "<string>",
        "audio_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "audio_generation": {
          "voice_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "text": "<string>",
          "workspace_id": "<string>",
          "agent_thread_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "generation_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "generation_ids": [
            "3c90c3cc-0d44-4b50-8888-8dd25736052a"
          ],
          "type": "text_to_speech",
          "model_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "stability": 1,
          "speed": 1,
          "language": "auto"
        },
        "audio_start_ms": 123,
        "reference_image_ids": [
          "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        ],
        "video_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "batch_size": 1
      },
      "status": "complete",
      "progress": 123,
      "created_at": "<string>",
      "eta_sec": 123,
      "credit_cost": 123,
      "batch_generation_id": "<string>",
      "asset": {
        "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "type": "text",
        "name": "<string>",
        "thumbnail_url": "<string>",
        "created_at": "<string>",
        "asset": {
          "width": 123,
          "height": 123,
          "url": "<string>",
          "type": "uploaded_image"
        },
        "description": "<string>",
        "is_favorite": false,
        "recent": false,
        "favorited_at": "<string>"
      },
      "error": {
        "type": "UNKNOWN",
        "message": "<string>"
      },
      "error_message": "<string>"
    }
  ]
})json";

// Composed: the reference page's example made valid under the published OpenAPI and genwire's
// strict rules, and the endpoint's default answer. Changed: the keyframe URLs (format uri), the
// three timestamps (RFC 3339), the asset's thumbnail_url and url (URLs by name), the point (the
// published array form) and progress (1, within "Between 0-1" for a complete generation).
// Decision: only what breaks the OpenAPI or strict mode, or a URL that is no URL, is changed; the page's other placeholders and oddities (type "text" for a video input, an error beside the asset) are valid under the schema and stay, so the default answer is still the page's example member for member.
inline constexpr std::string_view example_response = R"json({
  "page_info": {
    "limit": 123,
    "offset": 123
  },
  "data": [
    {
      "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      "type": "text",
      "input": {
        "generated_video_inputs": {
          "text_prompt": "<string>",
          "ai_model_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "resolution": "<string>",
          "aspect_ratio": "<string>",
          "duration_ms": 123,
          "bounding_box_target": [0.5, 0.5],
          "character_orientation": "video",
          "enhance_prompt": false
        },
        "workspace_id": "<string>",
        "agent_thread_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "generation_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "generation_ids": [
          "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        ],
        "type": "video",
        "ai_model_id": "d1dd37a3-e39a-4854-a298-6510289f9cf2",
        "start_keyframe_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "start_keyframe_url": "https://example.com/start.png",
        "end_keyframe_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "end_keyframe_url": "https://example.com/end.png",
        "audio_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "audio_generation": {
          "voice_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "text": "<string>",
          "workspace_id": "<string>",
          "agent_thread_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "generation_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "generation_ids": [
            "3c90c3cc-0d44-4b50-8888-8dd25736052a"
          ],
          "type": "text_to_speech",
          "model_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "stability": 1,
          "speed": 1,
          "language": "auto"
        },
        "audio_start_ms": 123,
        "reference_image_ids": [
          "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        ],
        "video_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "batch_size": 1
      },
      "status": "complete",
      "progress": 1,
      "created_at": "2025-06-01T12:00:00Z",
      "eta_sec": 123,
      "credit_cost": 123,
      "batch_generation_id": "<string>",
      "asset": {
        "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "type": "text",
        "name": "<string>",
        "thumbnail_url": "https://example.com/thumbnail.png",
        "created_at": "2025-06-01T12:00:41Z",
        "asset": {
          "width": 123,
          "height": 123,
          "url": "https://example.com/image.png",
          "type": "uploaded_image"
        },
        "description": "<string>",
        "is_favorite": false,
        "recent": false,
        "favorited_at": "2025-06-01T12:05:00Z"
      },
      "error": {
        "type": "UNKNOWN",
        "message": "<string>"
      },
      "error_message": "<string>"
    }
  ]
})json";

// Composed: the shapes the reference page's example does not show, all valid under strict rules: a
// text-to-speech input (processing, nulls), a video input with the published array form of
// bounding_box_target and a structured error, a complete image with a generated_image asset,
// and a failed voice clone that reports only error_message.
inline constexpr std::string_view example_response_variants = R"json({
  "page_info": {
    "limit": 4,
    "offset": 0
  },
  "data": [
    {
      "id": "5b0e8c3a-9d21-4f6e-8a7b-2c4d6e8f0a13",
      "type": "audio",
      "input": {
        "type": "text_to_speech",
        "voice_id": "0f8e1d2c-3b4a-4596-8877-66554433a2b1",
        "text": "Welcome back to the channel.",
        "model_id": null,
        "stability": 0.5,
        "speed": 1.1,
        "language": "Chinese,Yue"
      },
      "status": "processing",
      "progress": 0.42,
      "created_at": "2025-06-01T12:03:00.123456Z",
      "eta_sec": 12,
      "credit_cost": null,
      "batch_generation_id": null,
      "asset": null,
      "error": null,
      "error_message": null
    },
    {
      "id": "a7c1e3f5-2b4d-4c6e-9f8a-1b3d5f7a9c2e",
      "type": "video",
      "input": {
        "generated_video_inputs": {
          "text_prompt": "A presenter waves at the camera.",
          "ai_model_id": null,
          "resolution": "720p",
          "aspect_ratio": "16:9",
          "duration_ms": 5000,
          "bounding_box_target": [0.25, 0.75],
          "character_orientation": "image",
          "enhance_prompt": true
        },
        "type": "video",
        "ai_model_id": "d1dd37a3-e39a-4854-a298-6510289f9cf2",
        "start_keyframe_url": "https://assets.example.com/keyframes/start.png",
        "audio_start_ms": -1000,
        "batch_size": 2
      },
      "status": "error",
      "progress": 0,
      "created_at": "2025-06-01T12:02:00+00:00",
      "eta_sec": null,
      "credit_cost": 0,
      "batch_generation_id": "batch_7d2f9c",
      "asset": null,
      "error": {
        "type": "MODERATION_FAILED",
        "message": "The prompt was flagged by moderation."
      },
      "error_message": null
    },
    {
      "id": "c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4",
      "type": "image",
      "input": {
        "type": "image",
        "text_prompt": "A watercolor fox in a misty forest.",
        "ai_model_id": "7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f",
        "aspect_ratio": "1:1",
        "resolution": "1024x1024",
        "batch_size": 1,
        "enhance_prompt": false
      },
      "status": "complete",
      "progress": 1,
      "created_at": "2025-06-01T12:00:00Z",
      "credit_cost": 4,
      "asset": {
        "id": "c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4",
        "type": "image",
        "name": "Watercolor fox",
        "thumbnail_url": "https://assets.hedra.com/thumbnails/c3e5a7b9.webp",
        "created_at": "2025-06-01T12:00:41Z",
        "asset": {
          "type": "generated_image",
          "width": 1024,
          "height": 1024,
          "url": "https://assets.hedra.com/images/c3e5a7b9.png",
          "generated_image_inputs": {
            "text_prompt": "A watercolor fox in a misty forest.",
            "ai_model_id": "7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f",
            "aspect_ratio": "1:1",
            "resolution": "1024x1024",
            "start_keyframe_id": null,
            "reference_image_ids": null
          }
        },
        "description": null,
        "is_favorite": true,
        "recent": true,
        "favorited_at": "2025-06-01T12:05:00Z"
      }
    },
    {
      "id": "d4f6b8c0-5e7a-4b9c-a1d3-f5b7c9e1a3c5",
      "type": "voice",
      "input": {
        "type": "voice_clone",
        "audio_id": "e5a7c9d1-6f8b-4cad-b2e4-a6c8e0f2b4d6",
        "name": "Narrator"
      },
      "status": "error",
      "progress": 0.1,
      "created_at": "2025-05-31T09:15:00Z",
      "error_message": "The audio sample is too short to clone a voice."
    }
  ]
})json";

// Composed (the OpenAPI declares the schema but shows no example): what FastAPI/pydantic v2
// answers to `?limit=abc`.
inline constexpr std::string_view example_error_422 = R"json({
  "detail": [
    {
      "loc": ["query", "limit"],
      "msg": "Input should be a valid integer, unable to parse string as an integer",
      "type": "int_parsing",
      "input": "abc"
    }
  ]
})json";

struct list_generations_endpoint {
  static constexpr std::string_view name = "hedra.list_generations";
  static constexpr std::string_view provider = provider_name;
  static constexpr genwire::http_method method = genwire::http_method::get;
  static constexpr std::string_view path = "/web-app/public/generations";
  static constexpr std::string_view base_url = genwire::hedra::base_url;
  static constexpr genwire::request_location request_in = genwire::request_location::query_string;
  using request = list_generations_query;
  using response = list_generations_response;
  using error = http_validation_error;
  static constexpr auto auth = auth_schemes;

  // 200 from the reference page (made valid, see example_response), 422 from the OpenAPI (the only declared error, docs/providers-hedra.md).
  static constexpr std::array<genwire::status_doc, 2> statuses{{
      // The page's example made valid (the OpenAPI wins over its placeholders); the page verbatim is the example "response_reference_page".
      {200, "Successful Response", genwire::treatment::complete, "A page of generations.", example_response,
       genwire::provenance::composed, {}},
      // Decision: 422 is a client error (the request must be fixed; retrying the same query fails again); the OpenAPI gives no treatment.
      {422, "Validation Error", genwire::treatment::client_error,
       "A query parameter failed validation: detail lists each failure's location, message and type.",
       example_error_422, genwire::provenance::composed, {}},
  }};

  // Decision: "response" names the 200 row's body (the valid page), as it does for every other endpoint, so Prefer: example=response and Prefer: code=200 agree; the verbatim page is "response_reference_page".
  static constexpr std::array<genwire::example, 6> examples{{
      {"request", genwire::example_kind::request, 200, example_request, genwire::provenance::documented},
      {"request_all_parameters", genwire::example_kind::request, 200, example_request_all_parameters,
       genwire::provenance::composed},
      {"response", genwire::example_kind::response, 200, example_response, genwire::provenance::composed},
      {"response_reference_page", genwire::example_kind::response, 200, example_response_reference_page,
       genwire::provenance::documented},
      {"response_variants", genwire::example_kind::response, 200, example_response_variants,
       genwire::provenance::composed},
      {"error_422", genwire::example_kind::error, 422, example_error_422, genwire::provenance::composed},
  }};
};

}  // namespace genwire::hedra
