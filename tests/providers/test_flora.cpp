// FLORA models (GET /api/v1/generations, and GET /api/v1/runs/{runId}).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>
#include <genwire/flora.hpp>

#include "provider_test_support.hpp"

namespace flora_test {

namespace {

using namespace genwire_test;
namespace fl = genwire::flora;
using ep = fl::list_generations_endpoint;
using page = fl::list_generations_response;
using query = fl::list_generations_query;

std::string item_with(const std::string& key, std::string_view json) {
  return edited(fl::example_response, "generations[0]." + key, json);
}
std::string item_without(const std::string& key) { return without(fl::example_response, "generations[0]." + key); }

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
  // The list page: the 200 example, then 8 error examples whose codes the errors page gives in order.
  const std::vector<int> codes = page_codes_of<ep>();
  EXPECT_EQ(codes, (std::vector<int>{200, 400, 401, 402, 403, 404, 409, 429, 500}));
  using T = genwire::treatment;
  EXPECT_EQ(codes.size(), 9u);
  const std::vector<T> treat{T::complete,         T::client_error,     T::auth_error,   T::client_error, T::permission_error,
                             T::missing_resource, T::client_error,     T::retryable,    T::retryable};
  for (std::size_t i = 0; i < treat.size(); ++i) EXPECT_EQ(ep::statuses[i].treat, treat[i]) << ep::statuses[i].code;
  // The body each row answers with is the list page's example for that code, and its error code matches.
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

// The errors page's 503 service_unavailable, beyond the list page's own examples.
TEST(FloraStatusTable, ServiceUnavailableFromTheErrorsPage) {
  EXPECT_EQ(codes_of<ep>().size(), 10u);
  const auto* row = genwire::find_status<ep>(503);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->source, genwire::doc_source::provider_docs);
  EXPECT_EQ(row->treat, genwire::treatment::retryable);
  EXPECT_EQ(row->body_origin, genwire::provenance::composed);
  for (auto [body, code] : {std::pair{fl::example_error_503, fl::api_error_code::service_unavailable},
                            std::pair{fl::example_error_400_invalid_json, fl::api_error_code::invalid_json},
                            std::pair{fl::example_error_401_invalid_api_key, fl::api_error_code::invalid_api_key}}) {
    SCOPED_TRACE(body);
    const auto e = genwire::decode<fl::error_envelope, genwire::strict>(body);
    ASSERT_TRUE(e.has_value()) << e.error().message();
    EXPECT_EQ(e->error.code, code);
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
  EXPECT_EQ(ep::examples.size(), 14u);
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
      case genwire::example_kind::response: EXPECT_TRUE(round_trips<page>(ex.body)); break;
      case genwire::example_kind::error: {
        EXPECT_TRUE(round_trips<fl::error_envelope>(ex.body));
        const auto* row = genwire::find_status<ep>(ex.status);
        ASSERT_NE(row, nullptr);
        if (is_row_example(ex)) {
        EXPECT_EQ(row->body, ex.body);
      }
        break;
      }
      case genwire::example_kind::fragment: ADD_FAILURE() << "FLORA has no fragments"; break;
    }
    // The list page prints every body but these: the composed query and the errors page's other codes.
    const bool composed = ex.name == "request_all_parameters" || ex.name == "error_400_invalid_json" ||
                          ex.name == "error_401_invalid_api_key" || ex.name == "error_503";
    EXPECT_EQ(ex.origin, composed ? genwire::provenance::composed : genwire::provenance::documented);
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
  EXPECT_TRUE(fails_at<page>(without(fl::example_response, "generations"), "generations", mk));
  EXPECT_TRUE(fails_at<page>(without(fl::example_response, "meta"), "meta", mk));
  for (std::string key : {"created_at", "generation_id", "progress", "project_id", "run_id", "status", "workspace_id"})
    EXPECT_TRUE(fails_at<page>(item_without(key), "generations[0]." + key, mk));
  for (std::string key : {"output_id", "type", "url"}) {
    const std::string path = "generations[0].outputs[0]." + key;
    EXPECT_TRUE(fails_at<page>(without(fl::example_response, path), path, mk));
  }
  // model_id: required key (null allowed, see below).
  EXPECT_TRUE(fails_at<page>(without(fl::example_response, "generations[0].model.model_id"),
                             "generations[0].model.model_id", mk));
  EXPECT_TRUE(fails_at<fl::error_envelope>(R"({})", "error", mk));
  EXPECT_TRUE(fails_at<fl::error_envelope>(R"({"error":{"message":"x"}})", "error.code", mk));
  EXPECT_TRUE(fails_at<fl::error_envelope>(R"({"error":{"code":"forbidden"}})", "error.message", mk));
  EXPECT_TRUE(fails_at<fl::error_envelope>(without(fl::example_error_400, "error.fields[0].field"),
                                           "error.fields[0].field", mk));
  EXPECT_TRUE(fails_at<fl::error_envelope>(without(fl::example_error_400, "error.fields[0].message"),
                                           "error.fields[0].message", mk));
}

TEST(FloraPresence, OptionalKeys) {
  std::string text{fl::example_response};
  for (std::string key : {"charged_cost", "completed_at", "error_code", "error_message", "model", "outputs", "poll_url",
                          "started_at"}) {
    text = without(text, "generations[0]." + key);
    EXPECT_TRUE(round_trips<page>(text));
  }
  auto bare = genwire::decode<page>(text).value();
  const auto& g = bare.generations[0];
  EXPECT_FALSE(g.charged_cost || g.completed_at || g.error_code || g.error_message || g.model || g.outputs ||
               g.poll_url || g.started_at);
  // "optional" is not "nullable": a null optional field is a type error.
  EXPECT_TRUE(fails_at<page>(item_with("error_code", "null"), "generations[0].error_code", genwire::errc::wrong_type));
  // total_estimate optional.
  EXPECT_TRUE(round_trips<page>(without(fl::example_response, "meta.total_estimate")));
}

TEST(FloraPresence, NextCursorMayBeAbsentOrNull) {
  // Decision (list page: required string; SDK: optional string|null): the last page decodes either way.
  for (auto text :
       {without(fl::example_response, "meta.next_cursor"), edited(fl::example_response, "meta.next_cursor", "null")}) {
    auto r = genwire::decode<page>(text);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_FALSE(r->meta.next_cursor && *r->meta.next_cursor);
    EXPECT_TRUE(round_trips<page>(text));
  }
  EXPECT_TRUE(fails_at<page>(edited(fl::example_response, "meta.next_cursor", "20"), "meta.next_cursor",
                             genwire::errc::wrong_type));
}

TEST(FloraPresence, ModelIdMayBeNullButNotEmpty) {
  // Decision (list page: minLength 1; SDK: string|null).
  const auto null_id = edited(fl::example_response, "generations[0].model.model_id", "null");
  auto r = genwire::decode<page>(null_id);
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->generations[0].model.has_value());
  EXPECT_FALSE(r->generations[0].model->model_id.has_value());
  EXPECT_TRUE(round_trips<page>(null_id));
  EXPECT_TRUE(fails_at<page>(edited(fl::example_response, "generations[0].model.model_id", R"("")"),
                             "generations[0].model.model_id", genwire::errc::constraint));
}

