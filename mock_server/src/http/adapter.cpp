// The socket adapter: the connection engine's complete requests through cpp-httplib to the
// socket-free router and its answers back out (or a dropped connection, when the answer's
// disposition says so), and the start/stop life cycle.
#include <genwire/mock/server.hpp>

#include <netdb.h>
#include <netinet/in.h>
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

#include "../routing/router.hpp"
#include "../text.hpp"
#include "connection_engine.hpp"
#include "tls_context.hpp"

namespace genwire::mock {
namespace {

// A listening socket on host:port (0: a free port), or the reason there is none. Only
// SO_REUSEADDR (restart after a stop without waiting for TIME_WAIT), never SO_REUSEPORT, which
// would let a second server share a port that is already listening, silently.
int listen_on(const std::string& host, int port, std::string& why) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    why = std::string("cannot resolve host: ") + ::gai_strerror(rc);
    return -1;
  }
  why = "no usable address";
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      why = std::strerror(errno);
      continue;
    }
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) break;
    const int err = errno;
    ::close(fd);
    fd = -1;
    why = std::strerror(err);
    if (err == EADDRINUSE) why += " (another process is listening there; choose another --port, or --port 0 for a free one)";
  }
  ::freeaddrinfo(found);
  return fd;
}

int port_of(int fd) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return 0;
  if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port);
  if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port);
  return 0;
}

// cpp-httplib parses, routes and writes one request at a time for the connection engine, which
// owns the sockets (process_request is protected, for servers that bring their own connections).
class http_layer final : public httplib::Server {
 public:
  bool serve(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
  }
};

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

// Set on the worker thread while cpp-httplib writes an answer the router made, so that its error
// handler (which it calls for every status >= 400) leaves that answer alone.
thread_local bool answered_by_router = false;

request to_request(const httplib::Request& in, std::string_view body) {
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
  rq.body = body;
  if (detail::current_connection::tls()) rq.scheme = "https";
  return rq;
}

void to_httplib(response&& r, httplib::Response& out) {
  out.status = r.status;
  out.headers.clear();
  for (auto& h : r.headers) out.set_header(h.name, h.value);
  out.body = std::move(r.body);
}

thread_local std::chrono::steady_clock::time_point request_start{};

using detail::printable;  // a decoded path may hold "%0A": the log keeps one line per request

}  // namespace

struct server::impl {
  explicit impl(server_config c) : config(std::move(c)), router(config, [this] { return live_stats(); }) {}

  server_config config;
  detail::router router;
  std::mutex lifecycle;
  std::unique_ptr<http_layer> http;
  std::unique_ptr<detail::connection_engine> engine;
  // The running engine, for the admin API's workers (which must not take `lifecycle`: stop() holds
  // it while it waits for them).
  std::atomic<detail::connection_engine*> running_engine{nullptr};
  std::atomic<int> bound_port{0};

  [[nodiscard]] connection_stats live_stats() const {
    const detail::connection_engine* e = running_engine.load();
    return e ? e->stats() : connection_stats{};
  }

