// Hostile and extreme input: nesting far beyond the depth limit (an error at a known offset, with
// a bounded stack, proven by running on a deliberately small thread stack), a 50 MB string,
// 10000-digit numbers, and invalid UTF-8 in every position a string can have.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <pthread.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace limits_test {

using genwire::errc;

template <class R>
::testing::AssertionResult fails_with(const R& r, errc code, std::string_view path, std::size_t offset) {
  bool ok;
  if constexpr (std::is_same_v<R, genwire::status>) ok = r.ok();
  else ok = r.has_value();
  if (ok) return ::testing::AssertionFailure() << "succeeded";
  const genwire::error& e = r.error();
  if (e.code == code && e.path == path && e.offset == offset) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << genwire::to_string(e.code) << " at " << e.offset << ", path "
                                       << e.path.substr(0, 80) << (e.path.size() > 80 ? "..." : "");
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Runs f on a thread whose stack is only `bytes` big: a recursion the depth limit failed to bound
// would overflow it (and crash the test) long before 100000 levels.
void on_small_stack(std::size_t bytes, const std::function<void()>& f) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, bytes), 0);
  pthread_t thread;
  auto* arg = const_cast<std::function<void()>*>(&f);
  ASSERT_EQ(pthread_create(&thread, &attr, [](void* p) -> void* {
              (*static_cast<std::function<void()>*>(p))();
              return nullptr;
            }, arg), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool under_asan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool under_asan = true;
#else
constexpr bool under_asan = false;
#endif
#else
constexpr bool under_asan = false;
#endif

constexpr std::size_t hostile_depth = 100000;
// Under ASan with its frames on the real stack (detect_stack_use_after_return=0, ASan's default;
// the asan test preset sets 1), the 256 levels the limit allows overflow 2 MB. 16 MB still proves
// the bound: at that rate 100000 levels would need over 700 MB.
constexpr std::size_t small_stack = (under_asan ? 16 : 2) * std::size_t{1024 * 1024};

TEST(Depth, HundredThousandArraysEveryEntryPoint) {
  const std::string text = std::string(hostile_depth, '[') + std::string(hostile_depth, ']');
  on_small_stack(small_stack, [&] {
    // The 257th '[' (offset 256) is one level too deep.
    EXPECT_TRUE(fails_with(genwire::check_json(text), errc::depth_exceeded, "$", 256));
    EXPECT_TRUE(fails_with(genwire::decode<genwire::raw_json>(text), errc::depth_exceeded, "$", 256));
    const auto dynamic = genwire::parse_json(text);
    EXPECT_TRUE(fails_with(dynamic, errc::depth_exceeded, repeat("[0]", 256), 256));
    const auto typed = genwire::decode<std::vector<std::vector<genwire::json::value>>>(text);
    EXPECT_TRUE(fails_with(typed, errc::depth_exceeded, repeat("[0]", 256), 256));
  });
}

TEST(Depth, HundredThousandObjects) {
  const std::string text = repeat(R"({"a":)", hostile_depth) + "1" + std::string(hostile_depth, '}');
  on_small_stack(small_stack, [&] {
    EXPECT_TRUE(fails_with(genwire::check_json(text), errc::depth_exceeded, "$", 256 * 5));
    const auto dynamic = genwire::parse_json(text);
    ASSERT_FALSE(dynamic.has_value());
    EXPECT_EQ(dynamic.error().offset, 256U * 5);
    EXPECT_EQ(dynamic.error().path, "a" + repeat(".a", 255));
  });
}

TEST(Depth, InsideAnUnknownKeyThatIsSkipped) {
  struct thin {
    int x;
  };
  const std::string text = R"({"unknown":)" + std::string(hostile_depth, '[');
  on_small_stack(small_stack, [&] {
    // The object is level 1, so the 256th '[' (at 11 + 255) is level 257.
    EXPECT_TRUE(fails_with(genwire::decode<thin>(text), errc::depth_exceeded, "unknown", 266));
  });
}

struct tree {
  std::string name;
  std::vector<tree> children;
};

TEST(Depth, RecursiveStructs) {
  // Each level is an object and an array: two levels of nesting per tree level.
  const std::string level = R"({"name":"n","children":[)";
  const std::string text = repeat(level, 5000);
  on_small_stack(small_stack, [&] {
    const auto r = genwire::decode<tree>(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::depth_exceeded);
    // The 257th bracket is the '{' of tree level 128 (0-based).
    EXPECT_EQ(r.error().offset, 128 * level.size());
    EXPECT_EQ(r.error().path, repeat("children[0].", 127) + "children[0]");
  });
  // A legitimately deep tree within the limit decodes and round-trips.
  std::string ok;
  for (int i = 0; i < 100; ++i) ok += R"({"name":"n","children":[)";
  ok += R"({"name":"leaf","children":[]})";
  for (int i = 0; i < 100; ++i) ok += "]}";
  const auto r = genwire::decode<tree>(ok);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(genwire::encode(*r).value(), ok);
}

TEST(Depth, ExactlyAtTheLimitAndConfigurable) {
  const std::string at_limit = std::string(256, '[') + std::string(256, ']');
  EXPECT_TRUE(genwire::check_json(at_limit).ok());
  EXPECT_TRUE(genwire::parse_json(at_limit).has_value());
  const std::string over = std::string(257, '[') + std::string(257, ']');
  EXPECT_TRUE(fails_with(genwire::check_json(over), errc::depth_exceeded, "$", 256));

  constexpr genwire::options shallow{.max_depth = 3};
  EXPECT_TRUE((genwire::decode<genwire::json::value, shallow>("[[[1]]]").has_value()));
  EXPECT_TRUE(fails_with(genwire::decode<genwire::json::value, shallow>("[[[[1]]]]"), errc::depth_exceeded, "[0][0][0]", 3));
  EXPECT_TRUE(fails_with(genwire::check_json("[[[[1]]]]", 3), errc::depth_exceeded, "$", 3));
  EXPECT_EQ(genwire::check_json("[[[[1]]]]", 3).error().expected, "at most 3 nested arrays/objects");
}

// ---------------------------------------------------------------------------------------------

TEST(Size, FiftyMegabyteString) {
  constexpr std::size_t target = 50u * 1024 * 1024;
  // Mostly plain ASCII (the fast path), with an escape and a multi-byte character every 64 KiB.
  std::string body;
  body.reserve(target + 16);
  const std::string chunk = std::string(65536 - 8, 'a') + "\\n" + "\xC3\xA9" + "\\u0041";  // 10 bytes of extras
  while (body.size() + chunk.size() <= target) body += chunk;
  const std::size_t chunks = body.size() / chunk.size();
  const std::string text = "{\"big\":\"" + body + "\",\"n\":1}";

  struct holder {
    std::string big;
    int n;
  };
  const auto r = genwire::decode<holder>(text);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  // Each chunk decodes to 65528 'a', '\n', 'é' (2 bytes), 'A'.
  EXPECT_EQ(r->big.size(), chunks * (65536 - 8 + 1 + 2 + 1));
  EXPECT_EQ(r->big.substr(65528, 4), "\n\xC3\xA9" "A");
  EXPECT_EQ(r->n, 1);
  EXPECT_TRUE(genwire::check_json(text).ok());
  struct raw_holder {
    genwire::raw_json big;
    int n;
  };
  const auto raw = genwire::decode<raw_holder>(text);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->big.text().size(), body.size() + 2);
  // And back out: re-encoding the decoded string reproduces the same value.
  const auto again = genwire::encode(*r);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(genwire::decode<holder>(*again).value().big, r->big);
}

