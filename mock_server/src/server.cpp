// The cpp-httplib adapter around the socket-free router, and the start/stop life cycle.
#include <genwire/mock/server.hpp>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <httplib.h>

#include "faults/drop.hpp"
#include "router.hpp"

namespace genwire::mock {
namespace {

// A worker pool whose queue of accepted connections is bounded: when every worker is busy and the
// queue is full, the accept thread waits, and further clients wait in the kernel's listen backlog
// instead of growing the mock's memory.
class bounded_pool final : public httplib::TaskQueue {
 public:
  bounded_pool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~bounded_pool() override = default;

  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return jobs_.size() < max_queued_ || shutdown_; });
    jobs_.push_back(std::move(fn));
    lock.unlock();
    ready_.notify_one();
  }

  void shutdown() override {
    {
      const std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    ready_.notify_all();
    space_.notify_all();
    for (auto& t : workers_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;  // shut down and drained
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      space_.notify_one();
      fn();
    }
  }

  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  bool shutdown_ = false;
};

// cpp-httplib's default socket options add SO_REUSEPORT, which lets a second server bind a port
// that is already listening and silently share its traffic. Only SO_REUSEADDR (restart after a
// stop without waiting for TIME_WAIT) is wanted.
void reuse_address_only(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// Why host:port cannot be bound, or nullopt when it can. Same resolution as cpp-httplib.
std::optional<std::string> probe_bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    return std::string("cannot resolve host: ") + ::gai_strerror(rc);
  std::optional<std::string> why = std::string("no usable address");
  for (addrinfo* a = found; a; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) {
      why = std::strerror(errno);
      continue;
    }
    reuse_address_only(fd);
    const bool ok = ::bind(fd, a->ai_addr, a->ai_addrlen) == 0;
    const int err = errno;
    ::close(fd);
    if (ok) {
      why.reset();
      break;
    }
    why = std::strerror(err);
    if (err == EADDRINUSE) *why += " (another process is listening there; choose another --port, or --port 0 for a free one)";
  }
  ::freeaddrinfo(found);
  return why;
}

