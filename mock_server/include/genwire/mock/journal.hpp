// genwire/mock/journal.hpp: a bounded ring of the requests the mock answered, for contract tests
// that check what a client sent (GET /__admin/requests, or server::requests() in-process).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genwire::mock {

struct journal_header {
  std::string name;
  std::string value;  // API keys replaced by "[REDACTED]" (an auth scheme word such as "Bearer" is kept)
};

// What a proxied endpoint's upstream answered (server_config::proxies).
struct journal_upstream {
  std::string url;  // the URL the request went to, with its query
  int status = 0;   // the upstream's status; 0 when it never answered (the mock's 502/504 went out)
  std::uint64_t time_ms = 0;
};

// One way a proxied answer breaks the endpoint's models: the codec's own report.
struct journal_violation {
  std::string path;      // JSON path in the body ("data[0].status"; "$" for the root or the status)
  std::string expected;
  std::string found;
  std::size_t offset = 0;    // byte offset into the body
  bool strict_only = false;  // the default rules accept it; genwire::strict does not
};

// One request. Text that is not valid UTF-8 is shown with U+FFFD; such a body also comes as base64.
struct journal_entry {
  std::uint64_t seq = 0;  // 1, 2, 3, ... since start-up; never reused, not reset by a clear
  std::string method;
  std::string path;
  std::string query;
  std::vector<journal_header> headers;
  std::string body;
  std::optional<std::string> body_base64;
  bool body_truncated = false;  // only the first journal::max_body_bytes are kept
  int status = 0;
  std::string endpoint;  // the descriptor's name; "" for admin, unknown paths and broken requests
  // Proxied endpoints only: where the request went, and what checking the answer found.
  std::optional<journal_upstream> upstream;
  std::optional<std::vector<journal_violation>> violations;
};

// What GET /__admin/requests answers: oldest first.
struct journal_page {
  std::size_t capacity = 0;
  std::uint64_t recorded = 0;  // ever recorded, including entries the ring has since dropped
  std::vector<journal_entry> requests;
};

// Whether a header carries an API key the journal must not show.
bool is_secret_header(std::string_view name) noexcept;
// The value as the journal shows it: "Bearer [REDACTED]" (Authorization), "[REDACTED]".
std::string redact(std::string_view name, std::string_view value);

class journal {
 public:
  // Bodies are clipped so the ring's memory stays bounded by capacity * max_body_bytes.
  static constexpr std::size_t max_body_bytes = 64 * 1024;

  explicit journal(std::size_t capacity);  // 0 turns it off

  // Copies what it keeps (redacted, clipped, UTF-8 made safe) from the exchange.
  void record(std::string_view method, std::string_view path, std::string_view query,
              const auto& headers, std::string_view body, int status, std::string_view endpoint,
              std::optional<journal_upstream> upstream = std::nullopt, std::vector<journal_violation> violations = {}) {
    if (capacity_ == 0) return;
    journal_entry e;
    fill(e, method, path, query, body, status, endpoint);
    if (upstream) {
      e.upstream = std::move(upstream);
      e.violations = std::move(violations);
    }
    e.headers.reserve(headers.size());
    for (const auto& h : headers) e.headers.push_back(make_header(h.name, h.value));
    push(std::move(e));
  }

  [[nodiscard]] journal_page snapshot() const;
  std::size_t clear();  // returns how many entries were dropped
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }

 private:
  static void fill(journal_entry& e, std::string_view method, std::string_view path, std::string_view query,
                   std::string_view body, int status, std::string_view endpoint);
  static journal_header make_header(std::string_view name, std::string_view value);
  void push(journal_entry e);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<journal_entry> ring_;  // grows to capacity_, then `next_` overwrites the oldest
  std::size_t next_ = 0;
  std::uint64_t recorded_ = 0;
};

}  // namespace genwire::mock
