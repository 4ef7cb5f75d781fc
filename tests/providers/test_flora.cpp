// FLORA models (seed 002, GET /api/v1/generations).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>
#include <genwire/flora.hpp>

namespace {

namespace fl = genwire::flora;
using ep = fl::list_generations_endpoint;
using page = fl::list_generations_response;
using query = fl::list_generations_query;

// ---- helpers -------------------------------------------------------------------------------

bool same_json(std::string_view a, std::string_view b) {
  auto x = genwire::parse_json(a);
  auto y = genwire::parse_json(b);
  return x.has_value() && y.has_value() && *x == *y;
}

template <class T>
void expect_round_trip(std::string_view text) {
  auto r = genwire::decode<T>(text);
  ASSERT_TRUE(r.has_value()) << r.error().message() << "\n" << text;
  auto out = genwire::encode(*r);
  ASSERT_TRUE(out.has_value()) << out.error().message();
  EXPECT_TRUE(same_json(text, *out)) << "in:  " << text << "\nout: " << *out;
}

template <class T, genwire::options O = genwire::options{}>
genwire::error decode_failure(std::string_view text) {
  auto r = genwire::decode<T, O>(text);
  EXPECT_FALSE(r.has_value()) << "decoded unexpectedly: " << text;
  return r.has_value() ? genwire::error{} : r.error();
}

template <class T, genwire::options O = genwire::options{}>
genwire::error query_failure(std::string_view text) {
  auto r = genwire::decode_query<T, O>(text);
  EXPECT_FALSE(r.has_value()) << "decoded unexpectedly: " << text;
  return r.has_value() ? genwire::error{} : r.error();
}

void expect_error(const genwire::error& e, genwire::errc code, std::string_view path) {
  EXPECT_EQ(e.code, code) << e.message();
  EXPECT_EQ(e.path, path) << e.message();
}

genwire::json::value* walk(genwire::json::value& root, const std::vector<std::string>& path) {
  genwire::json::value* cur = &root;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    auto& st = cur->get();
    if (auto* a = std::get_if<genwire::json::array>(&st)) {
      cur = &(*a)[static_cast<std::size_t>(std::stoul(path[i]))];
    } else if (auto* o = std::get_if<genwire::json::object>(&st)) {
      auto it = std::find_if(o->begin(), o->end(), [&](const auto& m) { return m.first == path[i]; });
      if (it == o->end()) return nullptr;
      cur = &it->second;
    } else {
      return nullptr;
    }
  }
  return cur;
}

std::string edit(std::string_view text, std::vector<std::string> path, std::optional<std::string_view> replacement) {
  auto root = genwire::parse_json(text);
  if (!root) return "<bad test input>";
  genwire::json::value* parent = walk(*root, path);
  auto* obj = parent ? std::get_if<genwire::json::object>(&parent->get()) : nullptr;
  if (!obj) return "<bad test path>";
  auto it = std::find_if(obj->begin(), obj->end(), [&](const auto& m) { return m.first == path.back(); });
  if (!replacement) {
    if (it != obj->end()) obj->erase(it);
  } else {
    auto v = genwire::parse_json(*replacement);
    if (!v) return "<bad replacement>";
    if (it != obj->end()) it->second = std::move(*v);
    else obj->emplace_back(path.back(), std::move(*v));
  }
  return genwire::to_json(*root);
}
std::string without(std::string_view text, std::vector<std::string> path) { return edit(text, std::move(path), std::nullopt); }
std::string with(std::string_view text, std::vector<std::string> path, std::string_view json) {
  return edit(text, std::move(path), json);
}
std::string item_with(std::string key, std::string_view json) { return with(fl::example_response, {"generations", "0", key}, json); }
std::string item_without(std::string key) { return without(fl::example_response, {"generations", "0", key}); }

genwire::timestamp unix_seconds(std::int64_t s) { return genwire::timestamp(std::chrono::seconds(s)); }

// ---- descriptor ----------------------------------------------------------------------------

