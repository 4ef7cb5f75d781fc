// Depicta GET /v1/jobs (its reference page): models, composed examples, status table, query codec and
// summarize(). Every body here is composed by genwire (the page prints none).
#include <gtest/gtest.h>

#include <genwire/core.hpp>
#include <genwire/depicta.hpp>

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "provider_test_support.hpp"

namespace depicta_test {

namespace {

using namespace genwire_test;
using genwire::errc;
namespace dp = genwire::depicta;
using namespace std::chrono_literals;

// The example jobs are all created, run and finished on 2025-06-01.
genwire::timestamp at(int h, int m, int s) { return utc(2025, 6, 1, h, m, s); }

dp::list_jobs_response example() {
  auto r = genwire::decode<dp::list_jobs_response>(dp::example_response);
  if (!r) throw std::runtime_error(r.error().message());
  return *r;
}

using endpoint = dp::list_jobs_endpoint;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Descriptor
// ---------------------------------------------------------------------------------------------

static_assert(genwire::endpoint_descriptor<dp::list_jobs_endpoint>);

TEST(DepictaDescriptor, Identity) {
  EXPECT_EQ(endpoint::name, "depicta.list_jobs");
  EXPECT_EQ(endpoint::provider, "depicta");
  EXPECT_EQ(endpoint::method, genwire::http_method::get);
  EXPECT_EQ(endpoint::path, "/v1/jobs");
  EXPECT_EQ(endpoint::base_url, "https://api.depicta.ai");
  EXPECT_EQ(endpoint::request_in, genwire::request_location::query_string);
  ASSERT_EQ(endpoint::auth.size(), 1u);
  EXPECT_EQ(endpoint::auth[0].header, "Authorization");
  EXPECT_EQ(endpoint::auth[0].prefix, "Bearer ");
  EXPECT_EQ(dp::api_key_prefix, "dpct_");
  EXPECT_EQ(dp::list_jobs_query::default_limit, 20);
  EXPECT_EQ(dp::list_jobs_query::default_offset, 0);
}

TEST(DepictaDescriptor, StatusTableMatchesSeed) {
  // The reference page's thirteen response sections, in order, with the page's own titles.
  const std::vector<int> codes{200, 400, 401, 402, 403, 404, 409, 422, 429, 451, 500, 502, 503};
  const std::vector<std::string_view> meanings{"OK",
                                               "Bad Request",
                                               "Unauthorized",
                                               "Payment Required",
                                               "Forbidden",
                                               "Not Found",
                                               "Conflict",
                                               "Unprocessable Entity",
                                               "Too Many Requests",
                                               "Unavailable For Legal Reasons",
                                               "Internal Server Error",
                                               "Bad Gateway",
                                               "Service Unavailable"};
  using t = genwire::treatment;
  const std::vector<t> treatments{t::complete,        t::client_error, t::auth_error,   t::client_error, t::permission_error,
                                  t::missing_resource, t::client_error, t::client_error, t::retryable,    t::client_error,
                                  t::retryable,        t::retryable,    t::retryable};
  ASSERT_EQ(endpoint::statuses.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    SCOPED_TRACE(codes[i]);
    EXPECT_EQ(endpoint::statuses[i].code, codes[i]);
    EXPECT_EQ(endpoint::statuses[i].meaning, meanings[i]);
    EXPECT_EQ(endpoint::statuses[i].treat, treatments[i]);
    EXPECT_EQ(endpoint::statuses[i].body_origin, genwire::provenance::composed);
    EXPECT_FALSE(endpoint::statuses[i].body.empty());
    EXPECT_EQ(genwire::find_status<endpoint>(codes[i]), &endpoint::statuses[i]);
    if (codes[i] == 429) {
      EXPECT_EQ(endpoint::statuses[i].headers[0].name, "Retry-After");
      EXPECT_EQ(endpoint::statuses[i].headers[0].value, "1");
    } else {
      EXPECT_TRUE(endpoint::statuses[i].headers[0].name.empty());
    }
  }
  EXPECT_EQ(genwire::find_status<endpoint>(413), nullptr);
  EXPECT_EQ(endpoint::statuses[0].body, dp::example_response);
}

TEST(DepictaDescriptor, ErrorBodiesCarryTheirCodes) {
  const std::vector<std::pair<int, std::string_view>> expected{
      {400, "bad_request"},       {401, "auth_invalid"},   {402, "credit_insufficient"},
      {403, "auth_email_not_verified"}, {404, "not_found"}, {409, "conflict"},
      {422, "validation_failed"}, {429, "rate_limited"},   {451, "unavailable_for_legal_reasons"},
      {500, "internal_error"},    {502, "upstream_error"}, {503, "service_unavailable"}};
  for (const auto& [code, error_code] : expected) {
    SCOPED_TRACE(code);
    const genwire::status_doc* row = genwire::find_status<endpoint>(code);
    ASSERT_NE(row, nullptr);
    auto e = genwire::decode<dp::error_envelope, genwire::strict>(row->body);
    ASSERT_TRUE(e) << e.error().message();
    EXPECT_EQ(e->error, error_code);
    EXPECT_FALSE(e->message.empty());
    ASSERT_TRUE(e->request_id.has_value());
    EXPECT_EQ(e->request_id->rfind("req_", 0), 0u);
    ASSERT_TRUE(e->details.has_value());
  }
  // The constants the mock answers with are the bodies' own.
  EXPECT_EQ(genwire::decode<dp::error_envelope>(dp::example_error_429)->message, dp::reason_rate_limited);
  EXPECT_EQ(genwire::decode<dp::error_envelope>(dp::example_error_401)->error, dp::code_auth_invalid);
  EXPECT_EQ(genwire::decode<dp::error_envelope>(dp::example_error_402)->error, dp::code_credit_insufficient);
  EXPECT_EQ(genwire::decode<dp::error_envelope>(dp::example_error_500)->message, dp::reason_internal_error);
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

TEST(DepictaExamples, EveryExampleRoundTrips) {
  ASSERT_EQ(endpoint::examples.size(), 15u);
  int responses = 0, errors = 0, requests = 0;
  for (const genwire::example& ex : endpoint::examples) {
    SCOPED_TRACE(ex.name);
    EXPECT_EQ(ex.origin, genwire::provenance::composed);
    switch (ex.kind) {
      case genwire::example_kind::request: {
        ++requests;
        auto q = genwire::decode_query<dp::list_jobs_query>(ex.body);
        ASSERT_TRUE(q) << q.error().message();
        auto text = genwire::encode_query(*q);
        ASSERT_TRUE(text) << text.error().message();
        EXPECT_EQ(*text, ex.body);
        break;
      }
      case genwire::example_kind::response:
        ++responses;
        EXPECT_EQ(ex.status, 200);
        EXPECT_TRUE(round_trips<dp::list_jobs_response>(ex.body));
        break;
      case genwire::example_kind::error:
        ++errors;
        if (is_row_example(ex)) {
          EXPECT_EQ(genwire::find_status<endpoint>(ex.status)->body, ex.body);
        }
        EXPECT_TRUE(round_trips<dp::error_envelope>(ex.body));
        break;
      case genwire::example_kind::fragment: ADD_FAILURE() << "no fragments expected"; break;
    }
  }
  EXPECT_EQ(requests, 1);
  EXPECT_EQ(responses, 1);
  EXPECT_EQ(errors, 13);  // one per error status, and the composed permission refusal
}

TEST(DepictaExamples, StrictAcceptsEveryComposedExample) {
  // genwire composed these bodies, so they have no defects: valid UUIDs, RFC 3339 times, known statuses.
  auto r = genwire::decode<dp::list_jobs_response, genwire::strict>(dp::example_response);
  EXPECT_TRUE(r) << r.error().message();
  for (const genwire::example& ex : endpoint::examples)
    if (ex.kind == genwire::example_kind::error) {
      auto e = genwire::decode<dp::error_envelope, genwire::strict>(ex.body);
      EXPECT_TRUE(e) << ex.name << ": " << e.error().message();
    }
  auto q = genwire::decode_query<dp::list_jobs_query, genwire::strict>(dp::example_request);
  EXPECT_TRUE(q) << q.error().message();
  const auto page = example();
  auto image = dp::image_result_of<genwire::strict>((*page.generations)[3]);
  EXPECT_TRUE(image) << image.error().message();
}

TEST(DepictaExamples, ResponseValues) {
  const auto page = example();
  EXPECT_EQ(page.limit, 20);
  EXPECT_EQ(page.offset, 0);
  EXPECT_EQ(page.total, 4);
  ASSERT_TRUE(page.generations.has_value());
  const auto& jobs = *page.generations;
  ASSERT_EQ(jobs.size(), 4u);

  // Pending: completed_at and started_at omitted.
  EXPECT_EQ(jobs[0].status, dp::job_status::pending);
  EXPECT_EQ(jobs[0].job_id.text, "e2c8f5a1-7d3b-4f9e-8c6a-1b5d9e3f7a24");
  EXPECT_EQ(jobs[0].created_at.text, "2025-06-01T12:03:00Z");
  EXPECT_FALSE(jobs[0].completed_at.has_value());
  EXPECT_FALSE(jobs[0].started_at.has_value());
  EXPECT_FALSE(jobs[0].error.has_value());
  EXPECT_FALSE(jobs[0].result.has_value());
  EXPECT_EQ(jobs[0].scenes_completed, 0);
  EXPECT_EQ(jobs[0].scenes_total, 1);

  // Processing: completed_at present and null.
  EXPECT_EQ(jobs[1].status, dp::job_status::processing);
  ASSERT_TRUE(jobs[1].completed_at.has_value());
  EXPECT_FALSE(jobs[1].completed_at->has_value());
  ASSERT_TRUE(jobs[1].started_at.has_value() && jobs[1].started_at->has_value());
  EXPECT_EQ((**jobs[1].started_at).text, "2025-06-01T12:02:01Z");
  EXPECT_EQ(jobs[1].scenes_completed, 1);
  EXPECT_EQ(jobs[1].scenes_total, 4);

  // Failed: error.
  EXPECT_EQ(jobs[2].status, dp::job_status::failed);
  ASSERT_TRUE(jobs[2].error.has_value());
  EXPECT_EQ(jobs[2].error->code, dp::job_error_content_rejected);
  EXPECT_EQ(jobs[2].error->message, "The prompt was rejected by the content policy.");
  EXPECT_FALSE(jobs[2].result.has_value());

  // Completed: result.
  EXPECT_EQ(jobs[3].status, dp::job_status::completed);
  EXPECT_EQ(jobs[3].job_id.text, "3f6c2b8e-1a4d-4c7e-9b2f-5d8e7a6c1b03");
  ASSERT_TRUE(jobs[3].result.has_value());
  EXPECT_FALSE(jobs[3].error.has_value());
  ASSERT_TRUE(jobs[3].completed_at && *jobs[3].completed_at);
  auto done = (**jobs[3].completed_at).time();
  ASSERT_TRUE(done);
  EXPECT_EQ(*done, at(12, 0, 9));
}

TEST(DepictaResponse, ResultIsKeptExactly) {
  const auto page = example();
  const genwire::raw_json& result = *(*page.generations)[3].result;
  // The exact text of the example's result value, whitespace included, and re-encoded verbatim.
  const std::string_view body = dp::example_response;
  const std::size_t start = body.find("\"result\": ") + 10;
  EXPECT_EQ(body.substr(start, result.text().size()), result.text());
  EXPECT_EQ(result.text().front(), '{');
  EXPECT_EQ(result.text().back(), '}');
  auto encoded = genwire::encode(page);
  ASSERT_TRUE(encoded);
  EXPECT_NE(encoded->find(result.text()), std::string::npos);
  // A story result (another shape) and null are kept the same way.
  const std::string story = edited(dp::example_response, "generations[3].result",
                                   R"({"scenes":[{"prompt":"a fox","images":{"png":{"url":"https://cdn.depicta.ai/s/1.png","format":"png"}}}],"characters":[{"name":"Fox","reference_url":"https://cdn.depicta.ai/c/fox.png"}]})");
  EXPECT_TRUE(round_trips<dp::list_jobs_response>(story));
  EXPECT_TRUE(round_trips<dp::list_jobs_response>(edited(dp::example_response, "generations[3].result", "null")));
}

// ---------------------------------------------------------------------------------------------
// Presence, types, nulls
// ---------------------------------------------------------------------------------------------

TEST(DepictaResponse, RequiredKeysReportMissingKey) {
  for (std::string_view path : {"generations", "limit", "offset", "total", "generations[0].created_at",
                                "generations[0].job_id", "generations[0].status", "generations[3].created_at",
                                "generations[2].error.code", "generations[2].error.message"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<dp::list_jobs_response>(without(dp::example_response, path), path, errc::missing_key));
  }
  for (std::string_view path : {"error", "message"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<dp::error_envelope>(without(dp::example_error_400, path), path, errc::missing_key));
  }
}

TEST(DepictaResponse, OptionalKeysMayBeAbsent) {
  for (std::string_view path : {"generations[1].completed_at", "generations[1].started_at", "generations[2].error",
                                "generations[3].result", "generations[1].scenes_completed", "generations[1].scenes_total"}) {
    SCOPED_TRACE(path);
    auto r = genwire::decode<dp::list_jobs_response, genwire::strict>(without(dp::example_response, path));
    EXPECT_TRUE(r) << r.error().message();
  }
  for (std::string_view path : {"details", "request_id"}) {
    SCOPED_TRACE(path);
    auto r = genwire::decode<dp::error_envelope, genwire::strict>(without(dp::example_error_400, path));
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_TRUE(round_trips<dp::error_envelope>(without(dp::example_error_400, path)));
  }
  // The errors page's own shape: only error and message.
  auto bare = genwire::decode<dp::error_envelope>(R"({"error":"rate_limited","message":"Slow down."})");
  ASSERT_TRUE(bare);
  EXPECT_FALSE(bare->details.has_value());
  EXPECT_FALSE(bare->request_id.has_value());
}

TEST(DepictaResponse, WrongTypesReportPath) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"limit", "\"20\""},
      {"total", "1.5"},
      {"generations", "{}"},
      {"generations[0].job_id", "123"},
      {"generations[0].status", "1"},
      {"generations[0].created_at", "1717243380"},
      {"generations[1].started_at", "true"},
      {"generations[0].scenes_total", "\"1\""},
      {"generations[2].error", "\"content_rejected\""},
      {"generations[2].error.code", "42"},
  };
  for (const auto& [path, value] : cases) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<dp::list_jobs_response>(edited(dp::example_response, path, value), path, errc::wrong_type));
  }
  EXPECT_TRUE(fails_at<dp::list_jobs_response>("[]", "$", errc::wrong_type));
  EXPECT_TRUE(fails_at<dp::error_envelope>(edited(dp::example_error_400, "message", "[]"), "message", errc::wrong_type));
  EXPECT_TRUE(fails_at<dp::error_envelope>(edited(dp::example_error_400, "request_id", "7"), "request_id", errc::wrong_type));
}

