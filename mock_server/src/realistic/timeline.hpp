// What every provider's realistic data is made of: synthetic time, job progression, the view of
// one request, and the encoded-answer helpers. Nothing here locks: the realistic store holds its
// mutex around every call into a provider's data. Internal to genwire_mock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/realistic.hpp>

namespace genwire::mock::realistic {

// Time -------------------------------------------------------------------------------------------

// Milliseconds since the Unix epoch. Generated data lives on a fixed timeline ending near
// `anchor_ms`, not on the wall clock, so that the same seed gives byte-identical answers tomorrow.
using millis = std::int64_t;
// 2025-06-01T12:00:00Z
inline constexpr millis anchor_ms = 1748779200000;

// "2025-06-01T12:00:00Z", or "2025-06-01T12:00:00.123Z" with milliseconds.
std::string rfc3339(millis t, bool with_ms = false);
// The instant of a timestamp in milliseconds (floor).
constexpr millis to_millis(genwire::timestamp t) noexcept {
  return std::chrono::floor<std::chrono::milliseconds>(t).time_since_epoch().count();
}

// Progression --------------------------------------------------------------------------------

// Where one job is on its script of steps (0 .. last). A job moves one step each time a poll
// returns it and, with a clock, every step_ms; it never moves past its terminal step.
struct progression {
  std::uint32_t initial = 0;
  std::uint32_t last = 0;
  std::uint32_t polls = 0;

  [[nodiscard]] constexpr std::uint32_t at(std::uint64_t clock_steps) const noexcept {
    const std::uint64_t s = std::uint64_t{initial} + polls + clock_steps;
    return s >= last ? last : static_cast<std::uint32_t>(s);
  }
  [[nodiscard]] constexpr bool finished(std::uint64_t clock_steps) const noexcept { return at(clock_steps) == last; }
  // Called after a poll has shown the job: the next view sees the next step.
  constexpr void polled(std::uint64_t clock_steps) noexcept {
    if (!finished(clock_steps)) ++polls;
  }
};

// A job's JSON, encoded once per step it is seen at (and per origin, where it holds the mock's URL).
struct encoded_cache {
  std::uint32_t step = std::numeric_limits<std::uint32_t>::max();
  std::string origin;
  std::string json;
};

// What one find() call knows besides the request.
struct view {
  std::uint64_t clock_steps = 0;
  bool owner = false;       // the caller's key owns the generated data
  std::string_view key;     // the caller's key (cursors can be bound to it)
  std::string origin;       // the mock as this client reaches it, "http://127.0.0.1:8080" (from Host)
};

// Answers ----------------------------------------------------------------------------------------

answer reply_json(int status, std::string body);
template <class T>
answer reply(int status, const T& value) {
  auto text = genwire::encode(value);
  if (!text) return answer{answer::kind::failed, 500, {}, "the realistic store could not encode its answer: " + text.error().message()};
  return reply_json(status, std::move(*text));
}
// `{"<key>":[a,b,...]` from already encoded items (the caller closes the object).
std::string json_array_member(std::string_view key, const std::vector<const std::string*>& items);

}  // namespace genwire::mock::realistic