TEST(FloraDescriptor, ListGenerations) {
  static_assert(genwire::endpoint_descriptor<ep>);
  EXPECT_EQ(ep::name, "flora.list_generations");
  EXPECT_EQ(ep::provider, "flora");
  EXPECT_EQ(ep::method, genwire::http_method::get);
  EXPECT_EQ(ep::path, "/api/v1/generations");
  EXPECT_EQ(ep::base_url, "https://app.flora.ai");
  EXPECT_EQ(ep::request_in, genwire::request_location::query_string);
  static_assert(std::is_same_v<ep::request, query>);
  static_assert(std::is_same_v<ep::response, page>);
  static_assert(std::is_same_v<ep::error, fl::error_envelope>);
  ASSERT_EQ(ep::auth.size(), 1u);
  EXPECT_EQ(ep::auth[0].header, "Authorization");
  EXPECT_EQ(ep::auth[0].prefix, "Bearer ");
  EXPECT_EQ(fl::request_id_header, "request-id");
  EXPECT_EQ(fl::request_id_prefix, "req_");
}

// ---- status table --------------------------------------------------------------------------

TEST(FloraStatusTable, MatchesSeedCodeForCode) {
  // Seed 002: the 200 example, then 8 error examples whose codes PROVIDERS.md gives in order.
  std::vector<int> codes;
  for (const auto& s : ep::statuses) codes.push_back(s.code);
  EXPECT_EQ(codes, (std::vector<int>{200, 400, 401, 402, 403, 404, 409, 429, 500}));
  using T = genwire::treatment;
  EXPECT_EQ(codes.size(), 9u);
  const std::vector<T> treat{T::complete,         T::client_error,     T::auth_error,   T::client_error, T::permission_error,
                             T::missing_resource, T::client_error,     T::retryable,    T::retryable};
  for (std::size_t i = 0; i < treat.size(); ++i) EXPECT_EQ(ep::statuses[i].treat, treat[i]) << ep::statuses[i].code;
  // The body each row answers with is the seed's example for that code, and its error code matches.
  const std::vector<std::pair<std::string_view, std::string_view>> bodies{
      {fl::example_response, ""},
      {fl::example_error_400, "input_validation_error"},
      {fl::example_error_401, "unauthorized"},
      {fl::example_error_402, "insufficient_credits"},
      {fl::example_error_403, "forbidden"},
      {fl::example_error_404, "not_found"},
      {fl::example_error_409, "idempotency_duplicate"},
      {fl::example_error_429, "rate_limited"},
      {fl::example_error_500, "unknown_error"}};
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const auto& s = ep::statuses[i];
    SCOPED_TRACE(s.code);
    EXPECT_EQ(s.body, bodies[i].first);
    EXPECT_EQ(s.body_origin, genwire::provenance::documented);
    if (i == 0) continue;
    auto e = genwire::decode<fl::error_envelope, genwire::strict>(s.body);
    ASSERT_TRUE(e.has_value()) << e.error().message();
    ASSERT_TRUE(e->error.code.known());
    EXPECT_EQ(genwire::reflect::enum_names<fl::api_error_code>[static_cast<std::size_t>(e->error.code.value())],
              bodies[i].second);
  }
}

TEST(FloraStatusTable, RetryAfterOnlyOn429) {
  for (const auto& s : ep::statuses) {
    SCOPED_TRACE(s.code);
    if (s.code == 429) {
      EXPECT_EQ(s.headers[0].name, "Retry-After");
      EXPECT_EQ(s.headers[0].value, "1");
    } else {
      EXPECT_TRUE(s.headers[0].name.empty());
    }
    EXPECT_TRUE(s.headers[1].name.empty());
  }
}

TEST(FloraStatusTable, ReasonConstantsAreTheExampleMessages) {
  auto msg = [](std::string_view t) { return genwire::decode<fl::error_envelope>(t).value().error.message; };
  EXPECT_EQ(msg(fl::example_error_400), fl::reason_input_validation);
  EXPECT_EQ(msg(fl::example_error_401), fl::reason_unauthorized);
  EXPECT_EQ(msg(fl::example_error_402), fl::reason_insufficient_credits);
  EXPECT_EQ(msg(fl::example_error_403), fl::reason_forbidden);
  EXPECT_EQ(msg(fl::example_error_404), fl::reason_not_found);
  EXPECT_EQ(msg(fl::example_error_409), fl::reason_idempotency_duplicate);
  EXPECT_EQ(msg(fl::example_error_429), fl::reason_rate_limited);
  EXPECT_EQ(msg(fl::example_error_500), fl::reason_unknown_error);
}

