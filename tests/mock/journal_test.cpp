// The request journal (redaction, ring bound, clearing) and the admin API.
#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;
using D = genwire::diffio::list_project_generations_endpoint;

genwire::mock::journal_page journal_of(live_mock& m) {
  auto r = m.send("GET", "/__admin/requests");
  EXPECT_TRUE(r);
  if (!r) return {};
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  return mock_test::decoded<genwire::mock::journal_page>(r->body);
}

const genwire::mock::journal_header* header_in(const genwire::mock::journal_entry& e, std::string_view name) {
  for (const auto& h : e.headers)
    if (genwire::mock::iequals(h.name, name)) return &h;
  return nullptr;
}

TEST(MockJournal, RecordsWhatTheClientSentWithKeysRedacted) {
  live_mock m;
  const std::string body = mock_test::example_request<D>();
  ASSERT_TRUE(m.send("POST", std::string(D::path), {{"Authorization", "Bearer gw_test_read"}, {"X-Trace", "t-1"}}, body));
  ASSERT_TRUE(m.send("POST", std::string(D::path), {{"X-Api-Key", "gw_test_other"}}, body));
  ASSERT_TRUE(m.send("POST", std::string(D::path), {{"Xi-Api-Key", "gw_test_noread"}}, body));
  using H = genwire::hedra::list_generations_endpoint;
  ASSERT_TRUE(m.send("GET", std::string(H::path) + "?limit=5&offset=10", {{"X-API-Key", "secret_hedra_key"}}));

  const auto page = journal_of(m);
  EXPECT_EQ(page.capacity, 1000u);
  EXPECT_EQ(page.recorded, 4u);
  ASSERT_EQ(page.requests.size(), 4u);

  const auto& first = page.requests[0];
  EXPECT_EQ(first.seq, 1u);
  EXPECT_EQ(first.method, "POST");
  EXPECT_EQ(first.path, "/v1/list_project_generations");
  EXPECT_EQ(first.endpoint, "diffio.list_project_generations");
  EXPECT_EQ(first.status, 200);
  EXPECT_TRUE(mock_test::same_json(first.body, body));
  ASSERT_NE(header_in(first, "Authorization"), nullptr);
  EXPECT_EQ(header_in(first, "Authorization")->value, "Bearer [REDACTED]");
  ASSERT_NE(header_in(first, "X-Trace"), nullptr);
  EXPECT_EQ(header_in(first, "X-Trace")->value, "t-1");
  EXPECT_EQ(header_in(first, "REMOTE_ADDR"), nullptr);

  EXPECT_EQ(page.requests[1].status, 403);
  EXPECT_EQ(header_in(page.requests[1], "X-Api-Key")->value, "[REDACTED]");
  EXPECT_EQ(header_in(page.requests[2], "Xi-Api-Key")->value, "[REDACTED]");
  EXPECT_EQ(page.requests[3].query, "limit=5&offset=10");
  EXPECT_EQ(page.requests[3].path, "/web-app/public/generations");
  EXPECT_EQ(header_in(page.requests[3], "X-API-Key")->value, "[REDACTED]");

  // No key text anywhere in the journal's JSON.
  auto raw = m.send("GET", "/__admin/requests");
  ASSERT_TRUE(raw);
  for (const char* secret : {"gw_test_read", "gw_test_other", "gw_test_noread", "secret_hedra_key"})
    EXPECT_EQ(raw->body.find(secret), std::string::npos) << secret;
}

TEST(MockJournal, IsABoundedRing) {
  genwire::mock::server_config c;
  c.journal_capacity = 3;
  live_mock m(c);
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(m.send("GET", "/v1/jobs?offset=" + std::to_string(i)));
  const auto page = journal_of(m);
  EXPECT_EQ(page.capacity, 3u);
  EXPECT_EQ(page.recorded, 5u);
  ASSERT_EQ(page.requests.size(), 3u);
  EXPECT_EQ(page.requests[0].query, "offset=3");
  EXPECT_EQ(page.requests[1].query, "offset=4");
  EXPECT_EQ(page.requests[2].query, "offset=5");
  EXPECT_EQ(page.requests[2].seq, 5u);
}

