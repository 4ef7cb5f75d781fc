// Where one HTTP/1.1 request ends in the bytes received so far (RFC 9112 section 6: a body's length
// comes from Transfer-Encoding: chunked, else Content-Length, else there is none), so the poller
// hands a worker only whole requests. It does not validate: cpp-httplib parses, and answers
// whatever is malformed. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <string_view>

namespace genwire::mock::detail {

struct request_frame {
  enum class status {
    incomplete,  // wait for more bytes
    complete,    // `end` bytes are one request
  };
  status state = status::incomplete;
  std::size_t end = 0;
  // complete, but its body is not all there: the head says more than `max_body` bytes follow, or
  // it asks for 100-continue; the rest is read while the request is served (or not at all).
  bool body_pending = false;
  bool oversized = false;  // the head or the declared body is over its limit: close after answering
  // complete, and the body is exactly the bytes [body_start, end): sized by Content-Length (0 too)
  // and all received.
  bool sized_body = false;
  std::size_t body_start = 0;
};

// `max_head`: the longest head waited for (beyond it the request is handed over as it is, for the
// HTTP layer to refuse); `max_body`: the longest body waited for.
request_frame frame_request(std::string_view received, std::size_t max_head, std::size_t max_body) noexcept;

}  // namespace genwire::mock::detail
