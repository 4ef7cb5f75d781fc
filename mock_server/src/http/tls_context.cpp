#include "tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <genwire/mock/server.hpp>

namespace genwire::mock::detail {

std::string tls_session::last_error() {
  std::string out;
  while (const unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? std::string("unknown TLS error") : out;
}

tls_context::tls_context(const std::string& cert_file, const std::string& key_file) {
  ctx_ = SSL_CTX_new(TLS_server_method());
  if (!ctx_) throw start_error("TLS: cannot create a context: " + tls_session::last_error());
  SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
  SSL_CTX_set_mode(ctx_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  const auto fail = [&](const std::string& what) {
    const std::string why = tls_session::last_error();
    SSL_CTX_free(ctx_);
    ctx_ = nullptr;
    throw start_error("TLS: " + what + ": " + why);
  };
  if (SSL_CTX_use_certificate_chain_file(ctx_, cert_file.c_str()) != 1) fail("cannot use the certificate " + cert_file);
  if (SSL_CTX_use_PrivateKey_file(ctx_, key_file.c_str(), SSL_FILETYPE_PEM) != 1) fail("cannot use the private key " + key_file);
  if (SSL_CTX_check_private_key(ctx_) != 1) fail("the private key " + key_file + " does not match the certificate " + cert_file);
}

tls_context::~tls_context() { SSL_CTX_free(ctx_); }

tls_session::tls_session(const tls_context& ctx, int fd) : ssl_(SSL_new(ctx.native())) {
  if (ssl_) {
    SSL_set_fd(ssl_, fd);
    SSL_set_accept_state(ssl_);
  }
}

tls_session::~tls_session() {
  if (ssl_) SSL_free(ssl_);
}

tls_wait tls_session::wait_of(int rc) const {
  switch (SSL_get_error(ssl_, rc)) {
    case SSL_ERROR_WANT_READ: return tls_wait::readable;
    case SSL_ERROR_WANT_WRITE: return tls_wait::writable;
    case SSL_ERROR_ZERO_RETURN: return tls_wait::closed;
    default: return tls_wait::failed;
  }
}

tls_wait tls_session::handshake() {
  if (!ssl_) return tls_wait::failed;
  ERR_clear_error();
  const int rc = SSL_do_handshake(ssl_);
  return rc == 1 ? tls_wait::none : wait_of(rc);
}

ssize_t tls_session::read(char* buf, std::size_t size, tls_wait& wait) {
  ERR_clear_error();
  const int n = SSL_read(ssl_, buf, static_cast<int>(size));
  if (n > 0) return wait = tls_wait::none, n;
  wait = wait_of(n);
  return 0;
}

ssize_t tls_session::write(const char* buf, std::size_t size, tls_wait& wait) {
  ERR_clear_error();
  const int n = SSL_write(ssl_, buf, static_cast<int>(size));
  if (n > 0) return wait = tls_wait::none, n;
  wait = wait_of(n);
  return 0;
}

bool tls_session::pending() const { return ssl_ && SSL_pending(ssl_) > 0; }

}  // namespace genwire::mock::detail