TEST(Size, InvalidByteAtTheEndOfAFiftyMegabyteString) {
  const std::string body(50u * 1024 * 1024, 'b');
  const std::string text = "\"" + body + "\x80\"";
  EXPECT_TRUE(fails_with(genwire::decode<std::string>(text), errc::invalid_utf8, "$", body.size() + 1));
  EXPECT_TRUE(fails_with(genwire::check_json(text), errc::invalid_utf8, "$", body.size() + 1));
}

TEST(Numbers, TenThousandDigits) {
  const std::string digits = "1" + std::string(9999, '0');
  const std::string found = "number 1" + std::string(39, '0') + "... (10000 characters)";
  // Grammatical JSON...
  EXPECT_TRUE(genwire::check_json(digits).ok());
  // ...but no reader can hold its value.
  const auto as_int = genwire::decode<long long>(digits);
  EXPECT_TRUE(fails_with(as_int, errc::out_of_range, "$", 0));
  EXPECT_EQ(as_int.error().found, found);
  const auto as_double = genwire::decode<double>(digits);
  EXPECT_TRUE(fails_with(as_double, errc::out_of_range, "$", 0));
  EXPECT_EQ(as_double.error().message(), "$: expected a number within the range of a double, found " + found + " (offset 0)");
  EXPECT_TRUE(fails_with(genwire::parse_json("[" + digits + "]"), errc::out_of_range, "[0]", 1));
  // Ten thousand digits after the point are just a precise way to write a small number.
  EXPECT_EQ(genwire::decode<double>("0." + std::string(9999, '3')).value(), 0.3333333333333333);
  EXPECT_EQ(genwire::decode<double>("0." + std::string(9999, '0') + "1").value(), 0.0);
  EXPECT_EQ(genwire::decode<double>("-" + digits + "e-9999").value(), -1.0);
}