TEST(DepictaResponse, NullRules) {
  // generations: required, may be null.
  auto empty = genwire::decode<dp::list_jobs_response>(edited(dp::example_response, "generations", "null"));
  ASSERT_TRUE(empty) << empty.error().message();
  EXPECT_FALSE(empty->generations.has_value());
  EXPECT_TRUE(round_trips<dp::list_jobs_response>(edited(dp::example_response, "generations", "null")));
  // completed_at / started_at: null | date-time.
  EXPECT_TRUE(round_trips<dp::list_jobs_response>(edited(dp::example_response, "generations[2].started_at", "null")));
  // result and details hold any JSON, null included.
  EXPECT_TRUE(round_trips<dp::error_envelope>(dp::example_error_401));
  // Never null: required members and members that may only be absent.
  for (std::string_view path : {"limit", "generations[0].job_id", "generations[0].status", "generations[0].created_at",
                                "generations[2].error", "generations[0].scenes_total", "generations[2].error.message"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<dp::list_jobs_response>(edited(dp::example_response, path, "null"), path, errc::wrong_type));
  }
  EXPECT_TRUE(fails_at<dp::error_envelope>(edited(dp::example_error_400, "error", "null"), "error", errc::wrong_type));
}

TEST(DepictaResponse, OpenStatusKeepsUnknownValue) {
  const std::string text = edited(dp::example_response, "generations[1].status", "\"cancelled\"");
  auto r = genwire::decode<dp::list_jobs_response>(text);
  ASSERT_TRUE(r) << r.error().message();
  const auto& status = (*r->generations)[1].status;
  EXPECT_FALSE(status.known());
  EXPECT_EQ(status.unknown_text(), "cancelled");
  EXPECT_TRUE(round_trips<dp::list_jobs_response>(text));
  EXPECT_TRUE((fails_at<dp::list_jobs_response, genwire::strict>(text, "generations[1].status", errc::unknown_enum)));
  // Every documented value is known.
  for (std::string_view s : {"pending", "processing", "completed", "failed"}) {
    auto one = genwire::decode<dp::list_jobs_response, genwire::strict>(
        edited(dp::example_response, "generations[0].status", quoted(s)));
    ASSERT_TRUE(one) << s;
    EXPECT_TRUE((*one->generations)[0].status.known());
  }
}

