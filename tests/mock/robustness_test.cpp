// Bad clients never hurt the mock: malformed HTTP, slow clients, hostile in-process input,
// concurrency; and the connection settings that make it fast.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <random>
#include <thread>

#include "mock_test_support.hpp"

namespace {

using mock_test::live_mock;
using mock_test::raw_conn;

// A raw TCP connection to the mock, for what no well-behaved HTTP client sends.

TEST(MockRobustness, GarbageRequestLineGetsAMarked400) {
  live_mock m;
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  c.send("THIS IS NOT HTTP\r\n\r\n");
  bool closed = false;
  std::string reply;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (reply.find("}}") == std::string::npos && !closed && std::chrono::steady_clock::now() < until)
    reply += c.read_all(std::chrono::milliseconds(50), closed);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("X-Genwire-Mock-Error: malformed-request"), std::string::npos) << reply;
}

// Reads one answer (until its JSON body is complete) from a raw connection.
std::string read_answer(raw_conn& c, std::string_view body_end) {
  std::string reply;
  bool closed = false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (reply.find(body_end) == std::string::npos && !closed && std::chrono::steady_clock::now() < until)
    reply += c.read_all(std::chrono::milliseconds(50), closed);
  return reply;
}

TEST(MockRobustness, PostWithoutContentLengthIsAnEmptyBody) {
  // What `curl -X POST` sends: no Content-Length and no body (RFC 9112 section 6.3: length 0).
  live_mock m;
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  c.send("POST /v1/list_project_generations HTTP/1.1\r\nHost: x\r\nPrefer: code=405\r\n\r\n");
  std::string reply = read_answer(c, "\"}");
  EXPECT_EQ(reply.rfind("HTTP/1.1 405", 0), 0u) << reply;
  EXPECT_NE(reply.find("Allow: POST, OPTIONS"), std::string::npos) << reply;
  c.send("POST /v1/list_project_generations HTTP/1.1\r\nHost: x\r\nX-Api-Key: gw_test_read\r\n\r\n");
  reply = read_answer(c, "\"}");
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find(genwire::diffio::reason_api_project_id_must_be_string), std::string::npos) << reply;
  EXPECT_EQ(reply.find("X-Genwire-Internal"), std::string::npos) << reply;  // the adapter's marker stays inside
}

// The answers on a raw connection until `count` of them are complete (each ends its JSON with `body_end`).
std::string read_answers(raw_conn& c, std::string_view body_end, std::size_t count) {
  std::string reply;
  bool closed = false;
  const auto complete = [&] {
    std::size_t n = 0;
    for (std::size_t at = reply.find(body_end); at != std::string::npos; at = reply.find(body_end, at + 1)) ++n;
    return n >= count;
  };
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!complete() && !closed && std::chrono::steady_clock::now() < until) reply += c.read_all(std::chrono::milliseconds(50), closed);
  return reply;
}

std::string body_of(std::string_view answer) { return std::string(answer.substr(answer.find("\r\n\r\n") + 4)); }

