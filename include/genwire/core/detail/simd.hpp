// genwire/core/detail/simd.hpp: the byte scan both codecs spend most of their time in. Inside a
// JSON string, which is the next byte that cannot be copied as it is: '"', '\\', a control byte
// (< 0x20) or a non-ASCII byte (>= 0x80, whose UTF-8 the caller validates)? 32 bytes per step with
// AVX2, 16 with SSE2, 8 with 64-bit arithmetic (SWAR), chosen at compile time; defining
// GENWIRE_NO_SIMD (CMake: -DGENWIRE_SIMD=OFF) keeps the SWAR path on every target. Each range is
// scanned by the widest kernel it is long enough for, and no kernel reads outside [p, end): the
// last block of a range overlaps the one before it instead of reading past the end. With AVX-512BW
// one kernel takes every length: 64 bytes a step, the last step under a byte mask.
//
//   find_special(p, end)              the first such byte, or end
//   copy_plain(dst, p, end)           the same, copying the bytes scanned to dst on the way (the
//                                     encoder: dst must have room for end - p bytes)
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "config.hpp"

#if !defined(GENWIRE_NO_SIMD) && (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#define GENWIRE_HAVE_SSE2 1
#include <emmintrin.h>
#endif
#if !defined(GENWIRE_NO_SIMD) && defined(__AVX2__)
#define GENWIRE_HAVE_AVX2 1
#include <immintrin.h>
#endif
#if !defined(GENWIRE_NO_SIMD) && defined(__AVX512BW__)
#define GENWIRE_HAVE_AVX512 1
#endif

namespace genwire::detail::simd {

constexpr bool is_special(unsigned char c) noexcept { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; }

// The widest kernel compiled in, for reports.
constexpr const char* kernel_name() noexcept {
#if defined(GENWIRE_HAVE_AVX512)
  return "avx512";
#elif defined(GENWIRE_HAVE_AVX2)
  return "avx2";
#elif defined(GENWIRE_HAVE_SSE2)
  return "sse2";
#else
  return "swar";
#endif
}

// A block kernel: `size` bytes at a time; mask(p, dst) classifies the block at p (storing it at
// dst when dst is not null) and returns a mask whose lowest set bit marks the first special byte,
// at index(mask).
struct swar_block {
  static constexpr std::ptrdiff_t size = 8;
  static std::uint64_t mask(const char* p, char* dst) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if (dst) std::memcpy(dst, &w, 8);
    // Exact for the lowest special byte; a borrow may also mark bytes above it.
    const std::uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
    return (((quote - ones) & ~quote) | ((slash - ones) & ~slash) | (w - ones * 0x20) | w) & highs;
  }
  static std::ptrdiff_t index(std::uint64_t m) noexcept { return std::countr_zero(m) >> 3; }
};

#if defined(GENWIRE_HAVE_SSE2)
struct sse2_block {
  static constexpr std::ptrdiff_t size = 16;
  static unsigned mask(const char* p, char* dst) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    if (dst) _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), x);
    const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    const __m128i slash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);  // x <= 0x1F, unsigned
    // The high bit of x itself marks the non-ASCII bytes.
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, slash), _mm_or_si128(control, x))));
  }
  static std::ptrdiff_t index(unsigned m) noexcept { return std::countr_zero(m); }
};
#endif

#if defined(GENWIRE_HAVE_AVX2)
struct avx2_block {
  static constexpr std::ptrdiff_t size = 32;
  static unsigned mask(const char* p, char* dst) noexcept {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    if (dst) _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), x);
    const __m256i quote = _mm256_cmpeq_epi8(x, _mm256_set1_epi8('"'));
    const __m256i slash = _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\\'));
    const __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(0x1F)), x);
    return static_cast<unsigned>(
        _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(quote, slash), _mm256_or_si256(control, x))));
  }
  static std::ptrdiff_t index(unsigned m) noexcept { return std::countr_zero(m); }
};
#endif

// A range of at least B::size bytes, block by block; the last block is moved back to end at the
// range's end (the bytes it shares with the one before are known to be plain, and when copying
// they are stored again with the same values).
template <class B, bool Copy>
const char* scan_blocks(const char* p, const char* end, char* dst) noexcept {
  for (; end - p >= B::size; p += B::size, dst += Copy ? B::size : 0)
    if (const auto m = B::mask(p, Copy ? dst : nullptr)) return p + B::index(m);
  if (p == end) return end;
  const std::ptrdiff_t back = B::size - (end - p);
  if (const auto m = B::mask(p - back, Copy ? dst - back : nullptr)) return p - back + B::index(m);
  return end;
}