// ---- examples ------------------------------------------------------------------------------

TEST(FloraExamples, EveryExampleRoundTrips) {
  EXPECT_EQ(ep::examples.size(), 11u);
  for (const genwire::example& ex : ep::examples) {
    SCOPED_TRACE(ex.name);
    switch (ex.kind) {
      case genwire::example_kind::request: {
        auto q = genwire::decode_query<query>(ex.body);
        ASSERT_TRUE(q.has_value()) << q.error().message();
        auto back = genwire::encode_query(*q);
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, ex.body);
        break;
      }
      case genwire::example_kind::response: expect_round_trip<page>(ex.body); break;
      case genwire::example_kind::error: {
        expect_round_trip<fl::error_envelope>(ex.body);
        const auto* row = genwire::find_status<ep>(ex.status);
        ASSERT_NE(row, nullptr);
        EXPECT_EQ(row->body, ex.body);
        break;
      }
      case genwire::example_kind::fragment: ADD_FAILURE() << "FLORA has no fragments"; break;
    }
    EXPECT_EQ(ex.origin, ex.name == "request_all_parameters" ? genwire::provenance::composed : genwire::provenance::documented);
  }
}

TEST(FloraExamples, ResponseValues) {
  auto r = genwire::decode<page>(fl::example_response);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->generations.size(), 1u);
  const auto& g = r->generations[0];
  EXPECT_EQ(g.created_at, 0.0);
  EXPECT_EQ(g.generation_id, "run_abc123");
  EXPECT_EQ(g.progress, 0.0);
  EXPECT_EQ(g.project_id, "prj_abc123");
  EXPECT_EQ(g.run_id, "run_abc123");
  EXPECT_TRUE(g.status == fl::run_status::pending);
  EXPECT_EQ(g.workspace_id, "ws_abc123");
  EXPECT_EQ(g.charged_cost->value, 0.0);
  EXPECT_EQ(g.completed_at, 0.0);
  EXPECT_EQ(g.error_code, "provider_error");
  EXPECT_EQ(g.error_code, fl::run_error_provider_error);
  EXPECT_EQ(g.error_message, "The provider failed to complete the generation.");
  ASSERT_TRUE(g.model && g.model->model_id);
  EXPECT_EQ(g.model->model_id->value, "t2i-flux-2-pro");
  ASSERT_TRUE(g.outputs && g.outputs->size() == 1);
  EXPECT_EQ((*g.outputs)[0].output_id, "output_1");
  EXPECT_TRUE((*g.outputs)[0].type == fl::output_type::imageUrl);
  EXPECT_EQ((*g.outputs)[0].url.value, "https://media.flora.ai/output.png");
  EXPECT_EQ(g.poll_url->text, "https://example.com");
  EXPECT_EQ(g.started_at, 0.0);
  ASSERT_TRUE(r->meta.next_cursor && *r->meta.next_cursor);
  EXPECT_EQ(**r->meta.next_cursor, "eyJvZmZzZXQiOjIwfQ");
  EXPECT_EQ(r->meta.total_estimate->value, 0.0);
}

TEST(FloraExamples, ErrorValues) {
  auto e = genwire::decode<fl::error_envelope>(fl::example_error_400).value();
  EXPECT_TRUE(e.error.code == fl::api_error_code::input_validation_error);
  EXPECT_EQ(e.error.message, "prompt: Required");
  ASSERT_TRUE(e.error.fields && e.error.fields->size() == 1);
  EXPECT_EQ((*e.error.fields)[0].field, "prompt");
  EXPECT_EQ((*e.error.fields)[0].message, "Required");
  auto u = genwire::decode<fl::error_envelope>(fl::example_error_401).value();
  EXPECT_TRUE(u.error.code == fl::api_error_code::unauthorized);
  EXPECT_FALSE(u.error.fields.has_value());
}

// ---- presence ------------------------------------------------------------------------------

