#include "connection_engine.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <httplib.h>

#include "request_framing.hpp"
#include "tls_context.hpp"

namespace genwire::mock::detail {
namespace {

using clock = std::chrono::steady_clock;

// The longest request head waited for: beyond it the head goes to cpp-httplib as it is, which
// refuses it (414 for a long request line, 400 otherwise).
constexpr std::size_t max_head_bytes = 64 * 1024;
constexpr std::size_t read_chunk = 16 * 1024;
// Decision: a worker waits up to 1 ms for a keep-alive connection's next request before handing it back to the poller: a busy client's next request usually comes within that, and serving it at once saves two thread hand-offs per request (0.70x the bare server's requests/s without it, on 2 cores); an idle or trickling client costs a worker 1 ms at most.
constexpr int next_request_linger_ms = 1;

enum class phase : std::uint8_t {
  handshake,  // TLS handshake under way
  fresh,      // accepted, no byte of a first request yet
  idle,       // between two requests of a keep-alive connection
  reading,    // part of a request received
  serving,    // a worker has it
};

struct socket_address {
  std::string ip;
  int port = 0;
};

struct connection {
  int fd = -1;
  std::unique_ptr<tls_session> tls;
  phase at = phase::fresh;
  std::string in;                // received and not yet served
  request_frame frame;           // of the request at the front of `in`, once complete
  clock::time_point deadline{};  // when the current phase runs out
  std::size_t requests = 0;
  bool peer_closed = false;
  bool close_after = false;  // set by the worker: the connection is done
  bool dropped = false;      // --drop-rate: close without the answer
  socket_address remote;     // the client's, from accept
  socket_address local;      // ours, from getsockname at accept
};

socket_address numeric_address(const sockaddr_storage& a, socklen_t len) {
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&a), len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return {"?", 0};
  return {host, std::atoi(serv)};
}

// "ip:port", for log lines.
std::string peer_of(const socket_address& a) { return a.ip + ":" + std::to_string(a.port); }

socket_address local_address(int fd) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  return ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0 ? numeric_address(a, len) : socket_address{"?", 0};
}

thread_local connection* serving_now = nullptr;

// One request's bytes for cpp-httplib: reads come from what the poller received (and, for a body
// still on its way after a 100-continue, from the socket until the request's deadline); writes are
// collected and go to the socket in one send when the answer is done (through TLS when it is one),
// waiting at most the write timeout for room.
class buffered_stream final : public httplib::Stream {
 public:
  buffered_stream(connection& c, std::chrono::milliseconds write_timeout) : c_(c), write_timeout_(write_timeout) {}

  bool is_readable() const override { return pos_ < c_.in.size(); }
  bool is_writable() const override { return !failed_; }

  ssize_t read(char* ptr, size_t size) override {
    if (size == 1 && pos_ < c_.in.size()) {  // cpp-httplib reads a request head one byte per call
      *ptr = c_.in[pos_++];
      return 1;
    }
    if (pos_ >= c_.in.size() && !(c_.frame.body_pending && !c_.frame.oversized && receive_more())) return 0;
    const std::size_t n = std::min(size, c_.in.size() - pos_);
    std::memcpy(ptr, c_.in.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  // An answer goes out in one send: cpp-httplib writes its head and its body separately, and the
  // two are collected here until flush() (a body too big to collect goes on its own).
  ssize_t write(const char* ptr, size_t size) override {
    if (c_.dropped) return static_cast<ssize_t>(size);  // swallowed: the connection closes unanswered
    if (out_.size() + size <= collect_limit) {
      out_.append(ptr, size);
      return static_cast<ssize_t>(size);
    }
    if (!flush() || !send_all(ptr, size)) return -1;
    return static_cast<ssize_t>(size);
  }

  // Sends what write() collected; false when the connection failed.
  bool flush() {
    const bool sent = out_.empty() || send_all(out_.data(), out_.size());
    out_.clear();
    return sent;
  }

  // cpp-httplib asks for both addresses on every request; they are the connection's, looked up
  // once at accept (two system calls and two getnameinfo fewer per keep-alive request).
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.remote.ip;
    port = c_.remote.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.local.ip;
    port = c_.local.port;
  }
  // cpp-httplib 0.11 (built without CPPHTTPLIB_USE_POLL) refuses a socket at or above FD_SETSIZE
  // before it reads a byte; this stream never select()s, so it names no socket there.
  socket_t socket() const override { return c_.fd < FD_SETSIZE ? c_.fd : -1; }

  [[nodiscard]] std::size_t consumed() const noexcept { return pos_; }
  [[nodiscard]] bool failed() const noexcept { return failed_; }

 private:
  static constexpr std::size_t collect_limit = 64 * 1024;

  ssize_t fail() {
    failed_ = true;
    return -1;
  }

  // All of [ptr, ptr + size) to the socket (through TLS when it is one), waiting at most the write
  // timeout for room.
  bool send_all(const char* ptr, std::size_t size) {
    std::size_t sent = 0;
    const auto until = clock::now() + write_timeout_;
    while (sent < size) {
      ssize_t n = 0;
      short wait_for = POLLOUT;
      if (c_.tls) {
        tls_wait w = tls_wait::none;
        n = c_.tls->write(ptr + sent, size - sent, w);
        if (n <= 0) {
          if (w != tls_wait::readable && w != tls_wait::writable) return fail(), false;
          wait_for = w == tls_wait::readable ? POLLIN : POLLOUT;
        }
      } else {
        n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return fail(), false;
      }
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
        continue;
      }
      if (!wait(wait_for, until)) return fail(), false;
    }
    return true;
  }