template <bool Copy>
const char* scan_bytes(const char* p, const char* end, char* dst) noexcept {
  for (; p < end && !is_special(static_cast<unsigned char>(*p)); ++p)
    if constexpr (Copy) *dst++ = *p;
  return p;
}

// swar_block's test on 4 bytes.
inline std::uint32_t swar4_mask(const char* p, char* dst) noexcept {
  constexpr std::uint32_t ones = 0x01010101u, highs = 0x80808080u;
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  if (dst) std::memcpy(dst, &w, 4);
  const std::uint32_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
  return (((quote - ones) & ~quote) | ((slash - ones) & ~slash) | (w - ones * 0x20) | w) & highs;
}

// A range shorter than 16 bytes (most keys, ids and enum names): two overlapping words.
template <bool Copy>
const char* scan_short(const char* p, const char* end, char* dst) noexcept {
  const std::ptrdiff_t n = end - p;
  if (n >= 8) {
    if (const auto m = swar_block::mask(p, Copy ? dst : nullptr)) return p + swar_block::index(m);
    const auto m = swar_block::mask(end - 8, Copy ? dst + n - 8 : nullptr);
    return m ? end - 8 + swar_block::index(m) : end;
  }
  if (n >= 4) {
    if (const auto m = swar4_mask(p, Copy ? dst : nullptr)) return p + (std::countr_zero(m) >> 3);
    const auto m = swar4_mask(end - 4, Copy ? dst + n - 4 : nullptr);
    return m ? end - 4 + (std::countr_zero(m) >> 3) : end;
  }
  return scan_bytes<Copy>(p, end, dst);
}

// The kernels one by one (the tests run each of them at every block boundary).
template <bool Copy>
const char* scan_swar(const char* p, const char* end, char* dst = nullptr) noexcept {
  if constexpr (std::endian::native != std::endian::little) return scan_bytes<Copy>(p, end, dst);
  if (end - p < 16) return scan_short<Copy>(p, end, dst);
  return scan_blocks<swar_block, Copy>(p, end, dst);
}
using kernel_fn = const char* (*)(const char*, const char*, char*) noexcept;

template <kernel_fn Kernel>
GENWIRE_NOINLINE const char* search_out_of_line(const char* p, const char* end) noexcept {
  return Kernel(p, end, nullptr);
}
// A range shorter than a wider kernel's block, given to Kernel (the narrower one): inline when
// copied (the encoder's short strings), out of line when only searched. The decoder searches to
// the end of its input, so there such a range is only the input's last bytes, and inline its words
// and constants would be set up on every call, also for the block path.
template <bool Copy, kernel_fn Kernel>
GENWIRE_ALWAYS_INLINE const char* below_block(const char* p, const char* end, char* dst) noexcept {
  if constexpr (Copy) return Kernel(p, end, dst);
  else return (void)dst, search_out_of_line<Kernel>(p, end);
}
#if defined(GENWIRE_HAVE_SSE2)
template <bool Copy>
const char* scan_sse2(const char* p, const char* end, char* dst = nullptr) noexcept {
  const std::ptrdiff_t n = end - p;
  if (n < 16) return below_block<Copy, &scan_short<Copy>>(p, end, dst);
  if (n < 32) {  // two blocks, the second overlapping
    if (const auto m = sse2_block::mask(p, Copy ? dst : nullptr)) return p + sse2_block::index(m);
    const auto m = sse2_block::mask(end - 16, Copy ? dst + n - 16 : nullptr);
    return m ? end - 16 + sse2_block::index(m) : end;
  }
  return scan_blocks<sse2_block, Copy>(p, end, dst);
}
#endif
#if defined(GENWIRE_HAVE_AVX2)
template <bool Copy>
const char* scan_avx2(const char* p, const char* end, char* dst = nullptr) noexcept {
  if (end - p < avx2_block::size) return below_block<Copy, &scan_sse2<Copy>>(p, end, dst);
  return scan_blocks<avx2_block, Copy>(p, end, dst);
}
#endif