TEST(FloraPresence, RequiredKeys) {
  constexpr auto mk = genwire::errc::missing_key;
  expect_error(decode_failure<page>(without(fl::example_response, {"generations"})), mk, "generations");
  expect_error(decode_failure<page>(without(fl::example_response, {"meta"})), mk, "meta");
  for (std::string key : {"created_at", "generation_id", "progress", "project_id", "run_id", "status", "workspace_id"})
    expect_error(decode_failure<page>(item_without(key)), mk, "generations[0]." + key);
  for (std::string key : {"output_id", "type", "url"})
    expect_error(decode_failure<page>(without(fl::example_response, {"generations", "0", "outputs", "0", key})), mk,
                 "generations[0].outputs[0]." + key);
  // model_id: required key (null allowed, see below).
  expect_error(decode_failure<page>(without(fl::example_response, {"generations", "0", "model", "model_id"})), mk,
               "generations[0].model.model_id");
  expect_error(decode_failure<fl::error_envelope>(R"({})"), mk, "error");
  expect_error(decode_failure<fl::error_envelope>(R"({"error":{"message":"x"}})"), mk, "error.code");
  expect_error(decode_failure<fl::error_envelope>(R"({"error":{"code":"forbidden"}})"), mk, "error.message");
  expect_error(decode_failure<fl::error_envelope>(without(fl::example_error_400, {"error", "fields", "0", "field"})), mk,
               "error.fields[0].field");
  expect_error(decode_failure<fl::error_envelope>(without(fl::example_error_400, {"error", "fields", "0", "message"})),
               mk, "error.fields[0].message");
}

TEST(FloraPresence, OptionalKeys) {
  std::string text{fl::example_response};
  for (std::string key : {"charged_cost", "completed_at", "error_code", "error_message", "model", "outputs", "poll_url",
                          "started_at"}) {
    text = without(text, {"generations", "0", key});
    expect_round_trip<page>(text);
  }
  auto bare = genwire::decode<page>(text).value();
  const auto& g = bare.generations[0];
  EXPECT_FALSE(g.charged_cost || g.completed_at || g.error_code || g.error_message || g.model || g.outputs ||
               g.poll_url || g.started_at);
  // "optional" is not "nullable": a null optional field is a type error.
  expect_error(decode_failure<page>(item_with("error_code", "null")), genwire::errc::wrong_type, "generations[0].error_code");
  // total_estimate optional.
  expect_round_trip<page>(without(fl::example_response, {"meta", "total_estimate"}));
}

TEST(FloraPresence, NextCursorMayBeAbsentOrNull) {
  // Decision (seed: required string; SDK: optional string|null): the last page decodes either way.
  for (auto text : {without(fl::example_response, {"meta", "next_cursor"}), with(fl::example_response, {"meta", "next_cursor"}, "null")}) {
    auto r = genwire::decode<page>(text);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_FALSE(r->meta.next_cursor && *r->meta.next_cursor);
    expect_round_trip<page>(text);
  }
  expect_error(decode_failure<page>(with(fl::example_response, {"meta", "next_cursor"}, "20")), genwire::errc::wrong_type,
               "meta.next_cursor");
}

TEST(FloraPresence, ModelIdMayBeNullButNotEmpty) {
  // Decision (seed: minLength 1; SDK: string|null).
  const auto null_id = with(fl::example_response, {"generations", "0", "model", "model_id"}, "null");
  auto r = genwire::decode<page>(null_id);
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->generations[0].model.has_value());
  EXPECT_FALSE(r->generations[0].model->model_id.has_value());
  expect_round_trip<page>(null_id);
  expect_error(decode_failure<page>(with(fl::example_response, {"generations", "0", "model", "model_id"}, R"("")")),
               genwire::errc::constraint, "generations[0].model.model_id");
}

// ---- types and constraints -----------------------------------------------------------------

TEST(FloraTypes, WrongTypesReportTheirPath) {
  constexpr auto wt = genwire::errc::wrong_type;
  expect_error(decode_failure<page>(item_with("created_at", R"("0")")), wt, "generations[0].created_at");
  expect_error(decode_failure<page>(item_with("progress", "true")), wt, "generations[0].progress");
  expect_error(decode_failure<page>(item_with("status", "1")), wt, "generations[0].status");
  expect_error(decode_failure<page>(item_with("charged_cost", R"("0.04")")), wt, "generations[0].charged_cost");
  expect_error(decode_failure<page>(item_with("outputs", "{}")), wt, "generations[0].outputs");
  expect_error(decode_failure<page>(item_with("poll_url", "7")), wt, "generations[0].poll_url");
  expect_error(decode_failure<page>(with(fl::example_response, {"meta", "total_estimate"}, R"("many")")), wt,
               "meta.total_estimate");
  expect_error(decode_failure<page>(with(fl::example_response, {"generations"}, "null")), wt, "generations");
  expect_error(decode_failure<fl::error_envelope>(R"({"error":"forbidden"})"), wt, "error");
  expect_error(decode_failure<fl::error_envelope>(with(fl::example_error_400, {"error", "fields"}, R"({"field":"x"})")), wt,
               "error.fields");
}