TEST(Numbers, HugeExponents) {
  EXPECT_TRUE(fails_with(genwire::decode<double>("1e99999999999999999999"), errc::out_of_range, "$", 0));
  EXPECT_EQ(genwire::decode<double>("1e-99999999999999999999").value(), 0.0);
  EXPECT_EQ(genwire::decode<double>("0e99999999999999999999").value(), 0.0);
  EXPECT_TRUE(fails_with(genwire::decode<int>("1e99999999999999999999"), errc::wrong_type, "$", 0));
}

// ---------------------------------------------------------------------------------------------
// Invalid UTF-8 wherever a string can be.
// ---------------------------------------------------------------------------------------------
struct doc {
  std::string s;
  std::vector<std::string> list;
  genwire::raw_json raw;
  std::optional<genwire::json::value> dyn;
};

struct utf8_case {
  const char* name;
  std::string text;
  const char* path;
  std::size_t offset;
};

TEST(InvalidUtf8, AtEveryPositionClass) {
  const utf8_case cases[] = {
      {"start_of_string", "{\"s\":\"\xFF" "abc\",\"list\":[],\"raw\":0}", "s", 6},
      {"middle_of_string", "{\"s\":\"ab\xC0\xAF" "cd\",\"list\":[],\"raw\":0}", "s", 8},
      {"end_of_string", "{\"s\":\"abc\xE2\x82\",\"list\":[],\"raw\":0}", "s", 9},
      {"after_an_escape", "{\"s\":\"\\n\xED\xA0\x80\",\"list\":[],\"raw\":0}", "s", 8},
      {"end_of_input", "{\"s\":\"abc\xF0\x9F\x98", "s", 9},
      {"in_an_array_element", "{\"s\":\"\",\"list\":[\"ok\",\"x\xF5\"],\"raw\":0}", "list[1]", 23},
      {"in_a_known_key_position", "{\"s\xFF\":\"\",\"list\":[],\"raw\":0}", "$", 3},
      {"in_a_nested_key", "{\"s\":\"\",\"list\":[],\"raw\":{\"k\xFF\":1}}", "raw", 27},
      {"in_raw_json", "{\"s\":\"\",\"list\":[],\"raw\":[\"\x80\"]}", "raw", 26},
      {"in_dynamic_value", "{\"s\":\"\",\"list\":[],\"raw\":0,\"dyn\":{\"a\":\"\xC1\xBF\"}}", "dyn.a", 38},
      {"in_skipped_unknown_member", "{\"zz\":\"\xF8\",\"s\":\"\",\"list\":[],\"raw\":0}", "zz", 7},
      {"in_skipped_unknown_key", "{\"\xFE\":1,\"s\":\"\",\"list\":[],\"raw\":0}", "$", 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(fails_with(genwire::decode<doc>(c.text), errc::invalid_utf8, c.path, c.offset));
    EXPECT_TRUE(fails_with(genwire::check_json(c.text), errc::invalid_utf8, "$", c.offset));
  }
}

TEST(InvalidUtf8, InAQueryString) {
  struct q {
    std::string name;
  };
  EXPECT_TRUE(fails_with(genwire::decode_query<q>("name=ok%E2%82"), errc::invalid_utf8, "name", 5));
  EXPECT_TRUE(fails_with(genwire::decode_query<q>("name=\xC0\xAF"), errc::invalid_utf8, "name", 5));
}

}  // namespace limits_test
}  // namespace
