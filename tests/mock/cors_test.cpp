// --cors (server_config::cors): every endpoint answers preflights with 204 and makes its answers
// readable by a page on another origin; without it only the provider that documents CORS (Diffio)
// does, exactly as documented. In-process through server::handle, and over HTTP.
#include <algorithm>
#include <cctype>

#include "mock_test_support.hpp"

namespace {

using genwire::mock::request;
using genwire::mock::response;

constexpr std::string_view origin = "http://page.localhost:5173";

bool is_diffio(std::string_view provider) { return provider == genwire::diffio::provider_name; }

genwire::mock::server_config with_cors(bool on) {
  genwire::mock::server_config c;
  c.cors = on;
  return c;
}

std::string value_of(const response& r, std::string_view name) {
  const std::string* v = r.header_value(name);
  return v ? *v : std::string();
}

// "A, b ,C" -> {"a", "b", "c"}: a header's comma-separated list, names compared without case.
std::vector<std::string> names_in(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    std::string lower(item);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!lower.empty()) out.push_back(std::move(lower));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <class D>
std::string allow_of() {
  return D::method == genwire::http_method::get ? "GET, HEAD, OPTIONS" : "POST, OPTIONS";
}

// What a browser sends before a cross-origin call with the key header and Content-Type.
template <class D>
request preflight_of() {
  request rq{"OPTIONS", std::string(genwire::example_path_of<D>()), "", {}, "", "http"};
  rq.headers = {{"Origin", std::string(origin)},
                {"Access-Control-Request-Method", std::string(genwire::to_string(D::method))},
                {"Access-Control-Request-Headers", "content-type, prefer, " + std::string(D::auth[0].header)}};
  return rq;
}

// The descriptor's own valid request, with the read key and the page's Origin (and `more`).
template <class D>
request call_of(std::vector<genwire::mock::header> more = {}) {
  request rq{std::string(genwire::to_string(D::method)), std::string(genwire::example_path_of<D>()), "", {}, "", "http"};
  const std::string ex = mock_test::example_request<D>();
  if constexpr (D::request_in == genwire::request_location::json_body) {
    rq.body = ex;
    rq.headers.push_back({"Content-Type", "application/json"});
  } else {
    rq.query = ex;
  }
  rq.headers.push_back({"Origin", std::string(origin)});
  rq.headers.push_back({std::string(D::auth[0].header), std::string(D::auth[0].prefix) + "gw_test_read"});
  for (auto& h : more) rq.headers.push_back(std::move(h));
  return rq;
}

// Every header a page cannot read unless it is exposed (not CORS-safelisted, not about CORS).
std::vector<std::string> needs_exposing(const response& r) {
  std::string names;
  for (const auto& h : r.headers) {
    const auto n = names_in(h.name);
    if (n.empty()) continue;
    const std::string& name = n[0];
    if (name == "content-type" || name == "content-length" || name == "vary" || name.rfind("access-control-", 0) == 0) continue;
    names += h.name + ",";
  }
  return names_in(names);
}

TEST(MockCors, EveryEndpointAnswersAPreflightWith204AllowingItsAuthHeadersContentTypeAndPrefer) {
  genwire::mock::server srv(with_cors(true));
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    const response r = srv.handle(preflight_of<D>());
    EXPECT_EQ(r.status, 204);
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(value_of(r, "Access-Control-Allow-Origin"), origin);
    EXPECT_EQ(names_in(value_of(r, "Vary")), std::vector<std::string>{"origin"});
    EXPECT_EQ(value_of(r, "Access-Control-Allow-Methods"), allow_of<D>());
    std::string expected;
    for (const auto& a : D::auth) expected += std::string(a.header) + ",";
    EXPECT_EQ(names_in(value_of(r, "Access-Control-Allow-Headers")), names_in(expected + "Content-Type,Prefer"));
    EXPECT_EQ(r.header_value("Access-Control-Allow-Credentials"), nullptr);
    // A provider that documents its preflight keeps what it documents (Diffio's Max-Age).
    EXPECT_EQ(r.header_value("Access-Control-Max-Age") != nullptr, is_diffio(D::provider));
  });
}

TEST(MockCors, EveryAnswerNamesTheOriginAndExposesItsOwnHeaders) {
  genwire::mock::server srv(with_cors(true));
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    const response ok = srv.handle(call_of<D>());
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(value_of(ok, "Access-Control-Allow-Origin"), origin);
    EXPECT_EQ(names_in(value_of(ok, "Vary")), std::vector<std::string>{"origin"});
    EXPECT_EQ(names_in(value_of(ok, "Access-Control-Expose-Headers")), needs_exposing(ok));
    // FLORA's request id on every answer is what a page quotes in a support ticket.
    for (const auto& h : genwire::response_headers_of<D>())
      EXPECT_NE(value_of(ok, "Access-Control-Expose-Headers").find(std::string(h.name)), std::string::npos) << h.name;

    // Every documented code on demand, as readable: a 429's Retry-After for the page's backoff.
    for (const genwire::status_doc& s : D::statuses) {
      SCOPED_TRACE(s.code);
      const response r = srv.handle(call_of<D>({{"Prefer", "code=" + std::to_string(s.code)}}));
      EXPECT_EQ(r.status, s.code);
      EXPECT_EQ(value_of(r, "Access-Control-Allow-Origin"), origin);
      EXPECT_EQ(names_in(value_of(r, "Access-Control-Expose-Headers")), needs_exposing(r));
      if (s.code == 429) {
        EXPECT_NE(r.header_value("Retry-After"), nullptr);
        EXPECT_NE(value_of(r, "Access-Control-Expose-Headers").find("Retry-After"), std::string::npos);
      }
    }

    // The mock's own answers on the route too (its marker header exposed), and refusals.
    const response undocumented = srv.handle(call_of<D>({{"Prefer", "code=418"}}));
    EXPECT_EQ(undocumented.status, genwire::mock::mock_error_status);
    EXPECT_EQ(value_of(undocumented, "Access-Control-Allow-Origin"), origin);
    EXPECT_NE(value_of(undocumented, "Access-Control-Expose-Headers").find(std::string(genwire::mock::mock_error_header)),
              std::string::npos);
    request no_key = call_of<D>();
    std::erase_if(no_key.headers, [](const auto& h) { return h.name == D::auth[0].header; });
    const response refused = srv.handle(no_key);
    EXPECT_TRUE(refused.status == 401 || refused.status == 403) << refused.status;
    EXPECT_EQ(value_of(refused, "Access-Control-Allow-Origin"), origin);

    // A wrong method is still a 405, whose Allow now lists OPTIONS.
    request put = call_of<D>();
    put.method = "PUT";
    const response wrong = srv.handle(put);
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(value_of(wrong, "Allow"), allow_of<D>());
    EXPECT_EQ(value_of(wrong, "Access-Control-Allow-Origin"), origin);
    EXPECT_NE(value_of(wrong, "Access-Control-Expose-Headers").find("Allow"), std::string::npos);
  });
}