TEST(FloraTypes, Constraints) {
  expect_error(decode_failure<page>(with(fl::example_response, {"generations", "0", "outputs", "0", "url"}, R"("")")),
               genwire::errc::constraint, "generations[0].outputs[0].url");
  expect_error(decode_failure<page>(item_with("charged_cost", "-0.5")), genwire::errc::out_of_range,
               "generations[0].charged_cost");
  expect_error(decode_failure<page>(with(fl::example_response, {"meta", "total_estimate"}, "-1")),
               genwire::errc::out_of_range, "meta.total_estimate");
  EXPECT_TRUE(genwire::decode<page>(item_with("charged_cost", "0.04")).has_value());
  // Encoding re-checks them.
  auto r = genwire::decode<page>(fl::example_response).value();
  (*r.generations[0].outputs)[0].url = std::string();
  auto out = genwire::encode(r);
  ASSERT_FALSE(out.has_value());
  expect_error(out.error(), genwire::errc::constraint, "generations[0].outputs[0].url");
}

// ---- enums ---------------------------------------------------------------------------------

TEST(FloraEnums, ResponseEnumsAreOpen) {
  struct open_case {
    std::vector<std::string> path;
    std::string value;
    std::string error_path;
  };
  const std::vector<open_case> cases{
      {{"generations", "0", "status"}, "cancelled", "generations[0].status"},
      {{"generations", "0", "outputs", "0", "type"}, "modelUrl", "generations[0].outputs[0].type"},
  };
  for (const auto& c : cases) {
    const auto text = with(fl::example_response, c.path, "\"" + c.value + "\"");
    expect_round_trip<page>(text);
    expect_error(decode_failure<page, genwire::strict>(text), genwire::errc::unknown_enum, c.error_path);
  }
  auto r = genwire::decode<page>(item_with("status", R"("cancelled")")).value();
  EXPECT_EQ(r.generations[0].status.unknown_text(), "cancelled");
  for (std::string s : {"pending", "running", "completed", "failed"})
    EXPECT_TRUE((genwire::decode<page, genwire::strict>(item_with("status", "\"" + s + "\""))).has_value()) << s;
  for (std::string t : {"imageUrl", "videoUrl", "audioUrl", "text", "documentUrl"})
    EXPECT_TRUE((genwire::decode<page, genwire::strict>(with(fl::example_response, {"generations", "0", "outputs", "0", "type"}, "\"" + t + "\""))).has_value()) << t;
}

TEST(FloraEnums, ErrorCodeIsOpen) {
  const std::string text = R"({"error":{"code":"payment_required","message":"Pay."}})";
  auto e = genwire::decode<fl::error_envelope>(text);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->error.code.unknown_text(), "payment_required");
  expect_round_trip<fl::error_envelope>(text);
  expect_error(decode_failure<fl::error_envelope, genwire::strict>(text), genwire::errc::unknown_enum, "error.code");
  // The errors page's codes beyond the seed are known.
  for (std::string c : {"invalid_json", "invalid_api_key", "service_unavailable"})
    EXPECT_TRUE((genwire::decode<fl::error_envelope, genwire::strict>(R"({"error":{"code":")" + c + R"(","message":"m"}})")).has_value()) << c;
}

// ---- strict mode ---------------------------------------------------------------------------

