// The call to a real service (or any server) a proxied provider's requests are forwarded to:
// method, path, query, body and the headers that carry meaning (the caller's auth, Idempotency-Key,
// Content-Type, Accept), over HTTP or HTTPS (the system trust store, or a CA file), within a
// timeout. Its answer, or what went wrong, comes back as data; nothing throws. Internal to
// genwire_mock.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/http.hpp>

namespace genwire::mock::detail {

// "https://app.example.com" or "http://127.0.0.1:8080/prefix", split once at start-up.
struct upstream_url {
  std::string origin;     // scheme://host[:port]
  std::string base_path;  // "" or "/prefix" (no trailing slash): prepended to every forwarded path
};

// Throws std::invalid_argument naming what is wrong with `url` (not http(s), no host, a query).
upstream_url parse_upstream_url(std::string_view url);

enum class upstream_failure : std::uint8_t { none, unreachable, timeout, dropped, tls };

struct upstream_reply {
  std::string url;  // where the request went, with its query
  upstream_failure failure = upstream_failure::none;
  std::string why;  // failure != none: what happened, in words
  int status = 0;
  std::vector<header> headers;  // the answer's headers that travel back (passed_back_headers)
  std::string body;
  std::uint64_t time_ms = 0;
};

// The upstream answer's headers that go back to the caller (and into recordings) unchanged.
inline constexpr std::string_view passed_back_headers[] = {"Content-Type", "Retry-After", "request-id", "X-Request-Id"};

class upstream_client {
 public:
  // `ca_file`: "" trusts the system store. `timeout`: for the whole exchange, connect to last byte.
  upstream_client(std::string ca_file, std::chrono::milliseconds timeout);

  // `rq` to `to`; `auth`: the endpoint's auth headers, forwarded when the caller sent them.
  [[nodiscard]] upstream_reply send(const upstream_url& to, const request& rq, std::span<const genwire::auth_scheme> auth) const;

 private:
  std::string ca_file_;
  std::chrono::milliseconds timeout_;
};

}  // namespace genwire::mock::detail
