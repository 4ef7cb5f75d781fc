// genwire/depicta/summary.hpp: a Depicta job (list_jobs item) as a genwire::job_summary.
// The mapping table is docs/summary-depicta.md.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "../core/json_value.hpp"
#include "../core/enum_name.hpp"
#include "../job_summary.hpp"
#include "list_jobs.hpp"

namespace genwire::depicta {

namespace summary_detail {

inline std::optional<genwire::timestamp> time_of(const genwire::optional_nullable<genwire::date_time>& t) {
  if (!t || !*t) return std::nullopt;
  if (auto r = (**t).time()) return *r;
  return std::nullopt;
}

// Appends every `{"<format>": {"url": "..."}}` member of a formats map (image result `formats`,
// story scene `images`), in document order; members without a string url are skipped.
inline void add_formats(const genwire::json::value& formats, std::vector<genwire::job_output>& out) {
  const auto* members = formats.as_object();
  if (!members) return;
  for (const auto& [kind, file] : *members) {
    const genwire::json::value* url = file.find("url");
    if (url && url->as_string()) out.push_back({kind, *url->as_string()});
  }
}

}  // namespace summary_detail

inline genwire::job_state state_of(const genwire::open_enum<job_status>& s) {
  if (!s.known()) return genwire::job_state::unknown;
  switch (s.value()) {
    case job_status::pending: return genwire::job_state::queued;
    case job_status::processing: return genwire::job_state::running;
    case job_status::completed: return genwire::job_state::succeeded;
    case job_status::failed: return genwire::job_state::failed;
  }
  return genwire::job_state::unknown;
}

inline genwire::job_summary summarize(const job& j) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = j.job_id.text;
  s.raw_status = genwire::enum_name(j.status);
  s.state = state_of(j.status);
  // Decision: progress is scenes_completed / scenes_total (clamped to 0..1) when both are sent and the total is positive; otherwise 1 for a completed job and absent for the rest (Depicta sends no progress field).
  if (j.scenes_completed && j.scenes_total && *j.scenes_total > 0)
    s.progress = std::clamp(static_cast<double>(*j.scenes_completed) / static_cast<double>(*j.scenes_total), 0.0, 1.0);
  else if (s.state == genwire::job_state::succeeded)
    s.progress = 1.0;
  if (auto t = j.created_at.time()) s.created = *t;
  // Decision: `updated` is the latest of started_at and completed_at (Depicta sends no updated time); `completed` is completed_at; unparsable times are skipped.
  s.completed = summary_detail::time_of(j.completed_at);
  s.updated = summary_detail::time_of(j.started_at);
  if (s.completed && (!s.updated || *s.completed > *s.updated)) s.updated = s.completed;
  // Decision: outputs are the URLs of the result's `formats` map (image result: kind = "png"/"jpeg"/"webp") and of each story scene's `images` map, in document order; a result of another shape gives none.
  if (j.result) {
    if (auto v = genwire::parse_json(j.result->text())) {
      if (const auto* formats = v->find("formats")) summary_detail::add_formats(*formats, s.outputs);
      if (const auto* scenes = v->find("scenes"); scenes && scenes->as_array())
        for (const auto& scene : *scenes->as_array())
          if (const auto* images = scene.find("images")) summary_detail::add_formats(*images, s.outputs);
    }
  }
  if (j.error) {
    s.error_code = j.error->code;
    s.error_message = j.error->message;
  }
  return s;
}

}  // namespace genwire::depicta

namespace genwire {
// So that genwire::summarize(x) works for every provider's types (and ADL finds the same function).
using depicta::summarize;
}  // namespace genwire
