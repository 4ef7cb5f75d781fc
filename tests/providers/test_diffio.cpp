// Diffio models (the list_project_generations and get_generation_progress pages).
#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>
#include <genwire/diffio.hpp>

#include "provider_test_support.hpp"

namespace diffio_test {

namespace {

using namespace genwire_test;
namespace dio = genwire::diffio;
using list_ep = dio::list_project_generations_endpoint;
using progress_ep = dio::get_generation_progress_endpoint;
namespace list_ex = dio::list_project_generations;
namespace progress_ex = dio::get_generation_progress;

// ---- descriptors ---------------------------------------------------------------------------

TEST(DiffioDescriptor, ListProjectGenerations) {
  static_assert(genwire::endpoint_descriptor<list_ep>);
  EXPECT_EQ(list_ep::name, "diffio.list_project_generations");
  EXPECT_EQ(list_ep::provider, "diffio");
  EXPECT_EQ(list_ep::method, genwire::http_method::post);
  EXPECT_EQ(list_ep::path, "/v1/list_project_generations");
  EXPECT_EQ(list_ep::base_url, "https://api.diffio.ai");
  EXPECT_EQ(list_ep::request_in, genwire::request_location::json_body);
  static_assert(std::is_same_v<list_ep::request, dio::list_project_generations_request>);
  static_assert(std::is_same_v<list_ep::response, dio::list_project_generations_response>);
  static_assert(std::is_same_v<list_ep::error, dio::error_envelope>);
}

TEST(DiffioDescriptor, GetGenerationProgress) {
  static_assert(genwire::endpoint_descriptor<progress_ep>);
  EXPECT_EQ(progress_ep::name, "diffio.get_generation_progress");
  EXPECT_EQ(progress_ep::provider, "diffio");
  EXPECT_EQ(progress_ep::method, genwire::http_method::post);
  EXPECT_EQ(progress_ep::path, "/v1/get_generation_progress");
  EXPECT_EQ(progress_ep::base_url, "https://api.diffio.ai");
  EXPECT_EQ(progress_ep::request_in, genwire::request_location::json_body);
  static_assert(std::is_same_v<progress_ep::request, dio::get_generation_progress_request>);
  static_assert(std::is_same_v<progress_ep::response, dio::get_generation_progress_response>);
  static_assert(std::is_same_v<progress_ep::error, dio::error_envelope>);
}

TEST(DiffioDescriptor, ThreeAuthHeadersInSeedOrder) {
  for (const auto& auth : {std::span<const genwire::auth_scheme>(list_ep::auth), std::span<const genwire::auth_scheme>(progress_ep::auth)}) {
    ASSERT_EQ(auth.size(), 3u);
    EXPECT_EQ(auth[0].header, "Authorization");
    EXPECT_EQ(auth[0].prefix, "Bearer ");
    EXPECT_EQ(auth[1].header, "X-Api-Key");
    EXPECT_EQ(auth[1].prefix, "");
    EXPECT_EQ(auth[2].header, "Xi-Api-Key");
    EXPECT_EQ(auth[2].prefix, "");
  }
}

// ---- status tables -------------------------------------------------------------------------

TEST(DiffioStatusTable, ListMatchesSeedCodeForCode) {
  // Seed 000 "Return codes": 200, 204, 400, 401, 403, 404, 405, 500.
  EXPECT_EQ(page_codes_of<list_ep>(), (std::vector<int>{200, 204, 400, 401, 403, 404, 405, 500}));
  const auto rows = page_rows<list_ep>();
  using T = genwire::treatment;
  const std::vector<std::pair<std::string_view, T>> expected{
      {"Success", T::complete},         {"Success", T::empty},        {"Bad request", T::client_error},
      {"Unauthorized", T::auth_error},  {"Forbidden", T::permission_error}, {"Not found", T::missing_resource},
      {"Client error", T::fix_required}, {"Server error", T::retryable}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rows[i].meaning, expected[i].first) << rows[i].code;
    EXPECT_EQ(rows[i].treat, expected[i].second) << rows[i].code;
  }
  EXPECT_EQ(rows[0].description, "Generation list returned.");
  EXPECT_EQ(rows[2].description, "Invalid JSON body, apiProjectId must be provided as a string.");
  EXPECT_EQ(rows[7].description, "Failed to load generations.");
}

TEST(DiffioStatusTable, ProgressMatchesSeedCodeForCode) {
  // Seed 001 "Return codes": 200, 204, 400, 401, 403, 404, 405 (no 500 row).
  EXPECT_EQ(page_codes_of<progress_ep>(), (std::vector<int>{200, 204, 400, 401, 403, 404, 405}));
  EXPECT_EQ(genwire::find_status<progress_ep>(500), nullptr);
  const auto rows = page_rows<progress_ep>();
  using T = genwire::treatment;
  const std::vector<T> expected{T::complete, T::empty, T::client_error, T::auth_error,
                                T::permission_error, T::missing_resource, T::fix_required};
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(rows[i].treat, expected[i]);
  EXPECT_EQ(rows[4].description, "API key is not active, missing read permission, or does not own the project or generation.");
  EXPECT_EQ(rows[5].description, "Generation not found.");
}

// The introduction page documents 402 with two codes; both endpoints answer it, its row says where
// it comes from, and its body is the introduction's own example.
template <class D>
void check_billing_row() {
  EXPECT_EQ(codes_of<D>().size(), page_codes_of<D>().size() + 1);
  const auto* row = genwire::find_status<D>(402);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->source, genwire::doc_source::provider_docs);
  EXPECT_EQ(row->treat, genwire::treatment::client_error);
  EXPECT_EQ(row->body_origin, genwire::provenance::documented);
  EXPECT_EQ(row->body, dio::example_error_payment_failed);
  const auto e = genwire::decode<dio::error_envelope, genwire::strict>(row->body);
  ASSERT_TRUE(e.has_value()) << e.error().message();
  EXPECT_EQ(e->code, dio::code_payment_failed);
  const auto spend = genwire::decode<dio::error_envelope, genwire::strict>(dio::example_error_spend_limit_exceeded);
  ASSERT_TRUE(spend.has_value());
  EXPECT_EQ(spend->code, dio::code_spend_limit_exceeded);
}
TEST(DiffioStatusTable, ListAnswersTheIntroductionsBillingCodes) { check_billing_row<list_ep>(); }
TEST(DiffioStatusTable, ProgressAnswersTheIntroductionsBillingCodes) { check_billing_row<progress_ep>(); }