TEST(FloraStrict, DocumentedExamplesHaveNoDefects) {
  // Defects of the documented examples under strict rules: none. poll_url "https://example.com"
  // is an absolute URI, every enum value is listed, no undeclared keys.
  EXPECT_TRUE((genwire::decode<page, genwire::strict>(fl::example_response)).has_value());
  for (auto body : {fl::example_error_400, fl::example_error_401, fl::example_error_402, fl::example_error_403,
                    fl::example_error_404, fl::example_error_409, fl::example_error_429, fl::example_error_500})
    EXPECT_TRUE((genwire::decode<fl::error_envelope, genwire::strict>(body)).has_value()) << body;
  EXPECT_TRUE((genwire::decode_query<query, genwire::strict>(fl::example_request)).has_value());
  EXPECT_TRUE((genwire::decode_query<query, genwire::strict>(fl::example_request_all_parameters)).has_value());
}

TEST(FloraStrict, FormatsAndUnknownKeys) {
  const auto bad_url = item_with("poll_url", R"("/api/v1/runs/run_abc123")");
  EXPECT_TRUE(genwire::decode<page>(bad_url).has_value());
  expect_error(decode_failure<page, genwire::strict>(bad_url), genwire::errc::format, "generations[0].poll_url");
  // outputs[].url is "URL or text content": no format check.
  EXPECT_TRUE((genwire::decode<page, genwire::strict>(with(fl::example_response, {"generations", "0", "outputs", "0", "url"}, R"("a poem")"))).has_value());
  const auto extra = item_with("technique", R"({"name":"x"})");
  EXPECT_TRUE(genwire::decode<page>(extra).has_value());
  expect_error(decode_failure<page, genwire::strict>(extra), genwire::errc::unknown_key, "generations[0].technique");
}

// ---- query ---------------------------------------------------------------------------------

TEST(FloraQuery, RoundTripsEveryParameter) {
  auto q = genwire::decode_query<query>(fl::example_request_all_parameters);
  ASSERT_TRUE(q.has_value()) << q.error().message();
  EXPECT_EQ(q->cursor, "eyJvZmZzZXQiOjIwfQ");
  EXPECT_EQ(q->limit->value, 20);
  EXPECT_EQ(q->project_id, "prj_abc123");
  EXPECT_EQ(q->status, fl::run_status::completed);
  EXPECT_EQ(q->workspace_id, "ws_abc123");
  EXPECT_EQ(genwire::encode_query(*q).value(), fl::example_request_all_parameters);

  auto empty = genwire::decode_query<query>(fl::example_request).value();
  EXPECT_FALSE(empty.cursor || empty.limit || empty.project_id || empty.status || empty.workspace_id);
  EXPECT_EQ(genwire::encode_query(empty).value(), "");

  query built{};
  built.limit = genwire::bounded<std::int64_t, 1, 100>{100};
  built.status = fl::run_status::failed;
  built.cursor = "a b/c";
  EXPECT_EQ(genwire::encode_query(built).value(), "cursor=a%20b%2Fc&limit=100&status=failed");
  auto back = genwire::decode_query<query>("cursor=a%20b%2Fc&limit=100&status=failed").value();
  EXPECT_EQ(back.cursor, "a b/c");
  EXPECT_EQ(query::default_limit, 20);
  EXPECT_EQ(query::min_limit, 1);
  EXPECT_EQ(query::max_limit, 100);
}

TEST(FloraQuery, RejectsBadValuesWithTheParameterAsPath) {
  expect_error(query_failure<query>("limit=0"), genwire::errc::out_of_range, "limit");
  expect_error(query_failure<query>("limit=101"), genwire::errc::out_of_range, "limit");
  expect_error(query_failure<query>("limit=abc"), genwire::errc::wrong_type, "limit");
  expect_error(query_failure<query>("limit=1.5"), genwire::errc::wrong_type, "limit");
  expect_error(query_failure<query>("limit=-3"), genwire::errc::out_of_range, "limit");
  // The status filter is a closed enum even under default rules.
  expect_error(query_failure<query>("status=done"), genwire::errc::unknown_enum, "status");
  expect_error(query_failure<query>("status=Completed"), genwire::errc::unknown_enum, "status");
  expect_error(query_failure<query>("limit=1&limit=2"), genwire::errc::duplicate_key, "limit");
  EXPECT_EQ(genwire::decode_query<query>("limit=1").value().limit->value, 1);
  EXPECT_EQ(genwire::decode_query<query>("limit=100").value().limit->value, 100);
  // Unknown parameters: skipped by default, rejected in strict mode.
  EXPECT_TRUE(genwire::decode_query<query>("foo=1&limit=5").has_value());
  expect_error(query_failure<query, genwire::strict>("foo=1&limit=5"), genwire::errc::unknown_key, "foo");
  // Encoding re-checks the bound.
  query q{};
  q.limit = genwire::bounded<std::int64_t, 1, 100>{0};
  auto out = genwire::encode_query(q);
  ASSERT_FALSE(out.has_value());
  expect_error(out.error(), genwire::errc::out_of_range, "limit");
}

