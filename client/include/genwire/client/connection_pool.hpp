// genwire/client/connection_pool.hpp: keep-alive HTTP(S) connections to one base URL, on
// cpp-httplib with OpenSSL. Thread-safe: each exchange takes an idle connection (or opens one)
// for itself and gives it back afterwards, so concurrent calls never share a socket and
// sequential calls reuse one.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

#include "retrying.hpp"

namespace genwire::client {

struct pool_config {
  // "https://api.flora.ai", "http://127.0.0.1:8080", optionally with a path prefix ("/proxy") that
  // is put before every request's target.
  std::string base_url;
  // PEM file of certificate authorities to trust for HTTPS instead of the system's store (a test
  // CA); empty: the system store (/etc/ssl/certs).
  std::string ca_file;
};

class connection_pool {
 public:
  explicit connection_pool(pool_config config);
  ~connection_pool();
  connection_pool(const connection_pool&) = delete;
  connection_pool& operator=(const connection_pool&) = delete;

  // One exchange; `timeout` bounds connecting, sending and each wait for answer bytes.
  exchange_result exchange(const http_request& rq, std::chrono::milliseconds timeout, std::stop_token stop);

  // Why the base URL cannot be used ("expected http:// or https://..."), or nullopt.
  [[nodiscard]] const std::optional<std::string>& url_problem() const noexcept;
  // Connections opened so far (a keep-alive connection counts once however often it is reused).
  [[nodiscard]] std::size_t connections_opened() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace genwire::client
