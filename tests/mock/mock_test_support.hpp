// Shared pieces of the mock server tests: a server on an ephemeral loopback port with an
// httplib::Client, request helpers, and the descriptors' own examples as request bodies.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/server.hpp>

#include "../providers/provider_test_support.hpp"

namespace mock_test {

// The mock's own error body, as a test-side struct (decoding it proves the shape).
struct mock_error_detail {
  std::string kind;
  std::string message;
  std::optional<std::string> endpoint;
  std::optional<int> requested_code;
  std::optional<std::vector<int>> documented_codes;
};
struct mock_error_body {
  mock_error_detail genwire_mock_error;
};

// A plain TCP connection to the mock, for what an HTTP client library will not send.
class raw_conn {
 public:
  explicit raw_conn(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~raw_conn() { ::close(fd_); }
  raw_conn(const raw_conn&) = delete;
  raw_conn& operator=(const raw_conn&) = delete;

  [[nodiscard]] bool connected() const { return connected_; }
  void send(std::string_view s) { (void)::send(fd_, s.data(), s.size(), MSG_NOSIGNAL); }
  // Everything until the peer closes or `within` passes; `closed` tells which.
  std::string read_all(std::chrono::milliseconds within, bool& closed) {
    std::string out;
    closed = false;
    const auto until = std::chrono::steady_clock::now() + within;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      if (left.count() <= 0) return out;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return out;
      char buf[4096];
      const auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed = true;
        return out;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

struct live_mock {
  explicit live_mock(genwire::mock::server_config config = {}) : srv(std::move(config)) {
    srv.start();
    cli = std::make_unique<httplib::Client>("127.0.0.1", srv.port());
    cli->set_keep_alive(true);
    cli->set_tcp_nodelay(true);
    cli->set_read_timeout(10, 0);
  }

  // Any method, path (with "?query" if any), headers and body.
  httplib::Result send(const std::string& method, const std::string& target, httplib::Headers headers = {},
                       std::string body = {}) {
    httplib::Request req;
    req.method = method;
    req.path = target;
    req.headers = std::move(headers);
    if (!body.empty() || method == "POST") {
      req.body = std::move(body);
      if (!req.has_header("Content-Type")) req.set_header("Content-Type", "application/json");
    }
    return cli->send(req);
  }

  genwire::mock::server srv;
  std::unique_ptr<httplib::Client> cli;
};

// The descriptor's documented request example (a JSON body or a query string); "" when none.
template <class D>
std::string example_request() {
  for (const auto& e : D::examples)
    if (e.kind == genwire::example_kind::request) return std::string(e.body);
  return {};
}

// The path, plus "?query" for a query-string endpoint whose example request has one.
template <class D>
std::string target_of(std::string_view query) {
  std::string t(genwire::example_path_of<D>());
  if (!query.empty()) t.append("?").append(query);  // not "?" + std::string: g++ 12 -O3 warns (-Wrestrict) on that
  return t;
}

// A valid request to D from its own example, with the given headers.
template <class D>
httplib::Result send_example(live_mock& m, httplib::Headers headers) {
  const std::string ex = example_request<D>();
  if constexpr (D::request_in == genwire::request_location::json_body)
    return m.send(std::string(genwire::to_string(D::method)), std::string(genwire::example_path_of<D>()), std::move(headers), ex);
  else
    return m.send(std::string(genwire::to_string(D::method)), target_of<D>(ex), std::move(headers));
}

// `Authorization: Bearer k`, or `X-Api-Key: k`: the header the scheme describes.
inline httplib::Headers auth_header(const genwire::auth_scheme& s, std::string_view key) {
  return {{std::string(s.header), std::string(s.prefix) + std::string(key)}};
}

inline httplib::Headers read_key(const genwire::auth_scheme& s) { return auth_header(s, "gw_test_read"); }

// Semantic JSON equality (member order and number spelling ignored), as the provider tests use it.
using genwire_test::same_json;

template <class T>
T decoded(std::string_view body) {
  auto r = genwire::decode<T>(body);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message()) << "\nbody: " << body;
  return r ? std::move(*r) : T{};
}

inline std::string header_of(const httplib::Result& r, const char* name) {
  return r ? r->get_header_value(name) : std::string();
}

}  // namespace mock_test
