// genwire/mock/http.hpp: the HTTP exchange as the mock's pure core sees it. No sockets: the
// cpp-httplib adapter fills a `request` and writes back a `response`; a fuzz target or a unit test
// can build them by hand and call genwire::mock::server::handle directly.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <genwire/core/http_header.hpp>

namespace genwire::mock {

using header = genwire::http_header;
using genwire::find_header;
using genwire::iequals;

struct request {
  std::string method;  // as received, e.g. "POST" (methods are case-sensitive)
  std::string path;    // percent-decoded path, without the query
  std::string query;   // the raw query string after '?', still percent-encoded
  std::vector<header> headers;
  std::string body;
  std::string scheme = "http";  // how it arrived: "http" or "https" (absolute URLs the mock writes use it)

  [[nodiscard]] const std::string* header_value(std::string_view name) const noexcept {
    return find_header(headers, name);
  }
};

// What the HTTP layer does with an answer.
enum class disposition : std::uint8_t {
  send,  // write status, headers and body
  drop,  // close the connection without a byte of the answer (--drop-rate); status is 0
};

struct response {
  int status = 200;
  std::vector<header> headers;  // includes Content-Type when there is a body
  std::string body;             // HEAD answers carry the GET body here; the HTTP layer drops it
  genwire::mock::disposition disposition = disposition::send;

  [[nodiscard]] const std::string* header_value(std::string_view name) const noexcept {
    return find_header(headers, name);
  }
  // Replaces every existing value of `name`.
  void set_header(std::string name, std::string value) {
    std::erase_if(headers, [&](const header& h) { return iequals(h.name, name); });
    headers.push_back({std::move(name), std::move(value)});
  }
};

}  // namespace genwire::mock
