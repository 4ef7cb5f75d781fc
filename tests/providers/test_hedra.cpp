// Hedra GET /web-app/public/generations (its reference page + the published OpenAPI): models, the page's
// example and its strict-mode defects, bounding_box_target's two forms, the 422 body, the query
// codec and summarize().
#include <gtest/gtest.h>

#include <genwire/core.hpp>
#include <genwire/hedra.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "provider_test_support.hpp"

namespace hedra_test {

namespace {

using namespace genwire_test;
using genwire::errc;
namespace hd = genwire::hedra;

hd::list_generations_response decoded(std::string_view text) {
  auto r = genwire::decode<hd::list_generations_response>(text);
  if (!r) throw std::runtime_error(r.error().message());
  return *r;
}

using endpoint = hd::list_generations_endpoint;
using response = hd::list_generations_response;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Descriptor
// ---------------------------------------------------------------------------------------------

static_assert(genwire::endpoint_descriptor<hd::list_generations_endpoint>);

TEST(HedraDescriptor, Identity) {
  EXPECT_EQ(endpoint::name, "hedra.list_generations");
  EXPECT_EQ(endpoint::provider, "hedra");
  EXPECT_EQ(endpoint::method, genwire::http_method::get);
  EXPECT_EQ(endpoint::path, "/web-app/public/generations");
  EXPECT_EQ(endpoint::base_url, "https://api.hedra.com");
  EXPECT_EQ(endpoint::request_in, genwire::request_location::query_string);
  ASSERT_EQ(endpoint::auth.size(), 1u);
  EXPECT_EQ(endpoint::auth[0].header, "X-API-Key");
  EXPECT_EQ(endpoint::auth[0].prefix, "");
  EXPECT_EQ(hd::api_key_prefix, "sk_hedra_");
  EXPECT_EQ(hd::list_generations_query::default_limit, 100);
  EXPECT_EQ(hd::list_generations_query::default_offset, 0);
}

TEST(HedraDescriptor, StatusTableMatchesSeed) {
  // 200 (the reference page) and 422 (the OpenAPI's only declared error).
  const std::vector<int> codes{200, 422};
  ASSERT_EQ(endpoint::statuses.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(endpoint::statuses[i].code, codes[i]);
  EXPECT_EQ(endpoint::statuses[0].meaning, "Successful Response");
  EXPECT_EQ(endpoint::statuses[0].treat, genwire::treatment::complete);
  // The default answer is the page's example made valid, composed by genwire (HedraExamples below).
  EXPECT_EQ(endpoint::statuses[0].body, hd::example_response);
  EXPECT_EQ(endpoint::statuses[0].body_origin, genwire::provenance::composed);
  EXPECT_EQ(endpoint::statuses[1].meaning, "Validation Error");
  EXPECT_EQ(endpoint::statuses[1].treat, genwire::treatment::client_error);
  EXPECT_EQ(endpoint::statuses[1].body, hd::example_error_422);
  EXPECT_EQ(endpoint::statuses[1].body_origin, genwire::provenance::composed);
  for (const auto& row : endpoint::statuses) EXPECT_TRUE(row.headers[0].name.empty());
  EXPECT_EQ(genwire::find_status<endpoint>(401), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

TEST(HedraExamples, EveryExampleRoundTrips) {
  ASSERT_EQ(endpoint::examples.size(), 6u);
  const std::vector<std::pair<std::string_view, genwire::provenance>> names{
      {"request", genwire::provenance::documented},
      {"request_all_parameters", genwire::provenance::composed},
      {"response", genwire::provenance::composed},
      {"response_reference_page", genwire::provenance::documented},
      {"response_variants", genwire::provenance::composed},
      {"error_422", genwire::provenance::composed}};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const genwire::example& ex = endpoint::examples[i];
    SCOPED_TRACE(ex.name);
    EXPECT_EQ(ex.name, names[i].first);
    EXPECT_EQ(ex.origin, names[i].second);
    switch (ex.kind) {
      case genwire::example_kind::request: {
        auto q = genwire::decode_query<hd::list_generations_query>(ex.body);
        ASSERT_TRUE(q) << q.error().message();
        auto text = genwire::encode_query(*q);
        ASSERT_TRUE(text) << text.error().message();
        EXPECT_EQ(*text, ex.body);
        break;
      }
      case genwire::example_kind::response:
        EXPECT_EQ(ex.status, 200);
        EXPECT_TRUE(round_trips<response>(ex.body));
        break;
      case genwire::example_kind::error:
        EXPECT_EQ(ex.status, 422);
        EXPECT_TRUE(round_trips<hd::http_validation_error>(ex.body));
        break;
      case genwire::example_kind::fragment: ADD_FAILURE() << "no fragments expected"; break;
    }
  }
}

TEST(HedraExamples, TheDefaultIsTheValidPageAndTheVerbatimPageKeepsItsName) {
  const auto body_of = [](std::string_view name) {
    for (const genwire::example& ex : endpoint::examples)
      if (ex.name == name) return ex.body;
    ADD_FAILURE() << "no example " << name;
    return std::string_view{};
  };
  EXPECT_EQ(body_of("response"), hd::example_response);
  EXPECT_EQ(body_of("response"), genwire::find_status<endpoint>(200)->body);
  EXPECT_EQ(body_of("response_reference_page"), hd::example_response_reference_page);
  EXPECT_NE(hd::example_response, hd::example_response_reference_page);
}

// The default example is the page's, member for member, but for the values that break the
// published OpenAPI or genwire's strict rules (and the two URLs that are no URLs): applying exactly
// these fixes to the verbatim page gives it.
TEST(HedraExamples, TheDefaultIsThePageWithItsDefectsFixed) {
  const std::vector<std::pair<std::string_view, std::string_view>> fixes{
      {"data[0].input.generated_video_inputs.bounding_box_target", "[0.5, 0.5]"},  // the published array form
      {"data[0].input.start_keyframe_url", R"("https://example.com/start.png")"},  // format uri
      {"data[0].input.end_keyframe_url", R"("https://example.com/end.png")"},      // format uri
      {"data[0].progress", "1"},                                                   // "Between 0-1", was 123
      {"data[0].created_at", R"("2025-06-01T12:00:00Z")"},                         // date-time
      {"data[0].asset.thumbnail_url", R"("https://example.com/thumbnail.png")"},   // a URL by name
      {"data[0].asset.created_at", R"("2025-06-01T12:00:41Z")"},                   // date-time
      {"data[0].asset.asset.url", R"("https://example.com/image.png")"},           // a URL by name
      {"data[0].asset.favorited_at", R"("2025-06-01T12:05:00Z")"},                 // date-time
  };
  std::string text(hd::example_response_reference_page);
  for (const auto& [path, value] : fixes) {
    SCOPED_TRACE(path);
    const std::string next = edited(text, path, value);
    EXPECT_FALSE(same_json(next, text)) << "the page already had this value";
    text = next;
  }
  EXPECT_TRUE(same_json(text, hd::example_response));
}

TEST(HedraExamples, TheDefaultHasNoStrictDefects) {
  auto strict = genwire::decode<response, genwire::strict>(hd::example_response);
  ASSERT_TRUE(strict) << strict.error().message();
  EXPECT_TRUE(round_trips<response>(hd::example_response));
  ASSERT_EQ(strict->data.size(), 1u);
  const hd::generation& g = strict->data[0];
  EXPECT_GE(g.progress, 0.0);
  EXPECT_LE(g.progress, 1.0);
  ASSERT_TRUE(g.input.generated_video_inputs && g.input.generated_video_inputs->bounding_box_target &&
              *g.input.generated_video_inputs->bounding_box_target);
  EXPECT_EQ((**g.input.generated_video_inputs->bounding_box_target).index(), 0u) << "the published array form";
  for (const genwire::date_time* t : {&g.created_at, &(**g.asset).created_at, &**(**g.asset).favorited_at})
    EXPECT_TRUE(t->time()) << t->text;
  for (std::string_view url : {std::string_view((**g.input.start_keyframe_url).text), std::string_view((**g.input.end_keyframe_url).text),
                               std::string_view((**g.asset).thumbnail_url), std::string_view(**(**g.asset).asset.url)}) {
    SCOPED_TRACE(url);
    EXPECT_TRUE(genwire::formats::is_uri(url));
    EXPECT_TRUE(url.starts_with("https://"));
  }
  // The verbatim page is not: StrictDefectsOfTheSeedExample lists what strict mode reports on it.
  EXPECT_FALSE((genwire::decode<response, genwire::strict>(hd::example_response_reference_page)));
}

TEST(HedraExamples, SeedExampleValues) {
  const response page = decoded(hd::example_response_reference_page);
  EXPECT_EQ(page.page_info.limit, 123);
  EXPECT_EQ(page.page_info.offset, 123);
  ASSERT_EQ(page.data.size(), 1u);
  const hd::generation& g = page.data[0];
  EXPECT_EQ(g.id.text, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
  EXPECT_EQ(g.type, hd::asset_type::text);
  EXPECT_EQ(g.status, hd::generation_status::complete);
  EXPECT_DOUBLE_EQ(g.progress, 123.0);
  EXPECT_EQ(g.created_at.text, "<string>");
  EXPECT_EQ(g.eta_sec, genwire::nullable<std::int64_t>(123));
  EXPECT_EQ(g.credit_cost, genwire::nullable<std::int64_t>(123));
  ASSERT_TRUE(g.batch_generation_id && *g.batch_generation_id);
  EXPECT_EQ(**g.batch_generation_id, "<string>");

  // input: GenerateVideoRequest.
  const hd::generation_input& in = g.input;
  ASSERT_TRUE(in.type.has_value());
  EXPECT_EQ(*in.type, hd::input_type::video);
  ASSERT_TRUE(in.generated_video_inputs.has_value());
  const hd::video_inputs& v = *in.generated_video_inputs;
  EXPECT_EQ(v.text_prompt, "<string>");
  EXPECT_EQ((**v.duration_ms), 123);
  ASSERT_TRUE(v.bounding_box_target && *v.bounding_box_target);
  const hd::normalized_point& point = **v.bounding_box_target;
  ASSERT_EQ(point.index(), 1u);  // the page's object form
  EXPECT_DOUBLE_EQ(std::get<hd::normalized_point_object>(point).x0.value, 0.5);
  EXPECT_DOUBLE_EQ(std::get<hd::normalized_point_object>(point).x1.value, 0.5);
  EXPECT_EQ(**v.character_orientation, hd::orientation::video);
  EXPECT_EQ(v.enhance_prompt, false);
  EXPECT_EQ(in.ai_model_id->text, "d1dd37a3-e39a-4854-a298-6510289f9cf2");
  EXPECT_EQ((**in.start_keyframe_url).text, "<string>");
  ASSERT_TRUE(in.generation_ids && *in.generation_ids);
  ASSERT_EQ((**in.generation_ids).size(), 1u);
  EXPECT_EQ((**in.audio_start_ms), 123);
  EXPECT_EQ(in.batch_size->value, 1);
  ASSERT_TRUE(in.audio_generation && *in.audio_generation);
  const hd::text_to_speech_request& tts = **in.audio_generation;
  EXPECT_EQ(tts.voice_id.text, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
  EXPECT_EQ(*tts.type, hd::input_type::text_to_speech);
  EXPECT_DOUBLE_EQ(tts.stability->value, 1.0);
  EXPECT_EQ(tts.speed, 1.0);
  EXPECT_EQ(tts.language, "auto");
  EXPECT_FALSE(in.text.has_value());  // other variants' members stay absent

  // asset.
  ASSERT_TRUE(g.asset && *g.asset);
  const hd::generation_asset& a = **g.asset;
  EXPECT_EQ(a.type, hd::asset_type::text);
  EXPECT_EQ(a.name, "<string>");
  EXPECT_EQ(a.asset.width, 123);
  EXPECT_EQ(a.asset.height, 123);
  EXPECT_EQ(*a.asset.type, hd::asset_payload_type::uploaded_image);
  EXPECT_EQ(**a.asset.url, "<string>");
  EXPECT_EQ(a.is_favorite, false);
  EXPECT_EQ(a.recent, false);
  EXPECT_EQ((**a.favorited_at).text, "<string>");

  // error.
  ASSERT_TRUE(g.error && *g.error);
  EXPECT_EQ((**g.error).type, hd::generation_error_type::UNKNOWN);
  EXPECT_EQ((**g.error).message, "<string>");
  EXPECT_EQ(**g.error_message, "<string>");
}

// The reference page's example against the OpenAPI, field by field. Default rules accept it as documented;
// strict rules report each value that breaks its declared format (decoding stops at the first
// defect, so each is fixed in turn and the next one must be the following entry).
TEST(HedraExamples, StrictDefectsOfTheSeedExample) {
  struct defect {
    std::string_view path;
    errc code;
    std::string_view fix;  // a valid value, to reach the next defect
  };
  const std::vector<defect> defects{
      {"data[0].input.start_keyframe_url", errc::format, R"("https://example.com/start.png")"},  // "<string>", format uri
      {"data[0].input.end_keyframe_url", errc::format, R"("https://example.com/end.png")"},      // "<string>", format uri
      {"data[0].created_at", errc::format, R"("2025-06-01T12:00:00Z")"},                         // "<string>" as a date-time
      {"data[0].asset.created_at", errc::format, R"("2025-06-01T12:00:41Z")"},                   // "<string>" as a date-time
      {"data[0].asset.favorited_at", errc::format, R"("2025-06-01T12:05:00Z")"},                 // "<string>" as a date-time
  };
  ASSERT_TRUE(genwire::decode<response>(hd::example_response_reference_page));  // default rules: no defect
  std::string text(hd::example_response_reference_page);
  for (const defect& d : defects) {
    SCOPED_TRACE(d.path);
    EXPECT_TRUE((fails_at<response, genwire::strict>(text, d.path, d.code)));
    text = edited(text, d.path, d.fix);
  }
  auto clean = genwire::decode<response, genwire::strict>(text);
  EXPECT_TRUE(clean) << "a defect is not listed: " << clean.error().message();

  // Not defects under genwire's strict rules, though they are odd against the OpenAPI:
  // progress 123 (described "Between 0-1", no declared bounds), bounding_box_target as an object
  // (declared alternative), "<string>" in plain-string members (no declared format).
  auto fixed = genwire::decode<response, genwire::strict>(text);
  ASSERT_TRUE(fixed);
  EXPECT_DOUBLE_EQ(fixed->data[0].progress, 123.0);
}

TEST(HedraExamples, StrictAcceptsComposedExamples) {
  auto variants = genwire::decode<response, genwire::strict>(hd::example_response_variants);
  EXPECT_TRUE(variants) << variants.error().message();
  auto error = genwire::decode<hd::http_validation_error, genwire::strict>(hd::example_error_422);
  EXPECT_TRUE(error) << error.error().message();
  auto query = genwire::decode_query<hd::list_generations_query, genwire::strict>(hd::example_request_all_parameters);
  EXPECT_TRUE(query) << query.error().message();
}

TEST(HedraExamples, VariantsValues) {
  const response page = decoded(hd::example_response_variants);
  ASSERT_EQ(page.data.size(), 4u);

  // Text to speech, processing, explicit nulls.
  const hd::generation& tts = page.data[0];
  EXPECT_EQ(tts.type, hd::asset_type::audio);
  EXPECT_EQ(*tts.input.type, hd::input_type::text_to_speech);
  EXPECT_EQ(tts.input.voice_id->text, "0f8e1d2c-3b4a-4596-8877-66554433a2b1");
  EXPECT_EQ(tts.input.text, "Welcome back to the channel.");
  ASSERT_TRUE(tts.input.model_id.has_value());
  EXPECT_FALSE(tts.input.model_id->has_value());
  EXPECT_DOUBLE_EQ(tts.input.stability->value, 0.5);
  EXPECT_EQ(tts.input.speed, 1.1);
  EXPECT_EQ(tts.input.language, "Chinese,Yue");
  EXPECT_FALSE(tts.input.generated_video_inputs.has_value());
  EXPECT_EQ(tts.status, hd::generation_status::processing);
  EXPECT_DOUBLE_EQ(tts.progress, 0.42);
  for (bool null_present : {tts.credit_cost && !*tts.credit_cost, tts.asset && !*tts.asset, tts.error && !*tts.error,
                            tts.error_message && !*tts.error_message, tts.batch_generation_id && !*tts.batch_generation_id})
    EXPECT_TRUE(null_present);

  // Video with the array form of bounding_box_target and a structured error.
  const hd::generation& video = page.data[1];
  const hd::normalized_point& point = **video.input.generated_video_inputs->bounding_box_target;
  ASSERT_EQ(point.index(), 0u);
  EXPECT_DOUBLE_EQ(std::get<hd::normalized_point_array>(point)[0].value, 0.25);
  EXPECT_DOUBLE_EQ(std::get<hd::normalized_point_array>(point)[1].value, 0.75);
  EXPECT_EQ(**video.input.generated_video_inputs->character_orientation, hd::orientation::image);
  EXPECT_EQ(**video.input.audio_start_ms, -1000);
  EXPECT_EQ(video.input.batch_size->value, 2);
  EXPECT_EQ((**video.error).type, hd::generation_error_type::MODERATION_FAILED);

  // Complete image with a generated_image asset.
  const hd::generation& image = page.data[2];
  const hd::generation_asset& a = **image.asset;
  EXPECT_EQ(*a.asset.type, hd::asset_payload_type::generated_image);
  ASSERT_TRUE(a.asset.generated_image_inputs.has_value());
  EXPECT_EQ(a.asset.generated_image_inputs->text_prompt, "A watercolor fox in a misty forest.");
  EXPECT_EQ(**a.asset.generated_image_inputs->aspect_ratio, "1:1");
  EXPECT_FALSE(image.eta_sec.has_value());  // absent, not null
  EXPECT_EQ(a.is_favorite, true);

  // Voice clone that failed with only error_message.
  const hd::generation& voice = page.data[3];
  EXPECT_EQ(*voice.input.type, hd::input_type::voice_clone);
  EXPECT_EQ(voice.input.name, "Narrator");
  EXPECT_FALSE(voice.error.has_value());
  EXPECT_EQ(**voice.error_message, "The audio sample is too short to clone a voice.");
}

// ---------------------------------------------------------------------------------------------
// bounding_box_target: array or object, each re-encoded in its own form
// ---------------------------------------------------------------------------------------------

TEST(HedraBoundingBox, BothFormsRoundTripInTheirOwnShape) {
  auto object_form = genwire::decode<hd::video_inputs>(R"({"text_prompt":"x","bounding_box_target":{"[0]":0.1,"[1]":0.9}})");
  ASSERT_TRUE(object_form);
  EXPECT_EQ(*genwire::encode(*object_form), R"({"text_prompt":"x","bounding_box_target":{"[0]":0.1,"[1]":0.9}})");
  auto array_form = genwire::decode<hd::video_inputs>(R"({"text_prompt":"x","bounding_box_target":[0,1]})");
  ASSERT_TRUE(array_form);
  EXPECT_EQ(*genwire::encode(*array_form), R"({"text_prompt":"x","bounding_box_target":[0,1]})");
  auto null_form = genwire::decode<hd::video_inputs>(R"({"text_prompt":"x","bounding_box_target":null})");
  ASSERT_TRUE(null_form);
  EXPECT_TRUE(null_form->bounding_box_target.has_value() && !null_form->bounding_box_target->has_value());

  // Built in code, either form.
  hd::video_inputs built;
  built.text_prompt = "y";
  built.bounding_box_target = hd::normalized_point{hd::normalized_point_array{0.5, 0.25}};
  EXPECT_EQ(*genwire::encode(built), R"({"text_prompt":"y","bounding_box_target":[0.5,0.25]})");
  built.bounding_box_target = hd::normalized_point{hd::normalized_point_object{0.5, 0.25}};
  EXPECT_EQ(*genwire::encode(built), R"({"text_prompt":"y","bounding_box_target":{"[0]":0.5,"[1]":0.25}})");
  built.bounding_box_target = hd::normalized_point{hd::normalized_point_object{1.5, 0.25}};
  auto bad = genwire::encode(built);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::out_of_range);
}

TEST(HedraBoundingBox, Violations) {
  const std::string_view base = R"({"text_prompt":"x","bounding_box_target":null})";
  const std::vector<std::tuple<std::string_view, std::string_view, errc>> cases{
      {"[0.5]", "bounding_box_target", errc::wrong_type},
      {"[0.5,0.5,0.5]", "bounding_box_target[2]", errc::wrong_type},
      {"[1.5,0]", "bounding_box_target[0]", errc::out_of_range},
      {"[0,-0.1]", "bounding_box_target[1]", errc::out_of_range},
      {"[0.5,\"a\"]", "bounding_box_target[1]", errc::wrong_type},
      {R"({"[0]":2,"[1]":0})", R"(bounding_box_target["[0]"])", errc::out_of_range},
      {R"({"[0]":0.5})", R"(bounding_box_target["[1]"])", errc::missing_key},
      {"\"0.5,0.5\"", "bounding_box_target", errc::wrong_type},
  };
  for (const auto& [value, path, code] : cases) {
    SCOPED_TRACE(value);
    EXPECT_TRUE(fails_at<hd::video_inputs>(edited(base, "bounding_box_target", value), path, code));
  }
  // Strict: an extra key in the object form.
  EXPECT_TRUE((fails_at<hd::video_inputs, genwire::strict>(R"({"text_prompt":"x","bounding_box_target":{"[0]":0,"[1]":0,"[2]":0}})",
                                                          R"(bounding_box_target["[2]"])", errc::unknown_key)));
  // Inside the page's example.
  EXPECT_TRUE(fails_at<response>(
      edited(hd::example_response_reference_page, R"(data[0].input.generated_video_inputs.bounding_box_target["[1]"])", "7"),
      R"(data[0].input.generated_video_inputs.bounding_box_target["[1]"])", errc::out_of_range));
}

// ---------------------------------------------------------------------------------------------
// Presence, types, nulls, constraints, enums
// ---------------------------------------------------------------------------------------------

TEST(HedraResponse, RequiredKeysReportMissingKey) {
  for (std::string_view path :
       {"page_info", "data", "page_info.limit", "page_info.offset", "data[0].id", "data[0].type", "data[0].input",
        "data[0].status", "data[0].progress", "data[0].created_at", "data[0].input.generated_video_inputs.text_prompt",
        "data[0].input.audio_generation.voice_id", "data[0].input.audio_generation.text", "data[0].asset.id",
        "data[0].asset.type", "data[0].asset.name", "data[0].asset.thumbnail_url", "data[0].asset.created_at",
        "data[0].asset.asset", "data[0].error.type", "data[0].error.message"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<response>(without(hd::example_response_reference_page, path), path, errc::missing_key));
  }
  EXPECT_TRUE(fails_at<response>(without(hd::example_response_variants, "data[2].asset.asset.generated_image_inputs.text_prompt"),
                                 "data[2].asset.asset.generated_image_inputs.text_prompt", errc::missing_key));
}

TEST(HedraResponse, OptionalKeysMayBeAbsent) {
  for (std::string_view path :
       {"data[0].eta_sec", "data[0].credit_cost", "data[0].batch_generation_id", "data[0].asset", "data[0].error",
        "data[0].error_message", "data[0].input.type", "data[0].input.generated_video_inputs",
        "data[0].input.audio_generation.type", "data[0].input.batch_size", "data[0].asset.description",
        "data[0].asset.is_favorite", "data[0].asset.recent", "data[0].asset.favorited_at", "data[0].asset.asset.type",
        "data[0].input.generated_video_inputs.bounding_box_target"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(round_trips<response>(without(hd::example_response_reference_page, path)));
  }
}

TEST(HedraResponse, WrongTypesReportPath) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"page_info.limit", "\"123\""},
      {"data", "{}"},
      {"data[0].id", "42"},
      {"data[0].input", "[]"},
      {"data[0].progress", "\"123\""},
      {"data[0].eta_sec", "1.5"},
      {"data[0].credit_cost", "\"5\""},
      {"data[0].status", "true"},
      {"data[0].input.generation_ids", "\"3c90c3cc-0d44-4b50-8888-8dd25736052a\""},
      {"data[0].input.generation_ids[0]", "1"},
      {"data[0].input.audio_generation", "\"tts\""},
      {"data[0].asset.is_favorite", "\"no\""},
      {"data[0].asset.asset.width", "12.5"},
      {"data[0].error", "\"UNKNOWN\""},
  };
  for (const auto& [path, value] : cases) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<response>(edited(hd::example_response_reference_page, path, value), path, errc::wrong_type));
  }
}

TEST(HedraResponse, NullRules) {
  // May be null.
  for (std::string_view path :
       {"data[0].eta_sec", "data[0].credit_cost", "data[0].batch_generation_id", "data[0].asset", "data[0].error",
        "data[0].error_message", "data[0].input.workspace_id", "data[0].input.audio_generation",
        "data[0].input.start_keyframe_url", "data[0].input.reference_image_ids", "data[0].asset.description",
        "data[0].asset.favorited_at", "data[0].asset.asset.url", "data[0].input.generated_video_inputs.character_orientation"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(round_trips<response>(edited(hd::example_response_reference_page, path, "null")));
  }
  // Never null.
  for (std::string_view path :
       {"data[0].id", "data[0].status", "data[0].progress", "data[0].created_at", "data[0].input",
        "data[0].input.type", "data[0].input.ai_model_id", "data[0].input.batch_size", "data[0].asset.is_favorite",
        "data[0].asset.name", "data[0].input.generated_video_inputs.enhance_prompt"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<response>(edited(hd::example_response_reference_page, path, "null"), path, errc::wrong_type));
  }
}

TEST(HedraResponse, ConstraintsReportOutOfRange) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"data[0].input.batch_size", "9"},
      {"data[0].input.batch_size", "0"},
      {"data[0].input.audio_generation.stability", "1.5"},
      {"data[0].input.audio_generation.stability", "-0.01"},
      {"data[0].input.prompt_influence", "2"},
      {"data[0].input.stability", "-1"},
  };
  for (const auto& [path, value] : cases) {
    SCOPED_TRACE(testing::Message() << path << " = " << value);
    EXPECT_TRUE(fails_at<response>(edited(hd::example_response_reference_page, path, value), path, errc::out_of_range));
  }
  // The edges pass.
  for (std::string_view v : {"1", "8"})
    EXPECT_TRUE(genwire::decode<response>(edited(hd::example_response_reference_page, "data[0].input.batch_size", v)));
  // progress: documented "Between 0-1" but undeclared, and the page's example sends 123.
  for (std::string_view v : {"123", "-1", "0", "1", "0.5", "100"}) {
    SCOPED_TRACE(v);
    EXPECT_TRUE(round_trips<response>(edited(hd::example_response_variants, "data[0].progress", v)));
    EXPECT_TRUE((genwire::decode<response, genwire::strict>(edited(hd::example_response_variants, "data[0].progress", v))));
  }
}

TEST(HedraResponse, OpenEnumsKeepUnknownValues) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"data[0].status", "cancelled"},
      {"data[0].type", "model_3d"},
      {"data[1].error.type", "DEADLINE_EXCEEDED"},
      {"data[0].input.type", "lipsync"},
      {"data[1].input.generated_video_inputs.character_orientation", "landscape"},
      {"data[2].asset.type", "document"},
      {"data[2].asset.asset.type", "generated_3d"},
  };
  for (const auto& [path, value] : cases) {
    SCOPED_TRACE(path);
    const std::string text = edited(hd::example_response_variants, path, quoted(value));
    EXPECT_TRUE(round_trips<response>(text));
    EXPECT_TRUE((fails_at<response, genwire::strict>(text, path, errc::unknown_enum)));
  }
  auto r = genwire::decode<response>(edited(hd::example_response_variants, "data[0].status", "\"cancelled\""));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->data[0].status.known());
  EXPECT_EQ(r->data[0].status.unknown_text(), "cancelled");
  // Every documented status, including pending (docs/providers-hedra.md), is known in strict mode.
  for (std::string_view s : {"complete", "error", "processing", "queued", "finalizing", "pending"}) {
    auto one = genwire::decode<response, genwire::strict>(
        edited(hd::example_response_variants, "data[0].status", quoted(s)));
    ASSERT_TRUE(one) << s;
    EXPECT_TRUE(one->data[0].status.known());
  }
  // Every input discriminator of the OpenAPI is known.
  for (std::string_view t : {"video", "text_to_speech", "text_to_sound", "image", "image_to_image", "image_upscale",
                             "video_upscale", "audio_isolation", "speech_to_speech", "voice_clone", "audio_from_video",
                             "video_with_audio", "video_to_video", "motion_control"}) {
    auto one = genwire::decode<response, genwire::strict>(
        edited(hd::example_response_variants, "data[3].input.type", quoted(t)));
    EXPECT_TRUE(one) << t;
  }
}

TEST(HedraResponse, StrictRejectsUnknownKeys) {
  for (std::string_view path : {"next", "page_info.total", "data[0].priority", "data[0].input.seed",
                                "data[2].asset.asset.bitrate", "data[1].error.code"}) {
    SCOPED_TRACE(path);
    const std::string text = edited(hd::example_response_variants, path, "1");
    EXPECT_TRUE(genwire::decode<response>(text));
    EXPECT_TRUE((fails_at<response, genwire::strict>(text, path, errc::unknown_key)));
  }
}

TEST(HedraResponse, OtherInputAndAssetSchemasDecode) {
  // One input of each remaining schema (OpenAPI oneOf), each valid in strict mode.
  const std::vector<std::string_view> inputs{
      R"({"type":"text_to_sound","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","text":"rain","duration_seconds":4.5,"prompt_influence":0.3,"loop":true,"output_format":"mp3_44100_128"})",
      R"({"type":"image_upscale","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","image_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","upscale_factor":null})",
      R"({"type":"video_upscale","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","video_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","upscale_factor":1.5})",
      R"({"type":"audio_isolation","audio_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f"})",
      R"({"type":"speech_to_speech","audio_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","voice_id":"0f8e1d2c-3b4a-4596-8877-66554433a2b1"})",
      R"({"type":"audio_from_video","audio_generation_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","video_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","prompt":null})",
      R"({"type":"video_with_audio","video_generation_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","video_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","prompt":"add sound"})",
      R"({"type":"video_to_video","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","video_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","prompt":"@Element1 dances","reference_image_asset_ids":null,"elements":[{"frontal_image_asset_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","reference_image_asset_ids":["5b0e8c3a-9d21-4f6e-8a7b-2c4d6e8f0a13"]}],"keep_audio":true})",
      R"({"type":"motion_control","ai_model_id":"7e9a1c3b-5d7f-4b9d-8e0a-2c4e6a8b0d1f","video_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","start_keyframe_id":"5b0e8c3a-9d21-4f6e-8a7b-2c4d6e8f0a13","generated_video_inputs":{"text_prompt":"follow the dancer","character_orientation":"video"}})",
  };
  for (std::string_view in : inputs) {
    SCOPED_TRACE(in);
    auto r = genwire::decode<hd::generation_input, genwire::strict>(in);
    EXPECT_TRUE(r) << r.error().message();
    EXPECT_TRUE(round_trips<hd::generation_input>(in));
  }
  auto sound = genwire::decode<hd::generation_input>(inputs[0]);
  EXPECT_DOUBLE_EQ(**sound->duration_seconds, 4.5);
  EXPECT_EQ(**sound->loop, true);
  auto v2v = genwire::decode<hd::generation_input>(inputs[7]);
  ASSERT_EQ((**v2v->elements).size(), 1u);
  EXPECT_EQ((**v2v->elements)[0].frontal_image_asset_id.text, "c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4");

  // Asset payloads of the other schemas; GeneratedVideo's nested assets are kept as raw JSON.
  const std::vector<std::string_view> payloads{
      R"({"type":"uploaded_audio","duration_ms":3000,"url":"https://a/x.mp3","transcriptions":[{"text":"hi","start":0}]})",
      R"({"type":"uploaded_video","width":1280,"height":720,"duration_ms":5000,"url":"https://a/x.mp4","download_url":null,"streaming_url":"https://a/x.m3u8","poster_url":null})",
      R"({"type":"generated_audio","duration_ms":2000,"url":"https://a/y.mp3","generated_audio_inputs":{"text_prompt":"hello","voice_id":null,"stability":0.5,"speed":1.0,"language":"English"},"transcriptions":null})",
      R"({"type":"generated_video","width":1280,"height":720,"url":null,"download_url":"https://a/d.mp4","streaming_url":null,"poster_url":null,"duration_ms":5000,"preview_url":"https://a/p.gif","generated_video_inputs":{"text_prompt":"wave"},"keyframe_start":{"id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","type":"image","name":"start","thumbnail_url":"https://a/t.png","created_at":"2025-06-01T12:00:00Z","asset":{"type":"uploaded_image","width":1,"height":1,"url":"https://a/s.png"}},"keyframe_end":null,"audio":null,"reference_image_ids":null,"source_video_id":null})",
      R"({"type":"voice","external_id":"ext-1","labels":[{"name":"accent","value":"british"}],"preview_url":null,"source":"clone"})",
  };
  for (std::string_view p : payloads) {
    SCOPED_TRACE(p);
    auto r = genwire::decode<hd::asset_payload, genwire::strict>(p);
    EXPECT_TRUE(r) << r.error().message();
    EXPECT_TRUE(round_trips<hd::asset_payload>(p));
  }
  auto video = genwire::decode<hd::asset_payload>(payloads[3]);
  ASSERT_TRUE(video && video->keyframe_start);
  auto nested = genwire::decode<hd::generation_asset, genwire::strict>(video->keyframe_start->text());
  ASSERT_TRUE(nested) << nested.error().message();
  EXPECT_EQ(nested->name, "start");
  EXPECT_EQ(video->keyframe_end->text(), "null");
}

// ---------------------------------------------------------------------------------------------
// 422 HTTPValidationError
// ---------------------------------------------------------------------------------------------

TEST(HedraErrors, ValidationErrorShape) {
  auto e = genwire::decode<hd::http_validation_error>(hd::example_error_422);
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->detail.has_value());
  ASSERT_EQ(e->detail->index(), 0u);
  const auto& items = std::get<0>(*e->detail);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].loc.size(), 2u);
  EXPECT_EQ(std::get<std::string>(items[0].loc[0]), hd::loc_query);
  EXPECT_EQ(std::get<std::string>(items[0].loc[1]), "limit");
  EXPECT_EQ(items[0].type, hd::error_type_int_parsing);
  EXPECT_EQ(items[0].msg, hd::reason_int_parsing);
  ASSERT_TRUE(items[0].input.has_value());
  EXPECT_EQ(items[0].input->text(), "\"abc\"");
  EXPECT_FALSE(items[0].ctx.has_value());

  // Locations mix strings and integers, and each keeps its kind.
  const std::string_view mixed =
      R"({"detail":[{"loc":["body","generation_ids",0],"msg":"Input should be a valid UUID","type":"uuid_parsing","ctx":{"error":"invalid length"}}]})";
  auto m = genwire::decode<hd::http_validation_error, genwire::strict>(mixed);
  ASSERT_TRUE(m) << m.error().message();
  const auto& loc = std::get<0>(*m->detail)[0].loc;
  ASSERT_EQ(loc.size(), 3u);
  EXPECT_EQ(std::get<std::string>(loc[1]), "generation_ids");
  EXPECT_EQ(std::get<std::int64_t>(loc[2]), 0);
  EXPECT_TRUE(round_trips<hd::http_validation_error>(mixed));

  // FastAPI's other errors: detail as a string.
  auto text = genwire::decode<hd::http_validation_error>(R"({"detail":"Not authenticated"})");
  ASSERT_TRUE(text);
  EXPECT_EQ(std::get<std::string>(*text->detail), "Not authenticated");
  EXPECT_TRUE(round_trips<hd::http_validation_error>(R"({"detail":"Not authenticated"})"));
  // detail is optional in the OpenAPI.
  auto empty = genwire::decode<hd::http_validation_error>("{}");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->detail.has_value());
}