  bool wait(short events, clock::time_point until) const {
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - clock::now()).count();
      if (left <= 0) return false;
      pollfd p{c_.fd, events, 0};
      const int rc = ::poll(&p, 1, static_cast<int>(left));
      if (rc > 0) return true;
      if (rc < 0 && errno != EINTR) return false;
    }
  }

  // The rest of a body sent after 100-continue, until the request's deadline.
  bool receive_more() {
    if (!flush()) return false;  // a "100 Continue" written so far must reach the client first
    char buf[read_chunk];
    for (;;) {
      ssize_t n = 0;
      short wait_for = POLLIN;
      if (c_.tls) {
        tls_wait w = tls_wait::none;
        n = c_.tls->read(buf, sizeof buf, w);
        if (n <= 0) {
          if (w != tls_wait::readable && w != tls_wait::writable) return false;
          wait_for = w == tls_wait::readable ? POLLIN : POLLOUT;
        }
      } else {
        n = ::recv(c_.fd, buf, sizeof buf, 0);
        if (n == 0) return false;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
      }
      if (n > 0) {
        c_.in.append(buf, static_cast<std::size_t>(n));
        return true;
      }
      if (!wait(wait_for, c_.deadline)) return false;
    }
  }

  connection& c_;
  std::chrono::milliseconds write_timeout_;
  std::size_t pos_ = 0;
  std::string out_;  // written, not sent yet
  bool failed_ = false;
};

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

}  // namespace

namespace current_connection {
bool drop() noexcept {
  if (!serving_now) return false;
  serving_now->dropped = true;
  return true;
}
bool tls() noexcept { return serving_now && serving_now->tls; }
std::optional<std::string_view> sized_body() noexcept {
  if (!serving_now || !serving_now->frame.sized_body) return std::nullopt;
  const request_frame& f = serving_now->frame;
  return std::string_view(serving_now->in).substr(f.body_start, f.end - f.body_start);
}
}  // namespace current_connection

struct connection_engine::impl {
  impl(engine_config c, serve_one s, std::shared_ptr<const tls_context> t)
      : config(std::move(c)), serve(std::move(s)), tls(std::move(t)) {}

  engine_config config;
  serve_one serve;
  std::shared_ptr<const tls_context> tls;

  int listen_fd = -1;
  int epoll_fd = -1;
  int wake_fd = -1;  // eventfd: a worker returned a connection, or stop() was called
  std::atomic<bool> stopping{false};
  std::thread poller;
  std::vector<std::thread> workers;

  // Owned by the poller thread; a worker holds a connection only while its phase is `serving`.
  std::unordered_map<int, std::unique_ptr<connection>> connections;

  std::mutex queue_mutex;
  std::condition_variable queue_ready;
  std::deque<connection*> ready;     // complete requests, for the workers
  std::deque<connection*> returned;  // served, for the poller

