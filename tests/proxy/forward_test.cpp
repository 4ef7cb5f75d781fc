// The proxy in front of a second in-process mock (documented and realistic data): every endpoint's
// answer comes back with the upstream's status, headers that matter and body unchanged, checked
// with zero violations; the caller's auth goes upstream; providers not proxied stay mocked; an
// upstream that cannot be reached, is too slow or drops the connection is a marked 502/504.
#include <genwire/mock/realistic.hpp>

#include "proxy_test_support.hpp"

namespace {

using namespace proxy_test;
namespace gm = genwire::mock;

// A mock proxying every provider to `upstream`.
gm::server_config proxy_all_to(const std::string& upstream) {
  gm::server_config c;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const auto& p : c.proxies)
      if (p.provider == D::provider) return;
    c.proxies.push_back({std::string(D::provider), upstream});
  });
  return c;
}

// What the last journal entry's violations say, for failure messages.
std::string findings(const gm::journal_entry& e) {
  std::string out;
  if (e.violations)
    for (const auto& v : *e.violations) out += v.path + ": expected " + v.expected + ", found " + v.found + "; ";
  return out;
}

const gm::journal_entry& last_entry(live_mock& m) {
  static gm::journal_entry none;
  static thread_local std::vector<gm::journal_entry> entries;
  entries = m.srv.requests().snapshot().requests;
  return entries.empty() ? none : entries.back();
}

TEST(ProxyForward, DocumentedAnswersPassUnchangedWithZeroViolations) {
  live_mock upstream;
  live_mock proxy(proxy_all_to(upstream.srv.base_url()));
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(std::string(D::name));
    const auto via = mock_test::send_example<D>(proxy, mock_test::read_key(D::auth[0]));
    const auto direct = mock_test::send_example<D>(upstream, mock_test::read_key(D::auth[0]));
    ASSERT_TRUE(via && direct);
    EXPECT_EQ(via->status, direct->status);
    EXPECT_EQ(via->status, 200);
    EXPECT_EQ(via->body, direct->body);
    // request-id is the upstream's and changes per answer (the values are in BodyQueryAndHeadersGoUpstreamAsSent).
    for (const char* h : {"Content-Type", "request-id", "Retry-After"}) EXPECT_EQ(via->has_header(h), direct->has_header(h)) << h;
    EXPECT_EQ(via->get_header_value("Content-Type"), direct->get_header_value("Content-Type"));
    EXPECT_EQ(via->get_header_value("X-Genwire-Violations"), "0");
    EXPECT_FALSE(via->has_header("X-Genwire-Mock-Error"));

    const gm::journal_entry& e = last_entry(proxy);
    EXPECT_EQ(e.endpoint, D::name);
    ASSERT_TRUE(e.upstream.has_value());
    EXPECT_EQ(e.upstream->status, 200);
    EXPECT_TRUE(e.upstream->url.starts_with(upstream.srv.base_url() + std::string(genwire::example_path_of<D>()))) << e.upstream->url;
    ASSERT_TRUE(e.violations.has_value());
    EXPECT_TRUE(e.violations->empty());
  });
  // The caller's key went upstream, redacted in both journals.
  const auto up = upstream.srv.requests().snapshot().requests;
  ASSERT_EQ(up.size(), 2 * genwire::all_endpoints::size);
}

TEST(ProxyForward, DocumentedErrorsPassUnchangedAndPreferStaysWithTheMock) {
  live_mock upstream;
  live_mock proxy(proxy_all_to(upstream.srv.base_url()));
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(std::string(D::name));
    // No key: the upstream's own documented auth error, which the models accept.
    const auto via = mock_test::send_example<D>(proxy, {});
    const auto direct = mock_test::send_example<D>(upstream, {});
    ASSERT_TRUE(via && direct);
    EXPECT_GE(via->status, 400);
    EXPECT_EQ(via->status, direct->status);
    EXPECT_EQ(via->body, direct->body);
    // A provider whose table lists no auth error (the mock answers one anyway) is itself a finding.
    const bool documented = genwire::find_status<D>(via->status) != nullptr;
    EXPECT_EQ(via->get_header_value("X-Genwire-Violations"), documented ? "0" : "1") << via->status << " " << findings(last_entry(proxy));
    if (!documented) {
      ASSERT_EQ(last_entry(proxy).violations->size(), 1u);
      EXPECT_EQ(last_entry(proxy).violations->front().path, "$");
      EXPECT_EQ(last_entry(proxy).violations->front().found, "status " + std::to_string(via->status));
    }
    // Prefer is the mock's header and is not forwarded (upstream.cpp), so the upstream answers for real.
    auto h = mock_test::read_key(D::auth[0]);
    h.emplace("Prefer", "code=500");
    const auto preferred = mock_test::send_example<D>(proxy, h);
    ASSERT_TRUE(preferred);
    EXPECT_EQ(preferred->status, 200);
  });
}

