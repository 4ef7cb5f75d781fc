// Auth as each provider documents it: every built-in key, an unknown key and no key, through every
// auth header the endpoint's descriptor lists.
#include <functional>
#include <map>

#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;

class MockAuth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { mock = new live_mock(); }
  static void TearDownTestSuite() {
    delete mock;
    mock = nullptr;
  }
  static live_mock* mock;
};
live_mock* MockAuth::mock = nullptr;

struct expectation {
  int status = 0;
  std::function<void(const std::string& body)> check;
};

// Keys under test; "" stands for "no auth header at all".
const std::vector<std::string> keys{"gw_test_read", "gw_test_inactive", "gw_test_noread", "gw_test_other", "gw_unknown_key", ""};

template <class D>
expectation documented_success() {
  return {200, [](const std::string& body) {
            EXPECT_TRUE(mock_test::same_json(body, genwire::find_status<D>(200)->body)) << body;
            (void)mock_test::decoded<typename D::response>(body);
          }};
}

template <class D>
expectation diffio_refusal(int status, std::string_view reason) {
  return {status, [reason](const std::string& body) {
            auto e = mock_test::decoded<typename D::error>(body);
            EXPECT_EQ(e.error, reason);
          }};
}

template <class D>
std::map<std::string, expectation> diffio_table(std::string_view not_owned) {
  namespace dif = genwire::diffio;
  return {
      {"gw_test_read", documented_success<D>()},
      {"gw_test_inactive", diffio_refusal<D>(403, dif::reason_api_key_not_active)},
      {"gw_test_noread", diffio_refusal<D>(403, dif::reason_missing_read_permission)},
      {"gw_test_other", diffio_refusal<D>(403, not_owned)},
      {"gw_unknown_key", diffio_refusal<D>(401, dif::reason_invalid_api_key)},
      {"", diffio_refusal<D>(401, dif::reason_missing_api_key)},
  };
}

expectation flora_error(int status, std::string_view code) {
  using D = genwire::flora::list_generations_endpoint;
  return {status, [code](const std::string& body) {
            auto e = mock_test::decoded<D::error>(body);
            const std::string got = e.error.code.known()
                                        ? std::string(genwire::reflect::enum_names<genwire::flora::api_error_code>[static_cast<std::size_t>(e.error.code.value())])
                                        : e.error.code.unknown_text();
            EXPECT_EQ(got, code);
            EXPECT_FALSE(e.error.message.empty());
          }};
}

std::map<std::string, expectation> flora_list_table() {
  using D = genwire::flora::list_generations_endpoint;
  return {
      {"gw_test_read", documented_success<D>()},
      {"gw_test_inactive", flora_error(401, "invalid_api_key")},
      {"gw_test_noread", flora_error(403, "forbidden")},
      // A key that owns nothing lists nothing.
      {"gw_test_other", {200, [](const std::string& body) {
                           auto page = mock_test::decoded<D::response>(body);
                           EXPECT_TRUE(page.generations.empty());
                           ASSERT_TRUE(page.meta.next_cursor && *page.meta.next_cursor);
                           EXPECT_EQ(**page.meta.next_cursor, "");
                         }}},
      {"gw_unknown_key", flora_error(401, "invalid_api_key")},
      {"", flora_error(401, "unauthorized")},
  };
}

expectation depicta_error(int status, std::string_view code) {
  using D = genwire::depicta::list_jobs_endpoint;
  return {status, [code](const std::string& body) {
            auto e = mock_test::decoded<D::error>(body);
            EXPECT_EQ(e.error, code);
            EXPECT_FALSE(e.message.empty());
          }};
}