  std::atomic<std::uint64_t> open{0}, idle{0}, reading{0}, active{0};
  std::atomic<std::uint64_t> accepted{0}, refused{0}, slow_closed{0}, idle_closed{0}, requests{0};
  clock::time_point last_refusal_log{};
  clock::time_point accept_paused_until{};
  std::uint64_t refusals_unlogged = 0;

  void log(const std::string& line) const {
    if (config.log) config.log(line);
  }

  void count(phase p, int delta) {
    std::atomic<std::uint64_t>* counter = nullptr;
    switch (p) {
      case phase::fresh:
      case phase::idle: counter = &idle; break;
      case phase::handshake:
      case phase::reading: counter = &reading; break;
      case phase::serving: counter = &active; break;
    }
    if (delta > 0) counter->fetch_add(1);
    else counter->fetch_sub(1);
  }

  void move_to(connection& c, phase p) {
    count(c.at, -1);
    c.at = p;
    count(p, +1);
  }

  void arm(connection& c, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events | EPOLLONESHOT | EPOLLRDHUP;
    ev.data.fd = c.fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
  }

  void close_connection(int fd) {
    const auto it = connections.find(fd);
    if (it == connections.end()) return;
    count(it->second->at, -1);
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    it->second->tls.reset();
    ::close(fd);
    connections.erase(it);
    open.fetch_sub(1);
  }

  // ---- the poller ----