TEST(DepictaResponse, StrictRejectsUnknownKeysAndBadFormats) {
  const std::vector<std::pair<std::string_view, std::string_view>> unknown{
      {"next_cursor", "\"abc\""}, {"generations[0].priority", "1"}, {"generations[2].error.retryable", "false"}};
  for (const auto& [path, value] : unknown) {
    SCOPED_TRACE(path);
    const std::string text = edited(dp::example_response, path, value);
    EXPECT_TRUE(genwire::decode<dp::list_jobs_response>(text));  // default rules skip it
    EXPECT_TRUE((fails_at<dp::list_jobs_response, genwire::strict>(text, path, errc::unknown_key)));
  }
  EXPECT_TRUE((fails_at<dp::error_envelope, genwire::strict>(edited(dp::example_error_400, "hint", "\"x\""), "hint",
                                                            errc::unknown_key)));
  const std::vector<std::pair<std::string_view, std::string_view>> formats{
      {"generations[0].job_id", "\"job_123\""},
      {"generations[0].created_at", "\"2025-06-01 12:03:00\""},
      {"generations[1].started_at", "\"yesterday\""},
      {"generations[3].completed_at", "\"2025-06-01T12:00:09\""}};
  for (const auto& [path, value] : formats) {
    SCOPED_TRACE(path);
    const std::string text = edited(dp::example_response, path, value);
    EXPECT_TRUE(round_trips<dp::list_jobs_response>(text));  // default rules keep the text
    EXPECT_TRUE((fails_at<dp::list_jobs_response, genwire::strict>(text, path, errc::format)));
  }
}

