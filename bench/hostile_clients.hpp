// bench/hostile_clients.hpp: hostile and greedy clients against a server on loopback, with honest
// clients measured meanwhile. One thread, non-blocking sockets and poll(2), so thousands of
// connections cost one process little. Used by bench/hostile_load.cpp (the full size) and by
// tests/mock/hostile_clients_test.cpp (a size CI can afford).
//
//   trickling: sends a request line, then one header line every `trickle_interval`, never ending
//              its head (until the server closes it)
//   idle:      keep-alive connections that send one request, read the answer, and then only one
//              more every `idle_interval` (shorter than the server's keep-alive timeout)
//   honest:    `honest` connections sending `honest_request` back to back, each answer timed
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hostile {

using clock = std::chrono::steady_clock;
using ms = std::chrono::milliseconds;

struct plan {
  int port = 0;
  std::size_t trickling = 0;
  std::size_t idle = 0;
  std::size_t honest = 2;
  ms duration{3000};
  ms trickle_interval{1000};
  ms idle_interval{3000};
  ms ramp{500};         // hostile connections open over this long before the honest ones start
  ms answer_timeout{5000};  // an honest answer later than this is a failure
  std::string honest_request = "GET /__admin/endpoints HTTP/1.1\r\nHost: x\r\n\r\n";
};

struct outcome {
  std::size_t honest_answers = 0;
  std::size_t honest_failures = 0;        // no answer, a status other than 200, or a closed connection
  std::vector<double> latencies_ms;       // one per honest answer
  std::size_t trickling_opened = 0;
  std::size_t trickling_cut_off = 0;      // closed by the server
  std::size_t idle_opened = 0;
  std::size_t idle_alive_at_end = 0;      // still open when the run ended
  std::size_t connect_failures = 0;

  [[nodiscard]] double percentile(double p) const {
    if (latencies_ms.empty()) return 0;
    std::vector<double> v = latencies_ms;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
  }
};

// Lifts this process's descriptor limit to its hard limit (a run opens one per connection).
inline void raise_fd_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
  }
}

namespace detail {

enum class role { trickling, idle, honest };

struct conn {
  int fd = -1;
  role kind = role::honest;
  std::string out;  // bytes still to send
  std::string in;   // an answer being read
  clock::time_point next_send{};
  clock::time_point sent_at{};
  bool waiting = false;  // a request is out, its answer not yet in
  bool closed = false;
  std::size_t lines = 0;
};

inline int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int yes = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 && errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Whether `in` holds one whole answer (a head and, by Content-Length, its body); its status, its
// length, and whether it closes the connection (Connection: close, as on a connection's last).
inline bool whole_answer(const std::string& in, int& status, std::size_t& length, bool& closes) {
  const std::size_t head = in.find("\r\n\r\n");
  if (head == std::string::npos) return false;
  status = in.size() > 12 ? std::atoi(in.c_str() + 9) : 0;
  std::size_t body = 0;
  std::string lower = in.substr(0, head);
  for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (const std::size_t cl = lower.find("\r\ncontent-length:"); cl != std::string::npos) body = std::strtoull(lower.c_str() + cl + 17, nullptr, 10);
  closes = lower.find("\r\nconnection: close") != std::string::npos;
  length = head + 4 + body;
  return in.size() >= length;
}

}  // namespace detail

