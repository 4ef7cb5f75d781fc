#include "upstream.hpp"

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <httplib.h>
#include <openssl/x509.h>

#include "../text.hpp"

namespace genwire::mock::detail {
namespace {

// The decoded path, percent-encoded again: every byte but RFC 3986 pchar and '/'.
std::string encode_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                       std::string_view("-._~!$&'()*+,;=:@/").find(c) != std::string_view::npos;
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

// Decision: only the endpoint's auth headers, Idempotency-Key, Content-Type and Accept go upstream; Prefer is the mock's, Host and hop-by-hop headers the connection's, and cookies or tracing headers are no part of the models.
bool forwarded(std::string_view name, std::span<const genwire::auth_scheme> auth) {
  for (const auto& a : auth)
    if (iequals(name, a.header)) return true;
  return iequals(name, "Idempotency-Key") || iequals(name, "Content-Type") || iequals(name, "Accept");
}

}  // namespace

upstream_url parse_upstream_url(std::string_view url) {
  const auto bad = [&](std::string_view why) {
    return std::invalid_argument("upstream URL \"" + utf8_safe(url) + "\": " + std::string(why));
  };
  std::size_t scheme_end = 0;
  if (url.starts_with("https://")) scheme_end = 8;
  else if (url.starts_with("http://")) scheme_end = 7;
  else throw bad("must start with http:// or https://");
  if (url.find_first_of("?#") != std::string_view::npos) throw bad("must not have a query or a fragment");
  const std::size_t slash = url.find('/', scheme_end);
  upstream_url out;
  out.origin = std::string(url.substr(0, slash));
  if (out.origin.size() == scheme_end) throw bad("has no host");
  if (slash != std::string_view::npos) {
    std::string_view rest = url.substr(slash);
    while (rest.ends_with('/')) rest.remove_suffix(1);
    out.base_path = std::string(rest);
  }
  return out;
}

upstream_client::upstream_client(std::string ca_file, std::chrono::milliseconds timeout)
    : ca_file_(std::move(ca_file)), timeout_(timeout) {}

upstream_reply upstream_client::send(const upstream_url& to, const request& rq, std::span<const genwire::auth_scheme> auth) const {
  upstream_reply out;
  std::string target = to.base_path + encode_path(rq.path);
  if (!rq.query.empty()) target += "?" + rq.query;
  out.url = to.origin + target;
  // Decision: one connection per proxied request, no pool: a drift check is not a load test, and a fresh connection never meets one the upstream closed while idle.
  httplib::Client c(to.origin);
  c.set_url_encode(false);  // already encoded above; the query goes as the caller sent it
  c.set_follow_location(false);
  c.set_keep_alive(false);
  c.set_connection_timeout(timeout_);
  c.set_read_timeout(timeout_);
  c.set_write_timeout(timeout_);
  if (!ca_file_.empty()) c.set_ca_cert_path(ca_file_);
  c.enable_server_certificate_verification(true);

  httplib::Request req;
  req.method = rq.method;
  req.path = target;
  for (const auto& h : rq.headers)
    if (forwarded(h.name, auth)) req.set_header(h.name, h.value);
  req.body = rq.body;

  // cpp-httplib's timeouts bound each read, so an upstream that trickles its answer would hold the
  // caller for ever; a watchdog stops the exchange when the whole answer is not in by the timeout.
  std::mutex m;
  std::condition_variable answered;
  bool done = false, cut_off = false;
  std::thread watchdog([&] {
    std::unique_lock lock(m);
    if (!answered.wait_for(lock, timeout_, [&] { return done; })) {
      cut_off = true;
      c.stop();
    }
  });
  const auto started = std::chrono::steady_clock::now();
  httplib::Result res = c.send(req);
  {
    std::lock_guard lock(m);
    done = true;
  }
  answered.notify_one();
  watchdog.join();
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  out.time_ms = static_cast<std::uint64_t>(took.count());
  const std::string within = " within " + std::to_string(timeout_.count()) + " ms";
  if (cut_off) {
    out.failure = upstream_failure::timeout;
    out.why = "no whole answer" + within;
    return out;
  }
  if (res) {
    out.status = res->status;
    for (const std::string_view name : passed_back_headers)
      if (res->has_header(std::string(name).c_str()))
        out.headers.push_back({std::string(name), res->get_header_value(std::string(name).c_str())});
    out.body = std::move(res->body);
    return out;
  }
  switch (res.error()) {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress:
      out.failure = upstream_failure::unreachable;
      out.why = "could not connect";
      break;
    case httplib::Error::ConnectionTimeout:
      out.failure = upstream_failure::timeout;
      out.why = "no connection" + within;
      break;
    case httplib::Error::Read:
    case httplib::Error::Write:
      // cpp-httplib reports a read that timed out as a read error; the elapsed time tells them apart.
      if (took + std::chrono::milliseconds(5) >= timeout_) {
        out.failure = upstream_failure::timeout;
        out.why = "no whole answer" + within;
      } else {
        out.failure = upstream_failure::dropped;
        out.why = "the connection closed before a whole answer";
      }
      break;
    case httplib::Error::SSLConnection:
      out.failure = upstream_failure::tls;
      out.why = "the TLS handshake failed";
      break;
    case httplib::Error::SSLLoadingCerts:
      out.failure = upstream_failure::tls;
      out.why = "cannot load the certificate authorities from " + (ca_file_.empty() ? std::string("the system store") : ca_file_);
      break;
    case httplib::Error::SSLServerVerification:
      out.failure = upstream_failure::tls;
      out.why = std::string("the upstream's certificate is not trusted: ") + X509_verify_cert_error_string(c.get_openssl_verify_result());
      break;
    default:
      out.failure = upstream_failure::dropped;
      out.why = httplib::to_string(res.error());
      break;
  }
  return out;
}

}  // namespace genwire::mock::detail
