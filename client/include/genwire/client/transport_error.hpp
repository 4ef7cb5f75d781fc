// genwire/client/transport_error.hpp: an exchange that produced no HTTP answer, and why.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace genwire::client {

enum class transport_failure : std::uint8_t {
  connect,    // no connection: refused, unreachable, unresolvable host, or an unusable base URL
  tls,        // the TLS handshake failed (an untrusted or mismatched certificate, no TLS on the port)
  timeout,    // no answer within the request's timeout
  dropped,    // the connection closed (or broke) before a whole answer arrived
  cancelled,  // the caller's stop token was triggered
  deadline,   // the caller's deadline came before an answer, or left no time for the next attempt
};

constexpr std::string_view to_string(transport_failure f) noexcept {
  switch (f) {
    case transport_failure::connect: return "connect";
    case transport_failure::tls: return "tls";
    case transport_failure::timeout: return "timeout";
    case transport_failure::dropped: return "dropped";
    case transport_failure::cancelled: return "cancelled";
    case transport_failure::deadline: return "deadline";
  }
  return "?";
}

struct transport_error {
  transport_failure kind = transport_failure::connect;
  std::string detail;              // the HTTP layer's words, e.g. "Connection refused"
  std::optional<int> last_status;  // deadline or cancellation during a retry: the status being retried

  // One line, e.g. "connect: Connection refused (http://127.0.0.1:9)".
  [[nodiscard]] std::string message() const {
    std::string m(to_string(kind));
    if (!detail.empty()) m += ": " + detail;
    if (last_status) m += " (after status " + std::to_string(*last_status) + ")";
    return m;
  }
};

}  // namespace genwire::client
