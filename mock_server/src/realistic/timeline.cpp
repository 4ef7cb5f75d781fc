#include <cstdio>
#include <utility>

#include "timeline.hpp"

namespace genwire::mock::realistic {

std::string rfc3339(millis t, bool with_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds{t}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> hms{tp - day};
  char buf[40];
  if (with_ms) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  static_cast<int>(hms.subseconds().count()));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  }
  return buf;
}

answer reply_json(int status, std::string body) {
  return answer{answer::kind::reply, status, {{"Content-Type", "application/json"}}, std::move(body)};
}

std::string json_array_member(std::string_view key, const std::vector<const std::string*>& items) {
  std::size_t size = key.size() + 8;
  for (const auto* s : items) size += s->size() + 1;
  std::string out;
  out.reserve(size);
  out += "{\"";
  out += key;
  out += "\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += *items[i];
  }
  out += ']';
  return out;
}

}  // namespace genwire::mock::realistic