  void accept_all() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE) pause_accepting();
        return;  // EAGAIN, or out of descriptors: the listen backlog holds the rest
      }
      if (open.load() >= config.max_connections) {
        ::close(fd);
        refused.fetch_add(1);
        log_refusal(peer_of(numeric_address(addr, len)));
        continue;
      }
      accepted.fetch_add(1);
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto c = std::make_unique<connection>();
      c->fd = fd;
      c->remote = numeric_address(addr, len);
      c->local = local_address(fd);
      c->at = tls ? phase::handshake : phase::fresh;
      c->deadline = clock::now() + config.header_timeout;
      if (tls) c->tls = std::make_unique<tls_session>(*tls, fd);
      count(c->at, +1);
      open.fetch_add(1);
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLONESHOT | EPOLLRDHUP;
      ev.data.fd = fd;
      connection& ref = *c;
      connections.emplace(fd, std::move(c));
      if (::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) close_connection(ref.fd);
    }
  }

  // Out of descriptors: the listening socket stays readable, so stop watching it for a moment
  // rather than spin on it.
  void pause_accepting() {
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
    accept_paused_until = clock::now() + std::chrono::milliseconds(100);
    log("accept paused for 100 ms: out of file descriptors (" + std::to_string(open.load()) + " connections open)");
  }

  void resume_accepting(clock::time_point now) {
    if (accept_paused_until == clock::time_point{} || now < accept_paused_until) return;
    accept_paused_until = {};
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listen_fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev);
  }

  // Refusals come in floods; one line a second says how many.
  void log_refusal(const std::string& peer) {
    ++refusals_unlogged;
    const auto now = clock::now();
    if (now - last_refusal_log < std::chrono::seconds(1)) return;
    log("refused " + peer + ": " + std::to_string(config.max_connections) + " connections are open (--max-connections); " +
        std::to_string(refusals_unlogged) + " refused since the last line");
    refusals_unlogged = 0;
    last_refusal_log = now;
  }

  void on_event(connection& c, std::uint32_t events) {
    if (c.at == phase::handshake) {
      const tls_wait w = c.tls->handshake();
      if (w == tls_wait::readable) return arm(c, EPOLLIN);
      if (w == tls_wait::writable) return arm(c, EPOLLOUT);
      if (w != tls_wait::none) {
        log("closed " + peer_of(c.remote) + ": TLS handshake failed: " + tls_session::last_error());
        return close_connection(c.fd);
      }
      move_to(c, phase::fresh);
    }
    receive(c);
    if (c.in.empty() && (c.peer_closed || (events & (EPOLLHUP | EPOLLERR)))) return close_connection(c.fd);
    if (!c.in.empty() && (c.at == phase::fresh || c.at == phase::idle)) {
      move_to(c, phase::reading);
      c.deadline = clock::now() + config.header_timeout;
    }
    if (c.at == phase::reading) {
      c.frame = frame_request(c.in, max_head_bytes, config.max_body_bytes);
      if (c.frame.state == request_frame::status::complete) return hand_to_worker(c);
      if (c.peer_closed) return close_connection(c.fd);  // half a request, then nothing more can come
    }
    arm(c, EPOLLIN);
  }

  void receive(connection& c) {
    char buf[read_chunk];
    // A connection may not buffer more than its head and body can be; the rest waits in the kernel.
    while (c.in.size() < max_head_bytes + config.max_body_bytes + read_chunk) {
      ssize_t n = 0;
      if (c.tls) {
        tls_wait w = tls_wait::none;
        n = c.tls->read(buf, sizeof buf, w);
        if (n <= 0) {
          if (w == tls_wait::closed || w == tls_wait::failed) c.peer_closed = true;
          return;
        }
      } else {
        n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n == 0) return void(c.peer_closed = true);
        if (n < 0) {
          if (errno == EINTR) continue;
          if (errno != EAGAIN && errno != EWOULDBLOCK) c.peer_closed = true;
          return;
        }
      }
      c.in.append(buf, static_cast<std::size_t>(n));
      // A short plain read drained the socket: the recv() that would say EAGAIN is saved (the
      // connection is re-armed level-triggered, so bytes arriving now still raise an event).
      if (!c.tls && static_cast<std::size_t>(n) < sizeof buf) return;
    }
  }

  void hand_to_worker(connection& c) {
    move_to(c, phase::serving);
    {
      const std::lock_guard lock(queue_mutex);
      ready.push_back(&c);
    }
    queue_ready.notify_one();
  }

  // A worker is done with `c`: close it, or wait for its next request.
  void take_back(connection& c) {
    if (c.close_after || stopping) return close_connection(c.fd);
    if (c.in.empty()) {
      move_to(c, phase::idle);
      c.deadline = clock::now() + config.keep_alive_timeout;
    } else {
      move_to(c, phase::reading);  // the start of the next request came with this one
      c.deadline = clock::now() + config.header_timeout;
    }
    // Bytes TLS holds decrypted already raise no socket event: look at them now.
    if (c.tls && c.tls->pending()) return on_event(c, EPOLLIN);
    arm(c, EPOLLIN);
  }

  // Closes every connection whose phase ran out of time.
  void sweep(clock::time_point now) {
    std::vector<int> late;
    for (const auto& [fd, c] : connections)
      if (c->at != phase::serving && now >= c->deadline) late.push_back(fd);
    for (int fd : late) {
      connection& c = *connections.at(fd);
      if (c.at == phase::idle) {
        idle_closed.fetch_add(1);
      } else {
        slow_closed.fetch_add(1);
        log("cut off " + peer_of(c.remote) + ": no complete request within " + std::to_string(config.header_timeout.count()) + " ms (" +
            std::to_string(c.in.size()) + " bytes received)");
      }
      close_connection(fd);
    }
  }

  void poll_loop() {
    std::vector<epoll_event> events(256);
    auto next_sweep = clock::now();
    while (!stopping) {
      const int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 50);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd) {
          accept_all();
        } else if (fd == wake_fd) {
          std::uint64_t v = 0;
          (void)!::read(wake_fd, &v, sizeof v);
        } else if (const auto it = connections.find(fd); it != connections.end() && it->second->at != phase::serving) {
          on_event(*it->second, events[i].events);
        }
      }
      std::deque<connection*> back;
      {
        const std::lock_guard lock(queue_mutex);
        back.swap(returned);
      }
      for (connection* c : back) take_back(*c);
      const auto now = clock::now();
      resume_accepting(now);
      if (now >= next_sweep) {
        sweep(now);
        next_sweep = now + std::chrono::milliseconds(50);
      }
    }
  }

  // ---- the workers ----

  void work() {
    for (;;) {
      connection* c = nullptr;
      {
        std::unique_lock lock(queue_mutex);
        queue_ready.wait(lock, [&] { return !ready.empty() || stopping; });
        if (ready.empty()) return;
        c = ready.front();
        ready.pop_front();
      }
      serve_requests(*c);
      {
        const std::lock_guard lock(queue_mutex);
        returned.push_back(c);
      }
      const std::uint64_t one = 1;
      (void)!::write(wake_fd, &one, sizeof one);
    }
  }

  // Whether c has the start of another request, read within next_request_linger_ms when none is
  // buffered yet. What is read stays in c.in for the poller if it is not a whole request.
  bool next_request_arrives(connection& c) {
    if (!c.in.empty()) return true;
    if (c.peer_closed || stopping) return false;
    if (!(c.tls && c.tls->pending())) {
      pollfd p{c.fd, POLLIN, 0};
      if (::poll(&p, 1, next_request_linger_ms) <= 0 || !(p.revents & POLLIN)) return false;
    }
    receive(c);
    return !c.in.empty();
  }

  // Serves the complete request at the front of c.in, and any complete one pipelined after it.
  void serve_requests(connection& c) {
    serving_now = &c;
    for (;;) {
      buffered_stream stream(c, config.write_timeout);
      const bool last = c.requests + 1 >= config.keep_alive_max || stopping;
      bool closed = false;
      bool ok = serve(stream, last || c.frame.oversized, closed);
      ok = stream.flush() && ok;  // an answer cpp-httplib wrote before it gave up goes out too
      ++c.requests;
      requests.fetch_add(1);
      // What cpp-httplib left unread of this request (a GET's body, say) is not the next one.
      c.in.erase(0, std::min(c.in.size(), std::max(stream.consumed(), c.frame.end)));
      if (!ok || closed || last || c.dropped || stream.failed() || c.frame.oversized) {
        c.close_after = true;
        break;
      }
      if (!next_request_arrives(c)) break;
      c.frame = frame_request(c.in, max_head_bytes, config.max_body_bytes);
      if (c.frame.state != request_frame::status::complete) break;
    }
    serving_now = nullptr;
  }
};

