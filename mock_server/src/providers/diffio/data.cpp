// Diffio: projects (audio or video) and their generations. get_generation_progress walks each
// generation through preProcessing -> inference -> restoredVideo (video projects only) with the
// progress page's stage rules; list_project_generations shows the same generations, createdAt descending
// (updatedAt where createdAt is missing).
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "../../realistic/prng.hpp"
#include "binding.hpp"
#include "../provider_data.hpp"

namespace genwire::mock::detail {
namespace {

using namespace realistic;

namespace dif = genwire::diffio;

enum class stage_kind : std::uint8_t {
  missing,   // no job document yet: "reports pending with progress set to 0"
  queued,    // the job exists, the cloud has not started it
  running,
  complete,
  failed,
};

struct stage_frame {
  stage_kind kind = stage_kind::missing;
  double progress = 0;
};

// One step of a generation: the state of each of its (two or three) stages.
using frame = std::array<stage_frame, 3>;

struct stage_text {
  std::string_view running_message;
  std::string_view error;
  std::string_view details;
};

constexpr std::array<stage_text, 3> stage_texts{{
    {"Preparing audio", "Audio preprocessing failed", "The uploaded file could not be decoded as audio."},
    {"Processing audio", "Inference failed", "The model worker stopped before finishing."},
    {"Restoring video", "Video restoration failed", "The restored audio could not be muxed into the video."},
}};

struct project {
  std::string id;
  bool has_video = false;
  std::vector<std::size_t> generations;  // indices into jobs, newest first
};

struct generation {
  std::string id;
  std::size_t project = 0;
  std::size_t stages = 2;
  bool has_created_at = true;      // the list page's notes: sorting falls back to updatedAt when it is missing
  bool pre_document_missing = false;  // preProcessing complete from audioOriginalMp3Ready, no job document
  std::array<std::string, 3> job_ids;
  millis created = 0;
  millis span = 0;
  std::vector<frame> script;
  progression prog;
  encoded_cache list_cache;
  encoded_cache progress_cache;
};

}  // namespace

template <>
struct provider_data_impl<diffio_mock> {
  realistic_store_size size(std::uint64_t clock_steps) const;

  std::vector<project> projects;  // newest first
  std::vector<generation> jobs;   // newest first
  std::unordered_map<std::string, std::size_t> project_index;
  std::unordered_map<std::string, std::size_t> generation_index;

