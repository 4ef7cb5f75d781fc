// The HTTP side of --drop-rate: close a connection without sending a byte of the answer.
#pragma once

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace genwire::mock::detail {

// Called from a cpp-httplib handler instead of filling `out`. Shuts down the socket `in` arrived on,
// so the client reads end-of-stream where the status line should be ("Empty reply from server").
// If that socket cannot be found, `out` becomes an answer cpp-httplib cannot finish: the headers
// go out, then the connection closes mid-body. Either way the client gets no usable answer.
void drop_connection(const httplib::Request& in, httplib::Response& out) noexcept;

}  // namespace genwire::mock::detail