connection_engine::connection_engine(engine_config config, serve_one serve, std::shared_ptr<const tls_context> tls)
    : impl_(std::make_unique<impl>(std::move(config), std::move(serve), std::move(tls))) {}

connection_engine::~connection_engine() { stop(); }

void connection_engine::start(int listen_fd) {
  impl& d = *impl_;
  // Thousands of clients need thousands of descriptors: lift the soft limit to the hard one.
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
  }
  d.listen_fd = listen_fd;
  set_nonblocking(listen_fd);
  d.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  d.wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (d.epoll_fd < 0 || d.wake_fd < 0) throw start_error(std::string("cannot poll connections: ") + std::strerror(errno));
  for (const int fd : {d.listen_fd, d.wake_fd}) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    ::epoll_ctl(d.epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
  d.stopping = false;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, d.config.workers); ++i) d.workers.emplace_back([&d] { d.work(); });
  d.poller = std::thread([&d] { d.poll_loop(); });
}

void connection_engine::stop() noexcept {
  impl& d = *impl_;
  if (!d.poller.joinable()) return;
  d.stopping = true;
  const std::uint64_t one = 1;
  (void)!::write(d.wake_fd, &one, sizeof one);
  d.queue_ready.notify_all();
  d.poller.join();
  // Requests still queued are not started; those being served finish (bounded by the write timeout).
  {
    const std::lock_guard lock(d.queue_mutex);
    for (connection* c : d.ready) d.returned.push_back(c);
    d.ready.clear();
  }
  d.queue_ready.notify_all();
  for (auto& w : d.workers) w.join();
  d.workers.clear();
  std::vector<int> all;
  for (const auto& [fd, c] : d.connections) all.push_back(fd);
  for (int fd : all) d.close_connection(fd);
  d.returned.clear();
  ::close(d.listen_fd);
  ::close(d.epoll_fd);
  ::close(d.wake_fd);
  d.listen_fd = d.epoll_fd = d.wake_fd = -1;
}

connection_stats connection_engine::stats() const {
  const impl& d = *impl_;
  connection_stats s;
  s.open = d.open.load();
  s.idle = d.idle.load();
  s.reading = d.reading.load();
  s.active = d.active.load();
  s.accepted = d.accepted.load();
  s.refused = d.refused.load();
  s.slow_closed = d.slow_closed.load();
  s.idle_closed = d.idle_closed.load();
  s.requests = d.requests.load();
  return s;
}

}  // namespace genwire::mock::detail
