#include "violation_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace genwire::mock::detail {
namespace {

std::string now_rfc3339() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  ::gmtime_r(&secs, &utc);
  char text[64];  // room for any int fields, so -Wformat-truncation has nothing to say
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms));
  return text;
}

}  // namespace

void violation_log::add(std::string_view endpoint, int status, const std::vector<journal_violation>& found) {
  const std::string when = found.empty() ? std::string() : now_rfc3339();
  const std::lock_guard lock(mutex_);
  auto it = endpoints_.find(endpoint);
  if (it == endpoints_.end()) it = endpoints_.emplace(std::string(endpoint), per_endpoint{}).first;
  per_endpoint& e = it->second;
  ++e.checked;
  if (found.empty()) return;
  ++e.violating;
  for (const auto& v : found) {
    auto [at, fresh] = e.paths.try_emplace(v.path);
    violation_summary& s = at->second;
    if (fresh) {
      s.path = v.path;
      s.first_seen = when;
      s.example = {status, v.expected, v.found, v.offset, v.strict_only};
    }
    ++s.count;
    s.last_seen = when;
  }
}

violations_page violation_log::snapshot() const {
  const std::lock_guard lock(mutex_);
  violations_page page;
  for (const auto& [name, e] : endpoints_) {
    endpoint_violations out{name, e.checked, e.violating, {}};
    for (const auto& [path, s] : e.paths) out.paths.push_back(s);
    page.checked += e.checked;
    page.violating += e.violating;
    page.endpoints.push_back(std::move(out));
  }
  return page;
}

void violation_log::clear() {
  const std::lock_guard lock(mutex_);
  endpoints_.clear();
}

}  // namespace genwire::mock::detail