// ---- types and constraints -----------------------------------------------------------------

TEST(FloraTypes, WrongTypesReportTheirPath) {
  constexpr auto wt = genwire::errc::wrong_type;
  EXPECT_TRUE(fails_at<page>(item_with("created_at", R"("0")"), "generations[0].created_at", wt));
  EXPECT_TRUE(fails_at<page>(item_with("progress", "true"), "generations[0].progress", wt));
  EXPECT_TRUE(fails_at<page>(item_with("status", "1"), "generations[0].status", wt));
  EXPECT_TRUE(fails_at<page>(item_with("charged_cost", R"("0.04")"), "generations[0].charged_cost", wt));
  EXPECT_TRUE(fails_at<page>(item_with("outputs", "{}"), "generations[0].outputs", wt));
  EXPECT_TRUE(fails_at<page>(item_with("poll_url", "7"), "generations[0].poll_url", wt));
  EXPECT_TRUE(
      fails_at<page>(edited(fl::example_response, "meta.total_estimate", R"("many")"), "meta.total_estimate", wt));
  EXPECT_TRUE(fails_at<page>(edited(fl::example_response, "generations", "null"), "generations", wt));
  EXPECT_TRUE(fails_at<fl::error_envelope>(R"({"error":"forbidden"})", "error", wt));
  EXPECT_TRUE(fails_at<fl::error_envelope>(edited(fl::example_error_400, "error.fields", R"({"field":"x"})"),
                                           "error.fields", wt));
}

