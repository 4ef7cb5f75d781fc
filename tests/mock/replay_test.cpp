// Documented replay: every (endpoint, documented code) pair on demand with Prefer, the success
// example without it, and the clearly marked mock error for what the documents do not say.
#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;

class MockReplay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { mock = new live_mock(); }
  static void TearDownTestSuite() {
    delete mock;
    mock = nullptr;
  }
  static live_mock* mock;
};
live_mock* MockReplay::mock = nullptr;

template <class D>
void check_documented_row(live_mock& m, const genwire::status_doc& doc) {
  SCOPED_TRACE(std::string(D::name) + " Prefer: code=" + std::to_string(doc.code));
  httplib::Headers h{{"Prefer", "code=" + std::to_string(doc.code)}};
  auto r = m.send(std::string(genwire::to_string(D::method)), std::string(genwire::example_path_of<D>()), h,
                  D::request_in == genwire::request_location::json_body ? "{}" : "");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, doc.code);
  EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error"));
  if (doc.body.empty()) {
    EXPECT_EQ(r->body, "");
  } else {
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_TRUE(mock_test::same_json(r->body, doc.body)) << r->body;
    if (doc.code >= 200 && doc.code < 300) {
      (void)mock_test::decoded<typename D::response>(r->body);
    } else {
      (void)mock_test::decoded<typename D::error>(r->body);
    }
  }
  for (const auto& h2 : doc.headers) {
    if (!h2.name.empty()) {
      EXPECT_EQ(r->get_header_value(std::string(h2.name).c_str()), h2.value) << h2.name;
    }
  }
  if (doc.code == 429) {
    EXPECT_FALSE(r->get_header_value("Retry-After").empty());
  }
  if (doc.code == 405) {
    EXPECT_FALSE(r->get_header_value("Allow").empty());
  }
}

TEST_F(MockReplay, EveryDocumentedCodeOnDemandWithItsBodyAndHeaders) {
  std::size_t pairs = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& doc : D::statuses) {
      check_documented_row<D>(*mock, doc);
      ++pairs;
    }
  });
  std::size_t expected = 0;
  genwire::all_endpoints::for_each([&]<class D>() { expected += D::statuses.size(); });
  EXPECT_EQ(pairs, expected);
  EXPECT_GE(pairs, 5u * 2);
}

TEST_F(MockReplay, SuccessExampleWithTheReadKeyAndNoPrefer) {
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    auto r = mock_test::send_example<D>(*mock, mock_test::read_key(D::auth[0]));
    ASSERT_TRUE(r);
    const auto* doc = genwire::find_status<D>(200);
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_TRUE(mock_test::same_json(r->body, doc->body)) << r->body;
    (void)mock_test::decoded<typename D::response>(r->body);
  });
}

TEST_F(MockReplay, UndocumentedCodeIsAMarkedMockErrorNeverAnApiAnswer) {
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    ASSERT_EQ(genwire::find_status<D>(genwire::mock::mock_error_status), nullptr);
    ASSERT_EQ(genwire::find_status<D>(418), nullptr);
    auto r = mock->send(std::string(genwire::to_string(D::method)), std::string(genwire::example_path_of<D>()), {{"Prefer", "code=418"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, genwire::mock::mock_error_status);
    EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "undocumented-code");
    auto body = mock_test::decoded<mock_test::mock_error_body>(r->body);
    EXPECT_EQ(body.genwire_mock_error.kind, "undocumented-code");
    EXPECT_EQ(body.genwire_mock_error.requested_code, 418);
    EXPECT_EQ(body.genwire_mock_error.endpoint, std::string(D::name));
    ASSERT_TRUE(body.genwire_mock_error.documented_codes);
    EXPECT_EQ(body.genwire_mock_error.documented_codes->size(), D::statuses.size());
    // The endpoint's own error type must not accept it as one of its answers.
    EXPECT_NE(r->body.find("genwire_mock_error"), std::string::npos);
  });
}