  provider_data_impl(std::uint64_t seed, std::size_t items) {
    rng r(mix(seed, tag_of("diffio")));
    const std::size_t count = items == 0 ? 0 : std::max<std::size_t>(1, (items + 19) / 20);
    for (std::size_t p = 0; p < count; ++p) {
      projects.push_back({"proj-" + r.hex(16), r.chance(0.4), {}});
      project_index.emplace(projects.back().id, p);
    }
    const std::size_t active = items == 0 ? 0 : std::max<std::size_t>(1, items * 12 / 100);
    millis t = anchor_ms - r.between(0, 60'000);
    jobs.resize(items);
    for (std::size_t i = 0; i < items; ++i) {
      generation& g = jobs[i];
      g.id = "gen-" + r.hex(16);
      // Each project gets its share; the rest are spread at random.
      g.project = i < count ? i : r.below(count);
      projects[g.project].generations.push_back(i);
      g.stages = projects[g.project].has_video ? 3 : 2;
      g.has_created_at = !r.chance(0.04);
      g.pre_document_missing = r.chance(0.25);
      for (auto& id : g.job_ids) id = "job-" + r.hex(12);
      g.created = t;
      t -= r.between(20'000, 1'800'000);
      g.span = r.between(2'000, 15'000);
      build_script(g, r);
      g.prog.last = static_cast<std::uint32_t>(g.script.size() - 1);
      g.prog.initial = i < active ? static_cast<std::uint32_t>(r.below(g.prog.last)) : g.prog.last;
      generation_index.emplace(g.id, i);
    }
  }

  // Step 0: nothing started. Then each stage in turn: queued, running twice, complete. A failing
  // generation fails in one of its stages while it runs; the later stages stay missing.
  static void build_script(generation& g, rng& r) {
    frame f{};
    g.script.push_back(f);
    const bool fails = r.chance(0.12);
    const std::size_t fail_stage = r.below(g.stages);
    const std::size_t fail_point = r.below(2);  // after the first or the second running step
    for (std::size_t s = 0; s < g.stages; ++s) {
      const std::array<double, 2> running{static_cast<double>(r.between(15, 45)), static_cast<double>(r.between(55, 90))};
      f[s] = {stage_kind::queued, 0};
      g.script.push_back(f);
      for (std::size_t k = 0; k < running.size(); ++k) {
        f[s] = {stage_kind::running, running[k]};
        g.script.push_back(f);
        if (fails && s == fail_stage && k == fail_point) {
          f[s] = {stage_kind::failed, running[k]};
          g.script.push_back(f);
          return;
        }
      }
      f[s] = {stage_kind::complete, 100};
      g.script.push_back(f);
    }
  }

  static dif::generation_status overall(const generation& g, const frame& f) {
    bool all_complete = true, started = false;
    for (std::size_t s = 0; s < g.stages; ++s) {
      if (f[s].kind == stage_kind::failed) return dif::generation_status::failed;
      all_complete = all_complete && f[s].kind == stage_kind::complete;
      started = started || f[s].kind == stage_kind::running || f[s].kind == stage_kind::complete;
    }
    if (all_complete) return dif::generation_status::complete;
    return started ? dif::generation_status::processing : dif::generation_status::pending;
  }

  static std::optional<double> overall_progress(const generation& g, const frame& f) {
    double sum = 0;
    bool reported = false;
    for (std::size_t s = 0; s < g.stages; ++s) {
      sum += f[s].progress;
      reported = reported || f[s].kind == stage_kind::running || f[s].kind == stage_kind::complete ||
                 f[s].kind == stage_kind::failed;
    }
    // "progress can be null when the generation has not reported progress".
    if (!reported) return std::nullopt;
    return std::round(sum / static_cast<double>(g.stages));
  }

  millis updated_at(const generation& g, std::uint32_t step) const { return g.created + g.span * step; }
  // The key the list sorts on: createdAt, or updatedAt when createdAt is missing.
  millis sort_key(const generation& g, std::uint64_t clock) const {
    return g.has_created_at ? g.created : updated_at(g, g.prog.at(clock));
  }

  static dif::stage stage_of(const generation& g, std::size_t s, const stage_frame& f) {
    using null_string = genwire::nullable<std::string>;
    dif::stage out{};
    out.status_message = null_string();
    out.error = null_string();
    out.error_details = null_string();
    out.job_id = null_string();
    out.job_state = genwire::nullable<genwire::open_enum<dif::cloud_job_state>>();
    const auto with_job = [&](dif::cloud_job_state state) {
      out.job_id = null_string(g.job_ids[s]);
      out.job_state = genwire::nullable<genwire::open_enum<dif::cloud_job_state>>(state);
    };
    out.progress = f.progress;
    switch (f.kind) {
      case stage_kind::missing:
        out.status = dif::stage_status::pending;
        out.progress = 0;
        break;
      case stage_kind::queued:
        with_job(dif::cloud_job_state::PENDING);
        out.status = dif::stage_status::pending;
        out.status_message = null_string(std::string("Queued"));
        break;
      case stage_kind::running:
        with_job(dif::cloud_job_state::RUNNING);
        out.status = dif::stage_status::running;
        out.status_message = null_string(std::string(stage_texts[s].running_message));
        break;
      case stage_kind::complete:
        // "preProcessing reports complete when audioOriginalMp3Ready is true even if the job document is missing".
        if (!(s == 0 && g.pre_document_missing)) with_job(dif::cloud_job_state::SUCCEEDED);
        out.status = dif::stage_status::complete;
        break;
      case stage_kind::failed:
        with_job(dif::cloud_job_state::FAILED);
        out.status = dif::stage_status::failed;
        out.error = null_string(std::string(stage_texts[s].error));
        out.error_details = null_string(std::string(stage_texts[s].details));
        break;
    }
    return out;
  }

  const std::string& progress_json(generation& g, std::uint64_t clock) {
    const std::uint32_t step = g.prog.at(clock);
    if (g.progress_cache.step == step) return g.progress_cache.json;
    const frame& f = g.script[step];
    dif::get_generation_progress_response out{};
    out.generation_id = g.id;
    out.api_project_id = projects[g.project].id;
    out.status = overall(g, f);
    out.has_video = projects[g.project].has_video;
    out.pre_processing = stage_of(g, 0, f[0]);
    out.inference = stage_of(g, 1, f[1]);
    if (g.stages == 3) out.restored_video = stage_of(g, 2, f[2]);
    // "When a stage fails, the top level status is failed and error fields are populated."
    for (std::size_t s = 0; s < g.stages; ++s) {
      if (f[s].kind != stage_kind::failed) continue;
      out.error = genwire::nullable<std::string>(std::string(stage_texts[s].error));
      out.error_details = genwire::nullable<std::string>(std::string(stage_texts[s].details));
    }
    auto text = genwire::encode(out);
    g.progress_cache.step = step;
    g.progress_cache.json = text ? std::move(*text) : std::string("{}");
    return g.progress_cache.json;
  }

  const std::string& list_json(generation& g, std::uint64_t clock) {
    const std::uint32_t step = g.prog.at(clock);
    if (g.list_cache.step == step) return g.list_cache.json;
    const frame& f = g.script[step];
    dif::project_generation item{};
    item.generation_id = g.id;
    item.status = genwire::nullable<genwire::open_enum<dif::generation_status>>(overall(g, f));
    item.model_key = "diffio-2";
    const auto p = overall_progress(g, f);
    item.progress = p ? genwire::nullable<double>(*p) : genwire::nullable<double>();
    if (g.has_created_at) item.created_at = genwire::nullable<genwire::date_time>(genwire::date_time(rfc3339(g.created)));
    item.updated_at = genwire::date_time(rfc3339(updated_at(g, step)));
    auto text = genwire::encode(item);
    g.list_cache.step = step;
    g.list_cache.json = text ? std::move(*text) : std::string("{}");
    return g.list_cache.json;
  }
};

answer endpoint_binding<dif::list_project_generations_endpoint>::realistic(diffio_mock::data& data, const request_type& r,
                                                                            const realistic::view& v) {
  auto& d = *data.impl_;
  const dif::list_project_generations_request& rq = *r.value;
  const auto it = d.project_index.find(rq.api_project_id);
  if (it == d.project_index.end()) return answer{answer::kind::not_found, 0, {}, {}};
  if (!v.owner) return answer{answer::kind::not_owner, 0, {}, {}};
  const project& p = d.projects[it->second];
  std::vector<std::size_t> order = p.generations;
  // Newest first by createdAt (updatedAt when it is missing); ties by id so the order is total.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const millis ka = d.sort_key(d.jobs[a], v.clock_steps), kb = d.sort_key(d.jobs[b], v.clock_steps);
    return ka != kb ? ka > kb : d.jobs[a].id > d.jobs[b].id;
  });
  std::vector<const std::string*> items;
  items.reserve(order.size());
  for (std::size_t i : order) items.push_back(&d.list_json(d.jobs[i], v.clock_steps));
  auto id = genwire::encode(p.id);
  std::string body = "{\"apiProjectId\":" + (id ? *id : std::string("\"\"")) + ',';
  body += json_array_member("generations", items).substr(1);
  body += '}';
  return reply_json(200, std::move(body));
}

answer endpoint_binding<dif::get_generation_progress_endpoint>::realistic(diffio_mock::data& data, const request_type& r,
                                                                           const realistic::view& v) {
  auto& d = *data.impl_;
  const dif::get_generation_progress_request& rq = *r.value;
  const auto it = d.generation_index.find(rq.generation_id);
  if (it == d.generation_index.end()) return answer{answer::kind::not_found, 0, {}, {}};
  generation& g = d.jobs[it->second];
  // The optional project id only speeds up the lookup; one that does not hold the generation finds nothing.
  if (rq.api_project_id && *rq.api_project_id != d.projects[g.project].id) return answer{answer::kind::not_found, 0, {}, {}};
  if (!v.owner) return answer{answer::kind::not_owner, 0, {}, {}};
  answer a = reply_json(200, d.progress_json(g, v.clock_steps));
  g.prog.polled(v.clock_steps);
  return a;
}

realistic_store_size provider_data_impl<diffio_mock>::size(std::uint64_t clock_steps) const {
  realistic_store_size s = jobs_size<diffio_mock>(jobs, clock_steps);
  std::vector<std::string> ids;
  for (const auto& p : projects) ids.push_back(p.id);
  s.projects = std::move(ids);
  return s;
}

template class provider_data<diffio_mock>;

}  // namespace genwire::mock::detail
