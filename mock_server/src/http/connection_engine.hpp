// The mock's connections, kept off its worker threads until there is work: one poller thread
// accepts them and reads each request head (and body) into memory; only a complete request goes
// to a worker, which hands it to cpp-httplib (parsing, routing, writing the answer) through an
// in-memory stream, then returns the connection to the poller to wait for the next one. So a
// client that sends slowly, or keeps a connection open and idle, holds no thread; a connection
// that has not delivered a whole request within the head deadline is closed and counted, and
// beyond the connection limit new ones are refused at once. Internal to genwire_mock.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <genwire/mock/server.hpp>

namespace httplib {
class Stream;
}

namespace genwire::mock::detail {

class tls_context;

struct engine_config {
  std::size_t workers = 128;
  std::size_t max_connections = 4096;
  std::chrono::milliseconds header_timeout{10000};      // a whole request (head and body) within this
  std::chrono::milliseconds keep_alive_timeout{5000};   // idle between two requests
  std::chrono::milliseconds write_timeout{5000};
  std::size_t keep_alive_max = 10000;                   // requests per connection
  std::size_t max_body_bytes = 1024 * 1024;             // a body is waited for up to this size
  std::function<void(std::string_view line)> log;       // cut-offs and refusals; may be empty
};

// Serves one request whose bytes `stream` holds: cpp-httplib's Server::process_request.
using serve_one = std::function<bool(httplib::Stream& stream, bool close_connection, bool& connection_closed)>;

class connection_engine {
 public:
  // `tls` null: plain HTTP.
  connection_engine(engine_config config, serve_one serve, std::shared_ptr<const tls_context> tls);
  ~connection_engine();
  connection_engine(const connection_engine&) = delete;
  connection_engine& operator=(const connection_engine&) = delete;

  // Serves on `listen_fd` (bound and listening; the engine closes it) until stop().
  void start(int listen_fd);
  // Stops accepting, lets the workers finish the requests they hold, closes every connection.
  void stop() noexcept;

  [[nodiscard]] connection_stats stats() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// The connection the calling worker thread serves now (none outside a worker).
namespace current_connection {
// Closes it without a byte of the answer being written (--drop-rate); false when there is none.
bool drop() noexcept;
// Whether it came over TLS.
bool tls() noexcept;
// Its request's whole body, when the engine received it sized by Content-Length (not chunked, not
// over the body limit, not still on its way after 100-continue); nothing otherwise.
std::optional<std::string_view> sized_body() noexcept;
}  // namespace current_connection

}  // namespace genwire::mock::detail
