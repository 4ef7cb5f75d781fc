// Hedra's generations: newest first, flat `limit` (default 100) / `offset`, page_info, filters
// type, created_before, created_after, ids, prompt_query, agent_thread_id. Progress runs 0..1; an
// asset only once complete, an error (or error_message) only on error.
#include <algorithm>
#include <array>
#include <optional>

#include "../../routing/header_text.hpp"
#include "../../realistic/prng.hpp"
#include "binding.hpp"

namespace genwire::mock::detail {
namespace {

using namespace realistic;

namespace hd = genwire::hedra;

struct frame {
  hd::generation_status status = hd::generation_status::queued;
  double progress = 0;
  std::optional<std::int64_t> eta;
};

struct failure {
  hd::generation_error_type type;
  std::string_view message;
};

constexpr std::array<failure, 5> failures{{
    {hd::generation_error_type::MODERATION_FAILED, "The prompt was flagged by moderation."},
    {hd::generation_error_type::MISSING_CREDITS, "Not enough credits for this generation."},
    {hd::generation_error_type::RESOURCE_EXHAUSTED, "The generation ran out of resources."},
    {hd::generation_error_type::UNAVAILABLE, "The model is temporarily unavailable."},
    {hd::generation_error_type::UNKNOWN, "The generation failed."},
}};

constexpr std::array<std::string_view, 6> styles{"A watercolor", "A cinematic", "A neon", "A minimalist", "A vintage", "A cozy"};
constexpr std::array<std::string_view, 6> subjects{"fox", "lighthouse", "astronaut", "coffee shop", "robot", "waterfall"};
constexpr std::array<std::string_view, 6> places{"at sunset", "in a misty forest", "on the moon", "in the rain", "under the stars", "by the sea"};
constexpr std::array<std::string_view, 4> lines{"Welcome back to the channel.", "Here is today's weather report.",
                                                "Thanks for watching, see you next week.", "Let me show you how it works."};
constexpr std::array<std::string_view, 4> voice_names{"Narrator", "Host", "Announcer", "Storyteller"};

// Hedra's documented default video model (GenerateVideoRequest.ai_model_id).
constexpr std::string_view video_model = "d1dd37a3-e39a-4854-a298-6510289f9cf2";

struct job {
  std::string id;
  hd::asset_type type = hd::asset_type::video;
  hd::generation_input input;
  std::string prompt;  // what prompt_query searches: the text prompt, the spoken text or the voice name
  std::optional<std::size_t> thread;
  millis created = 0;
  millis span = 0;
  std::vector<frame> script;
  const failure* failed = nullptr;
  bool error_as_message = false;
  std::int64_t credits = 0;
  progression prog;
  encoded_cache cache;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

struct hedra_mock::data::impl {
  std::vector<job> jobs;  // newest first
  std::vector<std::string> threads;

  impl(std::uint64_t seed, std::size_t items) {
    rng r(mix(seed, tag_of("hedra")));
    for (int i = 0; i < 4; ++i) threads.push_back(r.uuid());
    const std::array<std::string, 2> image_models{r.uuid(), r.uuid()};
    const std::array<std::string, 3> voices{r.uuid(), r.uuid(), r.uuid()};

