// --record DIR: each distinct proxied answer that the endpoint's models accept, written once as an
// example file (example_files.hpp) that --examples can serve again. Distinct: by endpoint, status
// and body (after redaction), so a request-id that changes on every answer makes no new file. The
// caller's API keys are replaced by "[REDACTED]" wherever the body repeats them. Thread-safe.
// Internal to genwire_mock.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/mock/http.hpp>

#include "../routing/prepared_endpoint.hpp"

namespace genwire::mock::detail {

class recorder {
 public:
  // Creates `dir` when missing; throws std::invalid_argument when it cannot.
  explicit recorder(std::string dir);

  // The answer's file name (in dir) once written, "" when it was already there or writing failed
  // (a full disk must not break the proxied answer).
  std::string record(const prepared_endpoint& ep, const request& rq, int status, const std::vector<header>& headers,
                     std::string_view body);

 private:
  std::string dir_;
  std::mutex mutex_;
};

// "recorded-" and 16 hex digits of a 64-bit FNV-1a hash of endpoint, status and body.
std::string recorded_name(std::string_view endpoint, int status, std::string_view body);

}  // namespace genwire::mock::detail
