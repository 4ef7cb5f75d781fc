// genwire/flora/summary.hpp: a FLORA generation (list item) as a genwire::job_summary.
// The mapping table is docs/summary-flora.md.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>

#include "../core/enum_name.hpp"
#include "../job_summary.hpp"
#include "list_generations.hpp"

namespace genwire::flora {

// Values above this are epoch milliseconds, at or below it epoch seconds (1e11 s is the year 5138;
// 1e11 ms is 1973-03-03), so both readings of any plausible date are told apart.
inline constexpr double milliseconds_threshold = 1e11;

// A FLORA timestamp (a number of unknown epoch unit) as an instant.
// Decision: values above 1e11 are milliseconds, else seconds (no source states the unit); 0, negative and non-finite values are absent (0 is the docs' placeholder, not a real time).
inline std::optional<genwire::timestamp> epoch_time(double v) {
  if (!std::isfinite(v) || v <= 0) return std::nullopt;
  const double micros = v > milliseconds_threshold ? v * 1e3 : v * 1e6;
  if (micros >= 9.2e18) return std::nullopt;  // beyond what a 64-bit microsecond count holds
  return genwire::timestamp(std::chrono::microseconds(std::llround(micros)));
}

inline genwire::job_state state_of(const genwire::open_enum<run_status>& s) {
  if (!s.known()) return genwire::job_state::unknown;
  switch (s.value()) {
    case run_status::pending: return genwire::job_state::queued;
    case run_status::running: return genwire::job_state::running;
    case run_status::completed: return genwire::job_state::succeeded;
    case run_status::failed: return genwire::job_state::failed;
  }
  return genwire::job_state::unknown;
}

inline genwire::job_summary summarize(const generation& g) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = g.generation_id;
  s.raw_status = genwire::enum_name(g.status);
  s.state = state_of(g.status);
  if (std::isfinite(g.progress)) s.progress = std::clamp(g.progress / 100.0, 0.0, 1.0);
  s.created = epoch_time(g.created_at);
  // Decision: `updated` is the latest of started_at and completed_at (FLORA sends no updated time); `completed` is completed_at.
  if (g.completed_at) s.completed = epoch_time(*g.completed_at);
  if (g.started_at) s.updated = epoch_time(*g.started_at);
  if (s.completed && (!s.updated || *s.completed > *s.updated)) s.updated = s.completed;
  if (g.outputs)
    for (const output& o : *g.outputs) s.outputs.push_back({genwire::enum_name(o.type), o.url.value});
  if (g.error_code) s.error_code = *g.error_code;
  if (g.error_message) s.error_message = *g.error_message;
  return s;
}

}  // namespace genwire::flora

namespace genwire {
// So that genwire::summarize(x) works for every provider's types (and ADL finds the same function).
using flora::summarize;
}  // namespace genwire