TEST(HedraErrors, ValidationErrorViolations) {
  for (std::string_view path : {"detail[0].loc", "detail[0].msg", "detail[0].type"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<hd::http_validation_error>(without(hd::example_error_422, path), path, errc::missing_key));
  }
  EXPECT_TRUE(fails_at<hd::http_validation_error>(edited(hd::example_error_422, "detail[0].loc[0]", "true"),
                                                  "detail[0].loc[0]", errc::wrong_type));
  EXPECT_TRUE(fails_at<hd::http_validation_error>(edited(hd::example_error_422, "detail[0].loc[1]", "1.5"),
                                                  "detail[0].loc[1]", errc::wrong_type));
  EXPECT_TRUE(fails_at<hd::http_validation_error>(edited(hd::example_error_422, "detail", "7"), "detail",
                                                  errc::wrong_type));
  EXPECT_TRUE(fails_at<hd::http_validation_error>(edited(hd::example_error_422, "detail[0].msg", "null"),
                                                  "detail[0].msg", errc::wrong_type));
  EXPECT_TRUE((fails_at<hd::http_validation_error, genwire::strict>(edited(hd::example_error_422, "detail[0].url", "\"u\""),
                                                                   "detail[0].url", errc::unknown_key)));
}

// ---------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------

TEST(HedraQuery, RoundTripsAllParameters) {
  auto q = genwire::decode_query<hd::list_generations_query>(hd::example_request_all_parameters);
  ASSERT_TRUE(q) << q.error().message();
  EXPECT_EQ(q->type, hd::generation_filter::video);
  EXPECT_EQ(q->created_before->text, "2025-06-02T00:00:00Z");
  EXPECT_EQ(q->created_after->text, "2025-06-01T00:00:00Z");
  EXPECT_EQ(q->prompt_query, "fox");
  EXPECT_EQ(q->agent_thread_id->text, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
  EXPECT_EQ(q->ids, "c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4");
  EXPECT_EQ(q->limit->value, 10);
  EXPECT_EQ(q->offset->value, 20);
  EXPECT_EQ(*genwire::encode_query(*q), hd::example_request_all_parameters);

  auto none = genwire::decode_query<hd::list_generations_query>(hd::example_request);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->type || none->created_before || none->created_after || none->prompt_query ||
               none->agent_thread_id || none->ids || none->limit || none->offset);
  EXPECT_EQ(*genwire::encode_query(*none), "");

  // Spaces and reserved characters in free text.
  hd::list_generations_query text;
  text.prompt_query = "red fox & hen";
  EXPECT_EQ(*genwire::encode_query(text), "prompt_query=red%20fox%20%26%20hen");
  EXPECT_EQ(genwire::decode_query<hd::list_generations_query>("prompt_query=red+fox%20%26%20hen")->prompt_query,
            "red fox & hen");
  // GenerationType values are accepted too (the OpenAPI's anyOf).
  EXPECT_EQ(genwire::decode_query<hd::list_generations_query>("type=text_to_speech")->type,
            hd::generation_filter::text_to_speech);
  for (std::string_view t : {"text", "image", "audio", "video", "voice"})
    EXPECT_TRUE(genwire::decode_query<hd::list_generations_query>("type=" + std::string(t))) << t;
  // No upper bound on limit.
  EXPECT_EQ(genwire::decode_query<hd::list_generations_query>("limit=101")->limit->value, 101);
  EXPECT_EQ(genwire::decode_query<hd::list_generations_query>("limit=1000")->limit->value, 1000);
}