template <class D>
void check_bodies_and_headers() {
  for (const genwire::status_doc& s : page_rows<D>()) {
    SCOPED_TRACE(s.code);
    if (s.code == 200) {
      EXPECT_EQ(s.body_origin, genwire::provenance::documented);
      EXPECT_TRUE(round_trips<typename D::response>(s.body));
    } else if (s.code == 204) {
      EXPECT_TRUE(s.body.empty());
    } else {
      // The page shows no error bodies: genwire composes {"error": "<first documented reason>"}.
      EXPECT_EQ(s.body_origin, genwire::provenance::composed);
      EXPECT_TRUE(round_trips<typename D::error>(s.body));
      auto e = genwire::decode<typename D::error>(s.body);
      ASSERT_TRUE(e.has_value());
      EXPECT_TRUE(s.description.starts_with(e->error)) << s.description << " vs " << e->error;
      EXPECT_FALSE(e->code.has_value());
    }
    if (s.code == 405) {
      EXPECT_EQ(s.headers[0].name, "Allow");
      EXPECT_EQ(s.headers[0].value, "POST, OPTIONS");
    } else {
      EXPECT_TRUE(s.headers[0].name.empty());
    }
    EXPECT_TRUE(s.headers[1].name.empty());
  }
}

TEST(DiffioStatusTable, ListBodiesAndHeaders) { check_bodies_and_headers<list_ep>(); }
TEST(DiffioStatusTable, ProgressBodiesAndHeaders) { check_bodies_and_headers<progress_ep>(); }

TEST(DiffioStatusTable, ReasonConstantsMatchComposedBodies) {
  auto body = [](std::string_view t) { return genwire::decode<dio::error_envelope>(t).value().error; };
  EXPECT_EQ(body(list_ex::example_error_400), dio::reason_invalid_json_body);
  EXPECT_EQ(body(list_ex::example_error_401), dio::reason_missing_api_key);
  EXPECT_EQ(body(list_ex::example_error_403), dio::reason_api_key_not_active);
  EXPECT_EQ(body(list_ex::example_error_404), dio::reason_api_project_not_found);
  EXPECT_EQ(body(list_ex::example_error_405), dio::reason_method_not_post);
  EXPECT_EQ(body(list_ex::example_error_500), dio::reason_failed_to_load_generations);
  EXPECT_EQ(body(progress_ex::example_error_404), dio::reason_generation_not_found);
  EXPECT_EQ(dio::reason_invalid_api_key, "Invalid API key");
  EXPECT_EQ(dio::reason_missing_read_permission, "Missing read permission");
  EXPECT_EQ(dio::reason_project_not_owned, "API key does not own the project");
  EXPECT_EQ(dio::reason_api_project_id_must_be_string, "apiProjectId must be provided as a string");
  EXPECT_EQ(dio::reason_generation_id_must_be_string, "generationId must be provided as a string");
  EXPECT_EQ(dio::reason_api_project_id_must_be_string_when_provided, "apiProjectId must be a string when provided");
  EXPECT_EQ(dio::reason_generation_not_owned, "API key does not own the generation");
}