TEST_F(MockReplay, PreferFollowsRfc7240) {
  using D = genwire::flora::list_generations_endpoint;
  const std::string path(D::path);
  // Several preferences in one header, a parameter, a quoted value, and the first instance winning.
  auto r = mock->send("GET", path, {{"Prefer", "return=minimal, code=\"404\"; lang=en"}, {"Prefer", "code=500"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(mock_test::same_json(r->body, D::statuses[5].body)) << r->body;
  // A preference the mock does not know is ignored: the request is answered normally (no key: 401).
  r = mock->send("GET", path, {{"Prefer", "respond-async, wait=5"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  // A malformed code is the mock's error, not the API's.
  for (const char* bad : {"code=abc", "code=42", "code=600", "code=", "code=2000"}) {
    r = mock->send("GET", path, {{"Prefer", bad}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, genwire::mock::mock_error_status) << bad;
    EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "bad-prefer") << bad;
  }
}

// The method is checked before Prefer, and a malformed code is reported by the route, with the
// endpoint's documented codes (the fault injector, which runs first, reads only latency).
TEST_F(MockReplay, MalformedPreferCodeComesAfterTheMethodCheck) {
  using D = genwire::flora::list_generations_endpoint;
  auto r = mock->send("POST", std::string(D::path), {{"Prefer", "code=abc"}}, "{}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  r = mock->send("GET", std::string(D::path), {{"Prefer", "code=abc"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "bad-prefer");
  auto body = mock_test::decoded<mock_test::mock_error_body>(r->body);
  ASSERT_TRUE(body.genwire_mock_error.documented_codes);
  EXPECT_EQ(body.genwire_mock_error.documented_codes->size(), D::statuses.size());
}

TEST_F(MockReplay, PreferExampleByName) {
  using D = genwire::flora::list_generations_endpoint;
  auto r = mock->send("GET", std::string(D::path), {{"Prefer", "example=error_429"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  auto err = mock_test::decoded<D::error>(r->body);
  EXPECT_EQ(err.error.code, genwire::flora::api_error_code::rate_limited);

  r = mock->send("GET", std::string(D::path), {{"Prefer", "example=no_such_example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, genwire::mock::mock_error_status);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "unknown-example");
}

// Hedra's default answer is its page's example made valid under the published OpenAPI (strict
// mode finds nothing); the page verbatim is still served by name.
TEST_F(MockReplay, HedraServesTheValidPageByDefaultAndTheVerbatimPageByName) {
  using D = genwire::hedra::list_generations_endpoint;
  const httplib::Headers key{{"X-API-Key", "gw_test_read"}};
  for (const httplib::Headers& h : {key, httplib::Headers{{"Prefer", "code=200"}}, httplib::Headers{{"Prefer", "example=response"}}}) {
    SCOPED_TRACE(h.begin()->second);
    auto r = mock->send("GET", std::string(D::path), h);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(mock_test::same_json(r->body, genwire::hedra::example_response)) << r->body;
    auto strict = genwire::decode<D::response, genwire::strict>(r->body);
    EXPECT_TRUE(strict) << strict.error().message();
  }
  auto page = mock->send("GET", std::string(D::path), {{"Prefer", "example=response_reference_page"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_FALSE(page->has_header("X-Genwire-Mock-Error"));
  EXPECT_TRUE(mock_test::same_json(page->body, genwire::hedra::example_response_reference_page)) << page->body;
  EXPECT_FALSE((genwire::decode<D::response, genwire::strict>(page->body))) << "the page's placeholders stay";
}

TEST_F(MockReplay, UnknownPathIsAMarkedMockError) {
  auto r = mock->send("GET", "/v2/nothing-here");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "unknown-route");
  auto body = mock_test::decoded<mock_test::mock_error_body>(r->body);
  EXPECT_EQ(body.genwire_mock_error.kind, "unknown-route");
  EXPECT_NE(body.genwire_mock_error.message.find("/api/v1/generations"), std::string::npos);
}

TEST_F(MockReplay, EveryDocumentedPathIsServedOnOnePort) {
  const std::vector<std::string> paths{"/v1/list_project_generations", "/v1/get_generation_progress", "/api/v1/generations",
                                       "/api/v1/runs/{runId}", "/v1/jobs", "/web-app/public/generations"};
  std::vector<std::string> served;
  genwire::all_endpoints::for_each([&]<class D>() {
    served.emplace_back(D::path);
    // No key: the endpoint's own refusal, not the mock's "unknown-route".
    auto r = mock_test::send_example<D>(*mock, {});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << D::name;
    EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error")) << D::name;
  });
  EXPECT_EQ(served, paths);
}

}  // namespace

namespace {

// The sixth endpoint, documented mode: only the documented run exists, for its owner.
TEST(MockFloraRun, DocumentedRunForItsOwnerOnlyElseNotFound) {
  using D = genwire::flora::get_run_endpoint;
  mock_test::live_mock m;
  const httplib::Headers read{{"Authorization", "Bearer gw_test_read"}};
  auto ok = m.send("GET", std::string(D::example_path), read);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_TRUE(mock_test::same_json(ok->body, genwire::flora::example_run)) << ok->body;
  EXPECT_TRUE(ok->get_header_value("request-id").starts_with("req_"));
  for (const auto& [path, key] : {std::pair{std::string("/api/v1/runs/run_unknown"), std::string("gw_test_read")},
                                  std::pair{std::string(D::example_path), std::string("gw_test_other")}}) {
    SCOPED_TRACE(path + " " + key);
    auto r = m.send("GET", path, {{"Authorization", "Bearer " + key}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error"));
    EXPECT_EQ(mock_test::decoded<D::error>(r->body).error.code, genwire::flora::api_error_code::not_found);
  }
  // The path must name a run: without one it is no endpoint at all.
  auto none = m.send("GET", "/api/v1/runs/", read);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(none->get_header_value("X-Genwire-Mock-Error"), "unknown-route");
  // Its own status table, on demand, at any run's path.
  auto busy = m.send("GET", "/api/v1/runs/anything", {{"Prefer", "code=503"}});
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(mock_test::decoded<D::error>(busy->body).error.code, genwire::flora::api_error_code::service_unavailable);
  auto running = m.send("GET", "/api/v1/runs/anything", {{"Prefer", "example=response_running"}});
  ASSERT_TRUE(running);
  EXPECT_EQ(running->status, 200);
  EXPECT_EQ(mock_test::decoded<D::response>(running->body).status, genwire::flora::run_status::running);
}

}  // namespace
