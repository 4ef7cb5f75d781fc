#include "request_framing.hpp"

#include <cstdint>

#include <genwire/core/http_header.hpp>

namespace genwire::mock::detail {
namespace {

constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool contains_token(std::string_view list, std::string_view token) noexcept {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (iequals(trim(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// The end of a chunked body that starts at `at`, or 0 while it is incomplete; `over` when it grows
// past `max_body` bytes of chunk data.
std::size_t chunked_end(std::string_view s, std::size_t at, std::size_t max_body, bool& over) noexcept {
  std::uint64_t data = 0;
  for (;;) {
    const std::size_t eol = s.find("\r\n", at);
    if (eol == std::string_view::npos) return 0;
    std::uint64_t size = 0;
    std::size_t digits = 0;
    for (std::size_t i = at; i < eol; ++i) {
      const char c = s[i];
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;  // a chunk extension, or garbage the parser refuses
      if (++digits > 15) return over = true, 0;
      size = size * 16 + static_cast<std::uint64_t>(v);
    }
    if (digits == 0) return over = true, 0;  // not a chunk size: let the parser answer it
    at = eol + 2;
    if (size == 0) {
      // Trailer fields, then an empty line.
      const std::size_t end = s.substr(at, 2) == "\r\n" ? at : s.find("\r\n\r\n", at);
      if (end == std::string_view::npos) return 0;
      return end + (end == at ? 2 : 4);
    }
    data += size;
    if (data > max_body) return over = true, 0;
    if (s.size() < at + size + 2) return 0;
    at += static_cast<std::size_t>(size) + 2;  // the data and its CRLF
  }
}

}  // namespace

request_frame frame_request(std::string_view s, std::size_t max_head, std::size_t max_body) noexcept {
  request_frame f;
  const std::size_t head_end = s.find("\r\n\r\n");
  if (head_end == std::string_view::npos || head_end + 4 > max_head) {
    if (s.size() > max_head) f = {request_frame::status::complete, s.size(), false, true};
    return f;
  }
  const std::size_t body_at = head_end + 4;
  std::uint64_t length = 0;
  bool has_length = false, chunked = false, expect_continue = false, bad_length = false;
  std::size_t line = s.find("\r\n");  // end of the request line
  while (line < head_end) {
    const std::size_t next = s.find("\r\n", line + 2);
    const std::string_view field = s.substr(line + 2, next - line - 2);
    line = next;
    const std::size_t colon = field.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = field.substr(0, colon), value = trim(field.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      std::uint64_t v = 0;
      bool digits = !value.empty() && value.size() <= 18;
      for (char c : value) digits = digits && c >= '0' && c <= '9', v = v * 10 + static_cast<std::uint64_t>(c - '0');
      bad_length = bad_length || !digits || (has_length && v != length);
      length = v;
      has_length = true;
    } else if (iequals(name, "Transfer-Encoding")) {
      chunked = chunked || contains_token(value, "chunked");
    } else if (iequals(name, "Expect")) {
      expect_continue = iequals(value, "100-continue");
    }
  }
  f.state = request_frame::status::complete;
  if (chunked) {
    bool over = false;
    const std::size_t end = chunked_end(s, body_at, max_body, over);
    if (end) return f.end = end, f;
    if (!over && !expect_continue) return request_frame{};
    return f.end = body_at, f.body_pending = true, f.oversized = over, f;
  }
  if (bad_length) return f.end = body_at, f.oversized = true, f;  // the parser refuses it
  if (!has_length) return f.end = body_at, f;
  if (length > max_body) return f.end = body_at, f.body_pending = true, f.oversized = true, f;
  if (s.size() >= body_at + length) {
    f.sized_body = true;
    f.body_start = body_at;
    return f.end = body_at + static_cast<std::size_t>(length), f;
  }
  if (expect_continue) return f.end = body_at, f.body_pending = true, f;
  return request_frame{};
}

}  // namespace genwire::mock::detail
