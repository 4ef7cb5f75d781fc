#include <genwire/client/retry_policy.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace genwire::client {
namespace {

using std::chrono::milliseconds;

// Longer asks are all "too long" for any policy; the cap keeps the arithmetic in range.
constexpr std::int64_t max_ms = std::int64_t{1} << 50;

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

// "12" or "12.345" as thousandths of the unit, rounded up; nullopt for anything else.
std::optional<std::int64_t> thousandths(std::string_view s) noexcept {
  s = trim(s);
  if (s.empty() || !digit(s.front())) return std::nullopt;
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < s.size() && digit(s[i]); ++i) whole = whole > max_ms ? whole : whole * 10 + (s[i] - '0');
  std::int64_t frac = 0;
  int places = 0;
  bool rest = false;  // digits beyond the third decimal, which round up
  if (i < s.size() && s[i] == '.') {
    const std::size_t first = ++i;
    for (; i < s.size() && digit(s[i]); ++i) {
      if (places < 3)
        frac = frac * 10 + (s[i] - '0'), ++places;
      else
        rest = rest || s[i] != '0';
    }
    if (i == first) return std::nullopt;
  }
  for (; places < 3; ++places) frac *= 10;
  if (i != s.size()) return std::nullopt;
  if (whole > max_ms / 1000) return max_ms;
  return whole * 1000 + frac + (rest ? 1 : 0);
}

int month_of(std::string_view m) noexcept {
  static constexpr std::array<std::string_view, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == m) return static_cast<int>(i) + 1;
  return 0;
}

// Reads a number of `width` digits (or 1..width when `exact` is false) from the front of s.
bool take_number(std::string_view& s, int width, bool exact, int& out) noexcept {
  int n = 0, v = 0;
  while (n < width && n < static_cast<int>(s.size()) && digit(s[static_cast<std::size_t>(n)])) v = v * 10 + (s[static_cast<std::size_t>(n++)] - '0');
  if (n == 0 || (exact && n != width)) return false;
  s.remove_prefix(static_cast<std::size_t>(n));
  out = v;
  return true;
}

bool take(std::string_view& s, std::string_view lit) noexcept {
  if (!s.starts_with(lit)) return false;
  s.remove_prefix(lit.size());
  return true;
}

// "08:49:37"
bool take_time(std::string_view& s, int& h, int& m, int& sec) noexcept {
  return take_number(s, 2, true, h) && take(s, ":") && take_number(s, 2, true, m) && take(s, ":") &&
         take_number(s, 2, true, sec);
}

std::optional<std::chrono::system_clock::time_point> make_time(int y, int mon, int d, int h, int m, int s) noexcept {
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mon)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || m > 59 || s > 60) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

}  // namespace

milliseconds backoff(const retry_policy& p, int n, double draw) noexcept {
  const double base = static_cast<double>(p.initial_backoff.count()) * std::pow(2.0, static_cast<double>(n < 0 ? 0 : n));
  const double capped = std::min(base, static_cast<double>(p.max_backoff.count()));
  const double factor = 1.0 - p.jitter_down + (p.jitter_down + p.jitter_up) * draw;
  return milliseconds(std::llround(std::max(0.0, capped * factor)));
}

std::optional<milliseconds> parse_delay_seconds(std::string_view text) noexcept {
  const auto t = thousandths(text);
  if (!t) return std::nullopt;
  return milliseconds(*t);
}

std::optional<milliseconds> parse_delay_milliseconds(std::string_view text) noexcept {
  const auto t = thousandths(text);
  if (!t) return std::nullopt;
  return milliseconds(*t / 1000 + (*t % 1000 != 0 ? 1 : 0));
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) noexcept {
  std::string_view s = trim(text);
  int d = 0, y = 0, h = 0, m = 0, sec = 0;
  const std::size_t comma = s.find(',');
  if (comma != std::string_view::npos) {
    s.remove_prefix(comma + 1);
    if (!take(s, " ") || !take_number(s, 2, true, d)) return std::nullopt;
    int mon = 0;
    if (take(s, " ")) {  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
      mon = month_of(s.substr(0, 3));
      s.remove_prefix(std::min<std::size_t>(3, s.size()));
      if (!take(s, " ") || !take_number(s, 4, true, y)) return std::nullopt;
    } else if (take(s, "-")) {  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
      mon = month_of(s.substr(0, 3));
      s.remove_prefix(std::min<std::size_t>(3, s.size()));
      if (!take(s, "-") || !take_number(s, 2, true, y)) return std::nullopt;
      // Decision: a two-digit RFC 850 year below 70 is 20yy, else 19yy (RFC 9110 asks to read it as the most recent past year with those digits; no API sends the form any more).
      y += y < 70 ? 2000 : 1900;
    } else {
      return std::nullopt;
    }
    if (mon == 0 || !take(s, " ") || !take_time(s, h, m, sec) || s != " GMT") return std::nullopt;
    return make_time(y, mon, d, h, m, sec);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (s.size() < 4 || s[3] != ' ') return std::nullopt;
  s.remove_prefix(4);
  const int mon = month_of(s.substr(0, 3));
  s.remove_prefix(std::min<std::size_t>(3, s.size()));
  if (mon == 0 || !take(s, " ")) return std::nullopt;
  take(s, " ");
  if (!take_number(s, 2, false, d) || !take(s, " ") || !take_time(s, h, m, sec) || !take(s, " ") ||
      !take_number(s, 4, true, y) || !s.empty())
    return std::nullopt;
  return make_time(y, mon, d, h, m, sec);
}

std::optional<milliseconds> server_wait(const http_response& r, const retry_policy& p,
                                        std::chrono::system_clock::time_point wall_now) {
  if (p.retry_after_ms)
    if (const std::string* ms = r.header("retry-after-ms"))
      if (auto v = parse_delay_milliseconds(*ms)) return v;
  const std::string* after = r.header("Retry-After");
  if (!after) return std::nullopt;
  if (auto v = parse_delay_seconds(*after)) return v;
  if (auto when = parse_http_date(*after)) {
    if (*when <= wall_now) return milliseconds(0);
    return std::chrono::ceil<milliseconds>(*when - wall_now);
  }
  return std::nullopt;
}

}  // namespace genwire::client