// ---------------------------------------------------------------------------------------------
// Typed view of `result`
// ---------------------------------------------------------------------------------------------

TEST(DepictaImageResult, TypedView) {
  const auto page = example();
  auto image = dp::image_result_of((*page.generations)[3]);
  ASSERT_TRUE(image) << image.error().message();
  EXPECT_EQ(image->id, "img_5Kx9TqW2bN7m");
  EXPECT_TRUE(image->ai_generated);
  EXPECT_EQ(image->cost_eur, "0.045000");
  EXPECT_EQ(image->balance_eur, "9.955000");
  EXPECT_EQ(image->image_hash, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  ASSERT_TRUE(image->formats.png.has_value());
  EXPECT_EQ(image->formats.png->url.text, "https://cdn.depicta.ai/images/img_5Kx9TqW2bN7m.png");
  EXPECT_EQ(image->formats.png->format, "png");
  EXPECT_EQ(image->formats.png->size_bytes, 1843200);
  ASSERT_TRUE(image->formats.png->expires_at.has_value());
  EXPECT_EQ(image->formats.png->expires_at->text(), "\"2025-06-08T12:00:09Z\"");
  EXPECT_FALSE(image->formats.jpeg.has_value());
  ASSERT_TRUE(image->formats.webp.has_value());
  EXPECT_EQ(image->formats.webp->size_bytes, 412876);
  EXPECT_FALSE(image->formats.webp->hash.has_value());

  // No result: missing_key "result".
  auto none = dp::image_result_of((*page.generations)[0]);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, errc::missing_key);
  EXPECT_EQ(none.error().path, "result");

  // Required members of the view.
  const std::string_view result_text = (*page.generations)[3].result->text();
  for (std::string_view path : {"id", "ai_generated", "formats", "cost_eur", "balance_eur", "image_hash",
                                "formats.png.url", "formats.png.format"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(fails_at<dp::image_result>(without(result_text, path), path, errc::missing_key));
  }
  // Money is a string; a number is a wrong type.
  EXPECT_TRUE(fails_at<dp::image_result>(edited(result_text, "cost_eur", "0.045"), "cost_eur", errc::wrong_type));
  // url is a URI (checked in strict mode).
  EXPECT_TRUE((fails_at<dp::image_result, genwire::strict>(edited(result_text, "formats.webp.url", "\"img.webp\""),
                                                           "formats.webp.url", errc::format)));
}

// ---------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------

TEST(DepictaQuery, RoundTripsAndDefaults) {
  auto q = genwire::decode_query<dp::list_jobs_query>(dp::example_request);
  ASSERT_TRUE(q) << q.error().message();
  ASSERT_TRUE(q->limit && q->offset);
  EXPECT_EQ(q->limit->value, 20);
  EXPECT_EQ(q->offset->value, 0);
  EXPECT_EQ(*genwire::encode_query(*q), "limit=20&offset=0");

  auto none = genwire::decode_query<dp::list_jobs_query>("");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->limit.has_value());
  EXPECT_FALSE(none->offset.has_value());
  EXPECT_EQ(*genwire::encode_query(*none), "");

  dp::list_jobs_query page2;
  page2.limit = 5;
  page2.offset = 10;
  EXPECT_EQ(*genwire::encode_query(page2), "limit=5&offset=10");
  auto back = genwire::decode_query<dp::list_jobs_query>("?offset=10&limit=5");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->limit->value, 5);
  EXPECT_EQ(back->offset->value, 10);

  // No upper bound is documented: large pages pass.
  auto big = genwire::decode_query<dp::list_jobs_query>("limit=101&offset=100000");
  ASSERT_TRUE(big) << big.error().message();
  EXPECT_EQ(big->limit->value, 101);
  // Smallest valid values.
  EXPECT_TRUE(genwire::decode_query<dp::list_jobs_query>("limit=1&offset=0"));
}

