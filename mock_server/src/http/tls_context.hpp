// The server side of HTTPS: one OpenSSL context made from a PEM certificate (chain) and its
// private key, and a non-blocking TLS session per connection. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <string>

#include <sys/types.h>

struct ssl_ctx_st;
struct ssl_st;

namespace genwire::mock::detail {

class tls_context {
 public:
  // Throws start_error with OpenSSL's reason when the files cannot be used.
  tls_context(const std::string& cert_file, const std::string& key_file);
  ~tls_context();
  tls_context(const tls_context&) = delete;
  tls_context& operator=(const tls_context&) = delete;

  [[nodiscard]] ssl_ctx_st* native() const noexcept { return ctx_; }

 private:
  ssl_ctx_st* ctx_ = nullptr;
};

// What a non-blocking TLS call needs to go on.
enum class tls_wait { none, readable, writable, failed, closed };

// One connection's TLS session over a non-blocking socket.
class tls_session {
 public:
  tls_session(const tls_context& ctx, int fd);
  ~tls_session();
  tls_session(const tls_session&) = delete;
  tls_session& operator=(const tls_session&) = delete;

  // Advances the handshake: none once it is done.
  tls_wait handshake();
  // Decrypted bytes into buf: > 0 read, 0 with `wait` set when none are there now.
  ssize_t read(char* buf, std::size_t size, tls_wait& wait);
  ssize_t write(const char* buf, std::size_t size, tls_wait& wait);
  // Bytes OpenSSL holds decrypted already (no socket event will announce them).
  [[nodiscard]] bool pending() const;
  // OpenSSL's last error, for a log line.
  [[nodiscard]] static std::string last_error();

 private:
  tls_wait wait_of(int rc) const;
  ssl_st* ssl_ = nullptr;
};

}  // namespace genwire::mock::detail
