// Hedra in realistic mode: flat limit/offset paging with page_info, the six filters, progress 0..1.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "realistic_support.hpp"

namespace {

using namespace realistic_test;
namespace hd = genwire::hedra;

std::vector<hd::generation> walk(gm::store& s, hd::list_generations_query q, std::int64_t limit) {
  std::vector<hd::generation> all;
  q.limit = limit;
  for (std::int64_t offset = 0;; offset += limit) {
    q.offset = offset;
    const auto page = strict_page<hedra_list>(s, q);
    EXPECT_EQ(page.page_info.limit, limit);
    EXPECT_EQ(page.page_info.offset, offset);
    EXPECT_LE(page.data.size(), static_cast<std::size_t>(limit));
    all.insert(all.end(), page.data.begin(), page.data.end());
    if (page.data.size() < static_cast<std::size_t>(limit)) break;
  }
  return all;
}

std::vector<std::string> ids_of(const std::vector<hd::generation>& items) {
  std::vector<std::string> out;
  for (const auto& g : items) out.push_back(g.id.text);
  return out;
}

TEST(RealisticHedra, EveryLimitWalksEveryGenerationOnceNewestFirst) {
  constexpr std::size_t items = 260;
  std::vector<std::string> reference;
  for (const std::int64_t limit : {1, 10, 100, 250, 1000}) {
    auto store = gm::make_realistic_store(config(6, items));
    const auto all = walk(*store, {}, limit);
    ASSERT_EQ(all.size(), items) << "limit " << limit;
    const auto ids = ids_of(all);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), items);
    for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GT(millis_of(all[i - 1].created_at), millis_of(all[i].created_at));
    if (reference.empty()) reference = ids;
    EXPECT_EQ(ids, reference);
  }
}

TEST(RealisticHedra, DefaultPageIs100AtOffset0) {
  auto store = gm::make_realistic_store(config(6, 150));
  const auto page = strict_page<hedra_list>(*store, {});
  EXPECT_EQ(page.page_info.limit, 100);
  EXPECT_EQ(page.page_info.offset, 0);
  EXPECT_EQ(page.data.size(), 100u);
  EXPECT_TRUE(strict_page<hedra_list>(*store, {}, other_key).data.empty());
}

TEST(RealisticHedra, GenerationsCarryWhatTheirStatusPromises) {
  auto store = gm::make_realistic_store(config(30, 500));
  hd::list_generations_query q;
  q.limit = 500;
  std::set<hd::generation_status> seen;
  std::set<hd::asset_type> types;
  for (const auto& g : strict_page<hedra_list>(*store, q).data) {
    ASSERT_TRUE(g.status.known());
    seen.insert(g.status.value());
    types.insert(g.type.value());
    EXPECT_GE(g.progress, 0.0) << "progress runs 0..1";
    EXPECT_LE(g.progress, 1.0);
    const bool complete = g.status == hd::generation_status::complete;
    const bool error = g.status == hd::generation_status::error;
    EXPECT_EQ(g.asset.has_value(), complete) << "an asset only once complete";
    if (complete) {
      EXPECT_EQ(g.progress, 1.0);
      ASSERT_TRUE(g.asset->has_value());
      EXPECT_EQ((*g.asset)->id, g.id);
      EXPECT_EQ((*g.asset)->type, g.type);
      EXPECT_GE(millis_of((*g.asset)->created_at), millis_of(g.created_at));
    }
    const bool has_error = g.error && g.error->has_value();
    const bool has_message = g.error_message && g.error_message->has_value();
    if (error)
      EXPECT_NE(has_error, has_message) << "error, or error_message, not both";
    else
      EXPECT_FALSE(has_error || has_message);
    ASSERT_TRUE(g.eta_sec);
    EXPECT_EQ(g.eta_sec->has_value(), !complete && !error);
    ASSERT_TRUE(g.input.type);
  }
  EXPECT_EQ(seen, (std::set<hd::generation_status>{hd::generation_status::queued, hd::generation_status::processing,
                                                   hd::generation_status::finalizing, hd::generation_status::complete,
                                                   hd::generation_status::error}));
  EXPECT_EQ(types, (std::set<hd::asset_type>{hd::asset_type::video, hd::asset_type::image, hd::asset_type::audio,
                                             hd::asset_type::voice}));
}

// Each filter against the same predicate applied to the unfiltered list (the filters are on
// attributes that never change, so walking moves nothing in or out).
class RealisticHedraFilters : public ::testing::Test {
 protected:
  static constexpr std::uint64_t seed = 44;
  static constexpr std::size_t items = 300;

