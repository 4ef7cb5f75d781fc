// bench/peers/plain.hpp: the plain structs the peer libraries decode into and encode from: one
// representative shape per provider (its list response, every field) and three error envelopes.
// Member names are the JSON keys (how nlohmann/Boost.Describe users write them). Vocabulary:
//   std::optional<T>  genwire's optional, nullable and optional_nullable (absent and null both -> nullopt)
//   raw_text          genwire::raw_json: the value's JSON text
//   point             hedra's normalized_point, [x, y] or {"[0]": x, "[1]": y}
//   loc_item          hedra's location_item, a string or an integer
// Formats (uuid, date-time, uri) are plain strings and bounded numbers plain numbers: the peers
// do not validate them, genwire does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe.hpp>

namespace bench::plain {

struct raw_text {
  std::string text;
};

struct point {
  bool is_object = false;  // which of the two documented spellings was received
  double x0 = 0, x1 = 0;
};

struct loc_item {
  bool is_index = false;  // which of the two was received
  std::string key;
  std::int64_t index = 0;
};

using ostr = std::optional<std::string>;
using ostrs = std::optional<std::vector<std::string>>;

// ---------------------------------------------------------------- diffio list_project_generations
namespace diffio {
BOOST_DEFINE_ENUM_CLASS(generation_status, pending, processing, complete, failed, queued, error)

struct project_generation {
  std::string generationId;
  std::optional<generation_status> status;
  std::string modelKey;
  std::optional<double> progress;
  ostr createdAt;
  std::string updatedAt;
};
BOOST_DESCRIBE_STRUCT(project_generation, (), (generationId, status, modelKey, progress, createdAt, updatedAt))

struct list_response {
  std::string apiProjectId;
  std::vector<project_generation> generations;
};
BOOST_DESCRIBE_STRUCT(list_response, (), (apiProjectId, generations))

struct error_envelope {
  std::string error;
  ostr code;
};
BOOST_DESCRIBE_STRUCT(error_envelope, (), (error, code))

// ---------------------------------------------------------------- diffio get_generation_progress
BOOST_DEFINE_ENUM_CLASS(stage_status, pending, running, complete, failed)
BOOST_DEFINE_ENUM_CLASS(cloud_job_state, PENDING, RUNNING, SUCCEEDED, FAILED)

struct stage {
  ostr jobId;
  std::optional<cloud_job_state> jobState;
  stage_status status{};
  double progress = 0;
  ostr statusMessage, error, errorDetails;
};
BOOST_DESCRIBE_STRUCT(stage, (), (jobId, jobState, status, progress, statusMessage, error, errorDetails))

struct progress_response {
  std::string generationId;
  std::string apiProjectId;
  generation_status status{};
  bool hasVideo = false;
  std::optional<stage> preProcessing, inference, restoredVideo;
  ostr error, errorDetails;
};
BOOST_DESCRIBE_STRUCT(progress_response, (),
                      (generationId, apiProjectId, status, hasVideo, preProcessing, inference, restoredVideo, error,
                       errorDetails))
}  // namespace diffio

// ---------------------------------------------------------------- flora list_generations
namespace flora {
BOOST_DEFINE_ENUM_CLASS(run_status, pending, running, completed, failed)
BOOST_DEFINE_ENUM_CLASS(output_type, imageUrl, videoUrl, audioUrl, text, documentUrl)
BOOST_DEFINE_ENUM_CLASS(api_error_code, invalid_json, input_validation_error, unauthorized, invalid_api_key,
                        insufficient_credits, forbidden, not_found, idempotency_duplicate, rate_limited, unknown_error,
                        service_unavailable)

struct model_info {
  ostr model_id;
};
BOOST_DESCRIBE_STRUCT(model_info, (), (model_id))

struct output {
  std::string output_id;
  output_type type{};
  std::string url;
};
BOOST_DESCRIBE_STRUCT(output, (), (output_id, type, url))

struct generation {
  double created_at = 0;
  std::string generation_id;
  double progress = 0;
  std::string project_id;
  std::string run_id;
  run_status status{};
  std::string workspace_id;
  std::optional<double> charged_cost;
  std::optional<double> completed_at;
  ostr error_code;
  ostr error_message;
  std::optional<model_info> model;
  std::optional<std::vector<output>> outputs;
  ostr poll_url;
  std::optional<double> started_at;
};
BOOST_DESCRIBE_STRUCT(generation, (),
                      (created_at, generation_id, progress, project_id, run_id, status, workspace_id, charged_cost,
                       completed_at, error_code, error_message, model, outputs, poll_url, started_at))

struct page_meta {
  ostr next_cursor;
  std::optional<double> total_estimate;
};
BOOST_DESCRIBE_STRUCT(page_meta, (), (next_cursor, total_estimate))

struct list_response {
  std::vector<generation> generations;
  page_meta meta;
};
BOOST_DESCRIBE_STRUCT(list_response, (), (generations, meta))

// flora get_run
struct run_response {
  double created_at = 0;
  double progress = 0;
  std::string run_id;
  run_status status{};
  std::optional<double> charged_cost;
  std::optional<double> completed_at;
  ostr error_code;
  ostr error_message;
  std::optional<std::vector<output>> outputs;
  ostr poll_url;
  std::optional<double> started_at;
};
BOOST_DESCRIBE_STRUCT(run_response, (),
                      (created_at, progress, run_id, status, charged_cost, completed_at, error_code, error_message,
                       outputs, poll_url, started_at))

struct field_error {
  std::string field;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(field_error, (), (field, message))

struct error_detail {
  api_error_code code{};
  std::string message;
  std::optional<std::vector<field_error>> fields;
};
BOOST_DESCRIBE_STRUCT(error_detail, (), (code, message, fields))

struct error_envelope {
  error_detail error;
};
BOOST_DESCRIBE_STRUCT(error_envelope, (), (error))
}  // namespace flora

// ---------------------------------------------------------------- depicta list_jobs
namespace depicta {
BOOST_DEFINE_ENUM_CLASS(job_status, pending, processing, completed, failed)

struct job_error {
  std::string code;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(job_error, (), (code, message))

struct job {
  ostr completed_at;
  std::string created_at;
  std::optional<job_error> error;
  std::string job_id;
  std::optional<raw_text> result;
  std::optional<std::int64_t> scenes_completed;
  std::optional<std::int64_t> scenes_total;
  ostr started_at;
  job_status status{};
};
BOOST_DESCRIBE_STRUCT(job, (),
                      (completed_at, created_at, error, job_id, result, scenes_completed, scenes_total, started_at, status))

struct list_response {
  std::optional<std::vector<job>> generations;
  std::int64_t limit = 0;
  std::int64_t offset = 0;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(list_response, (), (generations, limit, offset, total))

struct error_envelope {
  std::optional<raw_text> details;
  std::string error;
  std::string message;
  ostr request_id;
};
BOOST_DESCRIBE_STRUCT(error_envelope, (), (details, error, message, request_id))
}  // namespace depicta

// ---------------------------------------------------------------- hedra list_generations
namespace hedra {
BOOST_DEFINE_ENUM_CLASS(asset_type, text, image, audio, video, voice)
BOOST_DEFINE_ENUM_CLASS(generation_status, complete, error, processing, queued, finalizing, pending)
BOOST_DEFINE_ENUM_CLASS(generation_error_type, UNKNOWN, MODERATION_FAILED, MISSING_CREDITS, RESOURCE_EXHAUSTED,
                        INVALID_ARGUMENT, UNAVAILABLE)
BOOST_DEFINE_ENUM_CLASS(input_type, video, text_to_speech, text_to_sound, image, image_to_image, image_upscale,
                        video_upscale, audio_isolation, speech_to_speech, voice_clone, audio_from_video,
                        video_with_audio, video_to_video, motion_control)
BOOST_DEFINE_ENUM_CLASS(asset_payload_type, uploaded_image, uploaded_audio, uploaded_video, generated_audio,
                        generated_image, generated_video, voice)
BOOST_DEFINE_ENUM_CLASS(orientation, video, image)

struct video_inputs {
  std::string text_prompt;
  ostr ai_model_id, resolution, aspect_ratio;
  std::optional<std::int64_t> duration_ms;
  std::optional<point> bounding_box_target;
  std::optional<orientation> character_orientation;
  std::optional<bool> enhance_prompt;
};
BOOST_DESCRIBE_STRUCT(video_inputs, (),
                      (text_prompt, ai_model_id, resolution, aspect_ratio, duration_ms, bounding_box_target,
                       character_orientation, enhance_prompt))

struct audio_inputs {
  std::string text_prompt;
  ostr ai_model_id, voice_id;
  std::optional<double> stability, speed;
  ostr language;
};
BOOST_DESCRIBE_STRUCT(audio_inputs, (), (text_prompt, ai_model_id, voice_id, stability, speed, language))

struct image_inputs {
  std::string text_prompt;
  ostr ai_model_id, aspect_ratio, resolution, start_keyframe_id;
  ostrs reference_image_ids;
};
BOOST_DESCRIBE_STRUCT(image_inputs, (),
                      (text_prompt, ai_model_id, aspect_ratio, resolution, start_keyframe_id, reference_image_ids))

struct text_to_speech_request {
  std::string voice_id;
  std::string text;
  ostr workspace_id, agent_thread_id, generation_id;
  ostrs generation_ids;
  std::optional<input_type> type;
  ostr model_id;
  std::optional<double> stability, speed;
  ostr language;
};
BOOST_DESCRIBE_STRUCT(text_to_speech_request, (),
                      (voice_id, text, workspace_id, agent_thread_id, generation_id, generation_ids, type, model_id,
                       stability, speed, language))

struct edit_element {
  std::string frontal_image_asset_id;
  ostrs reference_image_asset_ids;
};
BOOST_DESCRIBE_STRUCT(edit_element, (), (frontal_image_asset_id, reference_image_asset_ids))

struct generation_input {
  std::optional<video_inputs> generated_video_inputs;
  ostr workspace_id, agent_thread_id, generation_id;
  ostrs generation_ids;
  std::optional<input_type> type;
  ostr ai_model_id, start_keyframe_id, start_keyframe_url, end_keyframe_id, end_keyframe_url, audio_id;
  std::optional<text_to_speech_request> audio_generation;
  std::optional<std::int64_t> audio_start_ms;
  ostrs reference_image_ids;
  ostr video_id;
  std::optional<std::int64_t> batch_size;
  ostr voice_id, model_id, text;
  std::optional<double> stability, speed;
  ostr language;
  std::optional<double> duration_seconds, prompt_influence;
  std::optional<bool> loop;
  ostr output_format, text_prompt, aspect_ratio, resolution;
  std::optional<bool> enhance_prompt;
  ostr image_id;
  std::optional<double> upscale_factor;
  ostr name, audio_generation_model_id, prompt, video_generation_model_id;
  ostrs reference_image_asset_ids;
  std::optional<std::vector<edit_element>> elements;
  std::optional<bool> keep_audio;
};
BOOST_DESCRIBE_STRUCT(generation_input, (),
                      (generated_video_inputs, workspace_id, agent_thread_id, generation_id, generation_ids, type,
                       ai_model_id, start_keyframe_id, start_keyframe_url, end_keyframe_id, end_keyframe_url, audio_id,
                       audio_generation, audio_start_ms, reference_image_ids, video_id, batch_size, voice_id, model_id,
                       text, stability, speed, language, duration_seconds, prompt_influence, loop, output_format,
                       text_prompt, aspect_ratio, resolution, enhance_prompt, image_id, upscale_factor, name,
                       audio_generation_model_id, prompt, video_generation_model_id, reference_image_asset_ids,
                       elements, keep_audio))

struct voice_label {
  std::string name;
  std::string value;
};
BOOST_DESCRIBE_STRUCT(voice_label, (), (name, value))

struct asset_payload {
  std::optional<std::int64_t> width, height;
  ostr url;
  std::optional<asset_payload_type> type;
  std::optional<std::int64_t> duration_ms;
  std::optional<std::vector<raw_text>> transcriptions;
  ostr download_url, streaming_url, poster_url, preview_url;
  std::optional<audio_inputs> generated_audio_inputs;
  std::optional<image_inputs> generated_image_inputs;
  std::optional<video_inputs> generated_video_inputs;
  std::optional<raw_text> keyframe_start, keyframe_end, audio;
  ostrs reference_image_ids;
  ostr source_video_id, external_id;
  std::optional<std::vector<voice_label>> labels;
  ostr source;
};
BOOST_DESCRIBE_STRUCT(asset_payload, (),
                      (width, height, url, type, duration_ms, transcriptions, download_url, streaming_url, poster_url,
                       preview_url, generated_audio_inputs, generated_image_inputs, generated_video_inputs,
                       keyframe_start, keyframe_end, audio, reference_image_ids, source_video_id, external_id, labels,
                       source))

struct generation_asset {
  std::string id;
  asset_type type{};
  std::string name;
  std::string thumbnail_url;
  std::string created_at;
  asset_payload asset;
  ostr description;
  std::optional<bool> is_favorite, recent;
  ostr favorited_at;
};
BOOST_DESCRIBE_STRUCT(generation_asset, (),
                      (id, type, name, thumbnail_url, created_at, asset, description, is_favorite, recent, favorited_at))

struct generation_error {
  generation_error_type type{};
  std::string message;
};
BOOST_DESCRIBE_STRUCT(generation_error, (), (type, message))

struct generation {
  std::string id;
  asset_type type{};
  generation_input input;
  generation_status status{};
  double progress = 0;
  std::string created_at;
  std::optional<std::int64_t> eta_sec, credit_cost;
  ostr batch_generation_id;
  std::optional<generation_asset> asset;
  std::optional<generation_error> error;
  ostr error_message;
};
BOOST_DESCRIBE_STRUCT(generation, (),
                      (id, type, input, status, progress, created_at, eta_sec, credit_cost, batch_generation_id, asset,
                       error, error_message))

struct paging_info {
  std::int64_t limit = 0;
  std::int64_t offset = 0;
};
BOOST_DESCRIBE_STRUCT(paging_info, (), (limit, offset))

struct list_response {
  paging_info page_info;
  std::vector<generation> data;
};
BOOST_DESCRIBE_STRUCT(list_response, (), (page_info, data))

// The 422 body. genwire's `detail` may also be a plain string (FastAPI's other errors); the only
// documented body has the list, which is what this shape maps.
struct validation_error {
  std::vector<loc_item> loc;
  std::string msg;
  std::string type;
  std::optional<raw_text> input, ctx;
};
BOOST_DESCRIBE_STRUCT(validation_error, (), (loc, msg, type, input, ctx))

struct error_envelope {
  std::optional<std::vector<validation_error>> detail;
};
BOOST_DESCRIBE_STRUCT(error_envelope, (), (detail))
}  // namespace hedra

}  // namespace bench::plain