TEST(FloraTypes, Constraints) {
  EXPECT_TRUE(fails_at<page>(edited(fl::example_response, "generations[0].outputs[0].url", R"("")"),
                             "generations[0].outputs[0].url", genwire::errc::constraint));
  EXPECT_TRUE(
      fails_at<page>(item_with("charged_cost", "-0.5"), "generations[0].charged_cost", genwire::errc::out_of_range));
  EXPECT_TRUE(fails_at<page>(edited(fl::example_response, "meta.total_estimate", "-1"), "meta.total_estimate",
                             genwire::errc::out_of_range));
  EXPECT_TRUE(genwire::decode<page>(item_with("charged_cost", "0.04")).has_value());
  // Encoding re-checks them.
  auto r = genwire::decode<page>(fl::example_response).value();
  (*r.generations[0].outputs)[0].url = std::string();
  EXPECT_TRUE(fails_with(genwire::encode(r), "generations[0].outputs[0].url", genwire::errc::constraint));
}

// ---- enums ---------------------------------------------------------------------------------

TEST(FloraEnums, ResponseEnumsAreOpen) {
  struct open_case {
    std::string path;
    std::string value;
  };
  const std::vector<open_case> cases{
      {"generations[0].status", "cancelled"},
      {"generations[0].outputs[0].type", "modelUrl"},
  };
  for (const auto& c : cases) {
    const auto text = edited(fl::example_response, c.path, "\"" + c.value + "\"");
    EXPECT_TRUE(round_trips<page>(text));
    EXPECT_TRUE((fails_at<page, genwire::strict>(text, c.path, genwire::errc::unknown_enum)));
  }
  auto r = genwire::decode<page>(item_with("status", R"("cancelled")")).value();
  EXPECT_EQ(r.generations[0].status.unknown_text(), "cancelled");
  for (std::string s : {"pending", "running", "completed", "failed"})
    EXPECT_TRUE((genwire::decode<page, genwire::strict>(item_with("status", "\"" + s + "\""))).has_value()) << s;
  for (std::string t : {"imageUrl", "videoUrl", "audioUrl", "text", "documentUrl"})
    EXPECT_TRUE((genwire::decode<page, genwire::strict>(edited(fl::example_response, "generations[0].outputs[0].type", "\"" + t + "\""))).has_value()) << t;
}

TEST(FloraEnums, ErrorCodeIsOpen) {
  const std::string text = R"({"error":{"code":"payment_required","message":"Pay."}})";
  auto e = genwire::decode<fl::error_envelope>(text);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->error.code.unknown_text(), "payment_required");
  EXPECT_TRUE(round_trips<fl::error_envelope>(text));
  EXPECT_TRUE((fails_at<fl::error_envelope, genwire::strict>(text, "error.code", genwire::errc::unknown_enum)));
  // The errors page's codes beyond the list page's are known.
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
  EXPECT_TRUE((fails_at<page, genwire::strict>(bad_url, "generations[0].poll_url", genwire::errc::format)));
  // outputs[].url is "URL or text content": no format check.
  EXPECT_TRUE((genwire::decode<page, genwire::strict>(edited(fl::example_response, "generations[0].outputs[0].url", R"("a poem")"))).has_value());
  const auto extra = item_with("technique", R"({"name":"x"})");
  EXPECT_TRUE(genwire::decode<page>(extra).has_value());
  EXPECT_TRUE((fails_at<page, genwire::strict>(extra, "generations[0].technique", genwire::errc::unknown_key)));
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
  EXPECT_TRUE(query_fails_at<query>("limit=0", "limit", genwire::errc::out_of_range));
  EXPECT_TRUE(query_fails_at<query>("limit=101", "limit", genwire::errc::out_of_range));
  EXPECT_TRUE(query_fails_at<query>("limit=abc", "limit", genwire::errc::wrong_type));
  EXPECT_TRUE(query_fails_at<query>("limit=1.5", "limit", genwire::errc::wrong_type));
  EXPECT_TRUE(query_fails_at<query>("limit=-3", "limit", genwire::errc::out_of_range));
  // The status filter is a closed enum even under default rules.
  EXPECT_TRUE(query_fails_at<query>("status=done", "status", genwire::errc::unknown_enum));
  EXPECT_TRUE(query_fails_at<query>("status=Completed", "status", genwire::errc::unknown_enum));
  EXPECT_TRUE(query_fails_at<query>("limit=1&limit=2", "limit", genwire::errc::duplicate_key));
  EXPECT_EQ(genwire::decode_query<query>("limit=1").value().limit->value, 1);
  EXPECT_EQ(genwire::decode_query<query>("limit=100").value().limit->value, 100);
  // Unknown parameters: skipped by default, rejected in strict mode.
  EXPECT_TRUE(genwire::decode_query<query>("foo=1&limit=5").has_value());
  EXPECT_TRUE((query_fails_at<query, genwire::strict>("foo=1&limit=5", "foo", genwire::errc::unknown_key)));
  // Encoding re-checks the bound.
  query q{};
  q.limit = genwire::bounded<std::int64_t, 1, 100>{0};
  EXPECT_TRUE(fails_with(genwire::encode_query(q), "limit", genwire::errc::out_of_range));
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
  auto unknown_type = genwire::decode<page>(edited(fl::example_response, "generations[0].outputs[0].type", R"("modelUrl")")).value();
  EXPECT_EQ(genwire::summarize(unknown_type.generations[0]).outputs[0].kind, "modelUrl");
}

}  // namespace