TEST(MockRobustness, APostBodyIsTheSameRequestSizedChunkedOrPipelined) {
  // A body sized by Content-Length reaches the router straight from the connection engine; a
  // chunked one through cpp-httplib's decoder; one with a Content-Encoding is cpp-httplib's to
  // decompress, and refuse when it is not what it says (this one is not gzip), as before the
  // engine took sized bodies itself.
  live_mock m;
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  const std::string body = R"({"apiProjectId":"proj-123"})";
  const std::string head =
      "POST /v1/list_project_generations HTTP/1.1\r\nHost: x\r\nX-Api-Key: gw_test_read\r\nContent-Type: application/json\r\n";
  const std::string sized = head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  char size_hex[8];
  std::snprintf(size_hex, sizeof size_hex, "%zx", body.size());
  const std::string chunked = head + "Transfer-Encoding: chunked\r\n\r\n" + size_hex + "\r\n" + body + "\r\n0\r\n\r\n";

  c.send(sized);
  const std::string first = read_answers(c, "]}", 1);
  ASSERT_EQ(first.rfind("HTTP/1.1 200", 0), 0u) << first;
  EXPECT_NE(body_of(first).find("\"apiProjectId\":\"proj-123\",\"generations\":["), std::string::npos) << first;
  c.send(chunked);
  const std::string second = read_answers(c, "]}", 1);
  ASSERT_EQ(second.rfind("HTTP/1.1 200", 0), 0u) << second;
  EXPECT_EQ(body_of(second), body_of(first));
  // Two requests in one write: the second's head starts right after the first's body.
  c.send(sized + chunked);
  const std::string both = read_answers(c, "]}", 2);
  const std::size_t next = both.find("HTTP/1.1 ", 1);
  ASSERT_NE(next, std::string::npos) << both;
  EXPECT_EQ(both.rfind("HTTP/1.1 200", 0), 0u) << both;
  EXPECT_EQ(both.compare(next, 12, "HTTP/1.1 200"), 0) << both;
  EXPECT_EQ(body_of(std::string_view(both).substr(next)), body_of(first));

  c.send(head + "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  const std::string encoded = read_answers(c, "}", 1);
  EXPECT_EQ(encoded.rfind("HTTP/1.1 400", 0), 0u) << encoded;
  EXPECT_NE(encoded.find("X-Genwire-Mock-Error: malformed-request"), std::string::npos) << encoded;
  EXPECT_EQ(m.srv.requests().snapshot().recorded, 5u);
}

TEST(MockRobustness, ExpectContinueGetsItsInterimAnswerBeforeTheBodyIsSent) {
  // The answer's bytes are collected and sent once it is done; a "100 Continue" must not wait for
  // that, or a client that waits for it before sending its body never gets an answer.
  live_mock m;
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  const std::string body = R"({"apiProjectId":"proj-123"})";
  std::string head("POST /v1/list_project_generations HTTP/1.1\r\nHost: x\r\nX-Api-Key: gw_test_read\r\n"
                   "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ");
  head.append(std::to_string(body.size())).append("\r\n\r\n");  // appended: g++ 12 -O3 -Wrestrict on "..." + std::string
  c.send(head);
  const std::string interim = read_answers(c, "\r\n\r\n", 1);
  ASSERT_EQ(interim.rfind("HTTP/1.1 100 Continue\r\n", 0), 0u) << interim;
  c.send(body);
  const std::string answer = read_answers(c, "]}", 1);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"apiProjectId\":\"proj-123\""), std::string::npos) << answer;
}

TEST(MockRobustness, AnAnswerLargerThanTheSendBufferArrivesWhole) {
  // Over 64 KiB an answer's body is sent on its own after the head: both must arrive, in order.
  live_mock m;
  const std::string expected = m.srv.handle({"GET", "/__admin/openapi.json", "", {{"Host", "x"}}, ""}).body;
  ASSERT_GT(expected.size(), 64u * 1024u);
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  c.send("GET /__admin/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string reply;
  bool closed = false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!closed && std::chrono::steady_clock::now() < until) reply += c.read_all(std::chrono::milliseconds(50), closed);
  ASSERT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply.substr(0, 200);
  EXPECT_NE(reply.find(std::string("Content-Length: ").append(std::to_string(expected.size())).append("\r\n")), std::string::npos);
  EXPECT_EQ(body_of(reply), expected);
}

