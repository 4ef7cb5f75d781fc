// genwire/hedra/summary.hpp: a Hedra generation (list_generations item) as a genwire::job_summary.
// The mapping table is docs/summary-hedra.md.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>

#include "../core/enum_name.hpp"
#include "../job_summary.hpp"
#include "list_generations.hpp"

namespace genwire::hedra {

namespace summary_detail {

inline const std::string* present(const genwire::optional_nullable<std::string>& s) {
  return s && *s ? &**s : nullptr;
}

}  // namespace summary_detail

inline genwire::job_state state_of(const genwire::open_enum<generation_status>& s) {
  if (!s.known()) return genwire::job_state::unknown;
  switch (s.value()) {
    case generation_status::queued:
    case generation_status::pending: return genwire::job_state::queued;
    // Decision: finalizing counts as running (the output is not available yet).
    case generation_status::processing:
    case generation_status::finalizing: return genwire::job_state::running;
    case generation_status::complete: return genwire::job_state::succeeded;
    case generation_status::error: return genwire::job_state::failed;
  }
  return genwire::job_state::unknown;
}

inline genwire::job_summary summarize(const generation& g) {
  genwire::job_summary s;
  s.provider = provider_name;
  s.id = g.id.text;
  s.raw_status = genwire::enum_name(g.status);
  s.state = state_of(g.status);
  // Decision: progress is already a 0..1 fraction (docs/providers-hedra.md); values outside are clamped (the reference page's example sends 123) and NaN is dropped.
  if (!std::isnan(g.progress)) s.progress = std::clamp(g.progress, 0.0, 1.0);
  if (auto t = g.created_at.time()) s.created = *t;
  // Decision: `updated` and `completed` stay absent: a generation carries no time but created_at (the asset's created_at is the asset's, not the job's).
  // Decision: the one output is the asset's payload URL (falling back to download_url, then streaming_url, when url is null), with the asset's type ("video", "image", ...) as kind; no asset, no output.
  if (g.asset && *g.asset) {
    const generation_asset& a = **g.asset;
    const std::string* url = summary_detail::present(a.asset.url);
    if (!url) url = summary_detail::present(a.asset.download_url);
    if (!url) url = summary_detail::present(a.asset.streaming_url);
    if (url) s.outputs.push_back({genwire::enum_name(a.type), *url});
  }
  // Decision: error_code is error.type (e.g. "MODERATION_FAILED"); error_message is error.message, else the legacy error_message string.
  if (g.error && *g.error) {
    s.error_code = genwire::enum_name((**g.error).type);
    s.error_message = (**g.error).message;
  }
  if (!s.error_message)
    if (const std::string* m = summary_detail::present(g.error_message)) s.error_message = *m;
  return s;
}

}  // namespace genwire::hedra

namespace genwire {
// So that genwire::summarize(x) works for every provider's types (and ADL finds the same function).
using hedra::summarize;
}  // namespace genwire
