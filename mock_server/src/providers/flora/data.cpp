// FLORA's realistic data: the generation history (newest first, `limit` 1..100, default 20, an
// opaque cursor from meta.next_cursor, filters status / project_id / workspace_id,
// meta.total_estimate) and each run behind its poll_url (GET /api/v1/runs/{runId}), one job seen
// through both: polling either moves a running job one step.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "../../realistic/cursor.hpp"
#include "../../realistic/prng.hpp"
#include "binding.hpp"
#include "../provider_data.hpp"

namespace genwire::mock::detail {
namespace {

using namespace realistic;

namespace fl = genwire::flora;

struct frame {
  fl::run_status status = fl::run_status::pending;
  double progress = 0;
};

struct failure {
  std::string_view code;
  std::string_view message;
};

// The list page's provider_error plus the run error codes docs/providers-flora.md lists.
constexpr std::array<failure, 5> failures{{
    {fl::run_error_provider_error, "The provider failed to complete the generation."},
    {fl::run_error_model_timeout, "The model did not answer in time."},
    {fl::run_error_safety_blocked, "The output was blocked by the safety filter."},
    {fl::run_error_input_unreachable, "An input URL could not be fetched."},
    {fl::run_error_internal_error, "An internal error occurred."},
}};

struct project {
  std::string id;
  std::size_t workspace = 0;
};

struct job {
  std::string id;  // generation_id and run_id (the list page's example has them equal)
  std::size_t project = 0;
  millis created = 0;
  millis span = 0;  // synthetic time between two steps
  std::vector<frame> script;
  const failure* failed = nullptr;
  int outputs = 1;
  double cost = 0;
  progression prog;
  encoded_cache item_cache;  // as a list item
  encoded_cache run_cache;   // as GET /runs/{runId} answers it
};

// `<origin>/api/v1/runs/<id>`: the run's own URL on the mock the client talks to.
std::string poll_url_of(std::string_view origin, const std::string& id) {
  auto path = genwire::path_of<fl::get_run_endpoint>(fl::run_path{id});
  return std::string(origin) + (path ? *path : std::string());
}

}  // namespace

template <>
struct provider_data_impl<flora_mock> {
  realistic_store_size size(std::uint64_t clock_steps) const;

  std::vector<std::string> workspaces;
  std::vector<project> projects;
  std::vector<job> jobs;  // newest first
  std::unordered_map<std::string, std::size_t> by_run_id;
  cursor_signer signer;

