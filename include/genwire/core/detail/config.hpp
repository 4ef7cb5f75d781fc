// genwire/core/detail/config.hpp: compiler hints the hot paths use.
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
