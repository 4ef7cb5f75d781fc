// The socket-free server: one request in, one answer out, each step once. The admin API answers
// /__admin/*; any other path is matched to its prepared endpoint; a proxied provider's (--proxy)
// goes to its upstream (proxy.hpp) and is journaled with what checking the answer found; else
// the endpoint's Prefer header is read once;
// the fault injector decides from that entry (latency, a failure, a 429, a drop); else the
// endpoint's route answers (method, Prefer, auth, decoding, the store); then the provider's
// policy decorates the answer, --cors adds its headers (cors.hpp) and the journal records it.
// server::handle and the HTTP adapter both call it. Internal to genwire_mock.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

#include "../admin/admin_api.hpp"
#include "../proxy/proxy.hpp"
#include "../proxy/violation_log.hpp"
#include "endpoint_table.hpp"

namespace genwire::mock::detail {

class router {
 public:
  // `connections` reports the HTTP layer's counters for GET /__admin/stats.
  explicit router(const server_config& config, stats_source connections = {});

  // Any request; never throws.
  response handle(const request& rq) noexcept;
  // A request the HTTP layer refused before routing (413 body too large, 414 URI too long, 400
  // malformed request line or headers): `status` is that refusal, `rq` whatever was parsed.
  response transport_error(int status, const request& rq) noexcept;

  [[nodiscard]] genwire::mock::journal& journal() noexcept { return journal_; }

 private:
  // `matched`: the route of rq's path, or null.
  response dispatch(const request& rq, const route* matched);
  void decorate(const prepared_endpoint& ep, const request& rq, response& r) const;
  void record(const request& rq, const response& r, const route* matched, proxied* via = nullptr) noexcept;

  endpoint_table table_;
  key_table keys_;
  std::shared_ptr<store> data_;
  std::shared_ptr<fault_injector> faults_;
  genwire::mock::journal journal_;
  violation_log violations_;
  std::unique_ptr<proxy> proxy_;  // null: no provider is proxied
  admin_api admin_;
};

}  // namespace genwire::mock::detail