  provider_data_impl(std::uint64_t seed, std::size_t items) : signer(seed) {
    rng r(mix(seed, tag_of("flora")));
    for (int i = 0; i < 3; ++i) workspaces.push_back("ws_" + r.alnum(10));
    for (std::size_t i = 0; i < 6; ++i) projects.push_back({"prj_" + r.alnum(10), i % workspaces.size()});

    const std::size_t active = items == 0 ? 0 : std::max<std::size_t>(1, items * 12 / 100);
    millis t = anchor_ms - r.between(0, 60'000);
    jobs.resize(items);
    for (std::size_t i = 0; i < items; ++i) {
      job& j = jobs[i];
      j.id = "run_" + r.alnum(20);
      j.project = r.below(projects.size());
      j.created = t;
      t -= r.between(20'000, 900'000);
      j.span = r.between(2'000, 20'000);
      const std::array<frame, 5> full{{
          {fl::run_status::pending, 0},
          {fl::run_status::running, static_cast<double>(r.between(3, 12))},
          {fl::run_status::running, static_cast<double>(r.between(30, 55))},
          {fl::run_status::running, static_cast<double>(r.between(65, 90))},
          {fl::run_status::completed, 100},
      }};
      if (r.chance(0.15)) {
        const std::size_t fail_after = r.below(4);  // 0: fails before it starts running
        j.script.assign(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(fail_after + 1));
        j.script.push_back({fl::run_status::failed, full[fail_after].progress});
        j.failed = &failures[r.below(failures.size())];
      } else {
        j.script.assign(full.begin(), full.end());
      }
      j.outputs = static_cast<int>(r.between(1, 4));
      j.cost = static_cast<double>(r.between(4, 60)) * 0.005 * j.outputs;
      j.prog.last = static_cast<std::uint32_t>(j.script.size() - 1);
      j.prog.initial = i < active ? static_cast<std::uint32_t>(r.below(j.prog.last)) : j.prog.last;
      by_run_id.emplace(j.id, i);
    }
  }

  const frame& now(const job& j, std::uint64_t clock) const { return j.script[j.prog.at(clock)]; }

  // The members a list item and a run share, at the job's current step (both types name them alike).
  template <class T>
  void fill(T& g, const job& j, std::uint32_t step, std::string_view origin) const {
    const frame& f = j.script[step];
    g.created_at = static_cast<double>(j.created);
    g.progress = f.progress;
    g.run_id = j.id;
    g.status = f.status;
    g.poll_url = genwire::uri(poll_url_of(origin, j.id));
    // Started once a frame up to now ran; finished at the terminal frame.
    const bool ran = std::any_of(j.script.begin(), j.script.begin() + step + 1,
                                 [](const frame& x) { return x.status == fl::run_status::running; });
    if (ran) g.started_at = static_cast<double>(j.created + j.span);
    if (f.status == fl::run_status::completed || f.status == fl::run_status::failed)
      g.completed_at = static_cast<double>(j.created + j.span * step);
    if (f.status == fl::run_status::completed) {
      g.charged_cost = genwire::at_least<double, 0>(j.cost);
      std::vector<fl::output> outs;
      for (int k = 1; k <= j.outputs; ++k) {
        const std::string n = std::to_string(k);
        outs.push_back({"output_" + n, fl::output_type::imageUrl,
                        genwire::non_empty_string("https://media.flora.ai/" + j.id + "/output_" + n + ".png")});
      }
      g.outputs = std::move(outs);
    } else if (f.status == fl::run_status::failed) {
      g.charged_cost = genwire::at_least<double, 0>(0.0);
      g.error_code = std::string(j.failed->code);
      g.error_message = std::string(j.failed->message);
    }
  }

  template <class T>
  const std::string& encoded(job& j, encoded_cache& cache, std::uint64_t clock, std::string_view origin, T value) {
    const std::uint32_t step = j.prog.at(clock);
    if (cache.step == step && cache.origin == origin) return cache.json;
    fill(value, j, step, origin);
    auto text = genwire::encode(value);
    cache.step = step;
    cache.origin = std::string(origin);
    cache.json = text ? std::move(*text) : std::string("{}");
    return cache.json;
  }

  const std::string& item(job& j, std::uint64_t clock, std::string_view origin) {
    const project& p = projects[j.project];
    fl::generation g{};
    g.generation_id = j.id;
    g.project_id = p.id;
    g.workspace_id = workspaces[p.workspace];
    g.model = fl::model_info{genwire::non_empty_string("t2i-flux-2-pro")};
    return encoded(j, j.item_cache, clock, origin, std::move(g));
  }

  // Who asks, and with which filters: a cursor is valid only for the same scope.
  static std::string scope(const fl::list_generations_query& q, std::string_view key) {
    std::string s = "flora\nkey=";
    s += key;
    s += q.project_id ? "\nproject=" + *q.project_id : std::string("\nproject-");
    s += q.workspace_id ? "\nworkspace=" + *q.workspace_id : std::string("\nworkspace-");
    s += q.status ? "\nstatus=" + std::to_string(static_cast<int>(*q.status)) : std::string("\nstatus-");
    return s;
  }

  bool matches(const job& j, const fl::list_generations_query& q, std::uint64_t clock) const {
    const project& p = projects[j.project];
    if (q.project_id && *q.project_id != p.id) return false;
    if (q.workspace_id && *q.workspace_id != workspaces[p.workspace]) return false;
    if (q.status && now(j, clock).status != *q.status) return false;
    return true;
  }
};

answer endpoint_binding<fl::list_generations_endpoint>::realistic(flora_mock::data& data, const request_type& rq,
                                                                   const realistic::view& v) {
  auto& d = *data.impl_;
  const fl::list_generations_query& q = *rq.value;
  const std::string scope = flora_mock::data::impl::scope(q, v.key);
  // The position is an index into the newest-first order of every job, not into the filtered
  // list: a job that leaves the filter (a status filter while jobs progress) cannot shift the
  // next page, so a walk still sees each job that matches throughout exactly once.
  std::size_t pos = 0;
  if (q.cursor && !q.cursor->empty()) {
    const auto opened = d.signer.open(*q.cursor, scope);
    if (!opened || *opened > d.jobs.size()) {
      const std::string reason = "Invalid or expired cursor.";
      return reply(400, fl::error_envelope{{fl::api_error_code::input_validation_error, "cursor: " + reason,
                                            std::vector<fl::field_error>{{"cursor", reason}}}});
    }
    pos = static_cast<std::size_t>(*opened);
  }
  const std::size_t limit = q.limit ? static_cast<std::size_t>(q.limit->value)
                                    : static_cast<std::size_t>(fl::list_generations_query::default_limit);

  std::vector<std::size_t> page;
  std::size_t total = 0;
  std::size_t next = d.jobs.size();  // position after the page's last job
  bool more = false;
  if (v.owner) {
    for (std::size_t i = 0; i < d.jobs.size(); ++i) {
      if (!d.matches(d.jobs[i], q, v.clock_steps)) continue;
      ++total;
      if (i < pos) continue;
      if (page.size() < limit) {
        page.push_back(i);
        next = i + 1;
      } else {
        more = true;
      }
    }
  }

  std::vector<const std::string*> items;
  items.reserve(page.size());
  for (std::size_t i : page) items.push_back(&d.item(d.jobs[i], v.clock_steps, v.origin));
  fl::page_meta meta;
  // Decision: the last page's next_cursor is "": the list page requires a string, the SDK stops on a falsy one.
  meta.next_cursor = genwire::nullable<std::string>(more ? d.signer.make(next, scope) : std::string());
  meta.total_estimate = genwire::at_least<double, 0>(static_cast<double>(total));
  auto meta_text = genwire::encode(meta);
  std::string body = json_array_member("generations", items);
  body += ",\"meta\":";
  body += meta_text ? *meta_text : std::string("{}");
  body += '}';
  for (std::size_t i : page) d.jobs[i].prog.polled(v.clock_steps);
  return reply_json(200, std::move(body));
}

// A run the caller does not own is as unknown as one that does not exist (docs/providers-flora.md: 404).
answer endpoint_binding<fl::get_run_endpoint>::realistic(flora_mock::data& data, const request_type& rq, const realistic::view& v) {
  auto& d = *data.impl_;
  const auto it = d.by_run_id.find(rq.path->run_id);
  if (!v.owner || it == d.by_run_id.end()) return answer{answer::kind::not_found, 0, {}, {}};
  job& j = d.jobs[it->second];
  std::string body = d.encoded(j, j.run_cache, v.clock_steps, v.origin, fl::run{});
  j.prog.polled(v.clock_steps);
  return reply_json(200, std::move(body));
}

realistic_store_size provider_data_impl<flora_mock>::size(std::uint64_t clock_steps) const {
  return jobs_size<flora_mock>(jobs, clock_steps);
}

template class provider_data<flora_mock>;

}  // namespace genwire::mock::detail
