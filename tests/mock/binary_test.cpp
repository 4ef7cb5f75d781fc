// The built genwire-mock binary: prints its URL, serves over loopback, logs, stops cleanly on
// SIGTERM/SIGINT, and fails clearly on a port that is taken or on bad options.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "mock_test_support.hpp"

extern char** environ;

namespace {

#ifndef GENWIRE_MOCK_BINARY
#error "GENWIRE_MOCK_BINARY must name the built genwire-mock"
#endif

// A child process with its stdout and stderr on pipes.
class child {
 public:
  explicit child(std::vector<std::string> args) {
    args.insert(args.begin(), GENWIRE_MOCK_BINARY);
    int out[2], err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, err[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
    ::close(out[1]);
    ::close(err[1]);
    out_ = out[0];
    err_ = err[0];
  }
  ~child() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
    if (err_ >= 0) ::close(err_);
  }
  child(const child&) = delete;
  child& operator=(const child&) = delete;

  [[nodiscard]] bool started() const { return pid_ > 0; }

  // One line of stdout (without '\n'), or "" after `within`.
  std::string read_line(std::chrono::milliseconds within) {
    const auto until = std::chrono::steady_clock::now() + within;
    for (;;) {
      if (auto nl = out_buf_.find('\n'); nl != std::string::npos) {
        std::string line = out_buf_.substr(0, nl);
        out_buf_.erase(0, nl + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !fill(out_, out_buf_, left)) return {};
    }
  }

  // Waits for the exit; the exit status (128 + signal when killed), or -1 on timeout.
  int wait(std::chrono::milliseconds within) {
    const auto until = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < until) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  std::string all_stderr() {
    std::string s;
    while (fill(err_, s, std::chrono::milliseconds(200))) {
    }
    return s;
  }

  void signal(int sig) { ::kill(pid_, sig); }

 private:
  static bool fill(int fd, std::string& buf, std::chrono::milliseconds within) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(within.count())) <= 0) return false;
    char tmp[4096];
    const auto n = ::read(fd, tmp, sizeof tmp);
    if (n <= 0) return false;
    buf.append(tmp, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1, err_ = -1;
  bool reaped_ = false;
  std::string out_buf_;
};

int port_of(const std::string& url) {
  static const std::regex re(R"(http://127\.0\.0\.1:(\d+))");
  std::smatch m;
  return std::regex_search(url, m, re) ? std::stoi(m[1]) : -1;
}

TEST(MockBinary, ServesOnAFreePortLogsAndStopsCleanlyOnSigterm) {
  child mock({"--port", "0"});
  ASSERT_TRUE(mock.started());
  const std::string first = mock.read_line(std::chrono::seconds(10));
  EXPECT_EQ(first.rfind("genwire-mock listening on http://127.0.0.1:", 0), 0u) << first;
  const int port = port_of(first);
  ASSERT_GT(port, 0) << first;
  (void)mock.read_line(std::chrono::seconds(2));  // the keys line

  httplib::Client cli("127.0.0.1", port);
  auto r = cli.Post("/v1/list_project_generations", {{"Authorization", "Bearer gw_test_read"}}, R"({"apiProjectId":"proj-123"})",
                    "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto page = mock_test::decoded<genwire::diffio::list_project_generations_response>(r->body);
  EXPECT_EQ(page.api_project_id, "proj-123");
  ASSERT_EQ(page.generations.size(), 1u);
  EXPECT_EQ(page.generations[0].generation_id, "gen-123");

  // One log line per request: method, path, status, microseconds.
  const std::string log = mock.read_line(std::chrono::seconds(5));
  EXPECT_TRUE(std::regex_match(log, std::regex(R"(POST /v1/list_project_generations 200 \d+us)"))) << log;
  // A line break smuggled into the path stays inside its own log line.
  r = cli.Get("/v1/x%0Ay");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  const std::string odd = mock.read_line(std::chrono::seconds(5));
  EXPECT_TRUE(std::regex_match(odd, std::regex(R"(GET /v1/x\?y 404 \d+us)"))) << odd;

  mock.signal(SIGTERM);
  EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 0);
  EXPECT_NE(mock.all_stderr().find("stopped (SIGTERM)"), std::string::npos);
}

TEST(MockBinary, QuietAndSigint) {
  child mock({"--port", "0", "--quiet", "--provider", "flora"});
  ASSERT_TRUE(mock.started());
  const int port = port_of(mock.read_line(std::chrono::seconds(10)));
  ASSERT_GT(port, 0);
  (void)mock.read_line(std::chrono::seconds(2));
  httplib::Client cli("127.0.0.1", port);
  auto r = cli.Get("/api/v1/generations", {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // Only FLORA is served.
  r = cli.Post("/v1/list_project_generations", "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "unknown-route");
  EXPECT_EQ(mock.read_line(std::chrono::milliseconds(500)), "");  // --quiet: no log line
  mock.signal(SIGINT);
  EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 0);
}

// A port held by another listener that, like cpp-httplib's default, sets SO_REUSEPORT.
struct taken_port {
  taken_port() : fd(::socket(AF_INET, SOCK_STREAM, 0)) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(fd, 4);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~taken_port() { ::close(fd); }
  int fd;
  int port = 0;
};

TEST(MockBinary, PortAlreadyTakenFailsClearly) {
  taken_port held;
  ASSERT_GT(held.port, 0);
  child mock({"--port", std::to_string(held.port)});
  ASSERT_TRUE(mock.started());
  const int rc = mock.wait(std::chrono::seconds(10));
  EXPECT_EQ(rc, 1);
  const std::string err = mock.all_stderr();
  EXPECT_NE(err.find("cannot listen on 127.0.0.1:" + std::to_string(held.port)), std::string::npos) << err;
  EXPECT_NE(err.find("Address already in use"), std::string::npos) << err;
}

TEST(MockBinary, EmbeddedServerRefusesATakenPortToo) {
  taken_port held;
  genwire::mock::server_config c;
  c.port = held.port;
  genwire::mock::server srv(c);
  try {
    srv.start();
    FAIL() << "start() on a taken port must throw";
  } catch (const genwire::mock::start_error& e) {
    EXPECT_NE(std::string(e.what()).find("Address already in use"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(srv.running());
}

TEST(MockBinary, BadOptionsExitWithUsage) {
  {
    child mock({"--provider", "nosuch"});
    EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 2);
    EXPECT_NE(mock.all_stderr().find("unknown provider \"nosuch\""), std::string::npos);
  }
  {
    child mock({"--port", "70000"});
    EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 2);
  }
  {
    const std::string path = ::testing::TempDir() + "genwire_mock_bad_config.json";
    std::ofstream(path) << R"({"keys":[{"key":"k","activ":true}]})";
    child mock({"--config", path});
    EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 2);
    const std::string err = mock.all_stderr();
    EXPECT_NE(err.find("keys[0].activ"), std::string::npos) << err;
  }
}

TEST(MockBinary, ConfigFileAddsKeys) {
  const std::string path = ::testing::TempDir() + "genwire_mock_config.json";
  std::ofstream(path) << R"({"keys":[{"key":"team_key","owns_examples":true}]})";
  child mock({"--port", "0", "--quiet", "--config", path});
  const int port = port_of(mock.read_line(std::chrono::seconds(10)));
  ASSERT_GT(port, 0);
  httplib::Client cli("127.0.0.1", port);
  auto r = cli.Get("/web-app/public/generations", {{"X-API-Key", "team_key"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  mock.signal(SIGTERM);
  EXPECT_EQ(mock.wait(std::chrono::seconds(10)), 0);
}

}  // namespace