// ---- examples ------------------------------------------------------------------------------

template <class D>
void check_examples() {
  for (const genwire::example& ex : D::examples) {
    SCOPED_TRACE(ex.name);
    switch (ex.kind) {
      case genwire::example_kind::request: EXPECT_TRUE(round_trips<typename D::request>(ex.body)); break;
      case genwire::example_kind::response: EXPECT_TRUE(round_trips<typename D::response>(ex.body)); break;
      case genwire::example_kind::error: EXPECT_TRUE(round_trips<typename D::error>(ex.body)); break;
      case genwire::example_kind::fragment: EXPECT_TRUE(round_trips<dio::stage>(ex.body)); break;
    }
    if (ex.kind == genwire::example_kind::error) {
      // Only the introduction's 402 body is printed in Diffio's docs; the others are composed.
      EXPECT_EQ(ex.origin, ex.name == "error_402" ? genwire::provenance::documented : genwire::provenance::composed);
      const auto* row = genwire::find_status<D>(ex.status);
      ASSERT_NE(row, nullptr);
      if (is_row_example(ex)) {
        EXPECT_EQ(row->body, ex.body);
      }
    } else {
      EXPECT_EQ(ex.origin, genwire::provenance::documented);
    }
  }
}

TEST(DiffioExamples, ListExamplesRoundTrip) {
  EXPECT_EQ(list_ep::examples.size(), 10u);
  check_examples<list_ep>();
}
TEST(DiffioExamples, ProgressExamplesRoundTrip) {
  EXPECT_EQ(progress_ep::examples.size(), 10u);
  check_examples<progress_ep>();
}

TEST(DiffioExamples, ListRequestValuesAndCamelCaseKeys) {
  auto r = genwire::decode<dio::list_project_generations_request>(list_ex::example_request);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->api_project_id, "proj-123");
  EXPECT_EQ(genwire::encode(*r).value(), R"({"apiProjectId":"proj-123"})");
}

TEST(DiffioExamples, ProgressRequestValues) {
  auto r = genwire::decode<dio::get_generation_progress_request>(progress_ex::example_request);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->generation_id, "gen-123");
  EXPECT_EQ(r->api_project_id, "proj-123");
  EXPECT_EQ(genwire::encode(*r).value(), R"({"generationId":"gen-123","apiProjectId":"proj-123"})");
  dio::get_generation_progress_request only_id{"gen-9", std::nullopt};
  EXPECT_EQ(genwire::encode(only_id).value(), R"({"generationId":"gen-9"})");
}

TEST(DiffioExamples, ListResponseValues) {
  auto r = genwire::decode<dio::list_project_generations_response>(list_ex::example_response);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->api_project_id, "proj-123");
  ASSERT_EQ(r->generations.size(), 1u);
  const auto& g = r->generations[0];
  EXPECT_EQ(g.generation_id, "gen-123");
  ASSERT_TRUE(g.status && *g.status);
  EXPECT_TRUE(**g.status == dio::generation_status::processing);
  EXPECT_EQ(g.model_key, "diffio-2");
  ASSERT_TRUE(g.progress && *g.progress);
  EXPECT_EQ(**g.progress, 45.0);
  ASSERT_TRUE(g.created_at && *g.created_at);
  EXPECT_EQ((**g.created_at).text, "2025-01-05T12:40:00Z");
  EXPECT_EQ((**g.created_at).time().value(), utc(2025, 1, 5, 12, 40, 0));
  EXPECT_EQ(g.updated_at.time().value(), utc(2025, 1, 5, 12, 41, 0));
}