// cpp-httplib 0.11 reads a body only for these methods; for any other (GET, HEAD, OPTIONS) the
// declared body stays unread in the connection, where it would be parsed as the next request.
bool body_is_read(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

bool declares_body(const httplib::Request& in) {
  if (in.has_header("Transfer-Encoding")) return true;
  const std::string cl = in.get_header_value("Content-Length");
  return !cl.empty() && cl.find_first_not_of('0') != std::string::npos;
}

// The declared Content-Length, saturating; 0 when absent or not a number.
std::size_t declared_length(const httplib::Request& in) {
  const std::string cl = in.get_header_value("Content-Length");
  std::size_t n = 0;
  for (char c : cl) {
    if (c < '0' || c > '9') return 0;
    n = n > (SIZE_MAX - 9) / 10 ? SIZE_MAX : n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

bool registered_method(const std::string& m) {
  return m == "GET" || m == "HEAD" || m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" || m == "OPTIONS";
}

// Marks a >= 400 answer the router made, so the error handler leaves it alone; removed before sending.
constexpr const char* routed_marker = "X-Genwire-Internal-Routed";

request to_request(const httplib::Request& in) {
  request rq;
  rq.method = in.method;
  rq.path = in.path;
  if (const auto q = in.target.find('?'); q != std::string::npos) rq.query = in.target.substr(q + 1);
  rq.headers.reserve(in.headers.size());
  for (const auto& [name, value] : in.headers) {
    // cpp-httplib files the peer address among the headers; it is not something the client sent.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    rq.headers.push_back({name, value});
  }
  rq.body = in.body;
  return rq;
}

void to_httplib(response&& r, httplib::Response& out) {
  out.status = r.status;
  out.headers.clear();
  for (auto& h : r.headers) out.set_header(h.name, h.value);
  out.body = std::move(r.body);
}

thread_local std::chrono::steady_clock::time_point request_start{};

// A decoded path may hold "%0A": the log keeps one line per request whatever the client sent.
std::string printable(std::string_view s) {
  std::string out = utf8_safe(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

// The HTTP server, or the HTTPS one when the config names a certificate and key.
std::unique_ptr<httplib::Server> make_http_server(const server_config& c) {
  if (c.tls_cert_file.empty() && c.tls_key_file.empty()) return std::make_unique<httplib::Server>();
  if (c.tls_cert_file.empty() || c.tls_key_file.empty())
    throw start_error("TLS needs both a certificate and a private key (tls_cert_file, tls_key_file)");
  auto https = std::make_unique<httplib::SSLServer>(c.tls_cert_file.c_str(), c.tls_key_file.c_str());
  if (!https->is_valid())
    throw start_error("cannot load the TLS certificate " + c.tls_cert_file + " and key " + c.tls_key_file +
                      " (PEM files, the key matching the certificate)");
  return https;
}

}  // namespace

struct server::impl {
  explicit impl(server_config c) : config(std::move(c)), router(config) {}

  server_config config;
  detail::router router;
  std::mutex lifecycle;
  std::unique_ptr<httplib::Server> http;
  std::thread listener;
  std::atomic<int> bound_port{0};

  void configure(httplib::Server& s) {
    // cpp-httplib gives each keep-alive connection a worker until it closes, so the pool must be as
    // large as the number of clients kept open at once (a load generator opens dozens).
    const std::size_t threads =
        config.threads ? config.threads : std::max<std::size_t>(128, 8 * std::max(1u, std::thread::hardware_concurrency()));
    s.new_task_queue = [threads] { return new bounded_pool(threads, threads * 4); };
    s.set_tcp_nodelay(true);
    s.set_socket_options(reuse_address_only);
    s.set_keep_alive_max_count(config.keep_alive_max);
    s.set_keep_alive_timeout(static_cast<time_t>(config.keep_alive_timeout.count()));
    s.set_read_timeout(static_cast<time_t>(config.read_timeout.count()), 0);
    s.set_write_timeout(static_cast<time_t>(config.write_timeout.count()), 0);
    s.set_payload_max_length(config.max_body_bytes);

    const auto routed = [this](const httplib::Request& in, httplib::Response& out) {
      const bool unread = !body_is_read(in.method) && declares_body(in);
      response r = unread && declared_length(in) > config.max_body_bytes ? router.transport_error(413, to_request(in))
                                                                          : router.handle(to_request(in));
      if (r.header_value(drop_header)) {  // --drop-rate
        faults::drop_connection(in, out);
        return;
      }
      // The client must not reuse a connection that still holds a body nobody read.
      if (unread) r.set_header("Connection", "close");
      const bool mark = r.status >= 400;
      to_httplib(std::move(r), out);
      if (mark) out.set_header(routed_marker, "1");
    };
    const std::string any = ".*";
    s.Get(any, routed);
    s.Post(any, routed);
    s.Put(any, routed);
    s.Patch(any, routed);
    s.Delete(any, routed);
    s.Options(any, routed);

    s.set_pre_routing_handler([routed](const httplib::Request& in, httplib::Response& out) {
      request_start = std::chrono::steady_clock::now();
      // A POST without Content-Length (`curl -X POST`) has an empty body (RFC 9112 section 6.3), but
      // cpp-httplib 0.11 would wait for one until its read timeout: answer before it reads.
      if (body_is_read(in.method) && !in.has_header("Content-Length") && !in.has_header("Transfer-Encoding")) {
        routed(in, out);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // cpp-httplib calls this for every answer >= 400: the router's own (marked), and those the
    // HTTP layer made before routing (413, 414, 400), which get the mock's bodies here.
    s.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& in, httplib::Response& out) {
      if (out.has_header(routed_marker)) {
        out.headers.erase(routed_marker);
        return httplib::Server::HandlerResponse::Unhandled;
      }
      request rq = to_request(in);
      // A method cpp-httplib has no handler list for (TRACE, CONNECT) still deserves the route's 405.
      const bool routable = out.status == 400 && !in.path.empty() && !registered_method(in.method);
      response r = routable ? router.handle(rq) : router.transport_error(out.status, rq);
      to_httplib(std::move(r), out);
      return httplib::Server::HandlerResponse::Handled;
    }));
    if (config.log) {
      s.set_logger([this](const httplib::Request& in, const httplib::Response& out) {
        const auto start = std::exchange(request_start, {});
        const long long us = start == std::chrono::steady_clock::time_point{}
                                 ? 0
                                 : std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
        std::string line = printable(in.method.empty() ? "-" : in.method);
        line += ' ';
        line += printable(in.path.empty() ? "-" : in.path);
        line += ' ';
        line += std::to_string(out.status);
        line += ' ';
        line += std::to_string(us);
        line += "us";
        config.log(line);
      });
    }
  }
};

server::server(server_config config) : impl_(std::make_unique<impl>(std::move(config))) {}

server::~server() { stop(); }

void server::start() {
  const std::lock_guard lock(impl_->lifecycle);
  if (impl_->http) throw start_error("the server is already running");
  const server_config& c = impl_->config;
  const std::string where = c.host + ":" + std::to_string(c.port);
  if (c.port < 0 || c.port > 65535) throw start_error("cannot listen on " + where + ": the port must be 0..65535");
  if (c.port != 0)
    if (auto why = probe_bind(c.host, c.port)) throw start_error("cannot listen on " + where + ": " + *why);

  auto http = make_http_server(c);
  impl_->configure(*http);
  int port = c.port;
  if (port == 0) {
    port = http->bind_to_any_port(c.host);
    if (port < 0) throw start_error("cannot listen on " + c.host + " (any port): " + std::strerror(errno));
  } else if (!http->bind_to_port(c.host, port)) {
    throw start_error("cannot listen on " + where + ": " + std::strerror(errno));
  }
  httplib::Server* raw = http.get();
  auto finished = std::make_shared<std::atomic<bool>>(false);
  impl_->listener = std::thread([raw, finished] {
    raw->listen_after_bind();
    *finished = true;
  });
  // stop() is a no-op until the listen loop runs; wait for it so a quick stop() cannot be lost.
  while (!raw->is_running() && !*finished) std::this_thread::sleep_for(std::chrono::microseconds(200));
  if (*finished) {
    impl_->listener.join();
    throw start_error("cannot listen on " + where + ": the listen loop ended at once");
  }
  impl_->http = std::move(http);
  impl_->bound_port = port;
}

void server::stop() noexcept {
  const std::lock_guard lock(impl_->lifecycle);
  if (!impl_->http) return;
  impl_->http->stop();
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->http.reset();
  impl_->bound_port = 0;
}

bool server::running() const noexcept {
  const std::lock_guard lock(impl_->lifecycle);
  return impl_->http && impl_->http->is_running();
}

int server::port() const noexcept { return impl_->bound_port; }

std::string server::base_url() const {
  const std::string& host = impl_->config.host;
  const bool v6 = host.find(':') != std::string::npos;
  const bool tls = !impl_->config.tls_cert_file.empty();
  return (tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

response server::handle(const request& r) { return impl_->router.handle(r); }

journal& server::requests() noexcept { return impl_->router.journal(); }

}  // namespace genwire::mock
