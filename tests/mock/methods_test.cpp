// Methods: 405 with Allow for every wrong method, Diffio's CORS preflight, HEAD on GET endpoints.
#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;

class MockMethods : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { mock = new live_mock(); }
  static void TearDownTestSuite() {
    delete mock;
    mock = nullptr;
  }
  static live_mock* mock;
};
live_mock* MockMethods::mock = nullptr;

bool is_diffio_provider(std::string_view provider) { return provider == "diffio"; }

TEST_F(MockMethods, WrongMethodIs405WithAllowAndTheProvidersEnvelope) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const bool post = D::method == genwire::http_method::post;
    const std::string allow = post ? "POST, OPTIONS" : "GET, HEAD";
    std::vector<std::string> wrong{"PUT", "PATCH", "DELETE", post ? "GET" : "POST"};
    if (!is_diffio_provider(D::provider)) wrong.push_back("OPTIONS");
    for (const auto& m : wrong) {
      SCOPED_TRACE(std::string(D::name) + " " + m);
      auto r = mock->send(m, std::string(D::path), mock_test::read_key(D::auth[0]), m == "GET" ? "" : "{}");
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 405);
      EXPECT_EQ(r->get_header_value("Allow"), allow);
      EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error"));
      (void)mock_test::decoded<typename D::error>(r->body);
    }
  });
  // Diffio's 405 is its documented body.
  using L = genwire::diffio::list_project_generations_endpoint;
  auto r = mock->send("GET", std::string(L::path), mock_test::read_key(L::auth[0]));
  ASSERT_TRUE(r);
  EXPECT_EQ(mock_test::decoded<L::error>(r->body).error, genwire::diffio::reason_method_not_post);
}

TEST_F(MockMethods, MethodsWithoutAHandlerListStillGet405) {
  // TRACE reaches cpp-httplib's "no handler" path; the mock still answers the route's 405.
  using D = genwire::flora::list_generations_endpoint;
  auto r = mock->send("TRACE", std::string(D::path), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
}

TEST_F(MockMethods, DiffioOptionsIsACorsPreflight) {
  genwire::all_endpoints::for_each([&]<class D>() {
    if (!is_diffio_provider(D::provider)) return;
    SCOPED_TRACE(D::name);
    // A preflight carries no credentials.
    auto r = mock->send("OPTIONS", std::string(D::path),
                        {{"Origin", "https://app.example.com"},
                         {"Access-Control-Request-Method", "POST"},
                         {"Access-Control-Request-Headers", "authorization, content-type"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 204);
    EXPECT_EQ(r->body, "");
    EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "https://app.example.com");
    EXPECT_EQ(r->get_header_value("Vary"), "Origin");
    EXPECT_EQ(r->get_header_value("Access-Control-Allow-Methods"), "POST, OPTIONS");
    const std::string allowed = r->get_header_value("Access-Control-Allow-Headers");
    for (const char* h : {"Authorization", "X-Api-Key", "Xi-Api-Key", "Content-Type"})
      EXPECT_NE(allowed.find(h), std::string::npos) << h << " in " << allowed;
    EXPECT_FALSE(r->get_header_value("Access-Control-Max-Age").empty());

    // The actual request from that origin is readable by the page too.
    auto real = mock->send("POST", std::string(D::path), {{"Origin", "https://app.example.com"}, {"X-Api-Key", "gw_test_read"}},
                           mock_test::example_request<D>());
    ASSERT_TRUE(real);
    EXPECT_EQ(real->status, 200);
    EXPECT_EQ(real->get_header_value("Access-Control-Allow-Origin"), "https://app.example.com");
    EXPECT_EQ(real->get_header_value("Vary"), "Origin");
  });
}

TEST_F(MockMethods, HeadOnAGetEndpointIsAGetWithoutBody) {
  using D = genwire::depicta::list_jobs_endpoint;
  auto r = mock->cli->Head(std::string(D::path).c_str(), mock_test::read_key(D::auth[0]));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "");
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
}

TEST_F(MockMethods, MethodNamesAreCaseSensitive) {
  using D = genwire::diffio::list_project_generations_endpoint;
  // Over HTTP, cpp-httplib refuses a method it does not know before routing; the mock marks that answer.
  httplib::Request req;
  req.method = "post";
  req.path = std::string(D::path);
  auto r = mock->cli->send(req);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "malformed-request");
  // In-process, the route itself sees the method and answers its 405.
  genwire::mock::request rq;
  rq.method = "post";
  rq.path = std::string(D::path);
  rq.body = mock_test::example_request<D>();
  rq.headers = {{"X-Api-Key", "gw_test_read"}};
  const auto answer = mock->srv.handle(rq);
  EXPECT_EQ(answer.status, 405);
  ASSERT_NE(answer.header_value("Allow"), nullptr);
  EXPECT_EQ(*answer.header_value("Allow"), "POST, OPTIONS");
}

}  // namespace