TEST(HedraQuery, RejectsBadValues) {
  using q = hd::list_generations_query;
  EXPECT_TRUE(query_fails_at<q>("limit=0", "limit", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<q>("limit=-1", "limit", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<q>("limit=abc", "limit", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<q>("offset=-1", "offset", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<q>("offset=1e3", "offset", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<q>("type=gif", "type", errc::unknown_enum));
  EXPECT_TRUE(query_fails_at<q>("type=TEXT", "type", errc::unknown_enum));
  EXPECT_TRUE(query_fails_at<q>("type=text&type=image", "type", errc::duplicate_key));
  // Formats: checked in strict mode (and by the mock's request rules), kept as text otherwise.
  EXPECT_TRUE(genwire::decode_query<q>("created_before=yesterday&agent_thread_id=abc"));
  EXPECT_TRUE((query_fails_at<q, genwire::strict>("created_before=yesterday", "created_before", errc::format)));
  EXPECT_TRUE((query_fails_at<q, genwire::strict>("created_after=2025-06-01", "created_after", errc::format)));
  EXPECT_TRUE((query_fails_at<q, genwire::strict>("agent_thread_id=abc", "agent_thread_id", errc::format)));
  // The reference page's nested paging_params is not how paging travels: unknown in strict mode.
  EXPECT_TRUE(genwire::decode_query<q>("paging_params=x"));
  EXPECT_TRUE((query_fails_at<q, genwire::strict>("paging_params=x", "paging_params", errc::unknown_key)));
  // The encoder re-checks bounds.
  q bad;
  bad.offset = -5;
  auto encoded = genwire::encode_query(bad);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error().code, errc::out_of_range);
  EXPECT_EQ(encoded.error().path, "offset");
}

// ---------------------------------------------------------------------------------------------
// summarize()
// ---------------------------------------------------------------------------------------------

TEST(HedraSummary, MapsEveryStatus) {
  const std::vector<std::pair<std::string_view, genwire::job_state>> table{
      {"queued", genwire::job_state::queued},        {"pending", genwire::job_state::queued},
      {"processing", genwire::job_state::running},   {"finalizing", genwire::job_state::running},
      {"complete", genwire::job_state::succeeded},   {"error", genwire::job_state::failed},
      {"cancelled", genwire::job_state::unknown},
  };
  for (const auto& [status, state] : table) {
    SCOPED_TRACE(status);
    const response page =
        decoded(edited(hd::example_response_variants, "data[0].status", quoted(status)));
    const genwire::job_summary s = genwire::summarize(page.data[0]);
    EXPECT_EQ(s.state, state);
    EXPECT_EQ(s.raw_status, status);
    EXPECT_EQ(s.provider, "hedra");
  }
}

TEST(HedraSummary, FieldsFromExamples) {
  // The reference page's example: progress 123 clamped, "<string>" time skipped.
  const genwire::job_summary seed = summarize(decoded(hd::example_response_reference_page).data[0]);  // found by ADL too
  EXPECT_EQ(seed.id, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
  EXPECT_EQ(seed.state, genwire::job_state::succeeded);
  EXPECT_DOUBLE_EQ(*seed.progress, 1.0);
  EXPECT_FALSE(seed.created.has_value());
  EXPECT_FALSE(seed.updated.has_value());
  EXPECT_FALSE(seed.completed.has_value());
  ASSERT_EQ(seed.outputs.size(), 1u);
  EXPECT_EQ(seed.outputs[0].kind, "text");
  EXPECT_EQ(seed.outputs[0].url, "<string>");
  EXPECT_EQ(seed.error_code, "UNKNOWN");
  EXPECT_EQ(seed.error_message, "<string>");

  const response page = decoded(hd::example_response_variants);
  const genwire::job_summary tts = genwire::summarize(page.data[0]);
  EXPECT_EQ(tts.state, genwire::job_state::running);
  EXPECT_DOUBLE_EQ(*tts.progress, 0.42);
  EXPECT_EQ(tts.created, utc(2025, 6, 1, 12, 3, 0, 123456));
  EXPECT_TRUE(tts.outputs.empty());
  EXPECT_FALSE(tts.error_code.has_value());
  EXPECT_FALSE(tts.error_message.has_value());

  const genwire::job_summary video = genwire::summarize(page.data[1]);
  EXPECT_EQ(video.state, genwire::job_state::failed);
  EXPECT_DOUBLE_EQ(*video.progress, 0.0);
  EXPECT_EQ(video.created, utc(2025, 6, 1, 12, 2, 0));
  EXPECT_EQ(video.error_code, "MODERATION_FAILED");
  EXPECT_EQ(video.error_message, "The prompt was flagged by moderation.");

  const genwire::job_summary image = genwire::summarize(page.data[2]);
  EXPECT_EQ(image.state, genwire::job_state::succeeded);
  EXPECT_DOUBLE_EQ(*image.progress, 1.0);
  ASSERT_EQ(image.outputs.size(), 1u);
  EXPECT_EQ(image.outputs[0].kind, "image");
  EXPECT_EQ(image.outputs[0].url, "https://assets.hedra.com/images/c3e5a7b9.png");

  const genwire::job_summary voice = genwire::summarize(page.data[3]);
  EXPECT_EQ(voice.state, genwire::job_state::failed);
  EXPECT_FALSE(voice.error_code.has_value());
  EXPECT_EQ(voice.error_message, "The audio sample is too short to clone a voice.");
  EXPECT_EQ(voice.created, utc(2025, 5, 31, 9, 15, 0));
}

TEST(HedraSummary, TheDefaultExampleSummarisesWithItsTimeAndOutput) {
  const genwire::job_summary s = genwire::summarize(decoded(hd::example_response).data[0]);
  EXPECT_EQ(s.state, genwire::job_state::succeeded);
  EXPECT_DOUBLE_EQ(*s.progress, 1.0);
  EXPECT_EQ(s.created, utc(2025, 6, 1, 12, 0, 0));
  ASSERT_EQ(s.outputs.size(), 1u);
  EXPECT_EQ(s.outputs[0].kind, "text");
  EXPECT_EQ(s.outputs[0].url, "https://example.com/image.png");
}

TEST(HedraSummary, OutputFallsBackToDownloadUrl) {
  const std::string text = edited(
      hd::example_response_variants, "data[2].asset.asset",
      R"({"type":"generated_video","width":1280,"height":720,"url":null,"download_url":"https://a/d.mp4","streaming_url":"https://a/s.m3u8","duration_ms":5000,"preview_url":"https://a/p.gif","generated_video_inputs":{"text_prompt":"wave"},"keyframe_start":null,"audio":null})");
  const response page = decoded(text);
  const genwire::job_summary s = genwire::summarize(page.data[2]);
  ASSERT_EQ(s.outputs.size(), 1u);
  EXPECT_EQ(s.outputs[0].url, "https://a/d.mp4");
  // Negative progress clamps to 0.
  EXPECT_DOUBLE_EQ(*genwire::summarize(decoded(edited(hd::example_response_variants, "data[0].progress", "-3")).data[0]).progress, 0.0);
}

namespace {

// Every range Hedra's published OpenAPI declares, enforced in both modes (its fractional and
// exclusive ones included), with the bound in the error.
TEST(HedraRanges, DeclaredRangesAreEnforced) {
  namespace hd = genwire::hedra;
  struct range_case {
    const char* input;
    const char* path;
    genwire::rule what;
    const char* bound;
  };
  const range_case cases[] = {
      {R"({"type":"text_to_speech","text":"hi","speed":0.69})", "speed", genwire::rule::minimum, "0.7"},
      {R"({"type":"text_to_speech","text":"hi","speed":1.21})", "speed", genwire::rule::maximum, "1.2"},
      {R"({"type":"text_to_sound","text":"rain","duration_seconds":0.4})", "duration_seconds", genwire::rule::minimum, "0.5"},
      {R"({"type":"text_to_sound","text":"rain","duration_seconds":30.5})", "duration_seconds", genwire::rule::maximum, "30"},
      {R"({"type":"video_upscale","upscale_factor":0})", "upscale_factor", genwire::rule::exclusive_minimum, "0"},
      {R"({"type":"video_upscale","upscale_factor":4.5})", "upscale_factor", genwire::rule::maximum, "4"},
      {R"({"type":"text_to_sound","prompt_influence":1.5})", "prompt_influence", genwire::rule::maximum, "1"},
      {R"({"audio_generation":{"voice_id":"c3e5a7b9-4d6f-4a8c-b0d2-e4f6a8c0b2d4","text":"x","speed":2}})",
       "audio_generation.speed", genwire::rule::maximum, "1.2"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    for (const bool strict : {false, true}) {
      const auto r = strict ? genwire::decode<hd::generation_input, genwire::strict>(c.input) : genwire::decode<hd::generation_input>(c.input);
      ASSERT_FALSE(r.has_value());
      EXPECT_EQ(r.error().code, genwire::errc::out_of_range);
      EXPECT_EQ(r.error().path, c.path);
      EXPECT_EQ(r.error().rule.rule, c.what);
      EXPECT_EQ(r.error().rule.bound, c.bound);
    }
  }
  for (const char* ok : {R"({"type":"text_to_speech","text":"hi","speed":0.7})", R"({"type":"text_to_speech","text":"hi","speed":1.2})",
                         R"({"duration_seconds":0.5})", R"({"duration_seconds":30})", R"({"upscale_factor":4})",
                         R"({"upscale_factor":0.01})", R"({"upscale_factor":null})"}) {
    SCOPED_TRACE(ok);
    EXPECT_TRUE(genwire::decode<hd::generation_input>(ok).has_value());
  }
}

TEST(HedraRanges, KeyframeUrlsHaveALengthAsWellAsAFormat) {
  namespace hd = genwire::hedra;
  const std::string longest = "https://a.example/" + std::string(2083 - 18, 'x');
  const auto ok = genwire::decode<hd::generation_input, genwire::strict>(R"({"start_keyframe_url":")" + longest + "\"}");
  ASSERT_TRUE(ok.has_value()) << ok.error().message();
  const auto too_long = genwire::decode<hd::generation_input>(R"({"start_keyframe_url":")" + longest + "x\"}");
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().code, genwire::errc::constraint);
  EXPECT_EQ(too_long.error().rule.rule, genwire::rule::max_length);
  EXPECT_EQ(too_long.error().rule.bound, "2083");
  const auto empty = genwire::decode<hd::generation_input>(R"({"end_keyframe_url":""})");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().path, "end_keyframe_url");
  EXPECT_EQ(empty.error().rule.rule, genwire::rule::min_length);
}

}  // namespace

}  // namespace hedra_test