TEST(DiffioExamples, ProgressResponseValues) {
  auto r = genwire::decode<dio::get_generation_progress_response>(progress_ex::example_response);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->generation_id, "gen-123");
  EXPECT_EQ(r->api_project_id, "proj-123");
  EXPECT_TRUE(r->status == dio::generation_status::processing);
  EXPECT_TRUE(r->has_video);
  ASSERT_TRUE(r->pre_processing && r->inference && r->restored_video);
  EXPECT_EQ(r->pre_processing->job_id->value(), "job-pre");
  EXPECT_TRUE(r->pre_processing->job_state->value() == dio::cloud_job_state::SUCCEEDED);
  EXPECT_TRUE(r->pre_processing->status == dio::stage_status::complete);
  EXPECT_EQ(r->pre_processing->progress.value, 100.0);
  ASSERT_TRUE(r->pre_processing->status_message.has_value());  // present...
  EXPECT_FALSE(r->pre_processing->status_message->has_value());  // ...and null
  EXPECT_FALSE(r->pre_processing->error->has_value());
  EXPECT_FALSE(r->pre_processing->error_details->has_value());
  EXPECT_EQ(r->inference->job_id->value(), "job-cloud-run-gpu");
  EXPECT_TRUE(r->inference->job_state->value() == dio::cloud_job_state::RUNNING);
  EXPECT_TRUE(r->inference->status == dio::stage_status::running);
  EXPECT_EQ(r->inference->progress.value, 45.0);
  EXPECT_EQ(r->inference->status_message->value(), "Processing audio");
  EXPECT_TRUE(r->restored_video->job_state->value() == dio::cloud_job_state::PENDING);
  EXPECT_TRUE(r->restored_video->status == dio::stage_status::pending);
  EXPECT_EQ(r->restored_video->progress.value, 0.0);
  EXPECT_EQ(r->restored_video->status_message->value(), "Queued");
  EXPECT_FALSE(r->error.has_value());
  EXPECT_FALSE(r->error_details.has_value());
}

TEST(DiffioExamples, StageObjectValues) {
  auto s = genwire::decode<dio::stage>(progress_ex::example_stage);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->job_id->value(), "job-123");
  EXPECT_TRUE(s->job_state->value() == dio::cloud_job_state::RUNNING);
  EXPECT_TRUE(s->status == dio::stage_status::running);
  EXPECT_EQ(s->progress.value, 30.0);
  EXPECT_EQ(s->status_message->value(), "Processing");
}

TEST(DiffioExamples, IntroductionPageErrorWithCode) {
  auto e = genwire::decode<dio::error_envelope>(dio::example_error_payment_failed);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->error, "Payment failed. Update your payment method in the billing portal.");
  EXPECT_EQ(e->code, std::optional<std::string>(std::string(dio::code_payment_failed)));
  EXPECT_TRUE(round_trips<dio::error_envelope>(dio::example_error_payment_failed));
}

// ---- presence ------------------------------------------------------------------------------

TEST(DiffioPresence, ListRequiredKeys) {
  using Req = dio::list_project_generations_request;
  using Res = dio::list_project_generations_response;
  constexpr auto mk = genwire::errc::missing_key;
  EXPECT_TRUE(fails_at<Req>(without(list_ex::example_request, "apiProjectId"), "apiProjectId", mk));
  EXPECT_TRUE(fails_at<Res>(without(list_ex::example_response, "apiProjectId"), "apiProjectId", mk));
  EXPECT_TRUE(fails_at<Res>(without(list_ex::example_response, "generations"), "generations", mk));
  for (std::string key : {"generationId", "modelKey", "updatedAt"}) {
    const std::string path = "generations[0]." + key;
    EXPECT_TRUE(fails_at<Res>(without(list_ex::example_response, path), path, mk));
  }
}

TEST(DiffioPresence, ListOptionalAndNullableKeys) {
  using Res = dio::list_project_generations_response;
  // progress: "No" in the table, and "can be null".
  for (auto text : {without(list_ex::example_response, "generations[0].progress"),
                    edited(list_ex::example_response, "generations[0].progress", "null")}) {
    auto r = genwire::decode<Res>(text);
    ASSERT_TRUE(r.has_value()) << r.error().message();
    EXPECT_FALSE(r->generations[0].progress && *r->generations[0].progress);
    EXPECT_TRUE(round_trips<Res>(text));
  }
  // Decisions: status (SDK defaults it) and createdAt (notes: "when createdAt is missing") may be absent or null.
  for (std::string key : {"status", "createdAt"}) {
    EXPECT_TRUE(round_trips<Res>(without(list_ex::example_response, "generations[0]." + key)));
    EXPECT_TRUE(round_trips<Res>(edited(list_ex::example_response, "generations[0]." + key, "null")));
  }
  // An empty project.
  auto empty = genwire::decode<Res>(R"({"apiProjectId":"p","generations":[]})");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->generations.empty());
}

