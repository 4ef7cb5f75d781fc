// bench/peers/nlohmann_peer.cpp: nlohmann/json with its own macros. The _WITH_DEFAULT variant is
// the one that accepts absent optional members (the plain macro's at() throws on them); nlohmann
// 3.11 has no std::optional support, so the usual adl_serializer is added, and enums go through
// their Boost.Describe names.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "dispatch.hpp"
#include "peers.hpp"

namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& o) {
    if (o) j = *o;
    else j = nullptr;
  }
  static void from_json(const json& j, std::optional<T>& o) {
    if (j.is_null()) o.reset();
    else o = j.get<T>();
  }
};
}  // namespace nlohmann

namespace bench::plain {

template <class E>
  requires peers::is_described_enum<E>
void to_json(nlohmann::json& j, E e) {
  j = peers::enum_name(e);
}
template <class E>
  requires peers::is_described_enum<E>
void from_json(const nlohmann::json& j, E& e) {
  e = peers::enum_from<E>(j.get_ref<const std::string&>());
}

inline void to_json(nlohmann::json& j, const raw_text& r) { j = nlohmann::json::parse(r.text); }
inline void from_json(const nlohmann::json& j, raw_text& r) { r.text = j.dump(); }

inline void to_json(nlohmann::json& j, const point& p) {
  if (p.is_object) j = nlohmann::json{{"[0]", p.x0}, {"[1]", p.x1}};
  else j = nlohmann::json::array({p.x0, p.x1});
}
inline void from_json(const nlohmann::json& j, point& p) {
  p.is_object = j.is_object();
  p.x0 = j.is_object() ? j.at("[0]").get<double>() : j.at(0).get<double>();
  p.x1 = j.is_object() ? j.at("[1]").get<double>() : j.at(1).get<double>();
}

inline void to_json(nlohmann::json& j, const loc_item& l) {
  if (l.is_index) j = l.index;
  else j = l.key;
}
inline void from_json(const nlohmann::json& j, loc_item& l) {
  l.is_index = !j.is_string();
  if (l.is_index) l.index = j.get<std::int64_t>();
  else l.key = j.get<std::string>();
}

namespace diffio {
using bench::plain::from_json;
using bench::plain::to_json;
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(project_generation, generationId, status, modelKey, progress, createdAt,
                                                updatedAt)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(list_response, apiProjectId, generations)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(error_envelope, error, code)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(stage, jobId, jobState, status, progress, statusMessage, error,
                                                errorDetails)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(progress_response, generationId, apiProjectId, status, hasVideo,
                                                preProcessing, inference, restoredVideo, error, errorDetails)
}  // namespace diffio

namespace flora {
using bench::plain::from_json;
using bench::plain::to_json;
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(model_info, model_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(output, output_id, type, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(generation, created_at, generation_id, progress, project_id, run_id, status,
                                                workspace_id, charged_cost, completed_at, error_code, error_message,
                                                model, outputs, poll_url, started_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(page_meta, next_cursor, total_estimate)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(list_response, generations, meta)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(run_response, created_at, progress, run_id, status, charged_cost,
                                                completed_at, error_code, error_message, outputs, poll_url, started_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(field_error, field, message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(error_detail, code, message, fields)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(error_envelope, error)
}  // namespace flora

namespace depicta {
using bench::plain::from_json;
using bench::plain::to_json;
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(job_error, code, message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(job, completed_at, created_at, error, job_id, result, scenes_completed,
                                                scenes_total, started_at, status)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(list_response, generations, limit, offset, total)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(error_envelope, details, error, message, request_id)
}  // namespace depicta

namespace hedra {
using bench::plain::from_json;
using bench::plain::to_json;
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(video_inputs, text_prompt, ai_model_id, resolution, aspect_ratio,
                                                duration_ms, bounding_box_target, character_orientation, enhance_prompt)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(audio_inputs, text_prompt, ai_model_id, voice_id, stability, speed,
                                                language)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(image_inputs, text_prompt, ai_model_id, aspect_ratio, resolution,
                                                start_keyframe_id, reference_image_ids)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(text_to_speech_request, voice_id, text, workspace_id, agent_thread_id,
                                                generation_id, generation_ids, type, model_id, stability, speed,
                                                language)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(edit_element, frontal_image_asset_id, reference_image_asset_ids)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(generation_input, generated_video_inputs, workspace_id, agent_thread_id,
                                                generation_id, generation_ids, type, ai_model_id, start_keyframe_id,
                                                start_keyframe_url, end_keyframe_id, end_keyframe_url, audio_id,
                                                audio_generation, audio_start_ms, reference_image_ids, video_id,
                                                batch_size, voice_id, model_id, text, stability, speed, language,
                                                duration_seconds, prompt_influence, loop, output_format, text_prompt,
                                                aspect_ratio, resolution, enhance_prompt, image_id, upscale_factor,
                                                name, audio_generation_model_id, prompt, video_generation_model_id,
                                                reference_image_asset_ids, elements, keep_audio)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(voice_label, name, value)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(asset_payload, width, height, url, type, duration_ms, transcriptions,
                                                download_url, streaming_url, poster_url, preview_url,
                                                generated_audio_inputs, generated_image_inputs, generated_video_inputs,
                                                keyframe_start, keyframe_end, audio, reference_image_ids,
                                                source_video_id, external_id, labels, source)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(generation_asset, id, type, name, thumbnail_url, created_at, asset,
                                                description, is_favorite, recent, favorited_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(generation_error, type, message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(generation, id, type, input, status, progress, created_at, eta_sec,
                                                credit_cost, batch_generation_id, asset, error, error_message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(paging_info, limit, offset)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(list_response, page_info, data)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(validation_error, loc, msg, type, input, ctx)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(error_envelope, detail)
}  // namespace hedra

}  // namespace bench::plain

namespace bench::peers::nlohmann_peer {

template <class T>
void decode(const payload& p, T& out) {
  const nlohmann::json j = nlohmann::json::parse(p.text());
  j.get_to(out);
}

template <class T>
std::string_view encode(const T& v) {
  thread_local std::string out;
  const nlohmann::json j = v;
  out = j.dump();
  return out;
}

BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_DECODE)
BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_ENCODE)

}  // namespace bench::peers::nlohmann_peer
