// genwire/core/detail/config.hpp: compiler hints the hot paths use, and the build-wide codec setting.
#pragma once

// For the few small functions whose callers must see their arguments as constants (a member's key
// length, so that comparing it compiles to a couple of word compares instead of a memcmp call).
#if defined(__GNUC__) || defined(__clang__)
#define GENWIRE_ALWAYS_INLINE inline __attribute__((always_inline))
#elif defined(_MSC_VER)
#define GENWIRE_ALWAYS_INLINE __forceinline
#else
#define GENWIRE_ALWAYS_INLINE inline
#endif

// For the failure paths (building an error's text): out of line and never inlined into the
// per-type code that calls them, which keeps that code small to compile and to run.
#if defined(__GNUC__) || defined(__clang__)
#define GENWIRE_COLD __attribute__((cold, noinline))
#else
#define GENWIRE_COLD
#endif

// For a slow path that is taken in normal use but would make the code it sits in too large to
// inline (the format checks inside a string value's read or write).
#if defined(__GNUC__) || defined(__clang__)
#define GENWIRE_NOINLINE __attribute__((noinline))
#else
#define GENWIRE_NOINLINE
#endif

// GENWIRE_COMPACT_CODEC: each struct's members are read and written by one loop over a constant
// table of its members (their keys, and a reader and writer per member type, shared by every
// struct), instead of code unrolled per member of every struct: about a third less compile time
// and 40% less code for a program that instantiates many types header-only, at some run-time
// cost (bench/README.md, "Compile time"). Define it for a whole program alike (CMake:
// -DGENWIRE_COMPACT_CODEC=ON), as one definition of each codec is all a program may have.
// Decision: off by default; the table loop costs about 10% on decode and 20% on encode, which a
// codec meant to be at glaze's speed or faster cannot give up for users who did not ask.
namespace genwire::detail {
#if defined(GENWIRE_COMPACT_CODEC)
inline constexpr bool compact_codec = true;
#else
inline constexpr bool compact_codec = false;
#endif
}  // namespace genwire::detail
