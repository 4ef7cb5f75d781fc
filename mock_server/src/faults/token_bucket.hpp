// A token bucket: `rate` tokens per second up to `burst`, starting full. Pure (the caller passes
// the time), so the rate limiter is tested without sleeping.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace genwire::mock::faults {

class token_bucket {
 public:
  token_bucket(double rate, double burst, std::chrono::milliseconds now) noexcept
      : rate_(rate), burst_(std::max(1.0, burst)), tokens_(std::max(1.0, burst)), last_(now) {}

  // nullopt when a token was taken; otherwise how long until one will be there (at least 1 ms).
  std::optional<std::chrono::milliseconds> take(std::chrono::milliseconds now) noexcept {
    refill(now);
    if (tokens_ >= 1.0) {
      tokens_ -= 1.0;
      return std::nullopt;
    }
    const double wait_ms = std::ceil((1.0 - tokens_) / rate_ * 1000.0);
    return std::chrono::milliseconds(std::max<long long>(1, static_cast<long long>(wait_ms)));
  }

  // Whether the bucket would be full at `now` (an idle caller: its bucket can be forgotten).
  [[nodiscard]] bool full(std::chrono::milliseconds now) const noexcept {
    return tokens_ + elapsed_s(now) * rate_ >= burst_;
  }

 private:
  [[nodiscard]] double elapsed_s(std::chrono::milliseconds now) const noexcept {
    return now > last_ ? static_cast<double>((now - last_).count()) / 1000.0 : 0.0;
  }
  void refill(std::chrono::milliseconds now) noexcept {
    tokens_ = std::min(burst_, tokens_ + elapsed_s(now) * rate_);
    if (now > last_) last_ = now;
  }

  double rate_;
  double burst_;
  double tokens_;
  std::chrono::milliseconds last_;
};

}  // namespace genwire::mock::faults
