// fuzz/synthetic.hpp: a model that uses every piece of genwire's vocabulary at once, so the core
// codec is fuzzed on shapes no single provider has (variants, fixed arrays, renamed and camelCase
// keys, nested nullables, float, raw and dynamic JSON), plus a flat query type with every kind of
// parameter. The seed generator writes `examples` into the corpora.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <genwire/core.hpp>

namespace genwire_fuzz::synthetic {

enum class color { red, green, blue };
enum class phase { queued, running, done, failed };

struct point {
  double x = 0;
  double y = 0;
};

struct item {
  genwire::non_empty_string item_id;
  genwire::open_enum<phase> status;
  genwire::nullable<color> tint;
  std::optional<genwire::bounded<int, 0, 100>> percent;
  genwire::optional_nullable<genwire::date_time> finished_at;
  std::optional<genwire::uuid> ref;
  std::optional<genwire::uri> link;
  std::vector<std::string> tags;
  std::optional<std::array<double, 2>> box;
  std::optional<std::variant<std::int64_t, std::string, point, std::vector<int>>> size;
  std::optional<genwire::raw_json> result;
  std::optional<genwire::json::value> extra;
  std::optional<float> ratio;
  std::optional<std::uint64_t> big;
  std::optional<std::int8_t> tiny;
  std::optional<genwire::sized_string<2, 8>> code;
  std::optional<genwire::bounded<double, 0, 1>> progress;
  std::optional<bool> flag;
  static constexpr auto genwire_naming = genwire::naming::camel_case;
  static constexpr genwire::key_rename genwire_keys[] = {{"box", "[box]"}};
};

struct page {
  std::vector<item> items;
  genwire::nullable<std::string> next_cursor;
  genwire::at_least<std::int64_t, 0> total;
  std::optional<std::vector<std::vector<genwire::nullable<std::int32_t>>>> matrix;
  std::optional<std::variant<bool, genwire::nullable<std::string>>> note;
};

struct query {
  std::string project_id;
  std::optional<genwire::bounded<int, 1, 100>> limit;
  std::optional<std::uint32_t> offset;
  std::optional<genwire::open_enum<phase>> status;
  std::optional<color> tint;
  std::vector<std::string> tag;
  genwire::nullable<std::string> cursor;
  std::optional<bool> desc;
  std::optional<double> min_score;
  std::optional<float> ratio;
  std::optional<genwire::date_time> since;
  std::optional<genwire::sized_string<1, 4>> code;
  std::vector<std::int64_t> ids;
};

inline constexpr std::string_view page_examples[] = {
    R"({"items":[],"nextCursor":null,"total":0})",
    R"({"items":[{"itemId":"a1","status":"running","tint":"red","percent":40,"finishedAt":null,"tags":["x","y"],)"
    R"("[box]":[0.5,1e3],"size":12,"result":{"k":[1,2,{"z":null}]},"extra":[true,"s",-0.0],"ratio":0.25,)"
    R"("big":18446744073709551615,"tiny":-128,"code":"ab","progress":0.5,"flag":false}],"nextCursor":"c2","total":1})",
    R"({"items":[{"itemId":"\u00e9\ud83d\ude00","status":"weird","tint":null,"tags":[],"size":{"x":1,"y":2},)"
    R"("ref":"123e4567-e89b-12d3-a456-426614174000","link":"https://example.com/a?b=c#d",)"
    R"("finishedAt":"2025-01-05T12:40:00.123+02:00"}],"nextCursor":null,"total":9007199254740993,)"
    R"("matrix":[[1,null],[],[-2147483648]],"note":true})",
    R"({"total":3,"nextCursor":"x","items":[{"tags":["\"\\\/\b\f\n\r\t"],"status":"done","tint":"blue","itemId":"z",)"
    R"("size":"big","result":"text","extra":{"a":{"b":[]}},"unknown":{"skip":[1,2,3]}}],"note":null})",
    R"({"items":[{"itemId":"q","status":"failed","tint":"green","tags":[],"size":[1,2,3]}],"nextCursor":"","total":0,"note":"n"})",
};

inline constexpr std::string_view query_examples[] = {
    "project_id=p1",
    "project_id=p%201&limit=10&offset=0&status=running&tint=red&tag=a&tag=b%26c&cursor=abc&desc=true",
    "?project_id=x&min_score=-1.5e3&ratio=0.1&since=2025-01-05T12%3A40%3A00Z&code=ab&ids=1&ids=-2",
    "project_id=%E2%82%AC&status=other&tag=&cursor=&unknown=1&&limit=100",
    "project_id=a+b&offset=4294967295&ids=9223372036854775807&ids=-9223372036854775808",
};

}  // namespace genwire_fuzz::synthetic