  void SetUp() override {
    store = gm::make_realistic_store(config(seed, items));
    snapshot = walk(*store, {}, 1000);
    ASSERT_EQ(snapshot.size(), items);
  }

  template <class Pred>
  std::vector<std::string> expected(Pred pred) const {
    std::vector<std::string> out;
    for (const auto& g : snapshot)
      if (pred(g)) out.push_back(g.id.text);
    return out;
  }
  std::vector<std::string> filtered(const hd::list_generations_query& q, std::int64_t limit = 9) {
    return ids_of(walk(*store, q, limit));
  }

  std::shared_ptr<gm::realistic_store> store;
  std::vector<hd::generation> snapshot;
};

TEST_F(RealisticHedraFilters, Type) {
  hd::list_generations_query q;
  q.type = hd::generation_filter::video;
  const auto videos = expected([](const hd::generation& g) { return g.type == hd::asset_type::video; });
  EXPECT_GT(videos.size(), 20u);
  EXPECT_EQ(filtered(q), videos);
  // A generation type matches the input's type.
  q.type = hd::generation_filter::text_to_speech;
  const auto speech = expected([](const hd::generation& g) { return g.input.type && *g.input.type == hd::input_type::text_to_speech; });
  EXPECT_GT(speech.size(), 5u);
  EXPECT_EQ(filtered(q), speech);
  q.type = hd::generation_filter::text;
  EXPECT_TRUE(filtered(q).empty());
  // Every value the filter takes: the asset type or the input's type, for every kind of input.
  std::size_t matched_by_input_only = 0;
  for (const std::string_view name : genwire::reflect::enum_names<hd::generation_filter>) {
    SCOPED_TRACE(name);
    auto parsed = genwire::decode_query<hd::list_generations_query, genwire::strict>("type=" + std::string(name));
    ASSERT_TRUE(parsed) << parsed.error().message();
    const auto want = expected([&](const hd::generation& g) {
      return genwire::enum_name(g.type) == name || (g.input.type && genwire::enum_name(*g.input.type) == name);
    });
    EXPECT_EQ(filtered(*parsed, 50), want);
    const bool asset_type = name == "text" || name == "image" || name == "audio" || name == "video" || name == "voice";
    matched_by_input_only += !asset_type && !want.empty() ? 1 : 0;
  }
  // text_to_speech, speech_to_speech, voice_clone, audio_isolation, video_upscale, video_to_video,
  // image_upscale, audio_from_video, text_to_sound: the GenerationType values that are input types.
  EXPECT_EQ(matched_by_input_only, 9u);
}

TEST_F(RealisticHedraFilters, CreatedBeforeAndAfterAreExclusive) {
  const auto all = ids_of(snapshot);
  const auto slice = [&](std::size_t from, std::size_t to) {
    return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to));
  };
  hd::list_generations_query q;
  q.created_before = snapshot[100].created_at;
  EXPECT_EQ(filtered(q), slice(101, all.size()));
  q = {};
  q.created_after = snapshot[100].created_at;
  EXPECT_EQ(filtered(q), slice(0, 100));
  q.created_before = snapshot[40].created_at;
  EXPECT_EQ(filtered(q), slice(41, 100));
}

TEST_F(RealisticHedraFilters, IdsIsACommaSeparatedList) {
  hd::list_generations_query q;
  std::string upper = snapshot[7].id.text;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  q.ids = snapshot[250].id.text + ", " + upper + " ," + snapshot[3].id.text + ",not-a-uuid,";
  EXPECT_EQ(filtered(q, 2), (std::vector<std::string>{snapshot[3].id.text, snapshot[7].id.text, snapshot[250].id.text}))
      << "newest first, whatever order the ids came in";
  q.ids = snapshot[0].id.text;
  EXPECT_EQ(filtered(q), std::vector<std::string>{snapshot[0].id.text});
}

// The free texts of an input, by the OpenAPI's member names: prompts, spoken or sounded text, a
// voice's name, and the speech a video input generates.
std::vector<std::string> texts_of(const hd::generation_input& in) {
  std::vector<std::string> out;
  if (in.generated_video_inputs) out.push_back(in.generated_video_inputs->text_prompt);
  if (in.text_prompt) out.push_back(*in.text_prompt);
  if (in.text) out.push_back(*in.text);
  if (in.prompt && *in.prompt) out.push_back(**in.prompt);
  if (in.name) out.push_back(*in.name);
  if (in.audio_generation && *in.audio_generation) out.push_back((**in.audio_generation).text);
  return out;
}