TEST(MockRobustness, SlowClientIsDroppedAfterTheReadTimeout) {
  genwire::mock::server_config config;
  config.header_timeout = std::chrono::seconds(1);
  config.keep_alive_timeout = std::chrono::seconds(1);
  live_mock m(config);
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  c.send("GET /v1/jobs HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  (void)c.read_all(std::chrono::milliseconds(8000), closed);
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  // Others are still served.
  auto r = m.send("GET", "/v1/jobs", {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(MockRobustness, KeepAliveCarriesManyRequestsOverOneConnection) {
  live_mock m;
  raw_conn c(m.srv.port());
  ASSERT_TRUE(c.connected());
  const std::string one = "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer gw_test_read\r\n\r\n";
  // cpp-httplib's default closes a connection after 5 requests; the mock keeps it for 10000.
  for (int i = 0; i < 20; ++i) {
    SCOPED_TRACE(i);
    c.send(one);
    std::string reply;
    bool closed = false;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (reply.find("\"total\":4}") == std::string::npos && !closed && std::chrono::steady_clock::now() < until)
      reply += c.read_all(std::chrono::milliseconds(50), closed);
    ASSERT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
    ASSERT_FALSE(closed);
    EXPECT_NE(reply.find("Keep-Alive: timeout=5, max="), std::string::npos);
    EXPECT_EQ(reply.find("Connection: close"), std::string::npos);
  }
}

TEST(MockRobustness, AnUnreadGetBodyClosesTheConnection) {
  // cpp-httplib does not read a GET body; the mock tells the client not to reuse the connection.
  live_mock m;
  auto r = m.send("GET", "/v1/jobs", {{"Authorization", "Bearer gw_test_read"}}, "{\"ignored\":true}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Connection"), "close");
  // The next request on the same client is answered normally (on a new connection).
  r = m.send("GET", "/v1/jobs", {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Connection"), "");
}

TEST(MockRobustness, ConcurrentClientsAllGetTheirAnswers) {
  live_mock m;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 16; ++t) {
    clients.emplace_back([&] {
      httplib::Client cli("127.0.0.1", m.srv.port());
      cli.set_keep_alive(true);
      for (int i = 0; i < 50; ++i) {
        auto r = cli.Get("/api/v1/generations", {{"Authorization", "Bearer gw_test_read"}});
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok.load(), 16 * 50);
  EXPECT_EQ(m.srv.requests().snapshot().recorded, 16u * 50u);
}

// The in-process entry point takes anything: random methods, paths, queries, headers and bodies
// built from the pieces real requests are made of.
TEST(MockRobustness, HandleAnswersAnyInputWithValidJson) {
  genwire::mock::server_config config;
  config.journal_capacity = 16;
  genwire::mock::server srv(config);
  std::mt19937 rng(12345);
  const std::vector<std::string> methods{"GET", "POST", "HEAD", "OPTIONS", "DELETE", "PUT", "", "G\xffT", "post"};
  std::vector<std::string> paths{"", "/", "/__admin/requests", "/__admin/endpoints", "/__admin/", "/v1/jobs/",
                                 std::string("/v1/\0jobs", 9), "/\xc3\x28"};
  genwire::all_endpoints::for_each([&]<class D>() { paths.emplace_back(D::path); });
  const std::vector<std::string> queries{"", "limit=0", "limit=%", "limit=%zz&&&=", "status=\xff", "cursor=" + std::string(300, 'c'),
                                         "created_after=2025-01-01T00:00:00Z", "ids=a&ids=b", "=&=&="};
  const std::vector<std::string> bodies{"", "{", "{}", "[]", "null", R"({"apiProjectId":"proj-123"})", R"({"generationId":"gen-123"})",
                                        std::string(300, '['), "\"\\ud800\"", "{\"a\":1e999999}", std::string("\0\0", 2)};
  const std::vector<genwire::mock::header> headers{
      {"Authorization", "Bearer gw_test_read"}, {"X-Api-Key", "gw_test_other"}, {"X-API-Key", "gw_test_noread"},
      {"Prefer", "code=200"}, {"Prefer", "code=\"\\"}, {"Prefer", "example=error_401"}, {"Prefer", ",;,;=,"},
      {"Origin", "\xff"}, {"Authorization", ""}, {"Xi-Api-Key", "gw_test_inactive"}, {"Prefer", "code=999"}};
  const auto pick = [&](const auto& v) -> const auto& { return v[rng() % v.size()]; };
  for (int i = 0; i < 3000; ++i) {
    genwire::mock::request rq;
    rq.method = pick(methods);
    rq.path = pick(paths);
    rq.query = pick(queries);
    rq.body = pick(bodies);
    for (unsigned n = rng() % 4; n > 0; --n) rq.headers.push_back(pick(headers));
    const auto r = srv.handle(rq);
    ASSERT_GE(r.status, 100);
    ASSERT_LE(r.status, 599);
    if (!r.body.empty()) {
      ASSERT_TRUE(genwire::check_json(r.body).ok()) << rq.method << " " << rq.path << " -> " << r.body;
    }
  }
  EXPECT_EQ(srv.requests().snapshot().requests.size(), 16u);
}

}  // namespace
