// The README's client quick start, compiled and run against the in-process mock.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>

// --- README client quick start: begin ---
#include <genwire/client.hpp>
#include <iostream>

int list_runs(const std::string& url, std::ostream& out) {
  genwire::client::flora_client flora({.base_url = url});  // key from FLORA_API_KEY; FLORA's SDK retries and timeout
  auto all = flora.items<genwire::flora::list_generations_endpoint>();  // every page, lazily, through meta.next_cursor
  for (const auto& g : all) out << g.generation_id << ' ' << genwire::enum_name(g.status) << '\n';
  if (all.error()) return std::cerr << all.error()->message() << '\n', 1;  // e.g. HTTP 401 unauthorized: Invalid API key.
  return 0;
}
// --- README client quick start: end ---

#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

namespace {

TEST(ReadmeClient, ListsEveryRunOfEveryPage) {
  genwire::mock::server_config c;
  c.data = genwire::mock::make_realistic_store({.seed = 2, .items = 45, .step_ms = 0, .clock = {}});
  genwire::mock::server srv(std::move(c));
  srv.start();
  ::setenv("FLORA_API_KEY", "gw_test_read", 1);
  std::ostringstream out;
  EXPECT_EQ(list_runs(srv.base_url(), out), 0);
  std::size_t lines = 0;
  for (char ch : out.str()) lines += ch == '\n';
  EXPECT_EQ(lines, 45u) << "three pages of 20, 20 and 5";
  EXPECT_TRUE(out.str().starts_with("run_")) << out.str().substr(0, 100);
  ::setenv("FLORA_API_KEY", "not_a_key", 1);
  std::ostringstream none;
  EXPECT_EQ(list_runs(srv.base_url(), none), 1);
  EXPECT_EQ(none.str(), "");
  ::unsetenv("FLORA_API_KEY");
}

}  // namespace