inline outcome run(const plan& p) {
  using namespace detail;
  raise_fd_limit();
  outcome out;
  std::vector<conn> conns;
  conns.reserve(p.trickling + p.idle + p.honest);
  const auto start = clock::now();
  const auto open_one = [&](role r) {
    conn c;
    c.kind = r;
    c.fd = connect_to(p.port);
    if (c.fd < 0) return void(++out.connect_failures);
    if (r == role::trickling) c.out = "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n";
    else c.out = p.honest_request;
    c.next_send = clock::now();
    c.waiting = r != role::trickling;
    c.sent_at = clock::now();
    conns.push_back(std::move(c));
    if (r == role::trickling) ++out.trickling_opened;
    if (r == role::idle) ++out.idle_opened;
  };
  // Hostile connections first, spread over the ramp; then the honest ones.
  const std::size_t hostile = p.trickling + p.idle;
  std::size_t opened = 0;
  bool honest_started = false;
  const auto end = start + p.ramp + p.duration;
  std::vector<pollfd> fds;
  char buf[16 * 1024];
  std::size_t reopen = 0;  // honest connections the server ended after an answer, to open again
  while (clock::now() < end) {
    const auto now = clock::now();
    // Open what the ramp allows by now.
    const auto due = p.ramp.count() == 0 ? hostile
                                         : std::min<std::size_t>(hostile, static_cast<std::size_t>(hostile * (now - start) / p.ramp) + 1);
    while (opened < due) {
      open_one(opened < p.trickling ? role::trickling : role::idle);
      ++opened;
    }
    if (!honest_started && now >= start + p.ramp) {
      for (std::size_t i = 0; i < p.honest; ++i) open_one(role::honest);
      honest_started = true;
    }
    // Timers: a trickling connection's next header line, an idle one's next request, a late answer.
    for (conn& c : conns) {
      if (c.closed) continue;
      if (c.kind == role::trickling && c.out.empty() && now >= c.next_send) {
        c.out = "X-Slow-" + std::to_string(c.lines++) + ": 1\r\n";
        c.next_send = now + p.trickle_interval;
      } else if (c.kind == role::idle && !c.waiting && c.out.empty() && now >= c.next_send) {
        c.out = p.honest_request;
        c.waiting = true;
        c.sent_at = now;
      } else if (c.kind == role::honest && c.waiting && now - c.sent_at > p.answer_timeout) {
        ++out.honest_failures;
        c.closed = true;
        ::close(c.fd);
      }
    }
    fds.clear();
    for (const conn& c : conns) fds.push_back({c.closed ? -1 : c.fd, static_cast<short>(POLLIN | (c.out.empty() ? 0 : POLLOUT)), 0});
    const int ready = ::poll(fds.data(), fds.size(), 10);
    if (ready < 0 && errno != EINTR) break;
    for (std::size_t i = 0; i < conns.size(); ++i) {
      conn& c = conns[i];
      if (c.closed || fds[i].revents == 0) continue;
      if ((fds[i].revents & POLLOUT) && !c.out.empty()) {
        const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n > 0) c.out.erase(0, static_cast<std::size_t>(n));
      }
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0) {
          c.in.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
          c.closed = true;
          ::close(c.fd);
          if (c.kind == role::trickling) ++out.trickling_cut_off;
          if (c.kind == role::honest) ++out.honest_failures;
          continue;
        }
      }
      int status = 0;
      std::size_t length = 0;
      bool closes = false;
      while (c.waiting && whole_answer(c.in, status, length, closes)) {
        c.in.erase(0, length);
        const auto t = clock::now();
        if (c.kind == role::honest) {
          if (status == 200) {
            ++out.honest_answers;
            out.latencies_ms.push_back(std::chrono::duration<double, std::milli>(t - c.sent_at).count());
          } else {
            ++out.honest_failures;
          }
          if (closes) {  // the server ends it (its keep-alive maximum): go on over a new one
            c.closed = true;
            ::close(c.fd);
            ++reopen;
            break;
          }
          c.out = p.honest_request;  // the next one, at once
          c.sent_at = t;
        } else {
          c.waiting = false;
          c.next_send = t + p.idle_interval;
        }
      }
    }
    for (; reopen > 0; --reopen) open_one(role::honest);
  }
  for (conn& c : conns) {
    if (c.closed) continue;
    if (c.kind == role::idle) ++out.idle_alive_at_end;
    ::close(c.fd);
  }
  return out;
}

}  // namespace hostile