// A run is the caller's own or it is not found (FLORA answers 404 for another's run).
std::map<std::string, expectation> flora_run_table() {
  using D = genwire::flora::get_run_endpoint;
  return {
      {"gw_test_read", documented_success<D>()},
      {"gw_test_inactive", flora_error(401, "invalid_api_key")},
      {"gw_test_noread", flora_error(403, "forbidden")},
      {"gw_test_other", flora_error(404, "not_found")},
      {"gw_unknown_key", flora_error(401, "invalid_api_key")},
      {"", flora_error(401, "unauthorized")},
  };
}

std::map<std::string, expectation> depicta_table() {
  namespace dp = genwire::depicta;
  using D = dp::list_jobs_endpoint;
  return {
      {"gw_test_read", documented_success<D>()},
      {"gw_test_inactive", depicta_error(401, dp::code_auth_invalid)},
      // A key without read permission: a 403 whose code says so (composed; the errors page's 403
      // codes mean an unverified email, rejected content or a suspended account).
      {"gw_test_noread", depicta_error(403, dp::code_permission_denied)},
      {"gw_test_other", {200, [](const std::string& body) {
                           auto page = mock_test::decoded<D::response>(body);
                           ASSERT_TRUE(page.generations);
                           EXPECT_TRUE(page.generations->empty());
                           EXPECT_EQ(page.total, 0);
                           EXPECT_EQ(page.limit, 20);
                           EXPECT_EQ(page.offset, 0);
                         }}},
      {"gw_unknown_key", depicta_error(401, dp::code_auth_invalid)},
      {"", depicta_error(401, dp::code_auth_invalid)},
  };
}

expectation hedra_detail(int status, std::string_view text) {
  using D = genwire::hedra::list_generations_endpoint;
  return {status, [text](const std::string& body) {
            auto e = mock_test::decoded<D::error>(body);
            ASSERT_TRUE(e.detail);
            const auto* s = std::get_if<std::string>(&*e.detail);
            ASSERT_NE(s, nullptr) << body;
            EXPECT_EQ(*s, text);
          }};
}

std::map<std::string, expectation> hedra_table() {
  using D = genwire::hedra::list_generations_endpoint;
  return {
      {"gw_test_read", documented_success<D>()},
      {"gw_test_inactive", hedra_detail(401, "Invalid API key")},
      {"gw_test_noread", hedra_detail(403, "Not enough permissions")},
      {"gw_test_other", {200, [](const std::string& body) {
                           auto page = mock_test::decoded<D::response>(body);
                           EXPECT_TRUE(page.data.empty());
                         }}},
      {"gw_unknown_key", hedra_detail(401, "Invalid API key")},
      {"", hedra_detail(401, "Not authenticated")},
  };
}

// One table per endpoint of genwire::all_endpoints; an endpoint without one fails to compile.
template <class D>
std::map<std::string, expectation> table_for() {
  static_assert(sizeof(D) == 0, "add this endpoint's auth table to auth_test.cpp");
  return {};
}
template <>
std::map<std::string, expectation> table_for<genwire::diffio::list_project_generations_endpoint>() {
  return diffio_table<genwire::diffio::list_project_generations_endpoint>(genwire::diffio::reason_project_not_owned);
}
template <>
std::map<std::string, expectation> table_for<genwire::diffio::get_generation_progress_endpoint>() {
  return diffio_table<genwire::diffio::get_generation_progress_endpoint>(genwire::diffio::reason_generation_not_owned);
}
template <>
std::map<std::string, expectation> table_for<genwire::flora::list_generations_endpoint>() {
  return flora_list_table();
}
template <>
std::map<std::string, expectation> table_for<genwire::flora::get_run_endpoint>() {
  return flora_run_table();
}
template <>
std::map<std::string, expectation> table_for<genwire::depicta::list_jobs_endpoint>() {
  return depicta_table();
}
template <>
std::map<std::string, expectation> table_for<genwire::hedra::list_generations_endpoint>() {
  return hedra_table();
}

