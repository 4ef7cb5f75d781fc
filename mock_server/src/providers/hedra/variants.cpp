// Hedra's fourteen kinds of generation (the discriminator values of Generation.input; image and
// image_to_image share GenerateImageRequest). Schema names in comments are the OpenAPI's.
#include "variants.hpp"

#include <cmath>
#include <utility>
#include <vector>

namespace genwire::mock::detail::hedra_variants {
namespace {

using realistic::millis;
using realistic::rng;
using genwire::nullable;
using genwire::uuid;

template <class T>
nullable<T> some(T v) {
  return nullable<T>(std::move(v));
}
nullable<uuid> some_id(std::string id) { return some(uuid(std::move(id))); }

std::vector<uuid> ids(rng& r, std::int64_t lo, std::int64_t hi) {
  std::vector<uuid> out(static_cast<std::size_t>(r.between(lo, hi)));
  for (auto& id : out) id = uuid(r.uuid());
  return out;
}

// GenerateVideoRequest.ai_model_id's documented default.
constexpr std::string_view default_video_model = "d1dd37a3-e39a-4854-a298-6510289f9cf2";

constexpr std::array<std::string_view, 6> styles{"A watercolor", "A cinematic", "A neon", "A minimalist", "A vintage", "A cozy"};
constexpr std::array<std::string_view, 6> subjects{"fox", "lighthouse", "astronaut", "coffee shop", "robot", "waterfall"};
constexpr std::array<std::string_view, 6> places{"at sunset", "in a misty forest", "on the moon", "in the rain", "under the stars", "by the sea"};
constexpr std::array<std::string_view, 6> lines{"Welcome back to the channel.", "Here is today's weather report.",
                                                "Thanks for watching, see you next week.", "Let me show you how it works.",
                                                "Our new collection is out today.", "Take a deep breath and relax."};
constexpr std::array<std::string_view, 6> sounds{"Rain on a tin roof", "A crackling campfire", "Footsteps on gravel",
                                                 "Distant thunder rolling in", "A busy coffee shop", "Waves on a pebble beach"};
constexpr std::array<std::string_view, 4> voice_names{"Narrator", "Host", "Announcer", "Storyteller"};
constexpr std::array<std::string_view, 4> restyles{"Turn it into a watercolor painting", "Make it look like a vintage film",
                                                   "Add gently falling snow", "Give everything a neon glow"};
constexpr std::array<std::string_view, 3> element_actions{"@Element1 dances in the rain", "@Element1 waves at the camera",
                                                          "@Element1 walks along the beach"};
constexpr std::array<std::string_view, 4> soundtracks{"Footsteps and city ambience", "Gentle piano music",
                                                      "Birdsong in a quiet forest", "Waves and seagulls"};
constexpr std::array<std::string_view, 4> moves{"Follow the dancer's moves", "Copy the presenter's gestures",
                                                "Match the runner's stride", "Mirror the waving hand"};
// Some SupportedLanguage values ("auto" is its default, hence twice).
constexpr std::array<std::string_view, 7> languages{"auto", "auto", "English", "Spanish", "French", "Japanese", "Chinese,Yue"};
constexpr std::array<std::string_view, 3> accents{"american", "british", "australian"};
constexpr std::array<double, 4> stabilities{0.3, 0.5, 0.75, 1.0};
constexpr std::array<double, 4> speeds{0.8, 0.9, 1.0, 1.1};  // within 0.7..1.2

struct image_size {
  std::string_view aspect_ratio, resolution;
  std::int64_t width, height;
};
constexpr std::array<image_size, 4> image_sizes{{
    {"1:1", "1024x1024", 1024, 1024},
    {"16:9", "1344x768", 1344, 768},
    {"9:16", "768x1344", 768, 1344},
    {"4:3", "1152x896", 1152, 896},
}};

struct frame_size {
  std::int64_t width, height;
};
constexpr std::array<frame_size, 4> source_videos{{{1280, 720}, {720, 1280}, {1920, 1080}, {960, 540}}};

// How often each kind occurs, in percent: avatar videos, images and speech most, every kind often
// enough that a default listing (300 generations) holds each, complete, several times.
struct share {
  hd::input_type type;
  std::uint64_t percent;
};
constexpr std::array<share, 14> kind_mix{{
    {hd::input_type::video, 14},
    {hd::input_type::text_to_speech, 12},
    {hd::input_type::text_to_sound, 6},
    {hd::input_type::image, 12},
    {hd::input_type::image_to_image, 6},
    {hd::input_type::image_upscale, 5},
    {hd::input_type::video_upscale, 5},
    {hd::input_type::audio_isolation, 5},
    {hd::input_type::speech_to_speech, 5},
    {hd::input_type::voice_clone, 5},
    {hd::input_type::audio_from_video, 6},
    {hd::input_type::video_with_audio, 7},
    {hd::input_type::video_to_video, 6},
    {hd::input_type::motion_control, 6},
}};
constexpr std::uint64_t total_percent = [] {
  std::uint64_t sum = 0;
  for (const share& s : kind_mix) sum += s.percent;
  return sum;
}();
static_assert(total_percent == 100);

hd::input_type draw_kind(rng& r) {
  std::uint64_t at = r.below(total_percent);
  for (const share& s : kind_mix) {
    if (at < s.percent) return s.type;
    at -= s.percent;
  }
  return hd::input_type::video;
}

std::string scene(rng& r) {
  return std::string(r.pick(styles)) + ' ' + std::string(r.pick(subjects)) + ' ' + std::string(r.pick(places));
}

// An optional text: mostly present, sometimes null, sometimes absent (GenerateAudioFromVideoRequest.prompt).
template <std::size_t N>
genwire::optional_nullable<std::string> maybe_prompt(rng& r, const std::array<std::string_view, N>& texts) {
  const std::uint64_t roll = r.below(20);
  if (roll < 14) return some(std::string(r.pick(texts)));
  if (roll < 17) return nullable<std::string>();
  return std::nullopt;
}

hd::normalized_point point(rng& r) {
  const double x = static_cast<double>(r.between(5, 95)) / 100;
  const double y = static_cast<double>(r.between(5, 95)) / 100;
  // Decision: four points in five take the published array form [x, y], the rest the reference page's object form {"[0]": x, "[1]": y}: what genwire writes is the published form, and a client must still meet the other, which the page shows.
  if (r.chance(0.8)) return hd::normalized_point{hd::normalized_point_array{x, y}};
  return hd::normalized_point{hd::normalized_point_object{x, y}};
}

// GeneratedVideoInputs.
hd::video_inputs video_inputs(rng& r, std::string text_prompt, const std::string& model, double point_chance) {
  hd::video_inputs v{};
  v.text_prompt = std::move(text_prompt);
  v.ai_model_id = some_id(model);
  v.resolution = some(std::string(r.chance(0.5) ? "720p" : "540p"));
  const std::uint64_t shape = r.below(10);
  v.aspect_ratio = some(std::string(shape < 6 ? "16:9" : shape < 9 ? "9:16" : "1:1"));
  v.duration_ms = some<std::int64_t>(r.chance(0.6) ? 5000 : 10000);
  if (r.chance(point_chance)) v.bounding_box_target = some(point(r));
  if (r.chance(0.5)) v.character_orientation = some(genwire::open_enum<hd::orientation>(r.chance(0.5) ? hd::orientation::image : hd::orientation::video));
  v.enhance_prompt = r.chance(0.3);
  return v;
}

// GenerateTextToSpeechRequest: a text_to_speech input's own members, and a video's audio_generation.
hd::text_to_speech_request speech(rng& r, const catalogue& c) {
  hd::text_to_speech_request s{};
  s.voice_id = uuid(r.pick(c.voices));
  s.text = std::string(r.pick(lines));
  s.type = hd::input_type::text_to_speech;
  s.model_id = r.chance(0.6) ? some_id(c.speech_model) : nullable<uuid>();
  s.stability = r.pick(stabilities);
  s.speed = r.pick(speeds);
  s.language = std::string(r.pick(languages));
  return s;
}

// GenerateVideoRequest (required: generated_video_inputs).
void video(rng& r, const catalogue& c, hd::generation_input& in) {
  const std::string& model = r.chance(0.8) ? c.video_models[0] : c.video_models[1];
  in.generated_video_inputs = video_inputs(r, scene(r), model, 0.7);
  in.ai_model_id = uuid(model);
  if (r.chance(0.75))
    in.start_keyframe_id = some_id(r.uuid());
  else
    in.start_keyframe_url = some(hd::keyframe_url("https://cdn.example.com/keyframes/" + r.uuid() + ".png"));
  if (r.chance(0.15)) in.end_keyframe_id = some_id(r.uuid());
  const std::uint64_t voice = r.below(10);
  if (voice < 5) in.audio_id = some_id(r.uuid());
  if (voice >= 5 && voice < 8) in.audio_generation = some(speech(r, c));
  if (voice < 8 && r.chance(0.3)) in.audio_start_ms = some<std::int64_t>(r.between(0, 20) * 100);
  if (r.chance(0.2)) in.reference_image_ids = some(ids(r, 1, 2));
  in.batch_size = r.chance(0.85) ? 1 : 2;
}

// GenerateTextToSpeechRequest (required: voice_id, text).
void text_to_speech(rng& r, const catalogue& c, hd::generation_input& in) {
  hd::text_to_speech_request s = speech(r, c);
  in.voice_id = std::move(s.voice_id);
  in.text = std::move(s.text);
  in.model_id = std::move(s.model_id);
  in.stability = s.stability;
  in.speed = s.speed;
  in.language = std::move(s.language);
}

// GenerateTextToSoundRequest (required: ai_model_id, text).
void text_to_sound(rng& r, const catalogue& c, hd::generation_input& in) {
  constexpr std::array<double, 5> seconds{2.5, 5, 10, 15, 22.5};  // within 0.5..30
  constexpr std::array<double, 3> influences{0.3, 0.5, 0.7};     // within 0..1
  in.ai_model_id = uuid(c.sound_model);
  in.text = std::string(r.pick(sounds));
  if (r.chance(0.8)) in.duration_seconds = some(hd::sound_duration_seconds(r.pick(seconds)));
  in.prompt_influence = r.chance(0.6) ? some(genwire::bounded<double, 0, 1>(r.pick(influences))) : nullable<genwire::bounded<double, 0, 1>>();
  in.loop = some(r.chance(0.2));
  in.output_format = some(std::string("mp3_44100_128"));
}

// GenerateImageRequest, type image or image_to_image (required: text_prompt, ai_model_id).
void image(rng& r, const catalogue& c, hd::generation_input& in, bool from_image) {
  const image_size& size = r.pick(image_sizes);
  in.text_prompt = scene(r);
  in.ai_model_id = uuid(r.pick(c.image_models));
  in.aspect_ratio = some(std::string(size.aspect_ratio));
  in.resolution = some(std::string(size.resolution));
  in.batch_size = r.between(1, 4);
  in.enhance_prompt = r.chance(0.3);
  if (from_image) {
    in.start_keyframe_id = some_id(r.uuid());
    if (r.chance(0.5)) in.reference_image_ids = some(ids(r, 1, 3));
  }
}

// GenerateImageUpscaleRequest (required: ai_model_id, image_id; upscale_factor has no default).
void image_upscale(rng& r, const catalogue& c, hd::generation_input& in) {
  in.ai_model_id = uuid(c.image_upscaler);
  in.image_id = uuid(r.uuid());
  in.upscale_factor = r.chance(0.7) ? some(hd::upscale_factor_range(r.chance(0.7) ? 2.0 : 4.0)) : nullable<hd::upscale_factor_range>();
}

// GenerateVideoUpscaleRequest (required: ai_model_id, video_id; upscale_factor defaults to 1.5).
void video_upscale(rng& r, const catalogue& c, hd::generation_input& in) {
  in.ai_model_id = uuid(c.video_upscaler);
  in.video_id = some_id(r.uuid());
  if (r.chance(0.8)) in.upscale_factor = some(hd::upscale_factor_range(r.chance(0.5) ? 1.5 : 2.0));
}

// GenerateIsolatedAudioRequest (required: audio_id, ai_model_id).
void audio_isolation(rng& r, const catalogue& c, hd::generation_input& in) {
  in.audio_id = some_id(r.uuid());
  in.ai_model_id = uuid(c.isolator);
}

// GenerateSpeechToSpeechRequest (required: audio_id, ai_model_id, voice_id).
void speech_to_speech(rng& r, const catalogue& c, hd::generation_input& in) {
  in.audio_id = some_id(r.uuid());
  in.ai_model_id = uuid(c.voice_changer);
  in.voice_id = uuid(r.pick(c.voices));
}

// GenerateVoiceCloneRequest (required: audio_id, name).
void voice_clone(rng& r, hd::generation_input& in) {
  in.audio_id = some_id(r.uuid());
  in.name = std::string(r.pick(voice_names)) + ' ' + std::to_string(r.between(1, 9));
}

// GenerateAudioFromVideoRequest (required: audio_generation_model_id, video_id).
void audio_from_video(rng& r, const catalogue& c, hd::generation_input& in) {
  in.audio_generation_model_id = uuid(c.foley_model);
  in.video_id = some_id(r.uuid());
  in.prompt = maybe_prompt(r, soundtracks);
}

// GenerateVideoWithAudioRequest (required: video_generation_model_id, video_id).
void video_with_audio(rng& r, const catalogue& c, hd::generation_input& in) {
  in.video_generation_model_id = uuid(c.soundtrack_model);
  in.video_id = some_id(r.uuid());
  in.prompt = maybe_prompt(r, soundtracks);
}

// GenerateVideoToVideoRequest (required: ai_model_id, video_id, prompt).
void video_to_video(rng& r, const catalogue& c, hd::generation_input& in) {
  in.ai_model_id = uuid(c.editor_model);
  in.video_id = some_id(r.uuid());
  if (r.chance(0.4)) {
    std::vector<hd::edit_element> elements(static_cast<std::size_t>(r.between(1, 2)));
    for (auto& e : elements) {
      e.frontal_image_asset_id = uuid(r.uuid());
      e.reference_image_asset_ids = r.chance(0.5) ? some(ids(r, 1, 2)) : nullable<std::vector<uuid>>();
    }
    in.elements = some(std::move(elements));
    in.prompt = some(std::string(r.pick(element_actions)));
  } else {
    in.prompt = some(std::string(r.pick(restyles)));
  }
  if (r.chance(0.3)) in.reference_image_asset_ids = some(ids(r, 1, 3));
  in.keep_audio = r.chance(0.5);
}

// GenerateMotionControlRequest (required: ai_model_id, video_id, start_keyframe_id, generated_video_inputs).
void motion_control(rng& r, const catalogue& c, hd::generation_input& in) {
  in.ai_model_id = uuid(c.motion_model);
  in.video_id = some_id(r.uuid());
  in.start_keyframe_id = some_id(r.uuid());
  in.generated_video_inputs = video_inputs(r, std::string(r.pick(moves)), c.motion_model, 0.6);
}

// What each kind produces (Generation.type).
hd::asset_type produces(hd::input_type t) {
  switch (t) {
    case hd::input_type::image:
    case hd::input_type::image_to_image:
    case hd::input_type::image_upscale: return hd::asset_type::image;
    case hd::input_type::text_to_speech:
    case hd::input_type::text_to_sound:
    case hd::input_type::audio_isolation:
    case hd::input_type::speech_to_speech:
    case hd::input_type::audio_from_video: return hd::asset_type::audio;
    case hd::input_type::voice_clone: return hd::asset_type::voice;
    case hd::input_type::video:
    case hd::input_type::video_upscale:
    case hd::input_type::video_with_audio:
    case hd::input_type::video_to_video:
    case hd::input_type::motion_control: return hd::asset_type::video;
  }
  return hd::asset_type::video;
}

// ---------------------------------------------------------------------------------------------
// Assets
// ---------------------------------------------------------------------------------------------

constexpr std::string_view media_host = "https://assets.hedra.com/";

// One element of UploadedAudio / GeneratedAudio `transcriptions` (items: object).
struct transcription_segment {
  std::string text;
  double start = 0;
  double end = 0;
};

std::vector<genwire::raw_json> transcript(std::string_view text, std::int64_t duration_ms) {
  auto json = genwire::encode(transcription_segment{std::string(text), 0, static_cast<double>(duration_ms) / 1000});
  return {json ? genwire::raw_json::from_trusted_text(std::move(*json)) : genwire::raw_json()};
}

// Asset's own members; the payload is the caller's.
hd::generation_asset shell(rng& r, const std::string& id, hd::asset_type type, std::string_view name, millis at) {
  hd::generation_asset a{};
  a.id = uuid(id);
  a.type = type;
  a.name = std::string(name.substr(0, 40));
  a.thumbnail_url = std::string(media_host) + "thumbnails/" + id + ".webp";
  a.created_at = genwire::date_time(realistic::rfc3339(at, true));
  a.description = nullable<std::string>();
  a.is_favorite = r.chance(0.1);
  a.recent = true;
  a.favorited_at = *a.is_favorite ? some(genwire::date_time(realistic::rfc3339(at + r.between(1'000, 60'000), true)))
                                  : nullable<genwire::date_time>();
  return a;
}

std::string title_of(const hd::generation_input& in) {
  std::string title;
  for_each_text(in, [&](std::string_view text) {
    if (title.empty()) title = text;
  });
  if (!title.empty()) return title;
  switch (in.type->value()) {
    case hd::input_type::image_upscale: return "Upscaled image";
    case hd::input_type::video_upscale: return "Upscaled video";
    case hd::input_type::audio_isolation: return "Isolated audio";
    case hd::input_type::speech_to_speech: return "Converted speech";
    case hd::input_type::audio_from_video: return "Audio from video";
    case hd::input_type::video_with_audio: return "Video with audio";
    default: return "Generation";
  }
}

genwire::raw_json nested(const hd::generation_asset& a) {
  auto json = genwire::encode(a);
  return json ? genwire::raw_json::from_trusted_text(std::move(*json)) : genwire::raw_json();
}

// UploadedImage: a keyframe the user uploaded before the generation.
hd::generation_asset uploaded_keyframe(rng& r, const std::string& id, std::string_view name, millis at) {
  hd::generation_asset a = shell(r, id, hd::asset_type::image, name, at);
  const image_size& size = r.pick(image_sizes);
  a.asset.type = hd::asset_payload_type::uploaded_image;
  a.asset.width = size.width;
  a.asset.height = size.height;
  a.asset.url = some(std::string(media_host) + "uploads/" + id + ".png");
  return a;
}

// UploadedAudio.
void uploaded_audio(rng& r, hd::asset_payload& p, const std::string& id, std::int64_t duration_ms) {
  p.type = hd::asset_payload_type::uploaded_audio;
  p.duration_ms = duration_ms;
  p.url = some(std::string(media_host) + "audio/" + id + ".mp3");
  if (r.chance(0.4)) p.transcriptions = some(transcript(r.pick(lines), duration_ms));
}

// GeneratedAudio.
void generated_audio(rng& r, hd::asset_payload& p, const std::string& id, std::int64_t duration_ms, hd::audio_inputs inputs) {
  p.type = hd::asset_payload_type::generated_audio;
  p.duration_ms = duration_ms;
  p.url = some(std::string(media_host) + "audio/" + id + ".mp3");
  if (r.chance(0.5)) p.transcriptions = r.chance(0.5) ? some(transcript(inputs.text_prompt, duration_ms)) : nullable<std::vector<genwire::raw_json>>();
  p.generated_audio_inputs = std::move(inputs);
}

std::int64_t spoken_ms(std::string_view text) { return 1500 + static_cast<std::int64_t>(text.size()) * 60; }

hd::audio_inputs speech_inputs(std::string text, const nullable<uuid>* model, const uuid& voice, double stability, double speed,
                               const std::string& language) {
  hd::audio_inputs ai{};
  ai.text_prompt = std::move(text);
  if (model) ai.ai_model_id = *model;
  ai.voice_id = some(voice);
  ai.stability = some(stability);
  ai.speed = some(speed);
  ai.language = some(language);
  return ai;
}

// The generated speech of a video's audio_generation, as the video's nested `audio` asset.
hd::generation_asset generated_speech(rng& r, const hd::text_to_speech_request& s, millis at) {
  const std::string id = r.uuid();
  hd::generation_asset a = shell(r, id, hd::asset_type::audio, s.text, at);
  generated_audio(r, a.asset, id, spoken_ms(s.text),
                  speech_inputs(s.text, s.model_id ? &*s.model_id : nullptr, s.voice_id, s.stability ? s.stability->value : 1.0,
                                s.speed ? s.speed->value : 1.0, s.language.value_or("auto")));
  return a;
}

// The four URLs of a video file: url (null at times: GeneratedVideo allows it, download_url then
// carries the file), download_url, streaming_url and poster_url, each sometimes null.
void video_files(rng& r, hd::asset_payload& p, const std::string& id, bool url_may_be_null) {
  const std::string base = std::string(media_host) + "videos/" + id;
  const bool no_url = url_may_be_null && r.chance(0.1);
  p.url = no_url ? nullable<std::string>() : some(base + ".mp4");
  p.download_url = no_url || r.chance(0.5) ? some(base + ".mp4?download=1") : nullable<std::string>();
  p.streaming_url = r.chance(0.5) ? some(base + ".m3u8") : nullable<std::string>();
  p.poster_url = r.chance(0.5) ? some(base + "_poster.jpg") : nullable<std::string>();
}

frame_size size_of(const hd::video_inputs& v) {
  const std::int64_t side = v.resolution && v.resolution->value_or("") == "720p" ? 720 : 540;
  const std::int64_t wide = side * 16 / 9;
  const std::string aspect = v.aspect_ratio ? v.aspect_ratio->value_or("16:9") : "16:9";
  if (aspect == "9:16") return {side, wide};
  if (aspect == "1:1") return {side, side};
  return {wide, side};
}

// GeneratedVideo. keyframe_start and audio are required (Asset or null), keyframe_end is not.
void generated_video(rng& r, hd::asset_payload& p, const std::string& id, const hd::video_inputs& inputs, frame_size size,
                     std::int64_t duration_ms) {
  p.type = hd::asset_payload_type::generated_video;
  p.width = size.width;
  p.height = size.height;
  video_files(r, p, id, true);
  p.duration_ms = duration_ms;
  p.preview_url = some(std::string(media_host) + "videos/" + id + "_preview.mp4");
  p.generated_video_inputs = inputs;
  p.keyframe_start = genwire::raw_json();
  p.audio = genwire::raw_json();
}

// UploadedVideo.
void uploaded_video(rng& r, hd::asset_payload& p, const std::string& id, frame_size size, std::int64_t duration_ms) {
  p.type = hd::asset_payload_type::uploaded_video;
  p.width = size.width;
  p.height = size.height;
  p.duration_ms = duration_ms;
  video_files(r, p, id, false);
}

hd::video_inputs prompt_only(std::string text) {
  hd::video_inputs v{};
  v.text_prompt = std::move(text);
  return v;
}

std::int64_t scaled(std::int64_t side, double factor) { return static_cast<std::int64_t>(std::llround(static_cast<double>(side) * factor)); }

}  // namespace

catalogue::catalogue(rng& r)
    : video_models{std::string(default_video_model), r.uuid()},
      image_models{r.uuid(), r.uuid()},
      voices{r.uuid(), r.uuid(), r.uuid()},
      speech_model(r.uuid()),
      sound_model(r.uuid()),
      image_upscaler(r.uuid()),
      video_upscaler(r.uuid()),
      isolator(r.uuid()),
      voice_changer(r.uuid()),
      foley_model(r.uuid()),
      soundtrack_model(r.uuid()),
      editor_model(r.uuid()),
      motion_model(r.uuid()) {}

variant make_variant(rng& r, const catalogue& c) {
  variant v;
  const hd::input_type kind = draw_kind(r);
  hd::generation_input& in = v.input;
  in.type = kind;
  switch (kind) {
    case hd::input_type::video: video(r, c, in); break;
    case hd::input_type::text_to_speech: text_to_speech(r, c, in); break;
    case hd::input_type::text_to_sound: text_to_sound(r, c, in); break;
    case hd::input_type::image: image(r, c, in, false); break;
    case hd::input_type::image_to_image: image(r, c, in, true); break;
    case hd::input_type::image_upscale: image_upscale(r, c, in); break;
    case hd::input_type::video_upscale: video_upscale(r, c, in); break;
    case hd::input_type::audio_isolation: audio_isolation(r, c, in); break;
    case hd::input_type::speech_to_speech: speech_to_speech(r, c, in); break;
    case hd::input_type::voice_clone: voice_clone(r, in); break;
    case hd::input_type::audio_from_video: audio_from_video(r, c, in); break;
    case hd::input_type::video_with_audio: video_with_audio(r, c, in); break;
    case hd::input_type::video_to_video: video_to_video(r, c, in); break;
    case hd::input_type::motion_control: motion_control(r, c, in); break;
  }
  v.type = produces(kind);
  v.detail_seed = r.next();
  return v;
}

// Decision: an output made with a text prompt carries the Generated* payload of its media (its inputs hold that prompt); one made without (upscales, audio isolation, speech to speech, audio-from-video and video-with-audio sent without a prompt) carries the Uploaded* payload, since Generated* requires generated_*_inputs.text_prompt and a prompt would be invented.
hd::generation_asset asset_of(const variant& v, const std::string& id, millis created, millis done) {
  rng r(v.detail_seed);
  const hd::generation_input& in = v.input;
  hd::generation_asset a = shell(r, id, v.type, title_of(in), done);
  hd::asset_payload& p = a.asset;
  const millis before = created - r.between(60'000, 3'600'000);  // when the inputs were uploaded
  const frame_size source = r.pick(source_videos);
  const std::int64_t source_ms = r.chance(0.6) ? 5000 : 10000;
  const std::string prompt = in.prompt && *in.prompt ? **in.prompt : std::string();
  switch (in.type->value()) {
    case hd::input_type::video:
    case hd::input_type::motion_control: {
      const hd::video_inputs& gvi = *in.generated_video_inputs;
      const std::int64_t duration = gvi.duration_ms && *gvi.duration_ms ? **gvi.duration_ms : 5000;
      generated_video(r, p, id, gvi, size_of(gvi), duration);
      if (in.start_keyframe_id && *in.start_keyframe_id)
        p.keyframe_start = nested(uploaded_keyframe(r, (**in.start_keyframe_id).text, "Start keyframe", before));
      if (in.end_keyframe_id && *in.end_keyframe_id)
        p.keyframe_end = nested(uploaded_keyframe(r, (**in.end_keyframe_id).text, "End keyframe", before));
      if (in.audio_id && *in.audio_id) {
        const std::string audio_id = (**in.audio_id).text;
        hd::generation_asset voiceover = shell(r, audio_id, hd::asset_type::audio, "Voiceover", before);
        uploaded_audio(r, voiceover.asset, audio_id, duration);
        p.audio = nested(voiceover);
      } else if (in.audio_generation && *in.audio_generation) {
        p.audio = nested(generated_speech(r, **in.audio_generation, created));
      }
      if (in.reference_image_ids) p.reference_image_ids = *in.reference_image_ids;
      if (in.video_id) p.source_video_id = *in.video_id;
      break;
    }
    case hd::input_type::video_to_video:
      generated_video(r, p, id, prompt_only(prompt), source, source_ms);
      p.source_video_id = *in.video_id;
      break;
    case hd::input_type::video_with_audio:
      if (prompt.empty()) {
        uploaded_video(r, p, id, source, source_ms);
      } else {
        generated_video(r, p, id, prompt_only(prompt), source, source_ms);
        p.source_video_id = *in.video_id;
      }
      break;
    case hd::input_type::video_upscale: {
      const double factor = in.upscale_factor && *in.upscale_factor ? (**in.upscale_factor).value : 1.5;
      uploaded_video(r, p, id, {scaled(source.width, factor), scaled(source.height, factor)}, source_ms);
      break;
    }
    case hd::input_type::text_to_speech: {
      const nullable<uuid>* model = in.model_id ? &*in.model_id : nullptr;
      generated_audio(r, p, id, spoken_ms(*in.text),
                      speech_inputs(*in.text, model, *in.voice_id, in.stability ? in.stability->value : 1.0,
                                    in.speed ? in.speed->value : 1.0, in.language.value_or("auto")));
      break;
    }
    case hd::input_type::text_to_sound: {
      hd::audio_inputs ai{};
      ai.text_prompt = *in.text;
      ai.ai_model_id = some(*in.ai_model_id);
      const std::int64_t duration = in.duration_seconds && *in.duration_seconds
                                        ? static_cast<std::int64_t>(std::llround((**in.duration_seconds).value * 1000))
                                        : r.between(3'000, 10'000);
      generated_audio(r, p, id, duration, std::move(ai));
      break;
    }
    case hd::input_type::audio_from_video:
      if (prompt.empty()) {
        uploaded_audio(r, p, id, source_ms);
      } else {
        hd::audio_inputs ai{};
        ai.text_prompt = prompt;
        ai.ai_model_id = some(*in.audio_generation_model_id);
        generated_audio(r, p, id, source_ms, std::move(ai));
      }
      break;
    case hd::input_type::audio_isolation: uploaded_audio(r, p, id, r.between(4'000, 60'000)); break;
    case hd::input_type::speech_to_speech: uploaded_audio(r, p, id, r.between(3'000, 30'000)); break;
    case hd::input_type::image:
    case hd::input_type::image_to_image: {
      std::int64_t width = 1024, height = 1024;
      for (const image_size& s : image_sizes)
        if (in.resolution && in.resolution->value_or("") == s.resolution) width = s.width, height = s.height;
      p.type = hd::asset_payload_type::generated_image;
      p.width = width;
      p.height = height;
      p.url = some(std::string(media_host) + "images/" + id + ".png");
      hd::image_inputs ii{};
      ii.text_prompt = *in.text_prompt;
      ii.ai_model_id = some(*in.ai_model_id);
      ii.aspect_ratio = in.aspect_ratio;
      ii.resolution = in.resolution;
      ii.start_keyframe_id = in.start_keyframe_id ? *in.start_keyframe_id : nullable<uuid>();
      ii.reference_image_ids = in.reference_image_ids ? *in.reference_image_ids : nullable<std::vector<uuid>>();
      p.generated_image_inputs = std::move(ii);
      break;
    }
    case hd::input_type::image_upscale: {
      // GenerateImageUpscaleRequest declares no default factor; 2 ("2.0 for 2x") when none is sent.
      const double factor = in.upscale_factor && *in.upscale_factor ? (**in.upscale_factor).value : 2.0;
      const image_size& original = r.pick(image_sizes);
      p.type = hd::asset_payload_type::uploaded_image;
      p.width = scaled(original.width, factor);
      p.height = scaled(original.height, factor);
      p.url = some(std::string(media_host) + "images/" + id + ".png");
      break;
    }
    case hd::input_type::voice_clone:
      p.type = hd::asset_payload_type::voice;
      p.external_id = r.chance(0.5) ? some("voice_" + r.alnum(20)) : nullable<std::string>();
      p.labels = std::vector<hd::voice_label>{{"source", "clone"}};
      if (r.chance(0.5)) p.labels->push_back({"accent", std::string(r.pick(accents))});
      p.preview_url = some(std::string(media_host) + "voices/" + id + "_preview.mp3");
      p.source = some(std::string("clone"));
      break;
  }
  return a;
}

}  // namespace genwire::mock::detail::hedra_variants