TEST(DiffioPresence, ProgressRequiredKeys) {
  using Req = dio::get_generation_progress_request;
  using Res = dio::get_generation_progress_response;
  constexpr auto mk = genwire::errc::missing_key;
  EXPECT_TRUE(fails_at<Req>(without(progress_ex::example_request, "generationId"), "generationId", mk));
  for (std::string key : {"generationId", "apiProjectId", "status", "hasVideo"})
    EXPECT_TRUE(fails_at<Res>(without(progress_ex::example_response, key), key, mk));
  for (std::string st : {"preProcessing", "inference", "restoredVideo"})
    for (std::string key : {"status", "progress"}) {
      const std::string path = st + "." + key;
      EXPECT_TRUE(fails_at<Res>(without(progress_ex::example_response, path), path, mk));
    }
  EXPECT_TRUE(fails_at<dio::stage>(without(progress_ex::example_stage, "status"), "status", mk));
  EXPECT_TRUE(fails_at<dio::stage>(without(progress_ex::example_stage, "progress"), "progress", mk));
  EXPECT_TRUE(fails_at<dio::error_envelope>(R"({"code":"paymentFailed"})", "error", mk));
}

TEST(DiffioPresence, ProgressOptionalAndNullableKeys) {
  using Req = dio::get_generation_progress_request;
  using Res = dio::get_generation_progress_response;
  // apiProjectId is optional in the request, but "must be a string when provided": never null.
  auto req = genwire::decode<Req>(without(progress_ex::example_request, "apiProjectId"));
  ASSERT_TRUE(req.has_value());
  EXPECT_FALSE(req->api_project_id.has_value());
  EXPECT_TRUE(fails_at<Req>(edited(progress_ex::example_request, "apiProjectId", "null"), "apiProjectId",
                            genwire::errc::wrong_type));
  // An audio project: no restoredVideo.
  auto audio = genwire::decode<Res>(edited(without(progress_ex::example_response, "restoredVideo"), "hasVideo", "false"));
  ASSERT_TRUE(audio.has_value());
  EXPECT_FALSE(audio->restored_video.has_value());
  EXPECT_FALSE(audio->has_video);
  // Every stage is optional in the table.
  auto bare = genwire::decode<Res>(R"({"generationId":"g","apiProjectId":"p","status":"pending","hasVideo":false})");
  ASSERT_TRUE(bare.has_value());
  EXPECT_FALSE(bare->pre_processing || bare->inference || bare->restored_video);
  // Top-level error fields: absent, null or strings.
  EXPECT_TRUE(round_trips<Res>(edited(edited(progress_ex::example_response, "error", "null"), "errorDetails", "null")));
  auto failed = genwire::decode<Res>(edited(edited(progress_ex::example_response, "error", R"("Inference failed")"),
                                            "errorDetails", R"("GPU out of memory")"));
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->error->value(), "Inference failed");
  EXPECT_EQ(failed->error_details->value(), "GPU out of memory");
  // Stage jobId/jobState (Decision: optional_nullable), statusMessage/error/errorDetails: absent or null.
  for (std::string key : {"jobId", "jobState", "statusMessage", "error", "errorDetails"}) {
    EXPECT_TRUE(round_trips<dio::stage>(without(progress_ex::example_stage, key)));
    EXPECT_TRUE(round_trips<dio::stage>(edited(progress_ex::example_stage, key, "null")));
  }
}

// ---- types and constraints -----------------------------------------------------------------

TEST(DiffioTypes, WrongTypesReportTheirPath) {
  using Res = dio::list_project_generations_response;
  using P = dio::get_generation_progress_response;
  constexpr auto wt = genwire::errc::wrong_type;
  EXPECT_TRUE(fails_at<dio::list_project_generations_request>(R"({"apiProjectId":123})", "apiProjectId", wt));
  EXPECT_TRUE(fails_at<Res>(edited(list_ex::example_response, "generations", "{}"), "generations", wt));
  EXPECT_TRUE(fails_at<Res>(edited(list_ex::example_response, "generations[0].progress", R"("45")"),
                            "generations[0].progress", wt));
  EXPECT_TRUE(
      fails_at<Res>(edited(list_ex::example_response, "generations[0].status", "3"), "generations[0].status", wt));
  EXPECT_TRUE(fails_at<Res>(edited(list_ex::example_response, "generations[0].updatedAt", "null"),
                            "generations[0].updatedAt", wt));
  EXPECT_TRUE(fails_at<P>(edited(progress_ex::example_response, "hasVideo", R"("yes")"), "hasVideo", wt));
  EXPECT_TRUE(
      fails_at<P>(edited(progress_ex::example_response, "inference.progress", R"("45")"), "inference.progress", wt));
  EXPECT_TRUE(fails_at<P>(edited(progress_ex::example_response, "inference", "null"), "inference", wt));
  EXPECT_TRUE(fails_at<P>(edited(progress_ex::example_response, "preProcessing.statusMessage", "1"),
                          "preProcessing.statusMessage", wt));
  EXPECT_TRUE(fails_at<dio::error_envelope>(R"({"error":"x","code":null})", "code", wt));
}

