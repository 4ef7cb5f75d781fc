// The string scan both codecs share (detail/simd.hpp) and what rests on it, at its boundaries:
// every kernel compiled in (SWAR always, SSE2, AVX2 and AVX-512BW where the target has them; this
// file is also built with -mavx2, with -mavx512bw and with GENWIRE_NO_SIMD) finds a '"', a '\\', a
// control byte or a non-ASCII byte at every position of its 8/16/32/64-byte blocks, never reads
// outside the range (the buffers are allocated to the byte, for ASan), and copies what it passes;
// strings with an escape or a multi-byte sequence at every offset decode and encode exactly;
// invalid UTF-8 at every offset is refused at its offset; length ranges settled by the byte count
// agree with counting.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {
namespace string_scan_test {

using genwire::errc;
namespace simd = genwire::detail::simd;

using kernel = const char* (*)(const char*, const char*, char*);

struct named_kernel {
  const char* name;
  kernel find;
  kernel copy;
};

std::vector<named_kernel> kernels() {
  std::vector<named_kernel> k{{"swar", &simd::scan_swar<false>, &simd::scan_swar<true>}};
#if defined(GENWIRE_HAVE_SSE2)
  k.push_back({"sse2", &simd::scan_sse2<false>, &simd::scan_sse2<true>});
#endif
#if defined(GENWIRE_HAVE_AVX2)
  k.push_back({"avx2", &simd::scan_avx2<false>, &simd::scan_avx2<true>});
#endif
#if defined(GENWIRE_HAVE_AVX512)
  k.push_back({"avx512", &simd::scan_avx512<false>, &simd::scan_avx512<true>});
#endif
  return k;
}

TEST(StringScan, TheWidestKernelTheTargetHasIsTheOneInUse) {
#if defined(GENWIRE_NO_SIMD)
  EXPECT_STREQ(simd::kernel_name(), "swar");
#elif defined(__AVX512BW__)
  EXPECT_STREQ(simd::kernel_name(), "avx512");
#elif defined(__AVX2__)
  EXPECT_STREQ(simd::kernel_name(), "avx2");
#elif defined(__SSE2__)
  EXPECT_STREQ(simd::kernel_name(), "sse2");
#endif
  EXPECT_EQ(kernels().back().name, std::string(simd::kernel_name()));
}

// A buffer of exactly n bytes on the heap, so that ASan reports a read or write one past it.
std::unique_ptr<char[]> exact(std::size_t n, char fill) {
  auto b = std::make_unique<char[]>(n == 0 ? 1 : n);
  std::memset(b.get(), fill, n);
  return b;
}

TEST(StringScan, EveryKernelFindsEachSpecialByteAtEveryPosition) {
  const unsigned char specials[] = {'"', '\\', 0x00, 0x01, 0x1F, 0x80, 0xC3, 0xFF};
  for (const auto& k : kernels()) {
    for (std::size_t len = 0; len <= 130; ++len) {  // past two of the widest blocks
      // Nothing special: the whole range, copied.
      auto plain = exact(len, 'a');
      auto dst = exact(len, '.');
      EXPECT_EQ(k.find(plain.get(), plain.get() + len, nullptr), plain.get() + len) << k.name << " len " << len;
      EXPECT_EQ(k.copy(plain.get(), plain.get() + len, dst.get()), plain.get() + len) << k.name << " len " << len;
      EXPECT_EQ(std::memcmp(plain.get(), dst.get(), len), 0) << k.name << " len " << len;
      for (std::size_t at = 0; at < len; ++at) {
        for (unsigned char c : specials) {
          auto src = exact(len, 'a');
          src[at] = static_cast<char>(c);
          if (at + 1 < len) src[len - 1] = '"';  // a later special must not be the one found
          ASSERT_EQ(k.find(src.get(), src.get() + len, nullptr), src.get() + at) << k.name << " len " << len << " at " << at << " byte " << int(c);
          auto out = exact(len, '.');
          ASSERT_EQ(k.copy(src.get(), src.get() + len, out.get()), src.get() + at) << k.name << " len " << len << " at " << at;
          ASSERT_EQ(std::memcmp(src.get(), out.get(), at), 0) << k.name << " copies what it passed, len " << len << " at " << at;
        }
      }
    }
  }
}

TEST(StringScan, BytesThatNeedNoAttentionAreNotSpecial) {
  for (const auto& k : kernels()) {
    for (int c = 0; c < 256; ++c) {
      auto src = exact(40, static_cast<char>(c));
      const bool special = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
      EXPECT_EQ(k.find(src.get(), src.get() + 40, nullptr), special ? src.get() : src.get() + 40) << k.name << " byte " << c;
    }
  }
}

// ---- strings through the decoder and the encoder ----

struct holder {
  std::string s;
};

std::string filler(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
  return s;
}

TEST(StringScan, AnEscapeAtEveryOffsetDecodesAndEncodesExactly) {
  const std::pair<const char*, const char*> escapes[] = {{"\\\"", "\""}, {"\\\\", "\\"}, {"\\n", "\n"}, {"\\u00e9", "\xC3\xA9"},
                                                         {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"}, {"\\u001f", "\x1F"}};
  for (std::size_t before = 0; before <= 70; ++before) {
    for (std::size_t after : {0, 1, 7, 8, 9, 15, 16, 31, 33}) {
      for (const auto& [escaped, raw] : escapes) {
        const std::string expected = filler(before) + raw + filler(after);
        const std::string json = "{\"s\":\"" + filler(before) + escaped + filler(after) + "\"}";
        const auto r = genwire::decode<holder>(json);
        ASSERT_TRUE(r.has_value()) << json << ": " << r.error().message();
        ASSERT_EQ(r->s, expected) << json;
        // The document ends right after the string: the scan's range ends there too.
        // std::string(1, '"'), not "\"" +: g++ 12 -O3 warns there (-Wrestrict, a false positive,
        // https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329) once this file is in a unity build.
        const auto top = genwire::decode<std::string>(std::string(1, '"') + filler(before) + escaped + filler(after) + "\"");
        ASSERT_TRUE(top.has_value()) << top.error().message();
        ASSERT_EQ(*top, expected);
        // Encoded back, then decoded again: the same string (the encoder writes its own escapes).
        const auto text = genwire::encode(*r);
        ASSERT_TRUE(text.has_value());
        const auto back = genwire::decode<holder>(*text);
        ASSERT_TRUE(back.has_value()) << *text;
        ASSERT_EQ(back->s, expected);
      }
    }
  }
}

TEST(StringScan, TheEncoderEscapesAtEveryOffset) {
  for (std::size_t before = 0; before <= 70; ++before) {
    for (const auto& [raw, escaped] : std::vector<std::pair<std::string, std::string>>{
             {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"}, {std::string(1, '\0'), "\\u0000"}, {"\x1F", "\\u001f"}}) {
      const std::string s = filler(before) + raw + filler(before % 9);
      const auto text = genwire::encode(holder{s});
      ASSERT_TRUE(text.has_value());
      ASSERT_EQ(*text, "{\"s\":\"" + filler(before) + escaped + filler(before % 9) + "\"}");
    }
  }
}

// A 2-, 3- or 4-byte sequence starting at every offset, so that it straddles every 8/16/32 boundary.
TEST(StringScan, MultiByteUtf8AcrossBlockBoundaries) {
  for (const char* seq : {"\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF"}) {
    for (std::size_t before = 0; before <= 70; ++before) {
      const std::string s = filler(before) + seq + filler(5) + seq;
      const auto r = genwire::decode<holder>("{\"s\":\"" + s + "\"}");
      ASSERT_TRUE(r.has_value()) << before << ": " << r.error().message();
      ASSERT_EQ(r->s, s);
      const auto text = genwire::encode(holder{s});
      ASSERT_TRUE(text.has_value()) << before;
      ASSERT_EQ(*text, "{\"s\":\"" + s + "\"}");
    }
  }
}

TEST(StringScan, RunsOfMixedSequencesNextToEscapesAndTheEnd) {
  // A 2-, a 3- and a 4-byte sequence in one run, then an escape, then the run again at the very
  // end (the encoder copies a run sequence by sequence; nothing may be left out or copied twice).
  const std::string run = "\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80";
  for (std::size_t before = 0; before <= 70; ++before) {
    const std::string s = filler(before) + run + "\"" + run;
    const auto text = genwire::encode(holder{s});
    ASSERT_TRUE(text.has_value()) << before;
    ASSERT_EQ(*text, "{\"s\":\"" + filler(before) + run + "\\\"" + run + "\"}") << before;
    const auto back = genwire::decode<holder>(*text);
    ASSERT_TRUE(back.has_value()) << before;
    ASSERT_EQ(back->s, s);
  }
}

TEST(StringScan, InvalidUtf8AtEveryOffsetIsRefusedThere) {
  // Truncated, a lone continuation, overlong, a surrogate, above U+10FFFF.
  for (const std::string bad : {"\xC3", "\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
    for (std::size_t before = 0; before <= 70; ++before) {
      const std::string json = "{\"s\":\"" + filler(before) + bad + "x\"}";
      const auto r = genwire::decode<holder>(json);
      ASSERT_FALSE(r.has_value()) << before;
      EXPECT_EQ(r.error().code, errc::invalid_utf8);
      EXPECT_EQ(r.error().offset, 6 + before) << before;
      EXPECT_EQ(r.error().path, "s");
      const auto e = genwire::encode(holder{filler(before) + bad + "x"});
      ASSERT_FALSE(e.has_value()) << before;
      EXPECT_EQ(e.error().code, errc::unencodable);
      EXPECT_EQ(e.error().offset, 5U) << "where the string starts";
      EXPECT_EQ(e.error().path, "s");
    }
  }
}

// After a valid sequence the scan goes on out of line (scanner::plain_run_from_utf8): what it stops
// at there, a quote, an escape, a control byte, another sequence or an invalid one, is handled
// as at the string's start, whatever the distance between them.
TEST(StringScan, WhatFollowsAValidSequenceIsReadAsAtTheStart) {
  const std::string seq = "\xE6\x97\xA5";
  for (std::size_t before = 0; before <= 70; ++before) {
    for (std::size_t gap : {0U, 1U, 7U, 31U, 64U}) {
      const std::string head = filler(before) + seq + filler(gap);
      const auto ok = genwire::decode<holder>("{\"s\":\"" + head + "\\n" + seq + seq + "\"}");
      ASSERT_TRUE(ok.has_value()) << before << "/" << gap << ": " << ok.error().message();
      ASSERT_EQ(ok->s, head + "\n" + seq + seq);
      const auto bad = genwire::decode<holder>("{\"s\":\"" + head + "\xC3x\"}");
      ASSERT_FALSE(bad.has_value()) << before << "/" << gap;
      EXPECT_EQ(bad.error().code, errc::invalid_utf8);
      EXPECT_EQ(bad.error().offset, 6 + head.size()) << before << "/" << gap;
      const auto control = genwire::decode<holder>("{\"s\":\"" + head + "\x1F\"}");
      ASSERT_FALSE(control.has_value()) << before << "/" << gap;
      EXPECT_EQ(control.error().code, errc::syntax);
      EXPECT_EQ(control.error().offset, 6 + head.size()) << before << "/" << gap;
      const auto open = genwire::decode<holder>("{\"s\":\"" + head);
      ASSERT_FALSE(open.has_value()) << before << "/" << gap;
      EXPECT_EQ(open.error().code, errc::unexpected_end);
      EXPECT_EQ(open.error().offset, 6 + head.size()) << before << "/" << gap;
    }
  }
}

TEST(StringScan, ControlBytesAtEveryOffsetAreRefusedThere) {
  for (std::size_t before = 0; before <= 70; ++before) {
    const std::string json = "{\"s\":\"" + filler(before) + "\x01" + "x\"}";
    const auto r = genwire::decode<holder>(json);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::syntax);
    EXPECT_EQ(r.error().offset, 6 + before);
    const auto open = genwire::decode<holder>("{\"s\":\"" + filler(before));
    ASSERT_FALSE(open.has_value());
    EXPECT_EQ(open.error().code, errc::unexpected_end);
    EXPECT_EQ(open.error().offset, 6 + before);
  }
}

// ---- length ranges: the byte count decides when it can, counting when it cannot ----

struct ranged {
  genwire::sized_string<2, 3> s;
};

TEST(StringScan, LengthRangesCountCodePointsNotBytes) {
  // Code points, not bytes: "é" is 2 bytes and 1 code point, "日本語" 9 bytes and 3.
  const std::pair<std::string, bool> cases[] = {
      {"a", false}, {"ab", true}, {"abc", true}, {"abcd", false}, {"\xC3\xA9", false}, {"\xC3\xA9\xC3\xA9", true},
      {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", true}, {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE8\xAA\x9E", false},
      {"\xF0\x9F\x98\x80\xF0\x9F\x98\x80", true}, {"a\xF0\x9F\x98\x80", true}};
  for (const auto& [s, ok] : cases) {
    const auto r = genwire::decode<ranged>("{\"s\":\"" + s + "\"}");
    EXPECT_EQ(r.has_value(), ok) << s;
    if (!ok) {
      EXPECT_EQ(r.error().code, errc::constraint) << s;
    }
    const auto e = genwire::encode(ranged{s});
    EXPECT_EQ(e.has_value(), ok) << s;
  }
}

struct non_empty {
  genwire::non_empty_string s;
};
struct short_uuid {
  genwire::formatted_string<genwire::format_kind::uuid, 1, 40> id;
};

// The encoder settles a length by the byte count before it knows the UTF-8; invalid UTF-8 is still
// reported as check_length reports it, not as the string writer would.
TEST(StringScan, InvalidUtf8InALengthCheckedStringKeepsItsError) {
  const auto e = genwire::encode(non_empty{std::string("ab\xFF")});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, errc::invalid_utf8);
  EXPECT_EQ(e.error().expected, "valid UTF-8");
  EXPECT_EQ(e.error().found, "a string that is not");
  EXPECT_EQ(e.error().offset, 5U);
  EXPECT_EQ(e.error().path, "s");
  // In strict mode the format would fail too; the length check's verdict comes first, as before.
  const auto f = genwire::encode<genwire::strict>(short_uuid{std::string("\xFF")});
  ASSERT_FALSE(f.has_value());
  EXPECT_EQ(f.error().code, errc::invalid_utf8);
  const auto g = genwire::encode<genwire::strict>(short_uuid{std::string("x")});
  ASSERT_FALSE(g.has_value());
  EXPECT_EQ(g.error().code, errc::format);
  const auto empty = genwire::encode(non_empty{std::string()});
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, errc::constraint);
  EXPECT_EQ(empty.error().rule.rule, genwire::rule::min_length);
}

// ---- whitespace: the indented bodies providers document ----

struct nested {
  holder inner;
  std::vector<int> list;
};

TEST(StringScan, WhitespaceRunsOfEveryLength) {
  for (std::size_t n = 0; n <= 40; ++n) {
    // std::string(1, '\n'), not "\n" +: the same g++ 12 false positive as in the test above.
    const std::string ws = std::string(1, '\n') + std::string(n, ' ') + (n % 3 ? "\t" : "") + (n % 5 ? "\r\n" : "");
    const std::string json = "{" + ws + "\"inner\"" + ws + ":" + ws + "{" + ws + "\"s\":" + ws + "\"x\"" + ws + "}" + ws + "," + ws +
                             "\"list\":" + ws + "[" + ws + "1" + ws + "," + ws + "2" + ws + "]" + ws + "}" + ws;
    const auto r = genwire::decode<nested>(json);
    ASSERT_TRUE(r.has_value()) << n << ": " << r.error().message();
    EXPECT_EQ(r->inner.s, "x");
    EXPECT_EQ(r->list, (std::vector<int>{1, 2}));
    const auto bad = genwire::decode<nested>(json + "x");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().code, errc::trailing_content);
    EXPECT_EQ(bad.error().offset, json.size());
  }
}

// One space after ':' is the most common run (`"key": value`) and skipped inline; the others go
// to the run loop, including a space that ends the input or is followed by more whitespace.
TEST(StringScan, OneSpaceAndShortRunsBetweenTokens) {
  for (const std::string ws : {" ", "  ", " \n", "\n ", "\t", " \t ", " \r\n    "}) {
    SCOPED_TRACE(::testing::PrintToString(ws));
    const std::string json = "{" + ws + "\"inner\":" + ws + "{\"s\":" + ws + "\"x\"}," + ws + "\"list\":" + ws + "[1," + ws + "2]" + ws + "}";
    const auto r = genwire::decode<nested>(json);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_EQ(r->inner.s, "x");
    EXPECT_EQ(r->list, (std::vector<int>{1, 2}));
    const std::string cut = "{\"inner\":" + ws;
    const auto end = genwire::decode<nested>(cut);
    ASSERT_FALSE(end.has_value());
    EXPECT_EQ(end.error().code, errc::unexpected_end);
    EXPECT_EQ(end.error().offset, cut.size());
  }
}

// The run loop counts a line's indentation eight spaces at a time from one word: every width, the
// first other byte at every position of the word (a token, or whitespace that is no space), and
// the input ending at every distance, where the last bytes are looked at one by one.
TEST(StringScan, IndentationOfEveryWidthEndsAtItsFirstOtherByte) {
  for (const std::string lead : {"\n", "\r\n", "\t", " ", "\n\n"}) {
    for (std::size_t k = 0; k <= 20; ++k) {
      for (const std::string& tail : {std::string(), std::string("\t"), std::string("\n  "), "\r\n" + std::string(9, ' ')}) {
        const std::string ws = lead + std::string(k, ' ') + tail;
        SCOPED_TRACE(::testing::PrintToString(ws));
        const auto r = genwire::decode<std::vector<int>>("[1," + ws + "2" + ws + "]");
        ASSERT_TRUE(r.has_value()) << r.error().message();
        EXPECT_EQ(*r, (std::vector<int>{1, 2}));
        const std::string bad = "[1," + ws + "x]";
        const auto e = genwire::decode<std::vector<int>>(bad);
        ASSERT_FALSE(e.has_value());
        EXPECT_EQ(e.error().code, errc::syntax);
        EXPECT_EQ(e.error().offset, bad.find('x'));
        const auto top = genwire::decode<int>("7" + ws);  // the run ends the input
        ASSERT_TRUE(top.has_value()) << top.error().message();
        EXPECT_EQ(*top, 7);
        const auto trailing = genwire::decode<int>("7" + ws + "x");
        ASSERT_FALSE(trailing.has_value());
        EXPECT_EQ(trailing.error().code, errc::trailing_content);
        EXPECT_EQ(trailing.error().offset, 1 + ws.size());
      }
    }
  }
}

// The member-table codec's key compare (GENWIRE_COMPACT_CODEC): the first n bytes of two 32-byte
// blocks, with whichever kernel the target compiles in (this file's builds give SSE2, AVX2 and the
// portable words): a difference counts only at a position below n.
TEST(StringScan, KeyCompareSeesExactlyTheFirstNBytes) {
  std::array<char, 32> key{}, text{};
  for (std::size_t i = 0; i < 32; ++i) key[i] = text[i] = static_cast<char>('a' + i % 26);
  for (std::size_t n = 0; n <= 32; ++n) {
    SCOPED_TRACE(n);
    EXPECT_TRUE(simd::same_prefix32(text.data(), key.data(), n));
    for (std::size_t at = 0; at < 32; ++at) {
      auto other = text;
      other[at] = static_cast<char>(other[at] ^ 0x20);
      EXPECT_EQ(simd::same_prefix32(other.data(), key.data(), n), at >= n) << "difference at " << at;
      other[at] = '\0';  // a zero byte, as the key table's padding holds
      EXPECT_EQ(simd::same_prefix32(other.data(), key.data(), n), at >= n) << "zero at " << at;
    }
  }
}

}  // namespace string_scan_test
}  // namespace