bool mentions(const hd::generation& g, std::string_view lower_needle) {
  for (std::string text : texts_of(g.input)) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text.find(lower_needle) != std::string::npos) return true;
  }
  return false;
}

TEST_F(RealisticHedraFilters, PromptQuerySearchesEveryTextTheInputHasCaseInsensitively) {
  const auto upper = [](std::string t) {
    for (auto& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return t;
  };
  const auto lower = [](std::string t) {
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  // A word of a text prompt, then the whole text of the first input of each kind that has one:
  // a sound, a spoken line, a voice's name, a video edit's prompt, a motion control's prompt.
  std::vector<std::string> typed{"FoX"};
  for (const hd::input_type kind : {hd::input_type::text_to_sound, hd::input_type::text_to_speech, hd::input_type::voice_clone,
                                    hd::input_type::video_to_video, hd::input_type::motion_control, hd::input_type::audio_from_video}) {
    const auto first = std::find_if(snapshot.begin(), snapshot.end(), [&](const hd::generation& g) {
      return g.input.type && *g.input.type == kind && !texts_of(g.input).empty();
    });
    ASSERT_NE(first, snapshot.end()) << genwire::enum_name(kind);
    typed.push_back(upper(texts_of(first->input)[0]));
  }
  for (const std::string& text : typed) {
    SCOPED_TRACE(text);
    hd::list_generations_query q;
    q.prompt_query = text;
    const auto want = expected([&](const hd::generation& g) { return mentions(g, lower(text)); });
    EXPECT_FALSE(want.empty());
    EXPECT_EQ(filtered(q), want);
  }
  hd::list_generations_query none;
  none.prompt_query = "no generation says this";
  EXPECT_TRUE(filtered(none).empty());
}

TEST_F(RealisticHedraFilters, AgentThreadIdAndCombinations) {
  const auto with_thread = std::find_if(snapshot.begin(), snapshot.end(), [](const hd::generation& g) {
    return g.input.agent_thread_id && g.input.agent_thread_id->has_value();
  });
  ASSERT_NE(with_thread, snapshot.end());
  const std::string thread = (*with_thread->input.agent_thread_id)->text;
  hd::list_generations_query q;
  q.agent_thread_id = genwire::uuid(thread);
  const auto in_thread = expected([&](const hd::generation& g) {
    return g.input.agent_thread_id && g.input.agent_thread_id->has_value() && (*g.input.agent_thread_id)->text == thread;
  });
  EXPECT_GT(in_thread.size(), 3u);
  EXPECT_EQ(filtered(q), in_thread);
  q.type = hd::generation_filter::image;
  const auto images_in_thread = expected([&](const hd::generation& g) {
    return g.type == hd::asset_type::image && g.input.agent_thread_id && g.input.agent_thread_id->has_value() &&
           (*g.input.agent_thread_id)->text == thread;
  });
  EXPECT_EQ(filtered(q), images_in_thread);
  EXPECT_LT(images_in_thread.size(), in_thread.size());
}

// ---------------------------------------------------------------------------------------------
// Every variant of the published OpenAPI at the default --items and --seed
// ---------------------------------------------------------------------------------------------

namespace variants {

using members = std::vector<std::string_view>;

// Members every input schema declares.
const members common_input{"workspace_id", "agent_thread_id", "generation_id", "generation_ids", "type"};

struct input_schema {
  std::string_view schema;       // the OpenAPI's name
  members required;              // its `required`
  members own;                   // its other properties, besides common_input
  hd::asset_type produces;       // the Generation.type it makes
};

// Generation.input's discriminator mapping (14 keys onto 13 schemas), each schema's `required`
// list and properties (components.schemas of Hedra's published OpenAPI).
const std::map<std::string_view, input_schema> input_schemas{
    {"video", {"GenerateVideoRequest-Output", {"generated_video_inputs"},
               {"ai_model_id", "start_keyframe_id", "start_keyframe_url", "end_keyframe_id", "end_keyframe_url", "audio_id",
                "audio_generation", "audio_start_ms", "reference_image_ids", "video_id", "batch_size"},
               hd::asset_type::video}},
    {"text_to_speech", {"GenerateTextToSpeechRequest", {"voice_id", "text"}, {"model_id", "stability", "speed", "language"},
                        hd::asset_type::audio}},
    {"text_to_sound", {"GenerateTextToSoundRequest", {"ai_model_id", "text"},
                       {"duration_seconds", "prompt_influence", "loop", "output_format"}, hd::asset_type::audio}},
    {"image", {"GenerateImageRequest", {"text_prompt", "ai_model_id"},
               {"aspect_ratio", "resolution", "start_keyframe_id", "reference_image_ids", "batch_size", "enhance_prompt"},
               hd::asset_type::image}},
    {"image_to_image", {"GenerateImageRequest", {"text_prompt", "ai_model_id"},
                        {"aspect_ratio", "resolution", "start_keyframe_id", "reference_image_ids", "batch_size", "enhance_prompt"},
                        hd::asset_type::image}},
    {"image_upscale", {"GenerateImageUpscaleRequest", {"ai_model_id", "image_id"}, {"upscale_factor"}, hd::asset_type::image}},
    {"video_upscale", {"GenerateVideoUpscaleRequest", {"ai_model_id", "video_id"}, {"upscale_factor"}, hd::asset_type::video}},
    {"audio_isolation", {"GenerateIsolatedAudioRequest", {"audio_id", "ai_model_id"}, {}, hd::asset_type::audio}},
    {"speech_to_speech", {"GenerateSpeechToSpeechRequest", {"audio_id", "ai_model_id", "voice_id"}, {}, hd::asset_type::audio}},
    {"voice_clone", {"GenerateVoiceCloneRequest", {"audio_id", "name"}, {}, hd::asset_type::voice}},
    {"audio_from_video", {"GenerateAudioFromVideoRequest", {"audio_generation_model_id", "video_id"}, {"prompt"},
                          hd::asset_type::audio}},
    {"video_with_audio", {"GenerateVideoWithAudioRequest", {"video_generation_model_id", "video_id"}, {"prompt"},
                          hd::asset_type::video}},
    {"video_to_video", {"GenerateVideoToVideoRequest", {"ai_model_id", "video_id", "prompt"},
                        {"reference_image_asset_ids", "elements", "keep_audio"}, hd::asset_type::video}},
    {"motion_control", {"GenerateMotionControlRequest-Output", {"ai_model_id", "video_id", "start_keyframe_id", "generated_video_inputs"},
                        {}, hd::asset_type::video}},
};

struct payload_schema {
  members required;
  members own;  // its other properties, besides `type`
};

// Asset.asset's discriminator mapping onto the seven payload schemas (UploadedImage, UploadedAudio,
// UploadedVideo, GeneratedAudio, GeneratedImage, GeneratedVideo, Voice), `required` and properties.
const std::map<std::string_view, payload_schema> payload_schemas{
    {"uploaded_image", {{"width", "height", "url"}, {}}},
    {"uploaded_audio", {{"duration_ms", "url"}, {"transcriptions"}}},
    {"uploaded_video", {{"width", "height", "duration_ms", "url"}, {"download_url", "streaming_url", "poster_url"}}},
    {"generated_audio", {{"duration_ms", "url", "generated_audio_inputs"}, {"transcriptions"}}},
    {"generated_image", {{"width", "height", "url", "generated_image_inputs"}, {}}},
    {"generated_video", {{"width", "height", "duration_ms", "preview_url", "generated_video_inputs", "keyframe_start", "audio"},
                         {"url", "download_url", "streaming_url", "poster_url", "keyframe_end", "reference_image_ids", "source_video_id"}}},
    {"voice", {{}, {"external_id", "labels", "preview_url", "source"}}},
};
// Required, yet `Asset | null` (GeneratedVideo).
const members required_but_nullable{"keyframe_start", "audio"};

bool in(const members& list, std::string_view name) { return std::find(list.begin(), list.end(), name) != list.end(); }

// `object` carries every required member (not null unless the schema allows it) and no member
// its schema does not declare.
void expect_schema_members(const genwire::json::value& object, const members& required, const members& common, const members& own,
                           const std::string& where) {
  ASSERT_TRUE(object.is_object()) << where;
  for (std::string_view name : required) {
    const genwire::json::value* v = object.find(name);
    EXPECT_NE(v, nullptr) << where << " lacks required " << name;
    if (v && !in(required_but_nullable, name)) { EXPECT_FALSE(v->is_null()) << where << "." << name << " is required and not nullable"; }
  }
  for (const auto& [name, value] : *object.as_object())
    EXPECT_TRUE(in(required, name) || in(common, name) || in(own, name)) << where << " has " << name << ", which its schema does not declare";
}

struct listed {
  hd::generation item;
  genwire::json::value raw;
};

// Every generation of every page, decoded strictly and as plain JSON.
std::vector<listed> walk_pages(gm::store& s, std::int64_t limit) {
  std::vector<listed> out;
  hd::list_generations_query q;
  q.limit = limit;
  for (std::int64_t offset = 0;; offset += limit) {
    q.offset = offset;
    const gm::answer a = ask<hedra_list>(s, q);
    const auto page = strict_body<hedra_list>(a);
    auto raw = genwire::parse_json(a.body);
    EXPECT_TRUE(raw.has_value());
    if (!raw) break;
    const genwire::json::array& data = *raw->find("data")->as_array();
    EXPECT_EQ(data.size(), page.data.size());
    for (std::size_t i = 0; i < page.data.size() && i < data.size(); ++i) out.push_back({page.data[i], data[i]});
    if (page.data.size() < static_cast<std::size_t>(limit)) break;
  }
  return out;
}

// A payload against its schema; a GeneratedVideo's nested assets too, each decoded strictly.
void expect_valid_payload(const genwire::json::value& payload, const std::string& where, std::set<std::string>* nested_types = nullptr) {
  const genwire::json::value* type = payload.find("type");
  ASSERT_TRUE(type && type->as_string()) << where;
  const auto schema = payload_schemas.find(*type->as_string());
  ASSERT_NE(schema, payload_schemas.end()) << where << ": " << *type->as_string();
  expect_schema_members(payload, schema->second.required, {"type"}, schema->second.own, where);
  for (std::string_view name : {"keyframe_start", "keyframe_end", "audio"}) {
    const genwire::json::value* inner = payload.find(name);
    if (!inner || inner->is_null()) continue;
    const std::string text = genwire::to_json(*inner);
    auto asset = genwire::decode<hd::generation_asset, genwire::strict>(text);
    EXPECT_TRUE(asset) << where << "." << name << ": " << asset.error().message();
    if (nested_types) nested_types->insert(*inner->find("asset")->find("type")->as_string());
    expect_valid_payload(*inner->find("asset"), where + "." + std::string(name) + ".asset", nested_types);
  }
  if (const genwire::json::value* t = payload.find("transcriptions"); t && t->as_array()) {
    for (const auto& segment : *t->as_array()) EXPECT_TRUE(segment.is_object()) << where << ".transcriptions: items are objects";
  }
}

class RealisticHedraVariants : public ::testing::Test {
 protected:
  // The defaults of --seed and --items.
  static void SetUpTestSuite() {
    const gm::realistic_config defaults;
    ASSERT_EQ(defaults.items, 300u);
    auto store = gm::make_realistic_store(defaults);
    listing = new std::vector<listed>(walk_pages(*store, 100));
  }
  static void TearDownTestSuite() {
    delete listing;
    listing = nullptr;
  }
  static std::vector<listed>* listing;
};
std::vector<listed>* RealisticHedraVariants::listing = nullptr;

TEST_F(RealisticHedraVariants, EveryInputTypeAssetPayloadAndPointFormOccurs) {
  ASSERT_EQ(listing->size(), 300u);
  std::map<std::string, std::size_t> inputs, payloads;
  std::size_t arrays = 0, objects = 0;
  for (const listed& l : *listing) {
    const hd::generation& g = l.item;
    ASSERT_TRUE(g.input.type && g.input.type->known());
    ++inputs[std::string(genwire::enum_name(*g.input.type))];
    if (g.asset && *g.asset && (**g.asset).asset.type) ++payloads[std::string(genwire::enum_name(*(**g.asset).asset.type))];
    if (g.input.generated_video_inputs && g.input.generated_video_inputs->bounding_box_target &&
        *g.input.generated_video_inputs->bounding_box_target) {
      const hd::normalized_point& p = **g.input.generated_video_inputs->bounding_box_target;
      (p.index() == 0 ? arrays : objects) += 1;
    }
  }
  for (const auto& [type, schema] : input_schemas) EXPECT_GE(inputs[std::string(type)], 3u) << type << " (" << schema.schema << ")";
  EXPECT_EQ(inputs.size(), 14u) << "only the discriminator's mapping keys";
  for (const auto& [type, schema] : payload_schemas) EXPECT_GE(payloads[std::string(type)], 3u) << type << " on a complete generation";
  EXPECT_EQ(payloads.size(), 7u);
  EXPECT_GE(objects, 1u) << "the reference page's object form";
  EXPECT_GT(arrays, 2 * objects) << "the published array form most of the time";
}

TEST_F(RealisticHedraVariants, EveryInputCarriesItsSchemasRequiredMembersAndNoOthers) {
  std::set<std::string> nested;
  for (const listed& l : *listing) {
    const hd::generation& g = l.item;
    const std::string type(genwire::enum_name(*g.input.type));
    const std::string where = g.id.text + " (" + type + ")";
    const auto schema = input_schemas.find(type);
    ASSERT_NE(schema, input_schemas.end()) << where;
    const genwire::json::value& input = *l.raw.find("input");
    expect_schema_members(input, schema->second.required, common_input, schema->second.own, where + " input");
    EXPECT_EQ(g.type, schema->second.produces) << where << ": Generation.type agrees with what the input makes";
    if (const auto* speech = input.find("audio_generation"); speech && !speech->is_null())
      expect_schema_members(*speech, input_schemas.at("text_to_speech").required, common_input, input_schemas.at("text_to_speech").own,
                            where + " input.audio_generation");
    const genwire::json::value* video_inputs = input.find("generated_video_inputs");
    if (const genwire::json::value* point = video_inputs ? video_inputs->find("bounding_box_target") : nullptr; point && !point->is_null()) {
      EXPECT_TRUE(point->is_array() || point->is_object()) << where;
    }
    if (g.asset && *g.asset) {
      const hd::generation_asset& a = **g.asset;
      EXPECT_EQ(a.type, g.type) << where;
      expect_valid_payload(*l.raw.find("asset")->find("asset"), where + " asset.asset", &nested);
    }
  }
  // The inputs a video was made from, as GeneratedVideo nests them.
  EXPECT_TRUE(nested.count("uploaded_image")) << "keyframes";
  EXPECT_TRUE(nested.count("uploaded_audio") || nested.count("generated_audio")) << "a video's audio";
}

TEST_F(RealisticHedraVariants, DeclaredRangesHold) {
  for (const listed& l : *listing) {
    const hd::generation_input& in = l.item.input;
    SCOPED_TRACE(l.item.id.text);
    // The ranges as the OpenAPI declares them, independent of the model's bounded types (which strict decoding applies).
    if (in.speed) { EXPECT_TRUE(in.speed->value >= 0.7 && in.speed->value <= 1.2); }
    if (in.duration_seconds && *in.duration_seconds) { EXPECT_TRUE((**in.duration_seconds).value >= 0.5 && (**in.duration_seconds).value <= 30); }
    if (in.prompt_influence && *in.prompt_influence) { EXPECT_TRUE((**in.prompt_influence).value >= 0 && (**in.prompt_influence).value <= 1); }
    if (in.upscale_factor && *in.upscale_factor) { EXPECT_TRUE((**in.upscale_factor).value > 0 && (**in.upscale_factor).value <= 4); }
    if (in.batch_size) { EXPECT_TRUE(in.batch_size->value >= 1 && in.batch_size->value <= 8); }
    for (const auto* url : {&in.start_keyframe_url, &in.end_keyframe_url})
      if (*url && **url) {
        EXPECT_TRUE(genwire::formats::is_uri((***url).text)) << (***url).text;
        EXPECT_LE((***url).text.size(), 2083u);
      }
    if (in.generated_video_inputs && in.generated_video_inputs->bounding_box_target && *in.generated_video_inputs->bounding_box_target) {
      const hd::normalized_point& p = **in.generated_video_inputs->bounding_box_target;
      const double x = p.index() == 0 ? std::get<0>(p)[0].value : std::get<1>(p).x0.value;
      const double y = p.index() == 0 ? std::get<0>(p)[1].value : std::get<1>(p).x1.value;
      EXPECT_TRUE(x >= 0 && x <= 1 && y >= 0 && y <= 1);
    }
  }
}

TEST(RealisticHedraVariantsDeterminism, SameSeedSameBytesOnEveryPage) {
  auto a = gm::make_realistic_store(gm::realistic_config{});
  auto b = gm::make_realistic_store(gm::realistic_config{});
  hd::list_generations_query q;
  q.limit = 100;
  for (std::int64_t offset : {0, 100, 200}) {
    q.offset = offset;
    EXPECT_EQ(ask<hedra_list>(*a, q).body, ask<hedra_list>(*b, q).body) << offset;
  }
}

}  // namespace variants

}  // namespace