#if defined(GENWIRE_HAVE_AVX512)
// Short strings (most keys, ids and enum names) in one step and no branch on their length: the
// bytes a mask leaves out are neither read (a masked load does not fault past the range) nor
// stored, and their zeros do not count as control bytes.
template <bool Copy>
const char* scan_avx512(const char* p, const char* end, char* dst = nullptr) noexcept {
  const __m512i quote = _mm512_set1_epi8('"'), slash = _mm512_set1_epi8('\\'), last_control = _mm512_set1_epi8(0x1F);
  for (;; p += 64) {
    const std::ptrdiff_t n = end - p;
    const __mmask64 live = n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1;
    const __m512i x = _mm512_maskz_loadu_epi8(live, p);
    if constexpr (Copy) {
      _mm512_mask_storeu_epi8(dst, live, x);
      dst += 64;
    }
    const __mmask64 special = (_mm512_cmpeq_epi8_mask(x, quote) | _mm512_cmpeq_epi8_mask(x, slash) |
                               _mm512_cmple_epu8_mask(x, last_control) | _mm512_movepi8_mask(x)) &
                              live;
    if (special) return p + std::countr_zero(special);
    if (n <= 64) return end;
  }
}
#endif

template <bool Copy>
const char* scan(const char* p, const char* end, char* dst) noexcept {
#if defined(GENWIRE_HAVE_AVX512)
  return scan_avx512<Copy>(p, end, dst);
#elif defined(GENWIRE_HAVE_AVX2)
  return scan_avx2<Copy>(p, end, dst);
#elif defined(GENWIRE_HAVE_SSE2)
  return scan_sse2<Copy>(p, end, dst);
#else
  return scan_swar<Copy>(p, end, dst);
#endif
}

inline const char* find_special(const char* p, const char* end) noexcept { return scan<false>(p, end, nullptr); }

// Whether the n bytes at a and b are equal, in words (n is usually a constant: a member's key).
GENWIRE_ALWAYS_INLINE bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  const auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  const auto half = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  if (n >= 8) {
    std::uint64_t diff = 0;
    for (std::size_t i = 0; i + 8 <= n; i += 8) diff |= word(a + i) ^ word(b + i);
    if (n % 8) diff |= word(a + n - 8) ^ word(b + n - 8);  // the last 8, overlapping
    return diff == 0;
  }
  if (n >= 4) return ((half(a) ^ half(b)) | (half(a + n - 4) ^ half(b + n - 4))) == 0;
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Whether the n <= 32 bytes at a and b are equal, where 32 bytes may be read at both (b: a
// member's key in its zero-padded table; a: input with 32 bytes left): whole blocks compared, the
// bytes past n masked off, so no branch on n.
GENWIRE_ALWAYS_INLINE bool same_prefix32(const char* a, const char* b, std::size_t n) noexcept {
#if defined(GENWIRE_HAVE_SSE2)
  const std::uint64_t wanted = (std::uint64_t{1} << n) - 1;  // bit i: byte i is compared
#endif
#if defined(GENWIRE_HAVE_AVX2)
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a));
  const __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b));
  const auto equal = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, y)));
  return (~std::uint64_t{equal} & wanted) == 0;
#elif defined(GENWIRE_HAVE_SSE2)
  const auto block = [](const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };
  const auto lo = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block(a), block(b))));
  const auto hi = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block(a + 16), block(b + 16))));
  return (~(std::uint64_t{lo} | std::uint64_t{hi} << 16) & wanted) == 0;
#else
  std::uint64_t diff = 0;
  for (std::size_t i = 0; i < 32; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    // The bytes of this word that count (the first `live` in memory order): all, some or none.
    const std::size_t live = n > i ? (n - i < 8 ? n - i : 8) : 0;
    const std::uint64_t all = ~std::uint64_t{0};
    std::uint64_t mask = 0;
    if constexpr (std::endian::native == std::endian::little) mask = live == 8 ? all : (std::uint64_t{1} << (8 * live)) - 1;
    else mask = live == 0 ? 0 : all << (8 * (8 - live));
    diff |= (x ^ y) & mask;
  }
  return diff == 0;
#endif
}

// The first min(n, 8) bytes at p as a little-endian word (the rest zero), reading only [p, p + n).
inline std::uint64_t load_prefix(const char* p, std::size_t n) noexcept {
  std::uint64_t w = 0;
  if constexpr (std::endian::native != std::endian::little) {
    for (std::size_t i = 0; i < n && i < 8; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  } else if (n >= 8) {
    std::memcpy(&w, p, 8);
  } else if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    w = lo | (std::uint64_t{hi} << (8 * (n - 4)));
  } else {
    for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  return w;
}
inline const char* copy_plain(char* dst, const char* p, const char* end) noexcept { return scan<true>(p, end, dst); }

}  // namespace genwire::detail::simd
