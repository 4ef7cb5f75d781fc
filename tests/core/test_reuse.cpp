// decode_into a value that already holds data: the result is what decode() returns (optional
// members the text leaves out are reset, longer vectors shrink, variants switch), the strings and
// vectors keep their storage, and once the value has held the largest payload, decoding allocates
// nothing at all (this executable counts every operator new). Also: objects read in declaration
// order and in any other order, with unknown, escaped, repeated and missing keys, give the same
// values and the same errors.
#include <gtest/gtest.h>

#include <genwire/core.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace {
std::atomic<long> allocations{0};
}  // namespace

// Every allocation of the program goes through here, so a test can count its own. Not inlined, so
// that the compiler pairs new with delete, not with the malloc and free inside them.
[[gnu::noinline]] void* operator new(std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using genwire::errc;

enum class state { queued, running, completed, failed };

struct output {
  std::string id;
  genwire::non_empty_string url;
};

struct item {
  genwire::uuid id;
  genwire::open_enum<state> status;
  std::string prompt;
  std::optional<double> progress;
  genwire::nullable<std::string> error;
  std::optional<std::vector<output>> outputs;
  std::optional<genwire::raw_json> result;
  genwire::date_time created_at;
  std::array<int, 2> size;
  std::optional<std::variant<std::vector<std::string>, std::string>> tags;
};

struct page {
  std::vector<item> items;
  std::optional<std::string> next_cursor;
  genwire::bounded<std::int64_t, 0, 1000> total;
};

item make_item(int i, bool full) {
  item it{};
  it.id = "3f1c2a4e-9b7d-4e21-8c3a-1d2e3f4a5b" + std::to_string(10 + i % 90);
  it.status = static_cast<state>(i % 4);
  it.prompt = "a misty forest at sunrise, cinematic light, number " + std::to_string(i);
  if (full) {
    it.progress = i / 10.0;
    it.outputs = std::vector<output>{{"out_" + std::to_string(i) + "_with_a_long_name", "https://cdn.example.com/a/b/" + std::to_string(i) + ".png"}};
    it.result = genwire::raw_json::from_trusted_text(R"({"id":"img_)" + std::to_string(i) + R"(","formats":{"png":{"size_bytes":12345}}})");
    it.tags = std::vector<std::string>{"landscape-photography", "golden-hour-lighting"};
  } else {
    it.error = "the provider failed to complete the generation";
    it.tags = std::string("one tag that is long enough to need the heap");
  }
  it.created_at = "2025-06-01T12:00:00.123Z";
  it.size = {1024, 768};
  return it;
}

std::string text_of(const page& p) {
  auto t = genwire::encode(p);
  EXPECT_TRUE(t.has_value());
  return t.has_value() ? *t : std::string();
}

page make_page(int n, bool full) {
  page p;
  for (int i = 0; i < n; ++i) p.items.push_back(make_item(i, full ? i % 3 != 0 : false));
  if (full) p.next_cursor = "eyJvZmZzZXQiOjIwfQ-and-some-more-cursor-text";
  p.total = n;
  return p;
}

TEST(DecodeInto, EndsAsDecodeWouldWhateverTheValueHeld) {
  const std::string big = text_of(make_page(20, true)), small = text_of(make_page(3, false));
  page v;
  for (const std::string* t : {&big, &small, &big, &small, &small, &big}) {
    ASSERT_TRUE(genwire::decode_into(*t, v).ok());
    const auto fresh = genwire::decode<page>(*t);
    ASSERT_TRUE(fresh.has_value());
    EXPECT_EQ(text_of(v), text_of(*fresh));
    EXPECT_EQ(text_of(v), *t);
  }
  // Absent optional members are reset, not kept from before.
  ASSERT_TRUE(genwire::decode_into(big, v).ok());
  ASSERT_TRUE(v.next_cursor.has_value());
  ASSERT_TRUE(genwire::decode_into(small, v).ok());
  EXPECT_FALSE(v.next_cursor.has_value());
  EXPECT_FALSE(v.items[1].outputs.has_value());
  EXPECT_FALSE(v.items[1].progress.has_value());
  ASSERT_TRUE(v.items[1].tags.has_value());
  EXPECT_EQ(v.items[1].tags->index(), 1U);  // the variant switched to its string
}

TEST(DecodeInto, KeepsTheStorageOfStringsAndVectors) {
  const std::string text = text_of(make_page(8, true));
  page v;
  ASSERT_TRUE(genwire::decode_into(text, v).ok());
  const item* items = v.items.data();
  const char* prompt = v.items[5].prompt.data();
  const char* url = v.items[1].outputs->front().url.value.data();
  const char* raw = v.items[1].result->text().data();
  ASSERT_TRUE(genwire::decode_into(text, v).ok());
  EXPECT_EQ(v.items.data(), items);
  EXPECT_EQ(v.items[5].prompt.data(), prompt);
  EXPECT_EQ(v.items[1].outputs->front().url.value.data(), url);
  EXPECT_EQ(v.items[1].result->text().data(), raw);
}

TEST(DecodeInto, AllocatesNothingOnceWarm) {
  const std::string big = text_of(make_page(50, true)), small = text_of(make_page(10, true));
  page v;
  ASSERT_TRUE(genwire::decode_into(big, v).ok());
  ASSERT_TRUE(genwire::decode_into(big, v).ok());
  // The same payload again, then a smaller one (a longer vector drops its extra elements; growing
  // back would build them anew).
  for (const std::string* t : {&big, &big, &small, &small}) {
    const long before = allocations.load();
    const genwire::status st = genwire::decode_into(*t, v);
    const long during = allocations.load() - before;
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(during, 0) << "allocations while decoding into a warm value";
  }
  // Strict mode too (formats checked, enums closed, unknown keys refused).
  ASSERT_TRUE(genwire::decode_into<genwire::strict>(big, v).ok());
  const long before = allocations.load();
  ASSERT_TRUE(genwire::decode_into<genwire::strict>(big, v).ok());
  EXPECT_EQ(allocations.load() - before, 0);
}

TEST(Encode, IntoAWarmBufferAllocatesNothing) {
  const page p = make_page(50, true);
  std::string buffer;
  ASSERT_TRUE(genwire::encode_to(p, buffer).ok());
  const std::string first = buffer;
  buffer.clear();
  const long before = allocations.load();
  ASSERT_TRUE(genwire::encode_to(p, buffer).ok());
  EXPECT_EQ(allocations.load() - before, 0);
  EXPECT_EQ(buffer, first);
  // encode_into a buffer that held the same document: written over in place, nothing allocated.
  const long into_before = allocations.load();
  ASSERT_TRUE(genwire::encode_into(p, buffer).ok());
  EXPECT_EQ(allocations.load() - into_before, 0);
  EXPECT_EQ(buffer, first);
  // encode() reserves from the last output of the type: one allocation, the string itself.
  ASSERT_TRUE(genwire::encode(p).has_value());
  const long fresh_before = allocations.load();
  const auto fresh = genwire::encode(p);
  EXPECT_EQ(allocations.load() - fresh_before, 1);
  ASSERT_TRUE(fresh.has_value());
  EXPECT_EQ(*fresh, first);
}

// ---- keys in declaration order and in any other ----

struct three {
  std::string a;
  std::optional<int> b;
  int c;
};

TEST(KeyOrder, EveryOrderAndSpellingGivesTheSameValue) {
  for (const char* text : {R"({"a":"x","b":2,"c":3})", R"({"c":3,"b":2,"a":"x"})", R"({"b":2,"a":"x","c":3})",
                           R"({"a":"x","zz":[1,{"q":"r"}],"b":2,"c":3})", R"({"a" : "x", "b" :2,"c":3})",
                           R"({"\u0061":"x","b":2,"c":3})", R"({"a":"x","\u0062":2,"c":3})", "{\n  \"a\": \"x\",\n  \"b\": 2,\n  \"c\": 3\n}"}) {
    const auto r = genwire::decode<three>(text);
    ASSERT_TRUE(r.has_value()) << text << ": " << r.error().message();
    EXPECT_EQ(r->a, "x") << text;
    EXPECT_EQ(r->b, 2) << text;
    EXPECT_EQ(r->c, 3) << text;
  }
  const auto no_b = genwire::decode<three>(R"({"a":"x","c":3})");
  ASSERT_TRUE(no_b.has_value());
  EXPECT_FALSE(no_b->b.has_value());
}

struct error_case {
  const char* text;
  errc code;
  const char* path;
  std::size_t offset;
};

TEST(KeyOrder, RepeatedMissingAndUnknownKeysInEveryPosition) {
  const error_case cases[] = {
      {R"({"a":"x","a":"y","c":3})", errc::duplicate_key, "a", 9},
      {R"({"a":"x","b":1,"c":3,"a":"y"})", errc::duplicate_key, "a", 21},
      {R"({"a":"x","b":1,"b":2,"c":3})", errc::duplicate_key, "b", 15},
      {R"({"c":3,"a":"x","c":4})", errc::duplicate_key, "c", 15},
      {R"({"a":"x","\u0061":"y","c":3})", errc::duplicate_key, "a", 9},
      {R"({"a":"x","b":1})", errc::missing_key, "c", 14},
      {R"({"b":1,"c":2})", errc::missing_key, "a", 12},
      {R"({})", errc::missing_key, "a", 1},
      {R"({"a":"x","b":"1","c":3})", errc::wrong_type, "b", 13},
      {R"({"a":"x","b":1,"c":3,})", errc::syntax, "$", 21},
      {R"({"a":"x" "b":1,"c":3})", errc::syntax, "$", 9},
      {R"({"a":"x","b":1,"c":3)", errc::unexpected_end, "$", 20},
      {R"({"a":"x",)", errc::unexpected_end, "$", 9},
      {R"({"a" "x"})", errc::syntax, "$", 5},
  };
  for (const auto& c : cases) {
    const auto r = genwire::decode<three>(c.text);
    ASSERT_FALSE(r.has_value()) << c.text;
    EXPECT_EQ(r.error().code, c.code) << c.text << ": " << r.error().message();
    EXPECT_EQ(r.error().path, c.path) << c.text;
    EXPECT_EQ(r.error().offset, c.offset) << c.text << ": " << r.error().message();
  }
  const auto unknown = genwire::decode<three, genwire::strict>(R"({"a":"x","zz":1,"c":3})");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, errc::unknown_key);
  EXPECT_EQ(unknown.error().path, "zz");
  EXPECT_EQ(unknown.error().offset, 9U);
}

}  // namespace
