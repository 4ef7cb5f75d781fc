// genwire/hedra/common.hpp: Hedra's base URL, auth, vocabularies and the schemas a Generation is
// built from. Sources: its reference page (the list page), docs/providers-hedra.md and
// Hedra's published OpenAPI 3.1 document (published in Hedra's
// public Python SDK), which supplies every schema the reference page leaves out. Schema names in comments are
// the OpenAPI's.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "../core/endpoint.hpp"
#include "../core/types.hpp"

namespace genwire::hedra {

inline constexpr std::string_view provider_name = "hedra";
inline constexpr std::string_view base_url = "https://api.hedra.com";
// The OpenAPI's server: every path of this surface lives under it.
inline constexpr std::string_view api_prefix = "/web-app/public";

// `X-API-Key: sk_hedra_...` (OpenAPI securitySchemes.APIKeyHeader; docs/providers-hedra.md), no prefix.
inline constexpr std::array<genwire::auth_scheme, 1> auth_schemes{{{"X-API-Key", ""}}};
inline constexpr std::string_view api_key_prefix = "sk_hedra_";

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

// AssetType: a generation's / asset's media type.
enum class asset_type { text, image, audio, video, voice };

// GenerationStatus (complete, error, processing, queued, finalizing) plus `pending`, which some
// doc versions add (docs/providers-hedra.md).
enum class generation_status { complete, error, processing, queued, finalizing, pending };

// GenerationErrorType: "the backend will try to map any error ... onto one of these classes".
enum class generation_error_type { UNKNOWN, MODERATION_FAILED, MISSING_CREDITS, RESOURCE_EXHAUSTED, INVALID_ARGUMENT, UNAVAILABLE };

// The discriminator (`type`) of a generation's `input`: the mapping keys of Generation.input's
// oneOf discriminator, in the OpenAPI's oneOf order.
enum class input_type {
  video,
  text_to_speech,
  text_to_sound,
  image,
  image_to_image,
  image_upscale,
  video_upscale,
  audio_isolation,
  speech_to_speech,
  voice_clone,
  audio_from_video,
  video_with_audio,
  video_to_video,
  motion_control,
};

// The discriminator (`type`) of an asset's payload (Asset.asset oneOf).
enum class asset_payload_type { uploaded_image, uploaded_audio, uploaded_video, generated_audio, generated_image, generated_video, voice };

// GeneratedVideoInputs.character_orientation: "video" or "image".
enum class orientation { video, image };

// ---------------------------------------------------------------------------------------------
// NormalizedPoint: `bounding_box_target`
// ---------------------------------------------------------------------------------------------

// "Normalized x/y coordinate", minimum 0, maximum 1 (OpenAPI prefixItems).
using normalized_coordinate = genwire::bounded<double, 0, 1>;

// The published form: a 2-element array `[x, y]`.
using normalized_point_array = std::array<normalized_coordinate, 2>;

// The reference page example's rendering of the same tuple: `{"[0]": x, "[1]": y}`.
struct normalized_point_object {
  normalized_coordinate x0;
  normalized_coordinate x1;
  static constexpr genwire::key_rename genwire_keys[] = {{"x0", "[0]"}, {"x1", "[1]"}};
};

// Decision: bounding_box_target accepts both the OpenAPI's array [x, y] and the reference page's object {"[0]": x, "[1]": y} and re-encodes the form it received (docs/providers-hedra.md: accept both); each coordinate keeps its documented 0..1 bounds.
using normalized_point = std::variant<normalized_point_array, normalized_point_object>;

// ---------------------------------------------------------------------------------------------
// Generation inputs
// ---------------------------------------------------------------------------------------------

// GeneratedVideoInputs. Members in the reference page's order.
struct video_inputs {
  std::string text_prompt;
  genwire::optional_nullable<genwire::uuid> ai_model_id;
  genwire::optional_nullable<std::string> resolution;
  genwire::optional_nullable<std::string> aspect_ratio;
  genwire::optional_nullable<std::int64_t> duration_ms;
  genwire::optional_nullable<normalized_point> bounding_box_target;
  // Decision: character_orientation is an OPEN enum here: the generation echoes its input in a response, where a new orientation must not break decoding.
  genwire::optional_nullable<genwire::open_enum<orientation>> character_orientation;
  // Default false.
  std::optional<bool> enhance_prompt;
};

// GeneratedAudioInputs.
struct audio_inputs {
  std::string text_prompt;
  genwire::optional_nullable<genwire::uuid> ai_model_id;
  genwire::optional_nullable<genwire::uuid> voice_id;
  // "Stability setting used for generation (0-1)" / "Speed setting used for generation (0.7-1.2)":
  // described, not declared, ranges.
  genwire::optional_nullable<double> stability;
  genwire::optional_nullable<double> speed;
  genwire::optional_nullable<std::string> language;
};

// GeneratedImageInputs.
struct image_inputs {
  std::string text_prompt;
  genwire::optional_nullable<genwire::uuid> ai_model_id;
  genwire::optional_nullable<std::string> aspect_ratio;
  genwire::optional_nullable<std::string> resolution;
  genwire::optional_nullable<genwire::uuid> start_keyframe_id;
  genwire::optional_nullable<std::vector<genwire::uuid>> reference_image_ids;
};

// GenerateTextToSpeechRequest.speed: minimum 0.7, maximum 1.2.
using speech_speed = genwire::bounded<double, genwire::decimal("0.7"), genwire::decimal("1.2")>;
// GenerateTextToSoundRequest.duration_seconds: minimum 0.5, maximum 30.
using sound_duration_seconds = genwire::bounded<double, genwire::decimal("0.5"), 30>;
// GenerateVideoRequest.start_keyframe_url / end_keyframe_url: format uri, length 1..2083.
using keyframe_url = genwire::formatted_string<genwire::format_kind::uri, 1, 2083>;
// GenerateVideoUpscaleRequest.upscale_factor: exclusive minimum 0, maximum 4.
// Decision: upscale_factor takes video upscale's declared range (0, 4] although GenerateImageUpscaleRequest shares the member and declares none: both describe a scale factor ("2.0 for 2x"), a factor above 4 is undocumented for either, and an unbounded member would leave the one declared range unenforced.
using upscale_factor_range = genwire::bounded<double, genwire::exclusive(0), 4>;

// GenerateTextToSpeechRequest: a video input's `audio_generation`. Members in the reference page's order.
struct text_to_speech_request {
  genwire::uuid voice_id;
  std::string text;
  genwire::optional_nullable<std::string> workspace_id;
  genwire::optional_nullable<genwire::uuid> agent_thread_id;
  genwire::optional_nullable<genwire::uuid> generation_id;
  genwire::optional_nullable<std::vector<genwire::uuid>> generation_ids;
  // const "text_to_speech", with that default.
  std::optional<genwire::open_enum<input_type>> type;
  genwire::optional_nullable<genwire::uuid> model_id;
  // 0..1, default 1.
  std::optional<genwire::bounded<double, 0, 1>> stability;
  // 0.7..1.2, default 1.
  std::optional<speech_speed> speed;
  // Decision: language is a string, not an enum: SupportedLanguage holds "Chinese,Yue", which no enumerator can spell (41 values, default "auto").
  std::optional<std::string> language;
};

// KlingO1EditElement (video_to_video `elements`).
struct edit_element {
  genwire::uuid frontal_image_asset_id;
  genwire::optional_nullable<std::vector<genwire::uuid>> reference_image_asset_ids;
};

// Generation.input: a oneOf of thirteen request schemas told apart by `type`.
// Decision: `input` is ONE struct holding the union of the thirteen schemas' members, each optional (which are required depends on `type`; genwire variants choose by JSON kind, not by a discriminator): every documented input decodes, and strict mode still rejects keys no schema declares.
// Members: GenerateVideoRequest's in the reference page's order, then the other schemas' own members.
struct generation_input {
  // --- GenerateVideoRequest (also GenerateMotionControlRequest: generated_video_inputs)
  std::optional<video_inputs> generated_video_inputs;
  // --- common to all thirteen
  genwire::optional_nullable<std::string> workspace_id;
  genwire::optional_nullable<genwire::uuid> agent_thread_id;
  genwire::optional_nullable<genwire::uuid> generation_id;
  genwire::optional_nullable<std::vector<genwire::uuid>> generation_ids;
  // Decision: the discriminator `type` is optional, as in every input schema (each gives it a default), and an OPEN enum (response side).
  std::optional<genwire::open_enum<input_type>> type;
  // --- GenerateVideoRequest (default "d1dd37a3-e39a-4854-a298-6510289f9cf2"; required by most others)
  std::optional<genwire::uuid> ai_model_id;
  genwire::optional_nullable<genwire::uuid> start_keyframe_id;
  // Format uri (checked in strict mode), length 1..2083 (always).
  genwire::optional_nullable<keyframe_url> start_keyframe_url;
  genwire::optional_nullable<genwire::uuid> end_keyframe_id;
  genwire::optional_nullable<keyframe_url> end_keyframe_url;
  genwire::optional_nullable<genwire::uuid> audio_id;
  genwire::optional_nullable<text_to_speech_request> audio_generation;
  genwire::optional_nullable<std::int64_t> audio_start_ms;
  genwire::optional_nullable<std::vector<genwire::uuid>> reference_image_ids;
  genwire::optional_nullable<genwire::uuid> video_id;
  // 1..8, default 1 (video and image).
  std::optional<genwire::bounded<std::int64_t, 1, 8>> batch_size;
  // --- GenerateTextToSpeechRequest (text also GenerateTextToSoundRequest; voice_id also speech_to_speech)
  std::optional<genwire::uuid> voice_id;
  genwire::optional_nullable<genwire::uuid> model_id;
  std::optional<std::string> text;
  std::optional<genwire::bounded<double, 0, 1>> stability;
  std::optional<speech_speed> speed;
  std::optional<std::string> language;
  // --- GenerateTextToSoundRequest
  genwire::optional_nullable<sound_duration_seconds> duration_seconds;
  genwire::optional_nullable<genwire::bounded<double, 0, 1>> prompt_influence;
  genwire::optional_nullable<bool> loop;
  // Default "mp3_44100_128".
  genwire::optional_nullable<std::string> output_format;
  // --- GenerateImageRequest
  std::optional<std::string> text_prompt;
  genwire::optional_nullable<std::string> aspect_ratio;
  genwire::optional_nullable<std::string> resolution;
  std::optional<bool> enhance_prompt;
  // --- GenerateImageUpscaleRequest / GenerateVideoUpscaleRequest
  std::optional<genwire::uuid> image_id;
  // Default 1.5 (video).
  genwire::optional_nullable<upscale_factor_range> upscale_factor;
  // --- GenerateVoiceCloneRequest
  std::optional<std::string> name;
  // --- GenerateAudioFromVideoRequest / GenerateVideoWithAudioRequest / GenerateVideoToVideoRequest
  std::optional<genwire::uuid> audio_generation_model_id;
  genwire::optional_nullable<std::string> prompt;
  std::optional<genwire::uuid> video_generation_model_id;
  genwire::optional_nullable<std::vector<genwire::uuid>> reference_image_asset_ids;
  genwire::optional_nullable<std::vector<edit_element>> elements;
  std::optional<bool> keep_audio;
};

// ---------------------------------------------------------------------------------------------
// Asset
// ---------------------------------------------------------------------------------------------

// VoiceLabel.
struct voice_label {
  std::string name;
  std::string value;
};

// Asset.asset: a oneOf of UploadedImage, UploadedAudio, UploadedVideo, GeneratedAudio,
// GeneratedImage, GeneratedVideo and Voice, told apart by `type`.
// Decision: like `input`, the asset payload is one struct holding the union of the seven schemas' members, each optional.
// Members: the reference page's (UploadedImage) first, then the others'.
struct asset_payload {
  std::optional<std::int64_t> width;
  std::optional<std::int64_t> height;
  // Required string in most schemas, string|null in GeneratedVideo. No declared format.
  genwire::optional_nullable<std::string> url;
  std::optional<genwire::open_enum<asset_payload_type>> type;
  std::optional<std::int64_t> duration_ms;
  genwire::optional_nullable<std::vector<genwire::raw_json>> transcriptions;
  genwire::optional_nullable<std::string> download_url;
  genwire::optional_nullable<std::string> streaming_url;
  genwire::optional_nullable<std::string> poster_url;
  // Required string in GeneratedVideo, string|null in Voice.
  genwire::optional_nullable<std::string> preview_url;
  std::optional<audio_inputs> generated_audio_inputs;
  std::optional<image_inputs> generated_image_inputs;
  std::optional<video_inputs> generated_video_inputs;
  // Decision: GeneratedVideo's keyframe_start / keyframe_end / audio are Assets (Asset|null) nested inside an Asset; a struct cannot contain itself, so they are kept as exact raw JSON (decode them with genwire::decode<hedra::generation_asset>).
  std::optional<genwire::raw_json> keyframe_start;
  std::optional<genwire::raw_json> keyframe_end;
  std::optional<genwire::raw_json> audio;
  genwire::optional_nullable<std::vector<genwire::uuid>> reference_image_ids;
  genwire::optional_nullable<genwire::uuid> source_video_id;
  // --- Voice
  genwire::optional_nullable<std::string> external_id;
  std::optional<std::vector<voice_label>> labels;
  genwire::optional_nullable<std::string> source;
};

// Asset. Members in the reference page's order.
struct generation_asset {
  genwire::uuid id;
  genwire::open_enum<asset_type> type;
  std::string name;
  // No declared format (plain string in the OpenAPI).
  std::string thumbnail_url;
  // Decision: Asset.created_at / favorited_at are genwire::date_time although the OpenAPI says plain string: they are timestamps, summaries parse them, and strict mode reports text that is not RFC 3339 (such as the reference page's "<string>").
  genwire::date_time created_at;
  asset_payload asset;
  genwire::optional_nullable<std::string> description;
  // Default false.
  std::optional<bool> is_favorite;
  // Default false.
  std::optional<bool> recent;
  genwire::optional_nullable<genwire::date_time> favorited_at;
};

// GenerationError.
struct generation_error {
  // Decision: the error type is an OPEN enum (response side; the backend maps errors onto these classes, and may add classes).
  genwire::open_enum<generation_error_type> type;
  std::string message;
};

// ---------------------------------------------------------------------------------------------
// Errors: 422 HTTPValidationError
// ---------------------------------------------------------------------------------------------

// One element of ValidationError.loc: a string (parameter or member name) or an integer (index).
using location_item = std::variant<std::string, std::int64_t>;

// ValidationError.
struct validation_error {
  std::vector<location_item> loc;
  std::string msg;
  // The validator's error type, e.g. "int_parsing": an open string.
  std::string type;
  // Decision: `input` and `ctx` are optional extras that FastAPI/pydantic v2 (which this OpenAPI 3.1 document comes from) adds to each error; declared so strict mode accepts real 422 bodies.
  std::optional<genwire::raw_json> input;
  std::optional<genwire::raw_json> ctx;
};

// HTTPValidationError: `{"detail": [ValidationError, ...]}`.
struct http_validation_error {
  // Decision: `detail` is optional (the OpenAPI does not require it) and may also be a string, the body FastAPI sends for its other errors ({"detail": "Not authenticated"}), so every Hedra error body decodes.
  std::optional<std::variant<std::vector<validation_error>, std::string>> detail;
};

// pydantic v2 error types and messages for the 422 answers the mock composes (loc ["query", <parameter>]).
inline constexpr std::string_view loc_query = "query";
inline constexpr std::string_view error_type_int_parsing = "int_parsing";
inline constexpr std::string_view reason_int_parsing = "Input should be a valid integer, unable to parse string as an integer";
inline constexpr std::string_view error_type_greater_than_equal = "greater_than_equal";
inline constexpr std::string_view reason_greater_than_equal = "Input should be greater than or equal to {ge}";
inline constexpr std::string_view error_type_uuid_parsing = "uuid_parsing";
inline constexpr std::string_view reason_uuid_parsing = "Input should be a valid UUID";
inline constexpr std::string_view error_type_datetime_parsing = "datetime_parsing";
inline constexpr std::string_view reason_datetime_parsing = "Input should be a valid datetime";
inline constexpr std::string_view error_type_enum = "enum";
inline constexpr std::string_view reason_enum = "Input should be one of the documented values";
inline constexpr std::string_view error_type_missing = "missing";
inline constexpr std::string_view reason_missing = "Field required";

}  // namespace genwire::hedra