TEST(ProxyForward, RealisticAnswersCheckCleanAndAreCounted) {
  gm::server_config up;
  up.data = gm::make_realistic_store({.seed = 11, .items = 30});
  live_mock upstream(std::move(up));
  live_mock proxy(proxy_all_to(upstream.srv.base_url()));
  std::uint64_t sent = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(std::string(D::name));
    for (int i = 0; i < 3; ++i) {
      const auto via = mock_test::send_example<D>(proxy, mock_test::read_key(D::auth[0]));
      ASSERT_TRUE(via);
      ++sent;
      EXPECT_EQ(via->get_header_value("X-Genwire-Violations"), "0") << via->status << " " << via->body;
      if (via->status == 200) mock_test::decoded<typename D::response>(via->body);
    }
  });
  const auto r = proxy.send("GET", "/__admin/violations");
  ASSERT_TRUE(r);
  const auto page = mock_test::decoded<violations_page>(r->body);
  EXPECT_EQ(page.checked, sent);
  EXPECT_EQ(page.violating, 0u);
  EXPECT_EQ(page.endpoints.size(), genwire::all_endpoints::size);
}

TEST(ProxyForward, ProvidersNotNamedAreStillMocked) {
  live_mock upstream;
  live_mock proxy(proxying("flora", upstream.srv.base_url()));
  const auto mocked = mock_test::send_example<genwire::diffio::list_project_generations_endpoint>(
      proxy, mock_test::read_key(genwire::diffio::list_project_generations_endpoint::auth[0]));
  ASSERT_TRUE(mocked);
  EXPECT_EQ(mocked->status, 200);
  EXPECT_FALSE(mocked->has_header("X-Genwire-Violations"));
  EXPECT_FALSE(last_entry(proxy).upstream.has_value());
  EXPECT_TRUE(upstream.srv.requests().snapshot().requests.empty());

  const auto proxied = mock_test::send_example<genwire::flora::get_run_endpoint>(
      proxy, mock_test::read_key(genwire::flora::get_run_endpoint::auth[0]));
  ASSERT_TRUE(proxied);
  EXPECT_EQ(proxied->get_header_value("X-Genwire-Violations"), "0");
  EXPECT_EQ(upstream.srv.requests().snapshot().requests.size(), 1u);
}

TEST(ProxyForward, BodyQueryAndHeadersGoUpstreamAsSent) {
  httplib::Request seen;
  std::mutex m;
  scripted_upstream upstream([&](const httplib::Request& rq, httplib::Response& out) {
    {
      const std::lock_guard lock(m);
      seen = rq;
    }
    out.set_header("request-id", "req_upstream_7");
    out.set_header("Retry-After", "7");
    out.set_header("Set-Cookie", "session=1");
    out.set_content(std::string(genwire::flora::example_run), "application/json; charset=utf-8");
  });
  live_mock proxy(proxying("flora", upstream.url()));
  const auto r = proxy.send("GET", "/api/v1/runs/run_abc123?x=1%202&y=%C3%A9",
                            {{"Authorization", "Bearer sk_live_secret"}, {"Idempotency-Key", "idem-1"}, {"Cookie", "c=1"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, genwire::flora::example_run);
  EXPECT_EQ(r->get_header_value("request-id"), "req_upstream_7");
  EXPECT_EQ(r->get_header_value("Retry-After"), "7");
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_FALSE(r->has_header("Set-Cookie"));
  const std::lock_guard lock(m);
  EXPECT_EQ(seen.path, "/api/v1/runs/run_abc123");
  EXPECT_EQ(seen.get_param_value("x"), "1 2");
  EXPECT_EQ(seen.get_param_value("y"), "\xC3\xA9");
  EXPECT_EQ(seen.get_header_value("Authorization"), "Bearer sk_live_secret");
  EXPECT_EQ(seen.get_header_value("Idempotency-Key"), "idem-1");
  EXPECT_FALSE(seen.has_header("Cookie"));
}

TEST(ProxyForward, UnreachableUpstreamIsAMarked502NamingIt) {
  const std::string url = unreachable_url();
  live_mock proxy(proxying("flora", url));
  const auto r = proxy.send("GET", "/api/v1/runs/run_abc123", {{"Authorization", "Bearer k"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 502);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "upstream-unreachable");
  const auto body = mock_test::decoded<mock_test::mock_error_body>(r->body);
  EXPECT_NE(body.genwire_mock_error.message.find(url + "/api/v1/runs/run_abc123"), std::string::npos) << body.genwire_mock_error.message;
  EXPECT_NE(body.genwire_mock_error.message.find("could not connect"), std::string::npos);
  ASSERT_TRUE(last_entry(proxy).upstream.has_value());
  EXPECT_EQ(last_entry(proxy).upstream->status, 0);
}

// A GET proxied to `upstream` with `timeout` comes back as the marked 504 naming the timeout, in
// less than `within`.
void expect_marked_timeout(const std::string& upstream, std::chrono::milliseconds timeout, std::chrono::milliseconds within) {
  auto c = proxying("flora", upstream);
  c.upstream_timeout = timeout;
  live_mock proxy(std::move(c));
  const auto started = std::chrono::steady_clock::now();
  const auto r = proxy.send("GET", "/api/v1/runs/run_abc123");
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 504);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "upstream-timeout");
  EXPECT_NE(r->body.find("no whole answer within " + std::to_string(timeout.count()) + " ms"), std::string::npos) << r->body;
  EXPECT_LT(took, within);
}

TEST(ProxyForward, SlowUpstreamIsAMarked504WithinTheTimeout) {
  scripted_upstream upstream([](const httplib::Request&, httplib::Response& out) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    out.set_content(std::string(genwire::flora::example_run), "application/json");
  });
  expect_marked_timeout(upstream.url(), std::chrono::milliseconds(200), std::chrono::milliseconds(1400));
}