TEST(DepictaQuery, RejectsBadValues) {
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=0", "limit", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=-5", "limit", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=abc", "limit", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=1.5", "limit", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=", "limit", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("offset=-1", "offset", errc::out_of_range));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("offset=ten", "offset", errc::wrong_type));
  EXPECT_TRUE(query_fails_at<dp::list_jobs_query>("limit=10&limit=20", "limit", errc::duplicate_key));
  // Undocumented parameters: skipped by default, rejected in strict mode.
  EXPECT_TRUE(genwire::decode_query<dp::list_jobs_query>("status=pending&limit=10"));
  EXPECT_TRUE((query_fails_at<dp::list_jobs_query, genwire::strict>("status=pending", "status", errc::unknown_key)));
  // The encoder re-checks the bounds.
  dp::list_jobs_query bad;
  bad.limit = 0;
  auto encoded = genwire::encode_query(bad);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error().code, errc::out_of_range);
  EXPECT_EQ(encoded.error().path, "limit");
}

// ---------------------------------------------------------------------------------------------
// summarize()
// ---------------------------------------------------------------------------------------------

TEST(DepictaSummary, MapsEveryStatus) {
  const std::vector<std::pair<std::string_view, genwire::job_state>> table{
      {"pending", genwire::job_state::queued},
      {"processing", genwire::job_state::running},
      {"completed", genwire::job_state::succeeded},
      {"failed", genwire::job_state::failed},
      {"cancelled", genwire::job_state::unknown},
  };
  for (const auto& [status, state] : table) {
    SCOPED_TRACE(status);
    auto r = genwire::decode<dp::list_jobs_response>(
        edited(dp::example_response, "generations[0].status", quoted(status)));
    ASSERT_TRUE(r);
    const genwire::job_summary s = genwire::summarize((*r->generations)[0]);
    EXPECT_EQ(s.state, state);
    EXPECT_EQ(s.raw_status, status);
    EXPECT_EQ(s.provider, "depicta");
  }
}

