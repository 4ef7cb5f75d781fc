// Shared pieces of the proxy tests (no internet): a mock that proxies some providers to an upstream
// on loopback, small scripted upstreams (a cpp-httplib server with one handler, a port that
// accepts and closes, a port nobody listens on), and the test-side shape of /__admin/violations.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../mock/mock_test_support.hpp"

namespace proxy_test {

using mock_test::live_mock;

// Whatever `answer` makes of each request, on an ephemeral loopback port.
class scripted_upstream {
 public:
  using handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  explicit scripted_upstream(handler answer) {
    srv_.Get(".*", answer);
    srv_.Post(".*", answer);
    port_ = srv_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { srv_.listen_after_bind(); });
    while (!srv_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~scripted_upstream() {
    srv_.stop();
    thread_.join();
  }
  scripted_upstream(const scripted_upstream&) = delete;
  scripted_upstream& operator=(const scripted_upstream&) = delete;
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server srv_;
  std::thread thread_;
  int port_ = 0;
};

// Accepts each connection, reads the request, and closes without a byte of answer.
class dropping_upstream {
 public:
  dropping_upstream() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(fd_, 16);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] {
      for (;;) {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0 || stopping_) {
          if (c >= 0) ::close(c);
          return;
        }
        char buf[4096];
        (void)::recv(c, buf, sizeof buf, 0);
        ::close(c);
      }
    });
  }
  ~dropping_upstream() {
    stopping_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  dropping_upstream(const dropping_upstream&) = delete;
  dropping_upstream& operator=(const dropping_upstream&) = delete;
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A loopback port that was free a moment ago: nothing listens there.
inline std::string unreachable_url() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
}

// A mock configuration proxying `provider` to `url`.
inline genwire::mock::server_config proxying(std::string provider, std::string url) {
  genwire::mock::server_config c;
  c.proxies.push_back({std::move(provider), std::move(url)});
  c.upstream_timeout = std::chrono::milliseconds(5000);
  return c;
}

// GET /__admin/violations, as the tests read it.
struct violation_example {
  int status = 0;
  std::string expected;
  std::string found;
  std::size_t offset = 0;
  bool strict_only = false;
};
struct violation_summary {
  std::string path;
  std::uint64_t count = 0;
  std::string first_seen;
  std::string last_seen;
  violation_example example;
};
struct endpoint_violations {
  std::string endpoint;
  std::uint64_t checked = 0;
  std::uint64_t violating = 0;
  std::vector<violation_summary> paths;
};
struct violations_page {
  std::uint64_t checked = 0;
  std::uint64_t violating = 0;
  std::vector<endpoint_violations> endpoints;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh directory under the test's working directory (the build tree).
inline std::filesystem::path fresh_dir(const std::string& name) {
  const auto d = std::filesystem::current_path() / (name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace proxy_test