  void configure(httplib::Server& s) {
    // Only what cpp-httplib writes or checks itself: the Keep-Alive header, the body limit. The
    // engine keeps the connections, their timeouts and their count.
    s.set_keep_alive_max_count(config.keep_alive_max);
    s.set_keep_alive_timeout(static_cast<time_t>(config.keep_alive_timeout.count()));
    s.set_payload_max_length(config.max_body_bytes);

    const auto routed = [this](const httplib::Request& in, std::string_view body, httplib::Response& out) {
      const bool unread = !body_is_read(in.method) && declares_body(in);
      response r = unread && declared_length(in) > config.max_body_bytes ? router.transport_error(413, to_request(in, body))
                                                                          : router.handle(to_request(in, body));
      if (r.disposition == disposition::drop) {  // --drop-rate: nothing of the answer goes out
        detail::current_connection::drop();
        out.status = 200;
        return;
      }
      // The client must not reuse a connection that still holds a body nobody read.
      if (unread) r.set_header("Connection", "close");
      answered_by_router = r.status >= 400;  // cpp-httplib calls the error handler for exactly these
      to_httplib(std::move(r), out);
    };
    const auto with_read_body = [routed](const httplib::Request& in, httplib::Response& out) { routed(in, in.body, out); };
    const std::string any = ".*";
    s.Get(any, with_read_body);
    s.Post(any, with_read_body);
    s.Put(any, with_read_body);
    s.Patch(any, with_read_body);
    s.Delete(any, with_read_body);
    s.Options(any, with_read_body);

    s.set_pre_routing_handler([routed](const httplib::Request& in, httplib::Response& out) {
      request_start = std::chrono::steady_clock::now();
      answered_by_router = false;
      using handled = httplib::Server::HandlerResponse;
      // A method whose body cpp-httplib never reads: the same handler, without matching its
      // handler list's regex (an unregistered one, TRACE say, gets its 405 from the error handler).
      if (!body_is_read(in.method)) {
        if (!registered_method(in.method)) return handled::Unhandled;
        routed(in, {}, out);
        return handled::Handled;
      }
      // A POST without Content-Length (`curl -X POST`) has an empty body (RFC 9112 section 6.3):
      // answer before cpp-httplib looks for one.
      if (!in.has_header("Content-Length") && !in.has_header("Transfer-Encoding")) {
        routed(in, {}, out);
        return handled::Handled;
      }
      // The engine holds the whole body already: answer without cpp-httplib copying it out again.
      // Bodies cpp-httplib would transform (decompress, or split into multipart files) still go
      // its way.
      if (const auto body = detail::current_connection::sized_body();
          body && !in.has_header("Content-Encoding") && !in.is_multipart_form_data()) {
        routed(in, *body, out);
        return handled::Handled;
      }
      return handled::Unhandled;
    });
    // cpp-httplib calls this for every answer >= 400: the router's own (marked), and those the
    // HTTP layer made before routing (413, 414, 400), which get the mock's bodies here.
    s.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& in, httplib::Response& out) {
      if (std::exchange(answered_by_router, false)) return httplib::Server::HandlerResponse::Unhandled;
      request rq = to_request(in, in.body);
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

  [[nodiscard]] detail::engine_config engine_settings() const {
    detail::engine_config e;
    e.workers = config.threads ? config.threads : std::max<std::size_t>(128, 8 * std::max(1u, std::thread::hardware_concurrency()));
    e.max_connections = config.max_connections;
    e.header_timeout = config.header_timeout;
    e.keep_alive_timeout = config.keep_alive_timeout;
    e.write_timeout = config.write_timeout;
    e.keep_alive_max = config.keep_alive_max;
    e.max_body_bytes = config.max_body_bytes;
    e.log = config.log;
    return e;
  }
};

server::server(server_config config) : impl_(std::make_unique<impl>(std::move(config))) {}

server::~server() { stop(); }

void server::start() {
  const std::lock_guard lock(impl_->lifecycle);
  if (impl_->engine) throw start_error("the server is already running");
  const server_config& c = impl_->config;
  const std::string where = c.host + ":" + std::to_string(c.port);
  if (c.port < 0 || c.port > 65535) throw start_error("cannot listen on " + where + ": the port must be 0..65535");
  if (c.tls_cert_file.empty() != c.tls_key_file.empty()) throw start_error("TLS needs both a certificate and its private key");
  std::shared_ptr<const detail::tls_context> tls;
  if (!c.tls_cert_file.empty()) tls = std::make_shared<const detail::tls_context>(c.tls_cert_file, c.tls_key_file);

  std::string why;
  const int fd = listen_on(c.host, c.port, why);
  if (fd < 0) throw start_error("cannot listen on " + where + ": " + why);
  auto http = std::make_unique<http_layer>();
  impl_->configure(*http);
  http_layer* layer = http.get();
  auto engine = std::make_unique<detail::connection_engine>(
      impl_->engine_settings(),
      [layer](httplib::Stream& s, bool close, bool& closed) { return layer->serve(s, close, closed); }, std::move(tls));
  try {
    engine->start(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  impl_->bound_port = port_of(fd);
  impl_->http = std::move(http);
  impl_->engine = std::move(engine);
  impl_->running_engine = impl_->engine.get();
}

void server::stop() noexcept {
  const std::lock_guard lock(impl_->lifecycle);
  if (!impl_->engine) return;
  impl_->engine->stop();
  impl_->running_engine = nullptr;
  impl_->engine.reset();
  impl_->http.reset();
  impl_->bound_port = 0;
}

bool server::running() const noexcept {
  const std::lock_guard lock(impl_->lifecycle);
  return impl_->engine != nullptr;
}

int server::port() const noexcept { return impl_->bound_port; }

std::string server::base_url() const {
  const std::string& host = impl_->config.host;
  const bool v6 = host.find(':') != std::string::npos;
  const char* scheme = impl_->config.tls_cert_file.empty() ? "http://" : "https://";
  return scheme + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

connection_stats server::connections() const { return impl_->live_stats(); }

response server::handle(const request& r) { return impl_->router.handle(r); }

journal& server::requests() noexcept { return impl_->router.journal(); }

}  // namespace genwire::mock
