// genwire/job_summary.hpp: one provider-neutral view of a generation job. Each provider folder has
// a `summarize(...)` overload that maps its list item / progress answer into it (README: mapping tables).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats.hpp"

namespace genwire {

enum class job_state : unsigned char { queued, running, succeeded, failed, unknown };

constexpr std::string_view to_string(job_state s) noexcept {
  switch (s) {
    case job_state::queued: return "queued";
    case job_state::running: return "running";
    case job_state::succeeded: return "succeeded";
    case job_state::failed: return "failed";
    case job_state::unknown: return "unknown";
  }
  return "unknown";
}

struct job_output {
  std::string kind;  // the provider's media type when it gives one ("imageUrl", "png", ...), else ""
  std::string url;   // URL, or the text content for text outputs
};

struct job_summary {
  std::string_view provider;  // "diffio", "flora", "depicta", "hedra"
  std::string id;
  job_state state = job_state::unknown;
  std::string raw_status;           // the provider's own status string, always kept
  std::optional<double> progress;   // 0..1 whatever the provider's scale; absent when unknown
  std::optional<timestamp> created;
  std::optional<timestamp> updated;
  std::optional<timestamp> completed;
  std::vector<job_output> outputs;
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
};

}  // namespace genwire