    const std::size_t active = items == 0 ? 0 : std::max<std::size_t>(1, items * 12 / 100);
    millis t = anchor_ms - r.between(0, 60'000);
    jobs.resize(items);
    for (std::size_t i = 0; i < items; ++i) {
      job& j = jobs[i];
      j.id = r.uuid();
      j.created = t;
      t -= r.between(15'000, 1'200'000);
      j.span = r.between(3'000, 30'000);
      if (r.chance(0.3)) j.thread = r.below(threads.size());
      hd::generation_input& in = j.input;
      if (j.thread) in.agent_thread_id = genwire::nullable<genwire::uuid>(genwire::uuid(threads[*j.thread]));
      const std::uint64_t kind = r.below(20);
      if (kind < 7) {
        j.type = hd::asset_type::video;
        j.prompt = std::string(r.pick(styles)) + ' ' + std::string(r.pick(subjects)) + ' ' + std::string(r.pick(places));
        hd::video_inputs v{};
        v.text_prompt = j.prompt;
        v.resolution = genwire::nullable<std::string>(std::string(r.chance(0.5) ? "720p" : "540p"));
        v.aspect_ratio = genwire::nullable<std::string>(std::string(r.chance(0.7) ? "16:9" : "9:16"));
        v.duration_ms = genwire::nullable<std::int64_t>(r.chance(0.5) ? 5000 : 10000);
        in.generated_video_inputs = std::move(v);
        in.type = hd::input_type::video;
        in.ai_model_id = genwire::uuid(std::string(video_model));
        in.start_keyframe_id = genwire::nullable<genwire::uuid>(genwire::uuid(r.uuid()));
      } else if (kind < 14) {
        j.type = hd::asset_type::image;
        j.prompt = std::string(r.pick(styles)) + ' ' + std::string(r.pick(subjects)) + ' ' + std::string(r.pick(places));
        in.type = hd::input_type::image;
        in.text_prompt = j.prompt;
        in.ai_model_id = genwire::uuid(r.pick(image_models));
        in.aspect_ratio = genwire::nullable<std::string>(std::string("1:1"));
        in.resolution = genwire::nullable<std::string>(std::string("1024x1024"));
        in.batch_size = genwire::bounded<std::int64_t, 1, 8>(1);
      } else if (kind < 18) {
        j.type = hd::asset_type::audio;
        j.prompt = std::string(r.pick(lines));
        in.type = hd::input_type::text_to_speech;
        in.voice_id = genwire::uuid(r.pick(voices));
        in.text = j.prompt;
        in.stability = genwire::bounded<double, 0, 1>(0.5);
        in.speed = 1.0;
        in.language = std::string("auto");
      } else {
        j.type = hd::asset_type::voice;
        j.prompt = std::string(r.pick(voice_names));
        in.type = hd::input_type::voice_clone;
        in.audio_id = genwire::nullable<genwire::uuid>(genwire::uuid(r.uuid()));
        in.name = j.prompt;
      }
      const std::array<frame, 6> full{{
          {hd::generation_status::queued, 0, 60},
          {hd::generation_status::processing, static_cast<double>(r.between(10, 20)) / 100, 45},
          {hd::generation_status::processing, static_cast<double>(r.between(40, 60)) / 100, 25},
          {hd::generation_status::processing, static_cast<double>(r.between(75, 90)) / 100, 8},
          {hd::generation_status::finalizing, 0.95, 2},
          {hd::generation_status::complete, 1, std::nullopt},
      }};
      if (r.chance(0.12)) {
        const std::size_t at = r.below(4);
        j.script.assign(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(at + 1));
        j.script.push_back({hd::generation_status::error, full[at].progress, std::nullopt});
        j.failed = &failures[r.below(failures.size())];
        j.error_as_message = r.chance(0.25);
      } else {
        j.script.assign(full.begin(), full.end());
      }
      j.credits = r.between(1, 40);
      j.prog.last = static_cast<std::uint32_t>(j.script.size() - 1);
      j.prog.initial = i < active ? static_cast<std::uint32_t>(r.below(j.prog.last)) : j.prog.last;
    }
  }

  static hd::generation_asset asset_of(const job& j, millis done) {
    hd::generation_asset a{};
    a.id = genwire::uuid(j.id);
    a.type = j.type;
    a.name = j.prompt.substr(0, 40);
    a.thumbnail_url = "https://assets.hedra.com/thumbnails/" + j.id + ".webp";
    a.created_at = genwire::date_time(rfc3339(done, true));
    a.description = genwire::nullable<std::string>();
    a.is_favorite = false;
    a.recent = true;
    hd::asset_payload& p = a.asset;
    const std::string base = "https://assets.hedra.com/" + j.id;
    switch (j.type) {
      case hd::asset_type::video: {
        const auto& v = *j.input.generated_video_inputs;
        p.type = hd::asset_payload_type::generated_video;
        const bool wide = v.aspect_ratio && v.aspect_ratio->value_or("") == "16:9";
        const bool hd720 = v.resolution && v.resolution->value_or("") == "720p";
        const std::int64_t tall = hd720 ? 720 : 540, broad = hd720 ? 1280 : 960;
        p.width = wide ? broad : tall;
        p.height = wide ? tall : broad;
        p.url = genwire::nullable<std::string>(base + ".mp4");
        p.duration_ms = v.duration_ms ? v.duration_ms->value_or(5000) : 5000;
        p.preview_url = genwire::nullable<std::string>(base + "_preview.mp4");
        p.generated_video_inputs = v;
        p.keyframe_start = genwire::raw_json();  // null: the keyframe is known by id only
        p.audio = genwire::raw_json();
        break;
      }
      case hd::asset_type::image: {
        p.type = hd::asset_payload_type::generated_image;
        p.width = 1024;
        p.height = 1024;
        p.url = genwire::nullable<std::string>(base + ".png");
        hd::image_inputs ii{};
        ii.text_prompt = j.prompt;
        ii.ai_model_id = genwire::nullable<genwire::uuid>(*j.input.ai_model_id);
        ii.aspect_ratio = j.input.aspect_ratio;
        ii.resolution = j.input.resolution;
        p.generated_image_inputs = std::move(ii);
        break;
      }
      case hd::asset_type::audio: {
        p.type = hd::asset_payload_type::generated_audio;
        p.duration_ms = 1500 + static_cast<std::int64_t>(j.prompt.size()) * 60;
        p.url = genwire::nullable<std::string>(base + ".mp3");
        hd::audio_inputs ai{};
        ai.text_prompt = j.prompt;
        ai.voice_id = genwire::nullable<genwire::uuid>(*j.input.voice_id);
        ai.language = genwire::nullable<std::string>(std::string("auto"));
        p.generated_audio_inputs = std::move(ai);
        break;
      }
      default: {
        p.type = hd::asset_payload_type::voice;
        p.labels = std::vector<hd::voice_label>{{"source", "clone"}};
        p.preview_url = genwire::nullable<std::string>(base + "_preview.mp3");
        break;
      }
    }
    return a;
  }

  const std::string& encoded(job& j, std::uint64_t clock) {
    const std::uint32_t step = j.prog.at(clock);
    if (j.cache.step == step) return j.cache.json;
    const frame& f = j.script[step];
    hd::generation g{};
    g.id = genwire::uuid(j.id);
    g.type = j.type;
    g.input = j.input;
    g.status = f.status;
    g.progress = f.progress;
    g.created_at = genwire::date_time(rfc3339(j.created, true));
    g.eta_sec = f.eta ? genwire::nullable<std::int64_t>(*f.eta) : genwire::nullable<std::int64_t>();
    g.batch_generation_id = genwire::nullable<std::string>();
    g.credit_cost = genwire::nullable<std::int64_t>();
    if (f.status == hd::generation_status::complete) {
      g.credit_cost = genwire::nullable<std::int64_t>(j.credits);
      g.asset = genwire::nullable<hd::generation_asset>(asset_of(j, j.created + j.span * step));
    } else if (f.status == hd::generation_status::error) {
      g.credit_cost = genwire::nullable<std::int64_t>(std::int64_t{0});
      // "error: not present unless the status is 'error' and error_message is not present".
      if (j.error_as_message)
        g.error_message = genwire::nullable<std::string>(std::string(j.failed->message));
      else
        g.error = genwire::nullable<hd::generation_error>(hd::generation_error{j.failed->type, std::string(j.failed->message)});
    }
    auto text = genwire::encode(g);
    j.cache.step = step;
    j.cache.json = text ? std::move(*text) : std::string("{}");
    return j.cache.json;
  }

  // Decision: `type` matches the asset type or the generation type (input.type), as the OpenAPI accepts either enum; created_before/after are exclusive, as their names say.
  bool matches(const job& j, const hd::list_generations_query& q, const std::vector<std::string>& ids) const {
    if (q.type) {
      const std::string_view want = genwire::enum_name(*q.type);
      const bool by_asset = want == genwire::enum_name(j.type);
      const bool by_input = j.input.type && j.input.type->known() && want == genwire::enum_name(j.input.type->value());
      if (!by_asset && !by_input) return false;
    }
    if (q.created_before)
      if (auto t = q.created_before->time(); t && !(j.created < to_millis(*t))) return false;
    if (q.created_after)
      if (auto t = q.created_after->time(); t && !(j.created > to_millis(*t))) return false;
    if (q.ids && std::find(ids.begin(), ids.end(), j.id) == ids.end()) return false;
    if (q.prompt_query && lower(j.prompt).find(lower(*q.prompt_query)) == std::string::npos) return false;
    if (q.agent_thread_id && (!j.thread || threads[*j.thread] != lower(q.agent_thread_id->text))) return false;
    return true;
  }
};

hedra_mock::data::data(std::uint64_t seed, std::size_t items) : impl_(std::make_unique<impl>(seed, items)) {}
hedra_mock::data::~data() = default;

answer endpoint_binding<hd::list_generations_endpoint>::realistic(hedra_mock::data& data, const request_type& rq, const realistic::view& v) {
  auto& d = *data.impl_;
  const hd::list_generations_query& q = *rq.value;
  const std::int64_t limit = q.limit ? q.limit->value : hd::list_generations_query::default_limit;
  const std::int64_t offset = q.offset ? q.offset->value : hd::list_generations_query::default_offset;
  // Decision: `ids` is one string (no source says how several are joined); read as a comma-separated list, the usual form of a multi-valued query string.
  std::vector<std::string> ids;
  if (q.ids) {
    std::string_view rest = *q.ids;
    while (true) {
      const std::size_t comma = rest.find(',');
      if (auto one = trim(rest.substr(0, comma)); !one.empty()) ids.push_back(lower(one));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  std::vector<std::size_t> page;
  if (v.owner) {
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < d.jobs.size() && static_cast<std::int64_t>(page.size()) < limit; ++i) {
      if (!d.matches(d.jobs[i], q, ids)) continue;
      if (seen++ >= offset) page.push_back(i);
    }
  }
  std::vector<const std::string*> items;
  items.reserve(page.size());
  for (std::size_t i : page) items.push_back(&d.encoded(d.jobs[i], v.clock_steps));
  auto info = genwire::encode(hd::paging_info{limit, offset});
  std::string body = "{\"page_info\":";
  body += info ? *info : std::string("{}");
  body += ',';
  body += json_array_member("data", items).substr(1);  // drop its '{': page_info comes first, as documented
  body += '}';
  for (std::size_t i : page) d.jobs[i].prog.polled(v.clock_steps);
  return reply_json(200, std::move(body));
}

realistic_store_size hedra_mock::data::size(std::uint64_t clock_steps) const {
  realistic_store_size s;
  s.provider = std::string(hedra_mock::name);
  s.jobs = impl_->jobs.size();
  for (const auto& j : impl_->jobs) s.finished += j.prog.finished(clock_steps) ? 1 : 0;
  return s;
}

}  // namespace genwire::mock::detail
