// The proxy in front of a small upstream that answers deliberately broken bodies for one endpoint
// (flora.get_run): each violation is reported with its exact path, offset and whether only the
// strict rules refuse it, in the journal and X-Genwire-Violations, with the body untouched;
// GET /__admin/violations counts them; --proxy-fail-on-violation turns the refused ones into a
// marked 502.
#include <mutex>

#include "proxy_test_support.hpp"

namespace {

using namespace proxy_test;
namespace gm = genwire::mock;

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// An upstream whose next answers are set by the test.
struct settable_upstream {
  std::mutex m;
  int status = 200;
  std::string body;
  scripted_upstream server{[this](const httplib::Request&, httplib::Response& out) {
    const std::lock_guard lock(m);
    out.status = status;
    out.set_content(body, "application/json");
  }};
  void answer(int s, std::string b) {
    const std::lock_guard lock(m);
    status = s;
    body = std::move(b);
  }
};

struct broken_case {
  const char* what;
  int status;
  std::string body;
  std::string path;
  bool strict_only;
  std::string found_text;  // where the offending value starts in the body ("" : offset not checked)
};

std::vector<broken_case> cases() {
  const std::string_view run = genwire::flora::example_run;
  return {
      {"missing required key", 200, replaced(run, "\"run_id\": \"run_abc123\",", ""), "run_id", false, ""},
      {"wrong type", 200, replaced(run, "\"progress\": 100", "\"progress\": \"forty\""), "progress", false, "\"forty\""},
      {"unknown enum only strict refuses", 200, replaced(run, "\"status\": \"completed\"", "\"status\": \"queued\""), "status", true,
       "\"queued\""},
      {"nested unknown enum", 200, replaced(run, "\"type\": \"imageUrl\"", "\"type\": \"gifUrl\""), "outputs[0].type", true,
       "\"gifUrl\""},
      {"unknown key only strict refuses", 200, replaced(run, "\"progress\": 100", "\"progress\": 100, \"queue\": 3"), "queue", true, ""},
      {"undocumented status", 418, R"({"teapot":true})", "$", false, ""},
      {"error envelope without its error", 404, R"({"detail":"Not Found"})", "error", false, ""},
  };
}

httplib::Result get_run(live_mock& m) { return m.send("GET", "/api/v1/runs/run_abc123", {{"Authorization", "Bearer sk_live_k"}}); }

TEST(ProxyViolations, EachBrokenAnswerIsReportedWithItsExactPathAndPassedBackUntouched) {
  settable_upstream upstream;
  live_mock proxy(proxying("flora", upstream.server.url()));
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.what);
    upstream.answer(c.status, c.body);
    const auto r = get_run(proxy);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, c.status);
    EXPECT_EQ(r->body, c.body);
    EXPECT_FALSE(r->has_header("X-Genwire-Mock-Error"));
    EXPECT_EQ(r->get_header_value("X-Genwire-Violations"), "1");
    const auto entries = proxy.srv.requests().snapshot().requests;
    ASSERT_FALSE(entries.empty());
    const gm::journal_entry& e = entries.back();
    ASSERT_TRUE(e.upstream && e.violations);
    EXPECT_EQ(e.upstream->status, c.status);
    ASSERT_EQ(e.violations->size(), 1u);
    const gm::journal_violation& v = e.violations->front();
    EXPECT_EQ(v.path, c.path);
    EXPECT_EQ(v.strict_only, c.strict_only);
    EXPECT_FALSE(v.expected.empty());
    if (!c.found_text.empty()) {
      EXPECT_EQ(v.found, "string " + c.found_text);  // the codec names the JSON type it found
      EXPECT_EQ(v.offset, c.body.find(c.found_text));
    }
  }
  // Over HTTP, the journal shows the same fields.
  const auto journal = proxy.send("GET", "/__admin/requests");
  ASSERT_TRUE(journal);
  EXPECT_NE(journal->body.find(R"("upstream":{"url":")" + upstream.server.url() + R"(/api/v1/runs/run_abc123","status":404,"time_ms":)"),
            std::string::npos) << journal->body;
  EXPECT_NE(journal->body.find(R"("violations":[{"path":"outputs[0].type","expected":")"), std::string::npos);
  EXPECT_NE(journal->body.find(R"("strict_only":true}])"), std::string::npos);
  // The documented body again: clean.
  upstream.answer(200, std::string(genwire::flora::example_run));
  const auto clean = get_run(proxy);
  ASSERT_TRUE(clean);
  EXPECT_EQ(clean->get_header_value("X-Genwire-Violations"), "0");
}