namespace {

namespace fl = genwire::flora;
using run_ep = fl::get_run_endpoint;

TEST(FloraGetRun, DescriptorAndPath) {
  static_assert(genwire::endpoint_descriptor<run_ep>);
  static_assert(std::is_same_v<genwire::path_params_t<run_ep>, fl::run_path>);
  static_assert(genwire::path_declares<fl::run_path>(run_ep::path));
  EXPECT_EQ(run_ep::name, "flora.get_run");
  EXPECT_EQ(run_ep::method, genwire::http_method::get);
  EXPECT_EQ(genwire::path_of<run_ep>(fl::run_path{"run_abc123"}).value(), fl::example_run_path);
  const auto back = genwire::decode_path<fl::run_path>(run_ep::path, fl::example_run_path);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->run_id, "run_abc123");
  // The query takes no parameters: an empty query decodes, any parameter is unknown in strict mode.
  EXPECT_TRUE(genwire::decode_query<fl::get_run_query>("").has_value());
  EXPECT_TRUE(genwire::decode_query<fl::get_run_query>("x=1").has_value());
  EXPECT_FALSE((genwire::decode_query<fl::get_run_query, genwire::strict>("x=1").has_value()));
}

TEST(FloraGetRun, EveryExampleDecodesInStrictModeAndRoundTrips) {
  for (const genwire::example& ex : run_ep::examples) {
    SCOPED_TRACE(ex.name);
    switch (ex.kind) {
      case genwire::example_kind::request: EXPECT_TRUE(genwire::decode_query<fl::get_run_query>(ex.body).has_value()); break;
      case genwire::example_kind::response: {
        const auto r = genwire::decode<fl::run, genwire::strict>(ex.body);
        ASSERT_TRUE(r.has_value()) << r.error().message();
        EXPECT_TRUE(genwire_test::round_trips<fl::run>(ex.body));
        EXPECT_EQ(r->run_id, "run_abc123");
        break;
      }
      case genwire::example_kind::error: EXPECT_TRUE((genwire::decode<fl::error_envelope, genwire::strict>(ex.body).has_value())); break;
      case genwire::example_kind::fragment: ADD_FAILURE(); break;
    }
    EXPECT_NE(genwire::find_status<run_ep>(ex.status), nullptr);
  }
}

TEST(FloraGetRun, RequiredAndOptionalMembers) {
  for (const char* key : {"created_at", "progress", "run_id", "status"})
    EXPECT_TRUE((genwire_test::fails_at<fl::run>(genwire_test::without(fl::example_run, key), key, genwire::errc::missing_key))) << key;
  // Optional means absent, not null (the SDK's type).
  EXPECT_TRUE((genwire_test::fails_at<fl::run>(genwire_test::edited(fl::example_run, "completed_at", "null"), "completed_at",
                                               genwire::errc::wrong_type)));
}

TEST(FloraGetRun, SummaryStates) {
  const auto done = genwire::summarize(genwire::decode<fl::run>(fl::example_run).value());
  EXPECT_EQ(done.state, genwire::job_state::succeeded);
  EXPECT_EQ(done.id, "run_abc123");
  EXPECT_DOUBLE_EQ(*done.progress, 1.0);
  ASSERT_EQ(done.outputs.size(), 1u);
  const auto running = genwire::summarize(genwire::decode<fl::run>(fl::example_run_running).value());
  EXPECT_EQ(running.state, genwire::job_state::running);
  EXPECT_DOUBLE_EQ(*running.progress, 0.4);
  const auto failed = genwire::summarize(genwire::decode<fl::run>(fl::example_run_failed).value());
  EXPECT_EQ(failed.state, genwire::job_state::failed);
  EXPECT_EQ(failed.error_code, "provider_error");
}

}  // namespace

}  // namespace flora_test
