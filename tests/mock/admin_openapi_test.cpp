// GET /__admin/openapi.json and /__admin/openapi/{provider}.json: the OpenAPI documents of what the
// mock serves, the same text as genwire::openapi_document (and so as `genwire openapi`), under the
// default rules or, with ?strict=true, the strict ones; an unknown provider is a marked 404.
#include <span>

#include <genwire/openapi.hpp>

#include "mock_test_support.hpp"

namespace {

using genwire::mock::request;
using genwire::mock::response;

response get(genwire::mock::server& srv, std::string path, std::string query = {}) {
  return srv.handle(request{"GET", std::move(path), std::move(query), {}, "", "http"});
}

// The version the mock's documents name (the project's, as the tool's), read back from one.
std::string version_of(const response& r) {
  auto doc = genwire::parse_json(r.body);
  if (!doc || !doc->find("info") || !doc->find("info")->find("version")) return {};
  return *doc->find("info")->find("version")->as_string();
}

template <genwire::options Opts>
std::string expected(std::string_view provider, std::string_view version, std::span<const std::string_view> served = {}) {
  const std::string title = provider.empty() ? "genwire endpoints" : "genwire endpoints: " + std::string(provider);
  return genwire::openapi_document<genwire::all_endpoints, Opts>({title, version, provider, served});
}

std::string mock_error_kind(const response& r) {
  const std::string* kind = r.header_value(genwire::mock::mock_error_header);
  return kind ? *kind : std::string();
}

TEST(MockAdminOpenapi, TheWholeDocumentAndEachProvidersAreGenwiresOwn) {
  genwire::mock::server srv;
  const response whole = get(srv, "/__admin/openapi.json");
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(*whole.header_value("Content-Type"), "application/json");
  const std::string version = version_of(whole);
  EXPECT_FALSE(version.empty());
  EXPECT_EQ(whole.body, expected<genwire::lenient>({}, version));
  EXPECT_EQ(get(srv, "/__admin/openapi.json", "strict=true").body, expected<genwire::strict>({}, version));
  EXPECT_EQ(get(srv, "/__admin/openapi.json", "strict=false").body, whole.body);

  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    const std::string path = "/__admin/openapi/" + std::string(D::provider) + ".json";
    const response one = get(srv, path);
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.body, expected<genwire::lenient>(D::provider, version));
    EXPECT_EQ(get(srv, path, "strict=true").body, expected<genwire::strict>(D::provider, version));
    // Its paths are the provider's own, under its one server: what `prism proxy` sits in front of.
    auto doc = genwire::parse_json(one.body);
    ASSERT_TRUE(doc);
    ASSERT_NE(doc->find("paths")->find(D::path), nullptr);
    EXPECT_EQ(*doc->find("servers"), genwire::json::value(genwire::json::array{genwire::json::object{{"url", std::string(D::base_url)}}}));
  });
}

TEST(MockAdminOpenapi, AnUnknownProviderIsAMarked404NamingTheServedOnes) {
  genwire::mock::server srv;
  const response r = get(srv, "/__admin/openapi/nobody.json");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(mock_error_kind(r), "unknown-provider");
  genwire::all_endpoints::for_each([&]<class D>() { EXPECT_NE(r.body.find(std::string(D::provider)), std::string::npos) << D::provider; });
  // The name is exact: no other spelling, no missing extension.
  EXPECT_EQ(get(srv, "/__admin/openapi/FLORA.json").status, 404);
  EXPECT_EQ(mock_error_kind(get(srv, "/__admin/openapi/flora")), "unknown-admin");
  EXPECT_EQ(mock_error_kind(get(srv, "/__admin/openapi/.json")), "unknown-provider");
}

TEST(MockAdminOpenapi, OnlyWhatIsServed) {
  genwire::mock::server_config c;
  c.providers = {"HEDRA", "flora"};
  genwire::mock::server srv(std::move(c));
  const response whole = get(srv, "/__admin/openapi.json");
  ASSERT_EQ(whole.status, 200);
  // In genwire::all_endpoints' order, whatever order --provider named them in.
  const std::string_view served[] = {genwire::flora::provider_name, genwire::hedra::provider_name};
  EXPECT_EQ(whole.body, expected<genwire::lenient>({}, version_of(whole), served));
  EXPECT_EQ(get(srv, "/__admin/openapi/hedra.json").body, expected<genwire::lenient>("hedra", version_of(whole)));
  const response diffio = get(srv, "/__admin/openapi/diffio.json");
  EXPECT_EQ(diffio.status, 404);
  EXPECT_NE(diffio.body.find("(served: flora, hedra)"), std::string::npos) << diffio.body;
}

TEST(MockAdminOpenapi, RefusalsAreMarked) {
  genwire::mock::server srv;
  const response bad = get(srv, "/__admin/openapi/hedra.json", "strict=yes");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(mock_error_kind(bad), "bad-admin-query");
  const response post = srv.handle(request{"POST", "/__admin/openapi.json", "", {}, "{}", "http"});
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(*post.header_value("Allow"), "GET, HEAD");
  // Never journaled, like the rest of the admin API.
  EXPECT_TRUE(srv.requests().snapshot().requests.empty());
}

TEST(MockAdminOpenapi, OverHttp) {
  mock_test::live_mock m;
  auto r = m.send("GET", "/__admin/openapi/hedra.json?strict=true");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto doc = genwire::parse_json(r->body);
  ASSERT_TRUE(doc);
  EXPECT_EQ(r->body, expected<genwire::strict>("hedra", *doc->find("info")->find("version")->as_string()));
}

}  // namespace