TEST(DiffioTypes, StageProgressIsBoundedZeroToHundred) {
  using P = dio::get_generation_progress_response;
  constexpr auto oor = genwire::errc::out_of_range;
  EXPECT_TRUE(
      fails_at<P>(edited(progress_ex::example_response, "inference.progress", "101"), "inference.progress", oor));
  EXPECT_TRUE(fails_at<P>(edited(progress_ex::example_response, "restoredVideo.progress", "-1"),
                          "restoredVideo.progress", oor));
  EXPECT_TRUE(genwire::decode<P>(edited(progress_ex::example_response, "inference.progress", "99.5")).has_value());
  auto s = genwire::decode<dio::stage>(progress_ex::example_stage).value();
  s.progress = 150.0;
  EXPECT_TRUE(fails_with(genwire::encode(s), "progress", oor));
}

// ---- enums ---------------------------------------------------------------------------------

TEST(DiffioEnums, GenerationStatusIsOpen) {
  using Res = dio::list_project_generations_response;
  // Every value in Diffio's own sources is known.
  const std::vector<std::pair<std::string, dio::generation_status>> known{
      {"pending", dio::generation_status::pending}, {"processing", dio::generation_status::processing},
      {"complete", dio::generation_status::complete}, {"failed", dio::generation_status::failed},
      {"queued", dio::generation_status::queued},   {"error", dio::generation_status::error}};
  for (const auto& [wire, value] : known) {
    auto r = genwire::decode<Res, genwire::strict>(edited(list_ex::example_response, "generations[0].status", "\"" + wire + "\""));
    ASSERT_TRUE(r.has_value()) << wire;
    EXPECT_TRUE(**r->generations[0].status == value) << wire;
  }
  const auto text = edited(list_ex::example_response, "generations[0].status", R"("archived")");
  auto r = genwire::decode<Res>(text);
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE((**r->generations[0].status).known());
  EXPECT_EQ((**r->generations[0].status).unknown_text(), "archived");
  EXPECT_TRUE(round_trips<Res>(text));
  EXPECT_TRUE((fails_at<Res, genwire::strict>(text, "generations[0].status", genwire::errc::unknown_enum)));
  using P = dio::get_generation_progress_response;
  const auto ptext = edited(progress_ex::example_response, "status", R"("cancelled")");
  auto p = genwire::decode<P>(ptext);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status.unknown_text(), "cancelled");
  EXPECT_TRUE((fails_at<P, genwire::strict>(ptext, "status", genwire::errc::unknown_enum)));
}

TEST(DiffioEnums, StageStatusAndJobStateAreOpen) {
  const auto status_text = edited(progress_ex::example_stage, "status", R"("skipped")");
  auto s = genwire::decode<dio::stage>(status_text);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->status.unknown_text(), "skipped");
  EXPECT_TRUE(round_trips<dio::stage>(status_text));
  EXPECT_TRUE((fails_at<dio::stage, genwire::strict>(status_text, "status", genwire::errc::unknown_enum)));

  const auto job_text = edited(progress_ex::example_stage, "jobState", R"("CANCELLED")");
  auto j = genwire::decode<dio::stage>(job_text);
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->job_state->value().unknown_text(), "CANCELLED");
  EXPECT_TRUE(round_trips<dio::stage>(job_text));
  EXPECT_TRUE((fails_at<dio::stage, genwire::strict>(job_text, "jobState", genwire::errc::unknown_enum)));

  for (std::string known : {"pending", "running", "complete", "failed"})
    EXPECT_TRUE((genwire::decode<dio::stage, genwire::strict>(edited(progress_ex::example_stage, "status", "\"" + known + "\""))).has_value());
  for (std::string known : {"PENDING", "RUNNING", "SUCCEEDED", "FAILED"})
    EXPECT_TRUE((genwire::decode<dio::stage, genwire::strict>(edited(progress_ex::example_stage, "jobState", "\"" + known + "\""))).has_value());
}

// ---- strict mode ---------------------------------------------------------------------------

