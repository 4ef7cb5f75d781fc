// What checking the proxied answers has found since start-up (or the last clear), per endpoint and
// JSON path: how often, first and last seen, one example. GET /__admin/violations answers it.
// Thread-safe. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <genwire/mock/journal.hpp>

namespace genwire::mock::detail {

struct violation_example {
  int status = 0;  // the upstream status of the answer it was found in
  std::string expected;
  std::string found;
  std::size_t offset = 0;
  bool strict_only = false;
};

struct violation_summary {
  std::string path;
  std::uint64_t count = 0;
  std::string first_seen;  // RFC 3339, UTC, milliseconds
  std::string last_seen;
  violation_example example;  // the first one seen
};

struct endpoint_violations {
  std::string endpoint;
  std::uint64_t checked = 0;    // proxied answers checked
  std::uint64_t violating = 0;  // of them, answers with at least one violation
  std::vector<violation_summary> paths;
};

struct violations_page {
  std::uint64_t checked = 0;
  std::uint64_t violating = 0;
  std::vector<endpoint_violations> endpoints;  // by endpoint name, then path
};

class violation_log {
 public:
  // One checked answer of `endpoint`, with what checking it found (maybe nothing).
  void add(std::string_view endpoint, int status, const std::vector<journal_violation>& found);
  [[nodiscard]] violations_page snapshot() const;
  void clear();

 private:
  struct per_endpoint {
    std::uint64_t checked = 0;
    std::uint64_t violating = 0;
    std::map<std::string, violation_summary> paths;
  };
  mutable std::mutex mutex_;
  std::map<std::string, per_endpoint, std::less<>> endpoints_;
};

}  // namespace genwire::mock::detail