TEST_F(MockAuth, EveryKeyThroughEveryDocumentedHeader) {
  std::size_t cases = 0, expected = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    expected += D::auth.size() * keys.size();
    const auto table = table_for<D>();
    for (const genwire::auth_scheme& scheme : D::auth) {
      for (const std::string& key : keys) {
        SCOPED_TRACE(std::string(D::name) + " via " + std::string(scheme.header) + " key=\"" + key + "\"");
        const auto& want = table.at(key);
        auto r = mock_test::send_example<D>(*mock, key.empty() ? httplib::Headers{} : mock_test::auth_header(scheme, key));
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, want.status) << r->body;
        EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error"));
        want.check(r->body);
        ++cases;
      }
    }
  });
  EXPECT_EQ(cases, expected);
  EXPECT_EQ(cases, (3u + 3u + 1u + 1u + 1u + 1u) * keys.size()) << "every endpoint's every documented header";
}

TEST_F(MockAuth, MalformedAuthorizationIsAnInvalidKey) {
  using D = genwire::diffio::list_project_generations_endpoint;
  const std::string body = mock_test::example_request<D>();
  for (const char* value : {"gw_test_read", "Basic Z3c6dGVzdA==", "Bearer"}) {
    auto r = mock->send("POST", std::string(D::path), {{"Authorization", value}}, body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << value;
    auto e = mock_test::decoded<D::error>(r->body);
    // "Bearer" alone carries no key at all.
    EXPECT_EQ(e.error, std::string_view(value) == "Bearer" ? genwire::diffio::reason_missing_api_key
                                                           : genwire::diffio::reason_invalid_api_key)
        << value;
  }
  // The scheme word is case-insensitive (RFC 9110 section 11.1).
  auto r = mock->send("POST", std::string(D::path), {{"Authorization", "bearer gw_test_read"}}, body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // A malformed Authorization does not hide a valid X-Api-Key.
  r = mock->send("POST", std::string(D::path), {{"Authorization", "Basic abc"}, {"X-Api-Key", "gw_test_read"}}, body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(MockAuthConfig, KeysFromAConfigFileDecodedByGenwire) {
  auto keys = genwire::mock::parse_config(
      R"({"keys":[{"key":"ci_key","owns_examples":false},{"key":"ci_off","active":false}]})");
  ASSERT_TRUE(keys) << keys.error().message();
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].key, "ci_key");
  EXPECT_TRUE((*keys)[0].active);
  EXPECT_TRUE((*keys)[0].read);
  EXPECT_FALSE((*keys)[0].owns_examples);
  EXPECT_FALSE((*keys)[1].active);

  auto typo = genwire::mock::parse_config(R"({"keys":[{"key":"k","owns_example":true}]})");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().code, genwire::errc::unknown_key);
  EXPECT_EQ(typo.error().path, "keys[0].owns_example");
  auto empty = genwire::mock::parse_config(R"({"keys":[{"key":""}]})");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().path, "keys[0].key");

  genwire::mock::server_config config;
  config.keys = *keys;
  live_mock m(config);
  using D = genwire::diffio::list_project_generations_endpoint;
  auto r = m.send("POST", std::string(D::path), {{"X-Api-Key", "ci_key"}}, mock_test::example_request<D>());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(mock_test::decoded<D::error>(r->body).error, genwire::diffio::reason_project_not_owned);
  r = m.send("POST", std::string(D::path), {{"X-Api-Key", "ci_off"}}, mock_test::example_request<D>());
  ASSERT_TRUE(r);
  EXPECT_EQ(mock_test::decoded<D::error>(r->body).error, genwire::diffio::reason_api_key_not_active);
}

TEST(MockAuthConfig, BuiltinKeysCanBeTurnedOff) {
  genwire::mock::server_config config;
  config.builtin_keys = false;
  live_mock m(config);
  using D = genwire::diffio::list_project_generations_endpoint;
  auto r = m.send("POST", std::string(D::path), {{"X-Api-Key", "gw_test_read"}}, mock_test::example_request<D>());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

}  // namespace
