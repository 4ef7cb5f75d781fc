// Shared pieces of the client's tests: a timer whose time moves only when the client waits, the
// in-process mock with a log of when each request was answered, throw-away TLS certificates made
// with the openssl command, and settings that retry fast.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <genwire/client.hpp>
#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

#include "../support/test_certificates.hpp"

namespace client_test {

namespace gc = genwire::client;
namespace gm = genwire::mock;
using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

// Time stands still until the client sleeps; each sleep is recorded and moves it forward.
class manual_timer final : public gc::timer {
 public:
  gc::steady_time now() override {
    const std::lock_guard lock(mutex_);
    return now_;
  }
  std::chrono::system_clock::time_point wall_now() override {
    const std::lock_guard lock(mutex_);
    return wall_start + (now_ - start_);
  }
  bool sleep_until(gc::steady_time until, std::stop_token stop) override {
    const std::lock_guard lock(mutex_);
    if (stop.stop_requested()) return false;
    sleeps.push_back(std::chrono::duration_cast<ms>(until - now_));
    if (until > now_) now_ = until;
    return true;
  }
  void advance(ms d) {
    const std::lock_guard lock(mutex_);
    now_ += d;
  }

  // 2025-06-01T12:00:00Z, the realistic mock's timeline end.
  const std::chrono::system_clock::time_point wall_start =
      std::chrono::sys_days(std::chrono::year(2025) / 6 / 1) + std::chrono::hours(12);
  std::vector<ms> sleeps;

 private:
  std::mutex mutex_;
  const gc::steady_time start_ = std::chrono::steady_clock::now();
  gc::steady_time now_ = start_;
};

// The mock, with the time each answer was logged ("GET /v1/jobs 429 57us").
struct logged_line {
  std::chrono::steady_clock::time_point at;
  std::string line;
};
struct answer_log {
  std::mutex mutex;
  std::vector<logged_line> lines;
  // The lines once there are at least `count` (a line is logged just after its answer is sent, so
  // the client may see the answer first); waits at most a second.
  std::vector<logged_line> snapshot(std::size_t count = 0) {
    for (int i = 0; i < 1000; ++i) {
      {
        const std::lock_guard lock(mutex);
        if (lines.size() >= count) return lines;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const std::lock_guard lock(mutex);
    return lines;
  }
};

struct live_mock {
  explicit live_mock(gm::server_config c = {})
      : log(std::make_shared<answer_log>()), injector(c.faults), srv(with_log(std::move(c), log)) {
    srv.start();
  }
  live_mock(std::shared_ptr<gm::store> data, gm::fault_config f)
      : live_mock([&] {
          gm::server_config c;
          c.data = std::move(data);
          c.faults = std::make_shared<gm::fault_injector>(std::move(f));
          return c;
        }()) {}

  // What the fault injector did so far (all zero without one).
  [[nodiscard]] gm::fault_counters faults() const { return injector ? injector->counters() : gm::fault_counters{}; }

  [[nodiscard]] std::vector<gm::journal_entry> journal() { return srv.requests().snapshot().requests; }

  std::shared_ptr<answer_log> log;
  std::shared_ptr<gm::fault_injector> injector;
  gm::server srv;

 private:
  static gm::server_config with_log(gm::server_config c, const std::shared_ptr<answer_log>& log) {
    c.log = [log](std::string_view line) {
      const std::lock_guard lock(log->mutex);
      log->lines.push_back({std::chrono::steady_clock::now(), std::string(line)});
    };
    return c;
  }
};

inline gm::realistic_config realistic(std::uint64_t seed, std::size_t items) {
  gm::realistic_config c;
  c.seed = seed;
  c.items = items;
  return c;
}

// Provider P's settings against `url` with key gw_test_read, retrying often and fast (1..4 ms).
template <class P>
gc::settings<P> fast_settings(const std::string& url, std::string key = "gw_test_read") {
  gc::settings<P> s;
  s.base_url = url;
  s.api_key = std::move(key);
  s.retry.max_retries = 20;
  s.retry.initial_backoff = 1ms;
  s.retry.max_backoff = 4ms;
  s.timeout = 5s;
  return s;
}

// A loopback port nobody listens on: bound once to learn a free one, then closed.
inline int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0;
  ::close(fd);
  return ok ? ntohs(a.sin_port) : -1;
}

// The throw-away TLS certificates (tests/support/test_certificates.hpp), shared with the proxy tests.
using genwire_test::make_certificates;
using genwire_test::test_certificates;

}  // namespace client_test