TEST(ProxyViolations, AdminViolationsSummarisesPerEndpointAndPath) {
  settable_upstream upstream;
  live_mock proxy(proxying("flora", upstream.server.url()));
  const auto all = cases();
  for (const auto& c : all) {
    upstream.answer(c.status, c.body);
    ASSERT_TRUE(get_run(proxy));
  }
  upstream.answer(all[1].status, all[1].body);  // "progress" a second time
  ASSERT_TRUE(get_run(proxy));
  upstream.answer(200, std::string(genwire::flora::example_run));
  ASSERT_TRUE(get_run(proxy));

  const auto r = proxy.send("GET", "/__admin/violations");
  ASSERT_TRUE(r);
  const auto page = mock_test::decoded<violations_page>(r->body);
  EXPECT_EQ(page.checked, all.size() + 2);
  EXPECT_EQ(page.violating, all.size() + 1);
  ASSERT_EQ(page.endpoints.size(), 1u);
  const auto& ep = page.endpoints[0];
  EXPECT_EQ(ep.endpoint, "flora.get_run");
  std::vector<std::string> paths;
  for (const auto& p : ep.paths) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"$", "error", "outputs[0].type", "progress", "queue", "run_id", "status"}));
  for (const auto& p : ep.paths) {
    SCOPED_TRACE(p.path);
    EXPECT_EQ(p.count, p.path == "progress" ? 2u : 1u);
    EXPECT_FALSE(p.first_seen.empty());
    EXPECT_LE(p.first_seen, p.last_seen);
    EXPECT_TRUE(genwire::formats::parse_date_time(p.first_seen).has_value()) << p.first_seen;
  }
  EXPECT_EQ(ep.paths[0].example.status, 418);
  EXPECT_EQ(ep.paths[0].example.found, "status 418");
  EXPECT_EQ(ep.paths[3].example.found, "string \"forty\"");
  EXPECT_TRUE(ep.paths[6].example.strict_only);

  const auto cleared = proxy.send("DELETE", "/__admin/violations");
  ASSERT_TRUE(cleared);
  EXPECT_EQ(mock_test::decoded<violations_page>(cleared->body).endpoints.size(), 0u);
}

TEST(ProxyViolations, FailOnViolationAnswersAMarked502ForWhatTheDefaultRulesRefuse) {
  settable_upstream upstream;
  auto config = proxying("flora", upstream.server.url());
  config.proxy_fail_on_violation = true;
  live_mock proxy(std::move(config));
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.what);
    upstream.answer(c.status, c.body);
    const auto r = get_run(proxy);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("X-Genwire-Violations"), "1");
    if (c.strict_only) {
      EXPECT_EQ(r->status, c.status);
      EXPECT_EQ(r->body, c.body);
      continue;
    }
    EXPECT_EQ(r->status, 502);
    EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "upstream-violation");
    const auto body = mock_test::decoded<mock_test::mock_error_body>(r->body);
    EXPECT_NE(body.genwire_mock_error.message.find(c.path + ": expected"), std::string::npos) << body.genwire_mock_error.message;
    EXPECT_NE(body.genwire_mock_error.message.find(upstream.server.url()), std::string::npos);
    EXPECT_EQ(body.genwire_mock_error.endpoint, "flora.get_run");
  }
}

}  // namespace
