// The cpp-httplib side of the client: keep-alive connections, timeouts, TLS trust, and the mapping
// of cpp-httplib's errors onto transport_failure.
#include <genwire/client/connection_pool.hpp>

#include <openssl/x509.h>

#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

#include <httplib.h>

namespace genwire::client {
namespace {

using std::chrono::milliseconds;

struct split_url {
  std::string origin;  // "https://host:port", what cpp-httplib connects to
  std::string prefix;  // a path before every target, without a trailing '/'
  std::optional<std::string> problem;
};

split_url split(const std::string& url) {
  split_url out;
  std::string_view rest = url;
  std::string_view scheme;
  for (std::string_view s : {std::string_view("http://"), std::string_view("https://")})
    if (rest.starts_with(s)) scheme = s;
  if (scheme.empty()) {
    out.problem = "the base URL must start with http:// or https://, not \"" + url + "\"";
    return out;
  }
  rest.remove_prefix(scheme.size());
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (authority.empty() || authority.find_first_of("?#@ ") != std::string_view::npos ||
      path.find_first_of("?# ") != std::string_view::npos) {
    out.problem = "the base URL must be scheme://host[:port][/path], not \"" + url + "\"";
    return out;
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out.origin = std::string(scheme) + std::string(authority);
  out.prefix = std::string(path);
  return out;
}

void set_timeouts(httplib::Client& c, milliseconds t) {
  const auto sec = static_cast<time_t>(t.count() / 1000);
  const auto usec = static_cast<time_t>((t.count() % 1000) * 1000);
  c.set_connection_timeout(sec, usec);
  c.set_read_timeout(sec, usec);
  c.set_write_timeout(sec, usec);
}

}  // namespace

struct connection_pool::impl {
  explicit impl(pool_config c) : config(std::move(c)), url(split(config.base_url)) {}

  pool_config config;
  split_url url;
  std::mutex mutex;
  std::vector<std::unique_ptr<httplib::Client>> idle;
  std::atomic<std::size_t> opened{0};

  // Decision: at most 16 idle connections are kept per client (more concurrent calls open more, and close them after).
  static constexpr std::size_t max_idle = 16;

  std::unique_ptr<httplib::Client> take() {
    {
      const std::lock_guard lock(mutex);
      if (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        return c;
      }
    }
    auto c = std::make_unique<httplib::Client>(url.origin);
    c->set_keep_alive(true);
    c->set_tcp_nodelay(true);
    c->set_follow_location(false);
    c->set_socket_options([this](socket_t) { ++opened; });
    if (!config.ca_file.empty()) c->set_ca_cert_path(config.ca_file);
    c->enable_server_certificate_verification(true);
    return c;
  }

  void give_back(std::unique_ptr<httplib::Client> c) {
    const std::lock_guard lock(mutex);
    if (idle.size() < max_idle) idle.push_back(std::move(c));
  }

  transport_error failure(httplib::Client& c, httplib::Error e, milliseconds timeout, milliseconds took, const std::stop_token& stop) const {
    const std::string where = " (" + config.base_url + ")";
    if (stop.stop_requested()) return {transport_failure::cancelled, "cancelled during the request" + where, {}};
    switch (e) {
      case httplib::Error::Connection:
      case httplib::Error::BindIPAddress:
        return {transport_failure::connect, "could not connect" + where, {}};
      case httplib::Error::ConnectionTimeout:
        return {transport_failure::timeout, "no connection within " + std::to_string(timeout.count()) + " ms" + where, {}};
      case httplib::Error::Read:
      case httplib::Error::Write:
        // cpp-httplib reports a read that timed out as a read error; the elapsed time tells them apart.
        if (took + milliseconds(5) >= timeout)
          return {transport_failure::timeout, "no answer within " + std::to_string(timeout.count()) + " ms" + where, {}};
        return {transport_failure::dropped, "the connection closed before a whole answer" + where, {}};
      case httplib::Error::SSLConnection:
        return {transport_failure::tls, "the TLS handshake failed" + where, {}};
      case httplib::Error::SSLLoadingCerts:
        return {transport_failure::tls, "cannot load the certificate authorities from " +
                                            (config.ca_file.empty() ? std::string("the system store") : config.ca_file), {}};
      case httplib::Error::SSLServerVerification: {
        const long v = c.get_openssl_verify_result();
        return {transport_failure::tls,
                std::string("the server's certificate is not trusted: ") + X509_verify_cert_error_string(v) + where, {}};
      }
      case httplib::Error::Canceled:
        return {transport_failure::cancelled, "cancelled during the request" + where, {}};
      default:
        return {transport_failure::dropped, httplib::to_string(e) + where, {}};
    }
  }
};

connection_pool::connection_pool(pool_config config) : impl_(std::make_unique<impl>(std::move(config))) {}
connection_pool::~connection_pool() = default;

const std::optional<std::string>& connection_pool::url_problem() const noexcept { return impl_->url.problem; }
std::size_t connection_pool::connections_opened() const noexcept { return impl_->opened.load(); }

exchange_result connection_pool::exchange(const http_request& rq, milliseconds timeout, std::stop_token stop) {
  if (impl_->url.problem) return transport_error{transport_failure::connect, *impl_->url.problem, {}};
  if (stop.stop_requested()) return transport_error{transport_failure::cancelled, "cancelled before the request was sent", {}};
  std::unique_ptr<httplib::Client> c = impl_->take();
  set_timeouts(*c, timeout);
  httplib::Headers headers;
  for (const http_header& h : rq.headers) headers.emplace(h.name, h.value);
  const std::string target = impl_->url.prefix + rq.target;

  const auto start = std::chrono::steady_clock::now();
  httplib::Result res = [&] {
    // A stop request shuts the socket down, which ends the exchange at once.
    const std::stop_callback on_stop(stop, [&c] { c->stop(); });
    return rq.method == genwire::http_method::get ? c->Get(target, headers)
                                                  : c->Post(target, headers, rq.body, "application/json");
  }();
  const auto took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  if (!res) return impl_->failure(*c, res.error(), timeout, took, stop);  // the connection is discarded

  http_response out;
  out.status = res->status;
  out.headers.reserve(res->headers.size());
  for (const auto& [name, value] : res->headers) out.headers.push_back({name, value});
  out.body = std::move(res->body);
  impl_->give_back(std::move(c));
  return out;
}

}  // namespace genwire::client