// ---- summarize -----------------------------------------------------------------------------

TEST(FloraSummary, MapsEveryStatus) {
  const std::vector<std::pair<std::string, genwire::job_state>> table{{"pending", genwire::job_state::queued},
                                                                     {"running", genwire::job_state::running},
                                                                     {"completed", genwire::job_state::succeeded},
                                                                     {"failed", genwire::job_state::failed},
                                                                     {"cancelled", genwire::job_state::unknown}};
  for (const auto& [wire, state] : table) {
    auto r = genwire::decode<page>(item_with("status", "\"" + wire + "\"")).value();
    const genwire::job_summary s = genwire::summarize(r.generations[0]);
    EXPECT_EQ(s.state, state) << wire;
    EXPECT_EQ(s.raw_status, wire);
  }
}

TEST(FloraSummary, ExampleFields) {
  auto r = genwire::decode<page>(fl::example_response).value();
  const auto s = summarize(r.generations[0]);  // found by ADL too
  EXPECT_EQ(s.provider, "flora");
  EXPECT_EQ(s.id, "run_abc123");
  EXPECT_EQ(s.state, genwire::job_state::queued);
  EXPECT_EQ(s.raw_status, "pending");
  EXPECT_EQ(s.progress, 0.0);
  // The example's timestamps are 0: placeholders, not instants.
  EXPECT_FALSE(s.created || s.updated || s.completed);
  ASSERT_EQ(s.outputs.size(), 1u);
  EXPECT_EQ(s.outputs[0].kind, "imageUrl");
  EXPECT_EQ(s.outputs[0].url, "https://media.flora.ai/output.png");
  EXPECT_EQ(s.error_code, "provider_error");
  EXPECT_EQ(s.error_message, "The provider failed to complete the generation.");
}

TEST(FloraSummary, ProgressAndTimestamps) {
  auto g = genwire::decode<page>(fl::example_response).value().generations[0];
  g.progress = 50;
  g.created_at = 1700000000;         // seconds
  g.started_at = 1700000005000.0;    // milliseconds
  g.completed_at = 1700000060.5;     // seconds with a fraction
  g.status = fl::run_status::completed;
  auto s = genwire::summarize(g);
  EXPECT_EQ(s.progress, 0.5);
  EXPECT_EQ(s.created, unix_seconds(1700000000));
  EXPECT_EQ(s.completed, unix_seconds(1700000060) + std::chrono::milliseconds(500));
  EXPECT_EQ(s.updated, s.completed);  // the later of started_at and completed_at
  g.completed_at.reset();
  s = genwire::summarize(g);
  EXPECT_FALSE(s.completed.has_value());
  EXPECT_EQ(s.updated, unix_seconds(1700000005));
  g.progress = 250;
  EXPECT_EQ(genwire::summarize(g).progress, 1.0);
  g.progress = -5;
  EXPECT_EQ(genwire::summarize(g).progress, 0.0);
  EXPECT_EQ(fl::epoch_time(1e11), unix_seconds(100000000000));        // at the threshold: seconds
  EXPECT_EQ(fl::epoch_time(1e11 + 1000), unix_seconds(100000001));    // above it: milliseconds
  EXPECT_FALSE(fl::epoch_time(-1).has_value());
  EXPECT_FALSE(fl::epoch_time(1e300).has_value());
  g.outputs.reset();
  g.error_code.reset();
  g.error_message.reset();
  s = genwire::summarize(g);
  EXPECT_TRUE(s.outputs.empty());
  EXPECT_FALSE(s.error_code || s.error_message);
  auto unknown_type = genwire::decode<page>(with(fl::example_response, {"generations", "0", "outputs", "0", "type"}, R"("modelUrl")")).value();
  EXPECT_EQ(genwire::summarize(unknown_type.generations[0]).outputs[0].kind, "modelUrl");
}

}  // namespace
