// The providers served by a real service rather than by the mock (server_config::proxies): their
// endpoints' requests go upstream as sent, the upstream's answer comes back unchanged (status,
// the passed-back headers, body) with X-Genwire-Violations: N, after checking it with the
// endpoint's models (prepared_endpoint::check) into the violation log, and --record keeps it.
// An upstream that cannot be reached, is too slow or drops the connection gets a marked mock error
// (502, 504) naming it. Generic: it knows providers only by the names in the configuration.
// Internal to genwire_mock.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <genwire/mock/journal.hpp>
#include <genwire/mock/server.hpp>

#include "../routing/prepared_endpoint.hpp"
#include "recorder.hpp"
#include "upstream.hpp"
#include "violation_log.hpp"

namespace genwire::mock::detail {

inline constexpr std::string_view violations_header = "X-Genwire-Violations";

struct proxied {
  response answer;
  journal_upstream upstream;
  std::vector<journal_violation> violations;
};

class proxy {
 public:
  // Throws std::invalid_argument on a provider genwire does not model, one named twice, or a bad URL.
  proxy(const server_config& config, violation_log& log);

  // Whether `provider`'s endpoints are forwarded.
  [[nodiscard]] bool serves(std::string_view provider) const noexcept;
  // `rq` to ep's provider's upstream, and its answer checked; never throws.
  [[nodiscard]] proxied forward(const prepared_endpoint& ep, const request& rq);

 private:
  std::vector<std::pair<std::string, upstream_url>> targets_;  // by provider name
  upstream_client client_;
  violation_log& log_;
  std::unique_ptr<recorder> recorder_;
  bool fail_on_violation_ = false;
};

}  // namespace genwire::mock::detail
