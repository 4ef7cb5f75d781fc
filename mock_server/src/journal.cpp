#include <genwire/mock/journal.hpp>

#include <genwire/mock/http.hpp>

#include "text.hpp"

namespace genwire::mock {
using detail::utf8_safe;

namespace {

std::string base64(std::string_view in) {
  static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    out += table[v >> 18 & 63];
    out += table[v >> 12 & 63];
    out += table[v >> 6 & 63];
    out += table[v & 63];
  }
  if (i < in.size()) {
    const unsigned a = static_cast<unsigned char>(in[i]);
    const unsigned b = i + 1 < in.size() ? static_cast<unsigned char>(in[i + 1]) : 0;
    const unsigned v = a << 16 | b << 8;
    out += table[v >> 18 & 63];
    out += table[v >> 12 & 63];
    out += i + 1 < in.size() ? table[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

bool is_secret_header(std::string_view name) noexcept {
  // X-API-Key and X-Api-Key are the same header name; the comparison ignores case.
  return iequals(name, "Authorization") || iequals(name, "Proxy-Authorization") || iequals(name, "X-Api-Key") ||
         iequals(name, "Xi-Api-Key");
}

std::string redact(std::string_view name, std::string_view value) {
  // Keep an Authorization scheme ("Bearer") so a test can check which form the client used.
  if (!iequals(name, "Authorization") && !iequals(name, "Proxy-Authorization")) return "[REDACTED]";
  std::size_t i = 0;
  while (i < value.size() && value[i] == ' ') ++i;
  const std::size_t word = value.find(' ', i);
  if (word != std::string_view::npos && word > i) {
    const std::string_view scheme = value.substr(i, word - i);
    bool token = true;
    for (char c : scheme) token = token && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-');
    if (token) return utf8_safe(scheme) + " [REDACTED]";
  }
  return "[REDACTED]";
}

journal::journal(std::size_t capacity) : capacity_(capacity) {}

void journal::fill(journal_entry& e, std::string_view method, std::string_view path, std::string_view query,
                   std::string_view body, int status, std::string_view endpoint) {
  e.method = utf8_safe(method);
  e.path = utf8_safe(path);
  e.query = utf8_safe(query);
  e.status = status;
  e.endpoint = std::string(endpoint);
  std::string_view kept = body;
  if (kept.size() > max_body_bytes) {
    kept = kept.substr(0, max_body_bytes);
    e.body_truncated = true;
  }
  e.body = utf8_safe(kept);
  if (e.body.size() != kept.size() || e.body != kept) e.body_base64 = base64(kept);
}

journal_header journal::make_header(std::string_view name, std::string_view value) {
  return journal_header{utf8_safe(name), is_secret_header(name) ? redact(name, value) : utf8_safe(value)};
}

void journal::push(journal_entry e) {
  const std::lock_guard lock(mutex_);
  e.seq = ++recorded_;
  if (ring_.size() < capacity_) {
    ring_.push_back(std::move(e));
  } else {
    ring_[next_] = std::move(e);
    next_ = (next_ + 1) % capacity_;
  }
}

journal_page journal::snapshot() const {
  const std::lock_guard lock(mutex_);
  journal_page page;
  page.capacity = capacity_;
  page.recorded = recorded_;
  page.requests.reserve(ring_.size());
  // Once full, `next_` is the oldest entry.
  for (std::size_t i = 0; i < ring_.size(); ++i) page.requests.push_back(ring_[(next_ + i) % ring_.size()]);
  return page;
}

std::size_t journal::clear() {
  const std::lock_guard lock(mutex_);
  const std::size_t n = ring_.size();
  ring_.clear();
  next_ = 0;
  return n;
}

}  // namespace genwire::mock
