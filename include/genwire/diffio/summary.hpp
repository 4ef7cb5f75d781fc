// genwire/diffio/summary.hpp: Diffio's list item and progress answer as a genwire::job_summary.
// The mapping table is docs/summary-diffio.md.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

#include "../core/enum_name.hpp"
#include "../job_summary.hpp"
#include "get_generation_progress.hpp"
#include "list_project_generations.hpp"

namespace genwire::diffio {

namespace summary_detail {

inline genwire::job_state state_of(const genwire::open_enum<generation_status>& s) {
  if (!s.known()) return genwire::job_state::unknown;
  switch (s.value()) {
    case generation_status::pending:
    case generation_status::queued: return genwire::job_state::queued;
    case generation_status::processing: return genwire::job_state::running;
    case generation_status::complete: return genwire::job_state::succeeded;
    case generation_status::failed:
    case generation_status::error: return genwire::job_state::failed;
  }
  return genwire::job_state::unknown;
}

// A 0..100 percentage as a 0..1 fraction; out-of-range values are clamped, NaN is dropped.
inline std::optional<double> fraction(double percent) {
  if (!(percent == percent)) return std::nullopt;
  return std::clamp(percent / 100.0, 0.0, 1.0);
}

inline std::optional<genwire::timestamp> time_of(const genwire::date_time& t) {
  if (auto r = t.time()) return *r;
  return std::nullopt;
}

}  // namespace summary_detail

// The state a stage status maps to (pending -> queued, running, complete -> succeeded, failed).
inline genwire::job_state stage_state(const stage& s) {
  if (!s.status.known()) return genwire::job_state::unknown;
  switch (s.status.value()) {
    case stage_status::pending: return genwire::job_state::queued;
    case stage_status::running: return genwire::job_state::running;
    case stage_status::complete: return genwire::job_state::succeeded;
    case stage_status::failed: return genwire::job_state::failed;
  }
  return genwire::job_state::unknown;
}

// One item of list_project_generations.
inline genwire::job_summary summarize(const project_generation& g) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = g.generation_id;
  if (g.status && *g.status) {
    s.raw_status = genwire::enum_name(**g.status);
    s.state = summary_detail::state_of(**g.status);
  } else {
    // Decision: a missing or null list status means queued, as the official Python SDK defaults it; raw_status stays "" (nothing was sent).
    s.state = genwire::job_state::queued;
  }
  if (g.progress && *g.progress) s.progress = summary_detail::fraction(**g.progress);
  if (g.created_at && *g.created_at) s.created = summary_detail::time_of(**g.created_at);
  s.updated = summary_detail::time_of(g.updated_at);
  if (s.state == genwire::job_state::succeeded) {
    // Decision: a complete item's updatedAt is its completion time (Diffio sends no completedAt), and its progress is 1 whatever was last reported.
    s.completed = s.updated;
    s.progress = 1.0;
  }
  return s;
}

// The get_generation_progress answer.
inline genwire::job_summary summarize(const get_generation_progress_response& r) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = r.generation_id;
  s.raw_status = genwire::enum_name(r.status);
  s.state = summary_detail::state_of(r.status);
  // Decision: overall progress is the mean of the stages present (each 0..100), because the answer has no top-level progress; a complete generation is 1 whatever the stages say (as for list items).
  double sum = 0;
  int n = 0;
  for (const auto* st : {&r.pre_processing, &r.inference, &r.restored_video})
    if (*st) sum += (*st)->progress.value, ++n;
  if (n > 0) s.progress = summary_detail::fraction(sum / n);
  if (s.state == genwire::job_state::succeeded) s.progress = 1.0;
  // The top-level error, else the first failed stage's (stages in pipeline order).
  if (r.error && *r.error) s.error_message = **r.error;
  if (!s.error_message)
    for (const auto* st : {&r.pre_processing, &r.inference, &r.restored_video})
      if (*st && (*st)->error && *(*st)->error) {
        s.error_message = *(*(*st)->error);
        break;
      }
  return s;
}

}  // namespace genwire::diffio

namespace genwire {
// So that genwire::summarize(x) works for every provider's types (and ADL finds the same function).
using diffio::summarize;
}  // namespace genwire
