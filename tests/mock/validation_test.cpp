// Bodies and queries are decoded with each endpoint's own request type; each provider reports a
// bad one its own way. Unknown Diffio resources get the documented 404s.
#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;

class MockValidation : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { mock = new live_mock(); }
  static void TearDownTestSuite() {
    delete mock;
    mock = nullptr;
  }
  static live_mock* mock;
};
live_mock* MockValidation::mock = nullptr;

namespace dif = genwire::diffio;
using list_ep = dif::list_project_generations_endpoint;
using progress_ep = dif::get_generation_progress_endpoint;
using flora_ep = genwire::flora::list_generations_endpoint;
using depicta_ep = genwire::depicta::list_jobs_endpoint;
using hedra_ep = genwire::hedra::list_generations_endpoint;

template <class D>
void expect_diffio(live_mock& m, const std::string& body, int status, std::string_view reason,
                   const char* key = "gw_test_read") {
  SCOPED_TRACE(std::string(D::name) + " body: " + body);
  auto r = m.send("POST", std::string(D::path), {{"Authorization", std::string("Bearer ") + key}}, body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status);
  EXPECT_EQ(mock_test::decoded<typename D::error>(r->body).error, reason) << r->body;
}

TEST_F(MockValidation, DiffioListBodies) {
  expect_diffio<list_ep>(*mock, "{not json", 400, dif::reason_invalid_json_body);
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":"proj-123"} trailing)", 400, dif::reason_invalid_json_body);
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":"a","apiProjectId":"b"})", 400, dif::reason_invalid_json_body);
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":5})", 400, dif::reason_api_project_id_must_be_string);
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":null})", 400, dif::reason_api_project_id_must_be_string);
  expect_diffio<list_ep>(*mock, R"({})", 400, dif::reason_api_project_id_must_be_string);
  expect_diffio<list_ep>(*mock, R"([])", 400, dif::reason_api_project_id_must_be_string);
  // An empty body is an empty object to the service, so the field is what is missing.
  expect_diffio<list_ep>(*mock, "", 400, dif::reason_api_project_id_must_be_string);
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":"proj-999"})", 404, dif::reason_api_project_not_found);
  // Existence is checked before ownership.
  expect_diffio<list_ep>(*mock, R"({"apiProjectId":"proj-999"})", 404, dif::reason_api_project_not_found, "gw_test_other");
  // Members beyond the documented ones are ignored, as a JSON service does.
  auto r = mock->send("POST", std::string(list_ep::path), {{"X-Api-Key", "gw_test_read"}},
                      R"({"apiProjectId":"proj-123","extra":[1,2]})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(MockValidation, DiffioProgressBodies) {
  expect_diffio<progress_ep>(*mock, "nope", 400, dif::reason_invalid_json_body);
  expect_diffio<progress_ep>(*mock, R"({"generationId":5})", 400, dif::reason_generation_id_must_be_string);
  expect_diffio<progress_ep>(*mock, R"({"apiProjectId":"proj-123"})", 400, dif::reason_generation_id_must_be_string);
  expect_diffio<progress_ep>(*mock, R"({"generationId":"gen-123","apiProjectId":7})", 400,
                             dif::reason_api_project_id_must_be_string_when_provided);
  expect_diffio<progress_ep>(*mock, R"({"generationId":"gen-999"})", 404, dif::reason_generation_not_found);
  expect_diffio<progress_ep>(*mock, R"({"generationId":"gen-123","apiProjectId":"proj-999"})", 404,
                             dif::reason_generation_not_found);
  auto r = mock->send("POST", std::string(progress_ep::path), {{"X-Api-Key", "gw_test_read"}}, R"({"generationId":"gen-123"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto progress = mock_test::decoded<progress_ep::response>(r->body);
  EXPECT_EQ(progress.generation_id, "gen-123");
  EXPECT_TRUE(progress.has_video);
}

std::string flora_code(const flora_ep::error& e) {
  return e.error.code.known()
             ? std::string(genwire::reflect::enum_names<genwire::flora::api_error_code>[static_cast<std::size_t>(e.error.code.value())])
             : e.error.code.unknown_text();
}

TEST_F(MockValidation, FloraQueryGetsInputValidationErrorWithFields) {
  const std::vector<std::pair<std::string, std::string>> bad{
      {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=abc", "limit"}, {"limit=1.5", "limit"},
      {"status=done", "status"}, {"limit=5&limit=6", "limit"}, {"status=%ZZ", "status"}};
  for (const auto& [query, field] : bad) {
    SCOPED_TRACE(query);
    auto r = mock->send("GET", std::string(flora_ep::path) + "?" + query, {{"Authorization", "Bearer gw_test_read"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_FALSE(r->get_header_value("request-id").empty());
    auto e = mock_test::decoded<flora_ep::error>(r->body);
    EXPECT_EQ(flora_code(e), "input_validation_error");
    EXPECT_EQ(e.error.message.rfind(field + ": ", 0), 0u) << e.error.message;
    ASSERT_TRUE(e.error.fields);
    ASSERT_EQ(e.error.fields->size(), 1u);
    EXPECT_EQ((*e.error.fields)[0].field, field);
    EXPECT_FALSE((*e.error.fields)[0].message.empty());
  }
  for (const std::string ok : {"limit=1", "limit=100", "status=completed&project_id=p&workspace_id=w&cursor=c", "unknown=1"}) {
    auto r = mock->send("GET", std::string(flora_ep::path) + "?" + ok, {{"Authorization", "Bearer gw_test_read"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << ok;
  }
}

TEST_F(MockValidation, DepictaQueryGetsItsBadRequestEnvelope) {
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"limit=abc", "limit"}, {"limit=0", "limit"}, {"offset=-1", "offset"}, {"limit=99999999999999999999", "limit"}}) {
    SCOPED_TRACE(query);
    auto r = mock->send("GET", std::string(depicta_ep::path) + "?" + query, {{"Authorization", "Bearer gw_test_read"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    auto e = mock_test::decoded<depicta_ep::error>(r->body);
    EXPECT_EQ(e.error, genwire::depicta::code_bad_request);
    EXPECT_NE(e.message.find(field), std::string::npos) << e.message;
    ASSERT_TRUE(e.request_id);
    EXPECT_FALSE(e.request_id->empty());
    ASSERT_TRUE(e.details);
    auto details = genwire::parse_json(e.details->text());
    ASSERT_TRUE(details);
    ASSERT_NE(details->find("parameter"), nullptr);
    EXPECT_EQ(*details->find("parameter"), genwire::json::value(field));
  }
}

TEST_F(MockValidation, HedraQueryGets422Detail) {
  const std::vector<std::tuple<std::string, std::string, std::string>> bad{
      {"created_after=yesterday", "created_after", std::string(genwire::hedra::error_type_datetime_parsing)},
      {"created_before=2025-13-01T00:00:00Z", "created_before", std::string(genwire::hedra::error_type_datetime_parsing)},
      {"agent_thread_id=not-a-uuid", "agent_thread_id", std::string(genwire::hedra::error_type_uuid_parsing)},
      {"type=hologram", "type", std::string(genwire::hedra::error_type_enum)},
      {"limit=abc", "limit", std::string(genwire::hedra::error_type_int_parsing)},
  };
  for (const auto& [query, field, type] : bad) {
    SCOPED_TRACE(query);
    auto r = mock->send("GET", std::string(hedra_ep::path) + "?" + query, {{"X-API-Key", "gw_test_read"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    auto e = mock_test::decoded<hedra_ep::error>(r->body);
    ASSERT_TRUE(e.detail);
    const auto* items = std::get_if<std::vector<genwire::hedra::validation_error>>(&*e.detail);
    ASSERT_NE(items, nullptr);
    ASSERT_EQ(items->size(), 1u);
    const auto& item = (*items)[0];
    ASSERT_EQ(item.loc.size(), 2u);
    EXPECT_EQ(std::get<std::string>(item.loc[0]), "query");
    EXPECT_EQ(std::get<std::string>(item.loc[1]), field);
    EXPECT_EQ(item.type, type);
    EXPECT_FALSE(item.msg.empty());
  }
  auto r = mock->send("GET", std::string(hedra_ep::path) + "?created_after=2025-01-01T00:00:00Z&limit=10",
                      {{"X-API-Key", "gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(MockSizeLimits, OverLongBodiesGet413WhereDocumentedElse400) {
  genwire::mock::server_config c;
  c.max_body_bytes = 1024;
  live_mock m(c);
  const std::string big(4096, ' ');
  auto r = m.send("POST", std::string(list_ep::path), {{"X-Api-Key", "gw_test_read"}}, big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(mock_test::decoded<list_ep::error>(r->body).error, dif::reason_invalid_json_body);
  EXPECT_EQ(r->get_header_value("Vary"), "Origin");

  r = m.send("GET", std::string(depicta_ep::path), {{"Authorization", "Bearer gw_test_read"}}, big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(mock_test::decoded<depicta_ep::error>(r->body).error, genwire::depicta::code_payload_too_large);

  r = m.send("GET", std::string(flora_ep::path), {{"Authorization", "Bearer gw_test_read"}}, big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(flora_code(mock_test::decoded<flora_ep::error>(r->body)), "invalid_json");

  r = m.send("GET", std::string(hedra_ep::path), {{"X-API-Key", "gw_test_read"}}, big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  (void)mock_test::decoded<hedra_ep::error>(r->body);

  // Exactly at the limit is fine.
  r = m.send("POST", std::string(list_ep::path), {{"X-Api-Key", "gw_test_read"}},
             R"({"apiProjectId":"proj-123"})" + std::string(1024 - 27, ' '));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);

  // The journal saw the refused requests too.
  const auto page = m.srv.requests().snapshot();
  ASSERT_GE(page.requests.size(), 4u);
  EXPECT_EQ(page.requests[1].status, 413);
  EXPECT_EQ(page.requests[1].endpoint, "depicta.list_jobs");
}

TEST(MockSizeLimits, OverLongRequestLineAndHeaderAreMarkedMockErrors) {
  live_mock m;
  auto r = m.send("GET", std::string(flora_ep::path) + "?cursor=" + std::string(9000, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "uri-too-long");

  r = m.send("GET", std::string(flora_ep::path), {{"X-Big", std::string(9000, 'y')}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "malformed-request");
  (void)mock_test::decoded<mock_test::mock_error_body>(r->body);

  // The server is still fine afterwards.
  r = m.send("GET", std::string(flora_ep::path), {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

}  // namespace