TEST(MockCors, WithoutAnOriginNothingIsEchoedButCachesStillVaryOnIt) {
  genwire::mock::server srv(with_cors(true));
  using F = genwire::flora::list_generations_endpoint;
  request rq = call_of<F>();
  std::erase_if(rq.headers, [](const auto& h) { return h.name == "Origin"; });
  const response r = srv.handle(rq);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header_value("Access-Control-Allow-Origin"), nullptr);
  EXPECT_EQ(value_of(r, "Vary"), "Origin");
}

TEST(MockCors, OffEachProviderAsDocumentedOnlyDiffioAllowsOtherOrigins) {
  genwire::mock::server srv(with_cors(false));
  genwire::all_endpoints::for_each([&]<class D>() {
    SCOPED_TRACE(D::name);
    const response pre = srv.handle(preflight_of<D>());
    const response ok = srv.handle(call_of<D>());
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.header_value("Access-Control-Expose-Headers"), nullptr);
    if (!is_diffio(D::provider)) {
      EXPECT_EQ(pre.status, 405);
      EXPECT_EQ(value_of(pre, "Allow"), D::method == genwire::http_method::get ? "GET, HEAD" : "POST");
      for (const response* r : {&pre, &ok})
        for (const auto& h : r->headers) EXPECT_NE(names_in(h.name)[0].rfind("access-control-", 0), 0u) << h.name;
      return;
    }
    // Diffio's documented preflight, unchanged: its key headers and Content-Type, not Prefer.
    EXPECT_EQ(pre.status, 204);
    EXPECT_EQ(value_of(pre, "Access-Control-Allow-Origin"), origin);
    EXPECT_EQ(value_of(pre, "Access-Control-Allow-Methods"), "POST, OPTIONS");
    EXPECT_EQ(value_of(pre, "Access-Control-Allow-Headers"), "Authorization, X-Api-Key, Xi-Api-Key, Content-Type");
    EXPECT_EQ(value_of(pre, "Access-Control-Max-Age"), "3600");
    EXPECT_EQ(value_of(ok, "Access-Control-Allow-Origin"), origin);
  });
}

TEST(MockCors, WithCorsDiffioKeepsItsPreflightAndAlsoAllowsPrefer) {
  genwire::mock::server off(with_cors(false));
  genwire::mock::server on(with_cors(true));
  using L = genwire::diffio::list_project_generations_endpoint;
  const response a = off.handle(preflight_of<L>());
  const response b = on.handle(preflight_of<L>());
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(value_of(b, "Access-Control-Allow-Headers"), value_of(a, "Access-Control-Allow-Headers") + ", Prefer");
  for (const char* same : {"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Max-Age", "Vary"})
    EXPECT_EQ(value_of(a, same), value_of(b, same)) << same;
}

TEST(MockCors, OverHttp) {
  using F = genwire::flora::get_run_endpoint;
  const httplib::Headers pre{{"Origin", std::string(origin)},
                             {"Access-Control-Request-Method", "GET"},
                             {"Access-Control-Request-Headers", "authorization"}};
  const httplib::Headers call{{"Origin", std::string(origin)}, {"Authorization", "Bearer gw_test_read"}, {"Prefer", "code=429"}};
  mock_test::live_mock on(with_cors(true));
  auto p = on.send("OPTIONS", std::string(F::example_path), pre);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 204);
  EXPECT_EQ(p->get_header_value("Access-Control-Allow-Origin"), origin);
  EXPECT_EQ(p->get_header_value("Access-Control-Allow-Headers"), "Authorization, Content-Type, Prefer");
  auto r = on.send("GET", std::string(F::example_path), call);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), origin);
  EXPECT_EQ(names_in(r->get_header_value("Access-Control-Expose-Headers")),
            names_in(std::string("Retry-After, ") + std::string(genwire::flora::request_id_header)));

  mock_test::live_mock off(with_cors(false));
  auto q = off.send("OPTIONS", std::string(F::example_path), pre);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 405);
  EXPECT_FALSE(q->has_header("Access-Control-Allow-Origin"));
  auto s = off.send("GET", std::string(F::example_path), call);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 429);
  EXPECT_FALSE(s->has_header("Access-Control-Allow-Origin"));
}

}  // namespace