TEST(DepictaSummary, FieldsFromExample) {
  const auto page = example();
  const auto& jobs = *page.generations;

  const genwire::job_summary pending = summarize(jobs[0]);  // found by ADL too
  EXPECT_EQ(pending.id, "e2c8f5a1-7d3b-4f9e-8c6a-1b5d9e3f7a24");
  EXPECT_EQ(pending.state, genwire::job_state::queued);
  ASSERT_TRUE(pending.progress.has_value());
  EXPECT_DOUBLE_EQ(*pending.progress, 0.0);
  EXPECT_EQ(pending.created, at(12, 3, 0));
  EXPECT_FALSE(pending.updated.has_value());
  EXPECT_FALSE(pending.completed.has_value());
  EXPECT_TRUE(pending.outputs.empty());
  EXPECT_FALSE(pending.error_code.has_value());

  const genwire::job_summary running = genwire::summarize(jobs[1]);
  EXPECT_EQ(running.state, genwire::job_state::running);
  EXPECT_DOUBLE_EQ(*running.progress, 0.25);
  EXPECT_EQ(running.updated, at(12, 2, 1));
  EXPECT_FALSE(running.completed.has_value());

  const genwire::job_summary failed = genwire::summarize(jobs[2]);
  EXPECT_EQ(failed.state, genwire::job_state::failed);
  EXPECT_EQ(failed.error_code, "content_rejected");
  EXPECT_EQ(failed.error_message, "The prompt was rejected by the content policy.");
  EXPECT_EQ(failed.completed, at(12, 1, 3));
  EXPECT_EQ(failed.updated, at(12, 1, 3));
  EXPECT_DOUBLE_EQ(*failed.progress, 0.0);

  const genwire::job_summary done = genwire::summarize(jobs[3]);
  EXPECT_EQ(done.state, genwire::job_state::succeeded);
  EXPECT_EQ(done.raw_status, "completed");
  EXPECT_DOUBLE_EQ(*done.progress, 1.0);
  EXPECT_EQ(done.created, at(12, 0, 0));
  EXPECT_EQ(done.completed, at(12, 0, 9));
  ASSERT_EQ(done.outputs.size(), 2u);
  EXPECT_EQ(done.outputs[0].kind, "png");
  EXPECT_EQ(done.outputs[0].url, "https://cdn.depicta.ai/images/img_5Kx9TqW2bN7m.png");
  EXPECT_EQ(done.outputs[1].kind, "webp");
  EXPECT_EQ(done.outputs[1].url, "https://cdn.depicta.ai/images/img_5Kx9TqW2bN7m.webp");
  EXPECT_FALSE(done.error_code.has_value());
}

