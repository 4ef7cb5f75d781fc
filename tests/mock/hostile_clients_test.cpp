// The mock under hostile and greedy clients, at a size CI affords (bench/hostile_load runs the full
// size): slow clients are cut off at the head deadline and counted, idle keep-alive connections
// hold no worker, honest requests are answered fast throughout, and beyond the connection limit
// new connections are refused at once.
#include <memory>
#include <thread>
#include <vector>

#include "../../bench/hostile_clients.hpp"
#include "mock_test_support.hpp"

namespace {

using namespace std::chrono_literals;

genwire::mock::server_config small_server() {
  genwire::mock::server_config c;
  c.threads = 4;  // far fewer workers than open connections: they must not be tied together
  c.header_timeout = 1500ms;
  return c;
}

TEST(MockHostileClients, TricklingAndIdleClientsDoNotStallHonestOnes) {
  mock_test::live_mock m(small_server());
  hostile::plan p;
  p.port = m.srv.port();
  p.trickling = 150;
  p.idle = 250;
  p.honest = 2;
  p.ramp = 500ms;
  p.duration = 2500ms;
  p.trickle_interval = 400ms;  // a byte now and then, so a per-byte timeout would never fire
  p.idle_interval = 2000ms;    // under the 5 s keep-alive timeout
  const hostile::outcome o = hostile::run(p);

  EXPECT_EQ(o.connect_failures, 0u);
  EXPECT_EQ(o.honest_failures, 0u);
  EXPECT_GT(o.honest_answers, 100u) << "honest requests kept being answered";
  EXPECT_LT(o.percentile(0.99), 50.0) << "p99 " << o.percentile(0.99) << " ms, max " << o.percentile(1.0) << " ms";
  // Every trickling client was cut off once its head deadline passed, and counted as such.
  EXPECT_EQ(o.trickling_cut_off, o.trickling_opened);
  EXPECT_EQ(o.idle_alive_at_end, o.idle_opened) << "idle keep-alive connections stay open";
  const genwire::mock::connection_stats s = m.srv.connections();
  EXPECT_GE(s.slow_closed, o.trickling_opened);
  EXPECT_EQ(s.refused, 0u);
  EXPECT_GE(s.accepted, o.trickling_opened + o.idle_opened + p.honest);
  // GET /__admin/stats says the same.
  auto stats = m.send("GET", "/__admin/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  const auto decoded = mock_test::decoded<genwire::mock::connection_stats>(stats->body);
  EXPECT_GE(decoded.slow_closed, o.trickling_opened);
  EXPECT_GE(decoded.requests, o.honest_answers);
}

TEST(MockHostileClients, SlowHeadsAreCutAtTheDeadlineNotPerByte) {
  genwire::mock::server_config c = small_server();
  c.header_timeout = 1000ms;
  mock_test::live_mock m(c);
  hostile::plan p;
  p.port = m.srv.port();
  p.trickling = 5;
  p.honest = 1;
  p.ramp = 0ms;
  p.duration = 2500ms;
  p.trickle_interval = 200ms;
  const auto start = std::chrono::steady_clock::now();
  const hostile::outcome o = hostile::run(p);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
  EXPECT_EQ(o.trickling_cut_off, 5u) << "each sent a line every 200 ms, and still was cut at 1000 ms";
  EXPECT_EQ(m.srv.connections().slow_closed, 5u);
  EXPECT_EQ(o.honest_failures, 0u);
}

TEST(MockHostileClients, BeyondTheLimitNewConnectionsAreRefusedAtOnce) {
  genwire::mock::server_config c = small_server();
  c.max_connections = 20;
  mock_test::live_mock m(c);  // its own client connects only when it sends
  std::vector<std::unique_ptr<mock_test::raw_conn>> held;
  for (int i = 0; i < 30; ++i) held.push_back(std::make_unique<mock_test::raw_conn>(m.srv.port()));
  // The last ten were accepted and closed at once: they read end-of-stream, not an answer.
  std::this_thread::sleep_for(200ms);
  std::size_t closed_now = 0;
  for (auto& h : held) {
    bool closed = false;
    (void)h->read_all(std::chrono::milliseconds(20), closed);
    closed_now += closed;
  }
  EXPECT_EQ(closed_now, 10u);
  EXPECT_EQ(m.srv.connections().refused, 10u);
  EXPECT_EQ(m.srv.connections().open, 20u);
  held.clear();
  // Once they close, new ones are served again.
  std::this_thread::sleep_for(200ms);
  auto r = m.send("GET", "/__admin/endpoints");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

}  // namespace