TEST(DiffioStrict, DocumentedExamplesHaveNoDefects) {
  // Defects of the documented examples under strict rules: none. The date-times are RFC 3339,
  // every enum value is listed, and no example carries an undeclared key.
  EXPECT_TRUE((genwire::decode<dio::list_project_generations_request, genwire::strict>(list_ex::example_request)).has_value());
  EXPECT_TRUE((genwire::decode<dio::list_project_generations_response, genwire::strict>(list_ex::example_response)).has_value());
  EXPECT_TRUE((genwire::decode<dio::get_generation_progress_request, genwire::strict>(progress_ex::example_request)).has_value());
  EXPECT_TRUE((genwire::decode<dio::get_generation_progress_response, genwire::strict>(progress_ex::example_response)).has_value());
  EXPECT_TRUE((genwire::decode<dio::stage, genwire::strict>(progress_ex::example_stage)).has_value());
  EXPECT_TRUE((genwire::decode<dio::error_envelope, genwire::strict>(dio::example_error_payment_failed)).has_value());
  for (const auto& s : list_ep::statuses)
    if (s.code >= 400) {
      EXPECT_TRUE((genwire::decode<dio::error_envelope, genwire::strict>(s.body)).has_value()) << s.code;
    }
}

TEST(DiffioStrict, FormatsAndUnknownKeys) {
  using Res = dio::list_project_generations_response;
  const auto bad_time = edited(list_ex::example_response, "generations[0].createdAt", R"("2025-01-05 12:40")");
  EXPECT_TRUE(genwire::decode<Res>(bad_time).has_value());  // default rules keep the text
  EXPECT_TRUE((fails_at<Res, genwire::strict>(bad_time, "generations[0].createdAt", genwire::errc::format)));
  const auto bad_updated = edited(list_ex::example_response, "generations[0].updatedAt", R"("yesterday")");
  EXPECT_TRUE((fails_at<Res, genwire::strict>(bad_updated, "generations[0].updatedAt", genwire::errc::format)));
  // Extra billing fields on an error body (the introduction says they "sometimes" come): kept, in
  // order and exactly, in both modes, and written back.
  const std::string billing =
      R"({"error":"Spend limit exceeded.","code":"spendLimitExceeded","billingPortalUrl":"https://x","limit":{"usd":50.00}})";
  for (const bool strict : {false, true}) {
    SCOPED_TRACE(strict);
    auto e = strict ? genwire::decode<dio::error_envelope, genwire::strict>(billing) : genwire::decode<dio::error_envelope>(billing);
    ASSERT_TRUE(e.has_value()) << e.error().message();
    EXPECT_EQ(*e->code, dio::code_spend_limit_exceeded);
    ASSERT_EQ(e->extra.items.size(), 2u);
    EXPECT_EQ(e->extra.items[0].first, "billingPortalUrl");
    EXPECT_EQ(e->extra.items[1].second.text(), R"({"usd":50.00})");
    EXPECT_EQ(genwire::encode(*e).value(), billing);
  }
  // Everything else about the envelope stays strict.
  EXPECT_TRUE((fails_at<dio::error_envelope, genwire::strict>(R"({"code":"x","billingPortalUrl":"y"})", "error",
                                                                genwire::errc::missing_key)));
}

// ---- summarize -----------------------------------------------------------------------------

TEST(DiffioSummary, ListItemMapsEveryStatus) {
  using Res = dio::list_project_generations_response;
  const std::vector<std::pair<std::string, genwire::job_state>> table{
      {"pending", genwire::job_state::queued},     {"queued", genwire::job_state::queued},
      {"processing", genwire::job_state::running}, {"complete", genwire::job_state::succeeded},
      {"failed", genwire::job_state::failed},      {"error", genwire::job_state::failed},
      {"archived", genwire::job_state::unknown}};
  for (const auto& [wire, state] : table) {
    auto r = genwire::decode<Res>(edited(list_ex::example_response, "generations[0].status", "\"" + wire + "\""));
    ASSERT_TRUE(r.has_value());
    const genwire::job_summary s = genwire::summarize(r->generations[0]);
    EXPECT_EQ(s.state, state) << wire;
    EXPECT_EQ(s.raw_status, wire);
  }
  // Missing status: queued (as the official SDK defaults it), nothing raw to keep.
  auto r = genwire::decode<Res>(without(list_ex::example_response, "generations[0].status"));
  const auto s = summarize(r.value().generations[0]);  // found by ADL too
  EXPECT_EQ(s.state, genwire::job_state::queued);
  EXPECT_EQ(s.raw_status, "");
}

