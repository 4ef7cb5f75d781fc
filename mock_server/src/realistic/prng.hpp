// The realistic mode's own random numbers: splitmix64 to expand a seed, xoshiro256** for the
// streams. std::mt19937 and the std distributions are not used because their output is allowed to
// differ between standard libraries, and the same seed must give the same data everywhere.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace genwire::mock::realistic {

constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// One well-mixed 64-bit value from a seed and a tag, to give each provider its own stream.
constexpr std::uint64_t mix(std::uint64_t seed, std::uint64_t tag) noexcept {
  std::uint64_t s = seed ^ (tag * 0xd1342543de82ef95ULL);
  splitmix64(s);
  return splitmix64(s);
}

// A tag from a short name (a provider's), FNV-1a.
constexpr std::uint64_t tag_of(std::string_view name) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class rng {
 public:
  explicit constexpr rng(std::uint64_t seed) noexcept {
    std::uint64_t s = seed;
    for (auto& word : s_) word = splitmix64(s);
  }

  constexpr std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), without modulo bias. n == 0 gives 0.
  constexpr std::uint64_t below(std::uint64_t n) noexcept {
    if (n == 0) return 0;
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }
  // Uniform in [lo, hi] (inclusive).
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1).
  constexpr double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  constexpr bool chance(double p) noexcept { return unit() < p; }

  template <class T, std::size_t N>
  constexpr const T& pick(const std::array<T, N>& items) noexcept {
    return items[below(N)];
  }

  std::string hex(std::size_t n) {
    constexpr char digits[] = "0123456789abcdef";
    std::string out(n, '0');
    for (auto& c : out) c = digits[below(16)];
    return out;
  }
  std::string alnum(std::size_t n) {
    constexpr std::string_view digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out(n, '0');
    for (auto& c : out) c = digits[below(digits.size())];
    return out;
  }
  // A random (version 4, RFC 9562 variant) UUID in lower case.
  std::string uuid() {
    std::string h = hex(32);
    h[12] = '4';
    h[16] = "89ab"[below(4)];
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) + '-' + h.substr(20);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

}  // namespace genwire::mock::realistic
