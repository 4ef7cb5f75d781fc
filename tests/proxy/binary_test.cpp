// The genwire-mock binary's proxy flags end to end: --proxy, --upstream-timeout-ms and --record
// against a loopback upstream, and the usage errors (exit 2) of malformed flags and of a broken
// --examples file.
#include <signal.h>
#include <sys/wait.h>

#include <cstdio>

#include "proxy_test_support.hpp"

namespace {

using namespace proxy_test;
namespace fs = std::filesystem;

#ifndef GENWIRE_MOCK_BINARY
#error "GENWIRE_MOCK_BINARY must name the built genwire-mock"
#endif

// Runs `program` with `args` (shell words) to its end, merged stdout and stderr; the exit code.
int run_command(const std::string& program, const std::string& args, std::string& out) {
  FILE* p = ::popen((program + " " + args + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[512];
  while (const std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int rc = ::pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int run_to_end(const std::string& args, std::string& out) { return run_command(GENWIRE_MOCK_BINARY, args, out); }

// The binary serving in the background: its pid and port from its first lines, SIGTERM at the end.
class running_mock {
 public:
  explicit running_mock(const std::string& args) {
    pipe_ = ::popen(("echo $$; exec " + std::string(GENWIRE_MOCK_BINARY) + " --port 0 --quiet " + args).c_str(), "r");
    char line[512];
    if (!pipe_ || !std::fgets(line, sizeof line, pipe_)) return;
    pid_ = std::atoi(line);
    if (!std::fgets(line, sizeof line, pipe_)) return;
    const std::string text = line;
    const auto colon = text.rfind(':');
    if (text.starts_with("genwire-mock listening on http://127.0.0.1:") && colon != std::string::npos) port_ = std::atoi(text.c_str() + colon + 1);
  }
  ~running_mock() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
    if (pipe_) ::pclose(pipe_);
  }
  running_mock(const running_mock&) = delete;
  running_mock& operator=(const running_mock&) = delete;
  [[nodiscard]] int port() const { return port_; }

 private:
  FILE* pipe_ = nullptr;
  int pid_ = 0;
  int port_ = 0;
};

TEST(ProxyBinary, ProxiesRecordsAndChecksThroughTheFlags) {
  live_mock upstream;
  const fs::path dir = fresh_dir("proxy_binary_record");
  running_mock m("--proxy flora=" + upstream.srv.base_url() + " --upstream-timeout-ms 3000 --record '" + dir.string() + "'");
  ASSERT_GT(m.port(), 0);
  httplib::Client cli("127.0.0.1", m.port());
  const auto r = cli.Get("/api/v1/runs/run_abc123", {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("X-Genwire-Violations"), "0");
  EXPECT_EQ(upstream.srv.requests().snapshot().requests.size(), 1u);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.path().filename().string().starts_with("flora.get_run.recorded-");
  EXPECT_EQ(files, 1u);
  const auto v = cli.Get("/__admin/violations");
  ASSERT_TRUE(v);
  EXPECT_EQ(mock_test::decoded<violations_page>(v->body).checked, 1u);
}

TEST(ProxyBinary, MalformedFlagsAreUsageErrors) {
  struct bad {
    std::string args;
    std::string says;
  };
  const std::vector<bad> cases{
      {"--proxy flora", "--proxy: expected PROVIDER=URL"},
      {"--proxy =http://x", "--proxy: expected PROVIDER=URL"},
      {"--proxy nosuch=http://127.0.0.1:1", "unknown provider \"nosuch\""},
      {"--proxy flora=ftp://x", "must start with http:// or https://"},
      {"--upstream-timeout-ms 0", "--upstream-timeout-ms: must be 1..3600000"},
      {"--record somewhere", "--record records proxied answers: it needs --proxy"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    std::string out;
    EXPECT_EQ(run_to_end("--port 0 --quiet " + c.args, out), 2) << out;
    EXPECT_NE(out.find(c.says), std::string::npos) << out;
  }
}

TEST(ProxyBinary, ABrokenExamplesFileStopsStartUpNamingFileAndPath) {
  const fs::path dir = fresh_dir("proxy_broken_binary");
  std::ofstream(dir / "bad.json") << R"({"endpoint":"flora.get_run","status":200,"name":"x","body":{"progress":1}})";
  std::string out;
  EXPECT_EQ(run_to_end("--port 0 --quiet --examples '" + dir.string() + "'", out), 2) << out;
  EXPECT_NE(out.find((dir / "bad.json").string() + ": body."), std::string::npos) << out;
}

#ifdef GENWIRE_CLI_PATH
int cli(const std::string& args, std::string& out) { return run_command(GENWIRE_CLI_PATH, args, out); }

TEST(ProxyBinary, TheCliListsAndPrintsExampleFiles) {
  const fs::path dir = fresh_dir("proxy_cli_examples");
  const std::string body = R"({"created_at":1,"progress":2,"run_id":"r","status":"running"})";
  std::ofstream(dir / "a.json") << R"({"endpoint":"flora.get_run","status":200,"name":"mine","default":true,"body":)" + body + "}";
  std::string listed, printed, missing;
  EXPECT_EQ(cli("example --examples '" + dir.string() + "'", listed), 0) << listed;
  EXPECT_EQ(listed, "flora.get_run 200 mine default " + (dir / "a.json").string() + "\n");
  EXPECT_EQ(cli("example --examples '" + dir.string() + "' flora.get_run mine", printed), 0) << printed;
  EXPECT_EQ(printed, body + "\n");
  EXPECT_EQ(cli("example --examples '" + dir.string() + "' flora.get_run other", missing), 2) << missing;
  std::ofstream(dir / "b.json") << R"({"endpoint":"flora.get_run","status":200,"name":"x","body":{}})";
  std::string broken;
  EXPECT_EQ(cli("example --examples '" + dir.string() + "'", broken), 1) << broken;
  EXPECT_NE(broken.find((dir / "b.json").string() + ": body.created_at: expected the required key, found no such key"), std::string::npos)
      << broken;
}
#endif

}  // namespace