TEST(ProxyForward, WithCorsPreflightsAreTheMocksAndProxiedAnswersCarryCorsHeaders) {
  using F = genwire::flora::get_run_endpoint;
  live_mock upstream;
  auto c = proxying("flora", upstream.srv.base_url());
  c.cors = true;
  live_mock proxy(std::move(c));
  const std::string origin = "http://page.example";

  const auto pre = proxy.send("OPTIONS", std::string(F::example_path),
                              {{"Origin", origin}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->status, 204);
  EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Origin"), origin);
  EXPECT_TRUE(upstream.srv.requests().snapshot().requests.empty()) << "a preflight went upstream";

  httplib::Headers headers = mock_test::read_key(F::auth[0]);
  headers.emplace("Origin", origin);
  const auto r = mock_test::send_example<F>(proxy, headers);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), origin);
  EXPECT_EQ(r->get_header_value("X-Genwire-Violations"), "0");
  EXPECT_EQ(upstream.srv.requests().snapshot().requests.size(), 1u);
}

TEST(ProxyForward, TricklingUpstreamIsCutOffAtTheTimeoutForTheWholeAnswer) {
  // Each byte comes well within the timeout, the whole answer far beyond it.
  scripted_upstream upstream([](const httplib::Request&, httplib::Response& out) {
    out.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
      for (int i = 0; i < 40; ++i) {
        if (!sink.write(" ", 1)) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      sink.write("{}", 2);
      sink.done();
      return true;
    });
  });
  // The trickle alone takes 2 s.
  expect_marked_timeout(upstream.url(), std::chrono::milliseconds(300), std::chrono::milliseconds(1500));
}

TEST(ProxyForward, DroppedConnectionIsAMarked502) {
  dropping_upstream upstream;
  live_mock proxy(proxying("flora", upstream.url()));
  const auto r = proxy.send("GET", "/api/v1/runs/run_abc123");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 502);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "upstream-dropped");
  EXPECT_NE(r->body.find(upstream.url()), std::string::npos) << r->body;
}

TEST(ProxyForward, BadProxyConfigurationIsRefusedAtConstruction) {
  EXPECT_THROW(gm::server(proxying("nosuch", "http://127.0.0.1:1")), std::invalid_argument);
  EXPECT_THROW(gm::server(proxying("flora", "ftp://example.com")), std::invalid_argument);
  EXPECT_THROW(gm::server(proxying("flora", "https://example.com/?q=1")), std::invalid_argument);
  auto twice = proxying("flora", "http://127.0.0.1:1");
  twice.proxies.push_back({"FLORA", "http://127.0.0.1:2"});
  EXPECT_THROW(gm::server(std::move(twice)), std::invalid_argument);
}

}  // namespace