TEST(DiffioSummary, ListItemFields) {
  auto r = genwire::decode<dio::list_project_generations_response>(list_ex::example_response);
  const auto s = genwire::summarize(r.value().generations[0]);
  EXPECT_EQ(s.provider, "diffio");
  EXPECT_EQ(s.id, "gen-123");
  EXPECT_EQ(s.state, genwire::job_state::running);
  EXPECT_EQ(s.raw_status, "processing");
  ASSERT_TRUE(s.progress.has_value());
  EXPECT_DOUBLE_EQ(*s.progress, 0.45);
  EXPECT_EQ(s.created, utc(2025, 1, 5, 12, 40, 0));
  EXPECT_EQ(s.updated, utc(2025, 1, 5, 12, 41, 0));
  EXPECT_FALSE(s.completed.has_value());
  EXPECT_TRUE(s.outputs.empty());
  EXPECT_FALSE(s.error_code || s.error_message);

  auto g = r.value().generations[0];
  g.progress = genwire::nullable<double>{};  // reported null
  g.created_at = genwire::nullable<genwire::date_time>{genwire::date_time{"not a time"}};
  const auto t = genwire::summarize(g);
  EXPECT_FALSE(t.progress.has_value());
  EXPECT_FALSE(t.created.has_value());  // unparsable: skipped
  g.status = genwire::nullable<genwire::open_enum<dio::generation_status>>{dio::generation_status::complete};
  const auto done = genwire::summarize(g);
  EXPECT_EQ(done.state, genwire::job_state::succeeded);
  EXPECT_EQ(done.completed, utc(2025, 1, 5, 12, 41, 0));
  EXPECT_EQ(done.progress, 1.0);
  g.progress = genwire::nullable<double>{250.0};
  g.status = genwire::nullable<genwire::open_enum<dio::generation_status>>{dio::generation_status::processing};
  EXPECT_EQ(genwire::summarize(g).progress, 1.0);  // clamped
}

TEST(DiffioSummary, ProgressAnswer) {
  auto r = genwire::decode<dio::get_generation_progress_response>(progress_ex::example_response).value();
  auto s = genwire::summarize(r);
  EXPECT_EQ(s.provider, "diffio");
  EXPECT_EQ(s.id, "gen-123");
  EXPECT_EQ(s.state, genwire::job_state::running);
  EXPECT_EQ(s.raw_status, "processing");
  ASSERT_TRUE(s.progress.has_value());
  EXPECT_NEAR(*s.progress, (100.0 + 45.0 + 0.0) / 300.0, 1e-12);  // mean of the three stages
  EXPECT_FALSE(s.error_message.has_value());

  // A failed stage: its error is the message unless the top level has one.
  r.status = dio::generation_status::failed;
  r.inference->status = dio::stage_status::failed;
  r.inference->error = genwire::nullable<std::string>{std::string("Inference failed")};
  s = genwire::summarize(r);
  EXPECT_EQ(s.state, genwire::job_state::failed);
  EXPECT_EQ(s.raw_status, "failed");
  EXPECT_EQ(s.error_message, "Inference failed");
  r.error = genwire::nullable<std::string>{std::string("Generation failed")};
  EXPECT_EQ(genwire::summarize(r).error_message, "Generation failed");

  r.status = dio::generation_status::complete;
  EXPECT_EQ(genwire::summarize(r).state, genwire::job_state::succeeded);
  EXPECT_EQ(genwire::summarize(r).progress, 1.0);
  r.status = dio::generation_status::queued;
  EXPECT_EQ(genwire::summarize(r).state, genwire::job_state::queued);
  r.status = dio::generation_status::pending;
  EXPECT_EQ(genwire::summarize(r).state, genwire::job_state::queued);
  r.status = dio::generation_status::error;
  EXPECT_EQ(genwire::summarize(r).state, genwire::job_state::failed);
  r.status = genwire::open_enum<dio::generation_status>::unknown("cancelled");
  EXPECT_EQ(genwire::summarize(r).state, genwire::job_state::unknown);
  EXPECT_EQ(genwire::summarize(r).raw_status, "cancelled");

  // No stages: no progress.
  auto bare = genwire::decode<dio::get_generation_progress_response>(
      R"({"generationId":"g","apiProjectId":"p","status":"queued","hasVideo":false})");
  EXPECT_FALSE(genwire::summarize(bare.value()).progress.has_value());
}

TEST(DiffioSummary, StageStates) {
  auto s = genwire::decode<dio::stage>(progress_ex::example_stage).value();
  EXPECT_EQ(dio::stage_state(s), genwire::job_state::running);
  s.status = dio::stage_status::pending;
  EXPECT_EQ(dio::stage_state(s), genwire::job_state::queued);
  s.status = dio::stage_status::complete;
  EXPECT_EQ(dio::stage_state(s), genwire::job_state::succeeded);
  s.status = dio::stage_status::failed;
  EXPECT_EQ(dio::stage_state(s), genwire::job_state::failed);
  s.status = genwire::open_enum<dio::stage_status>::unknown("skipped");
  EXPECT_EQ(dio::stage_state(s), genwire::job_state::unknown);
}

}  // namespace

}  // namespace diffio_test