TEST(MockJournal, DeleteClearsIt) {
  live_mock m;
  ASSERT_TRUE(m.send("GET", "/v1/jobs"));
  ASSERT_TRUE(m.send("GET", "/v1/jobs"));
  auto r = m.send("DELETE", "/__admin/requests");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(mock_test::same_json(r->body, R"({"cleared":2})")) << r->body;
  EXPECT_TRUE(journal_of(m).requests.empty());
  ASSERT_TRUE(m.send("GET", "/v1/jobs"));
  const auto page = journal_of(m);
  ASSERT_EQ(page.requests.size(), 1u);
  EXPECT_EQ(page.requests[0].seq, 3u);  // sequence numbers are never reused
}

TEST(MockJournal, ZeroTurnsItOff) {
  genwire::mock::server_config c;
  c.journal_capacity = 0;
  live_mock m(c);
  ASSERT_TRUE(m.send("GET", "/v1/jobs"));
  const auto page = journal_of(m);
  EXPECT_EQ(page.capacity, 0u);
  EXPECT_TRUE(page.requests.empty());
}

TEST(MockJournal, BinaryBodiesAreKeptAsBase64AndLongOnesClipped) {
  genwire::mock::server srv;
  genwire::mock::request rq;
  rq.method = "POST";
  rq.path = std::string(D::path);
  rq.body = std::string("\xff\xfe{", 3);
  (void)srv.handle(rq);
  rq.body = std::string(genwire::mock::journal::max_body_bytes + 10, 'a');
  (void)srv.handle(rq);
  const auto page = srv.requests().snapshot();
  ASSERT_EQ(page.requests.size(), 2u);
  ASSERT_TRUE(page.requests[0].body_base64);
  EXPECT_EQ(*page.requests[0].body_base64, "//57");
  EXPECT_EQ(page.requests[0].body, "\xEF\xBF\xBD\xEF\xBF\xBD{");
  EXPECT_TRUE(page.requests[1].body_truncated);
  EXPECT_EQ(page.requests[1].body.size(), genwire::mock::journal::max_body_bytes);
  EXPECT_TRUE(genwire::encode(page).has_value());
}

struct code_row {
  int code;
  std::string meaning;
  std::string treat;
  std::string body;
};
struct endpoint_row {
  std::string name;
  std::string provider;
  std::string method;
  std::string path;
  std::vector<code_row> codes;
};
struct listing {
  std::vector<endpoint_row> endpoints;
};

TEST(MockAdmin, EndpointsListsEachWithMethodPathAndDocumentedCodes) {
  live_mock m;
  auto r = m.send("GET", "/__admin/endpoints");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const auto all = mock_test::decoded<listing>(r->body);
  ASSERT_EQ(all.endpoints.size(), genwire::all_endpoints::size);
  std::size_t i = 0;
  genwire::all_endpoints::for_each([&]<class X>() {
    const auto& e = all.endpoints[i++];
    EXPECT_EQ(e.name, X::name);
    EXPECT_EQ(e.provider, X::provider);
    EXPECT_EQ(e.method, genwire::to_string(X::method));
    EXPECT_EQ(e.path, X::path);
    ASSERT_EQ(e.codes.size(), X::statuses.size());
    for (std::size_t k = 0; k < e.codes.size(); ++k) {
      EXPECT_EQ(e.codes[k].code, X::statuses[k].code);
      EXPECT_EQ(e.codes[k].meaning, X::statuses[k].meaning);
      EXPECT_EQ(e.codes[k].treat, genwire::to_string(X::statuses[k].treat));
    }
  });
  // Admin requests are not journaled.
  EXPECT_TRUE(journal_of(m).requests.empty());
}

TEST(MockAdmin, UnknownAdminPathsAndMethodsAreMockErrors) {
  live_mock m;
  auto r = m.send("GET", "/__admin/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "unknown-admin");
  r = m.send("POST", "/__admin/requests", {}, "{}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD, DELETE");
}

}  // namespace
