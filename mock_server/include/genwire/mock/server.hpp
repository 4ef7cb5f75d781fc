// genwire/mock/server.hpp: the embeddable mock server.
//
//   genwire::mock::server srv;                  // every endpoint, built-in keys, ephemeral port
//   srv.start();                                // listens; throws genwire::mock::start_error
//   httplib::Client cli(srv.base_url());        // "http://127.0.0.1:41234"
//   ...
//   srv.stop();                                 // or let the destructor do it
//
// Without start() no socket is opened: handle() answers a request in-process (unit tests, fuzzing).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "http.hpp"
#include "journal.hpp"
#include "api_keys.hpp"
#include "store.hpp"

namespace genwire::mock {

class fault_injector;  // <genwire/mock/realistic.hpp>

// The status of every answer the mock makes up itself (an undocumented code asked for with
// Prefer, a malformed Prefer, an internal failure), always with an X-Genwire-Mock-Error header.
// No endpoint documents it; server construction checks that.
inline constexpr int mock_error_status = 501;
inline constexpr std::string_view mock_error_header = "X-Genwire-Mock-Error";

// A provider whose endpoints a real service answers: `url` is its origin, maybe with a base path
// ("https://app.example.com"); the endpoint's path and the query are appended.
struct proxy_route {
  std::string provider;  // a descriptor's provider name, any case
  std::string url;
};

struct server_config {
  std::string host = "127.0.0.1";
  int port = 0;                         // 0: a free port, see server::port()
  std::vector<std::string> providers;   // serve only these (descriptors' provider names); empty: all
  bool builtin_keys = true;             // gw_test_read, gw_test_inactive, gw_test_noread, gw_test_other
  std::vector<key_record> keys;         // more keys (a later entry with the same key wins)
  std::size_t journal_capacity = 1000;  // 0: no journal
  std::size_t max_body_bytes = 1024 * 1024;
  // Browsers on other origins may call every endpoint: OPTIONS is a 204 preflight allowing the
  // endpoint's auth headers, Content-Type and Prefer, and every endpoint answer names the request's
  // Origin. Off: each provider as it documents itself (only those that document CORS allow it).
  bool cors = false;
  // Worker threads, each answering one complete request at a time (connections that are idle or
  // still sending wait in one poller thread, not here); 0: max(128, 8 * hardware threads).
  std::size_t threads = 0;
  std::size_t max_connections = 4096;   // open at once; beyond it a new one is closed at once, and counted
  std::size_t keep_alive_max = 10000;   // requests per connection
  std::chrono::seconds keep_alive_timeout{5};  // idle between two requests
  // A whole request (head and body) must arrive within this of its first byte (of the accept,
  // for a connection's first request), however slowly it trickles; else the connection is closed.
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::seconds write_timeout{5};
  // HTTPS: a PEM certificate (chain) and its private key; both empty: plain HTTP. start() throws
  // start_error when only one is given or either cannot be loaded.
  std::string tls_cert_file;
  std::string tls_key_file;
  // One line per request ("POST /v1/jobs 200 57us"); empty: no log.
  std::function<void(std::string_view line)> log;
  // The data behind valid requests; null: replay the documented examples.
  std::shared_ptr<genwire::mock::store> data;
  // Latency, failures, rate limits and drops before each endpoint answer (realistic.hpp); null:
  // only per-request `Prefer: latency=MS`.
  std::shared_ptr<genwire::mock::fault_injector> faults;

  // Validating proxy: these providers' endpoint requests go to their upstream as sent, and each
  // answer comes back unchanged after checking it with the endpoint's models (journal entries'
  // `violations`, the X-Genwire-Violations header, GET /__admin/violations). Faults, Prefer and
  // the data do not apply to them; the other providers are mocked as ever.
  std::vector<proxy_route> proxies;
  std::string upstream_ca_file;  // PEM CAs an HTTPS upstream is checked against; "": the system store
  std::chrono::milliseconds upstream_timeout{60000};  // the whole exchange, connect to last byte
  // An answer the default rules refuse becomes a 502 mock error (kind "upstream-violation").
  bool proxy_fail_on_violation = false;
  // Each distinct proxied answer the models accept is written here as an example file.
  std::string record_dir;
  // Example files served beside the documented examples; construction throws
  // std::invalid_argument naming the file and JSON path of one that does not check.
  std::vector<std::string> example_dirs;
};

// What the HTTP layer has done with connections (GET /__admin/stats; server::connections()).
struct connection_stats {
  std::uint64_t open = 0;         // open now
  std::uint64_t idle = 0;         // open, waiting for a (next) request
  std::uint64_t reading = 0;      // open, a request partly received (or a TLS handshake under way)
  std::uint64_t active = 0;       // open, a request being answered
  std::uint64_t accepted = 0;     // ever accepted
  std::uint64_t refused = 0;      // closed at once: max_connections were open
  std::uint64_t slow_closed = 0;  // closed: no complete request within header_timeout
  std::uint64_t idle_closed = 0;  // closed: idle past keep_alive_timeout
  std::uint64_t requests = 0;     // answered
};

class start_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class server {
 public:
  // Validates the configuration and prepares every replayed body (encoded once, here).
  // Throws std::invalid_argument on an unknown provider name.
  explicit server(server_config config = {});
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Binds host:port and serves on a background thread. Throws start_error, with the reason, when
  // the address cannot be used (for example "Address already in use").
  void start();
  // Stops listening and waits for the workers. Idempotent.
  void stop() noexcept;
  [[nodiscard]] bool running() const noexcept;
  // The bound port (the chosen one when the config said 0); 0 before start().
  [[nodiscard]] int port() const noexcept;
  // "http://127.0.0.1:41234" ("https://..." with TLS; IPv6 hosts in brackets).
  [[nodiscard]] std::string base_url() const;
  // The HTTP layer's connection counters (all zero before start()).
  [[nodiscard]] connection_stats connections() const;

  // The whole behaviour without sockets. Never throws; any input gets an answer.
  response handle(const request& r);

  [[nodiscard]] genwire::mock::journal& requests() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace genwire::mock