TEST(DepictaSummary, EdgeCases) {
  // Without scene counts a completed job is at 1 and others have no progress.
  std::string text = without(without(dp::example_response, "generations[3].scenes_total"), "generations[1].scenes_total");
  auto r = genwire::decode<dp::list_jobs_response>(text);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(*genwire::summarize((*r->generations)[3]).progress, 1.0);
  EXPECT_FALSE(genwire::summarize((*r->generations)[1]).progress.has_value());
  // scenes_total 0 gives no ratio; counts above the total are clamped.
  r = genwire::decode<dp::list_jobs_response>(edited(dp::example_response, "generations[1].scenes_total", "0"));
  EXPECT_FALSE(genwire::summarize((*r->generations)[1]).progress.has_value());
  r = genwire::decode<dp::list_jobs_response>(edited(dp::example_response, "generations[1].scenes_completed", "9"));
  EXPECT_DOUBLE_EQ(*genwire::summarize((*r->generations)[1]).progress, 1.0);
  // Unparsable times are skipped.
  r = genwire::decode<dp::list_jobs_response>(edited(dp::example_response, "generations[0].created_at", "\"soon\""));
  ASSERT_TRUE(r);
  EXPECT_FALSE(genwire::summarize((*r->generations)[0]).created.has_value());
  // A story result: outputs from each scene's images map.
  r = genwire::decode<dp::list_jobs_response>(edited(
      dp::example_response, "generations[3].result",
      R"({"scenes":[{"prompt":"a fox","images":{"png":{"url":"https://cdn.depicta.ai/s/1.png","format":"png"}}},)"
      R"({"prompt":"a hen","images":{"jpeg":{"url":"https://cdn.depicta.ai/s/2.jpg","format":"jpeg"}}}],)"
      R"("characters":[{"name":"Fox","reference_url":"https://cdn.depicta.ai/c/fox.png"}]})"));
  ASSERT_TRUE(r);
  const auto story = genwire::summarize((*r->generations)[3]);
  ASSERT_EQ(story.outputs.size(), 2u);
  EXPECT_EQ(story.outputs[0].kind, "png");
  EXPECT_EQ(story.outputs[0].url, "https://cdn.depicta.ai/s/1.png");
  EXPECT_EQ(story.outputs[1].kind, "jpeg");
  EXPECT_EQ(story.outputs[1].url, "https://cdn.depicta.ai/s/2.jpg");
  // A result of another shape gives no output.
  r = genwire::decode<dp::list_jobs_response>(edited(dp::example_response, "generations[3].result", "[1,2]"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(genwire::summarize((*r->generations)[3]).outputs.empty());
}

namespace {

TEST(DepictaErrors, PermissionRefusalSaysSoAndIsMarkedComposed) {
  namespace dp = genwire::depicta;
  const genwire::example* found = nullptr;
  for (const auto& ex : dp::list_jobs_endpoint::examples)
    if (ex.name == "error_403_permission_denied") found = &ex;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->status, 403);
  EXPECT_EQ(found->origin, genwire::provenance::composed);
  const auto e = genwire::decode<dp::error_envelope, genwire::strict>(found->body);
  ASSERT_TRUE(e.has_value()) << e.error().message();
  EXPECT_EQ(e->error, dp::code_permission_denied);
  EXPECT_EQ(e->message, dp::reason_permission_denied);
}

}  // namespace

}  // namespace depicta_test
