// The socket-free server: admin API, endpoint routes (one per descriptor in genwire::all_endpoints),
// the journal. server::handle and the cpp-httplib adapter both call it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <genwire/mock/realistic.hpp>

#include "route.hpp"

namespace genwire::mock::detail {

class router {
 public:
  explicit router(const server_config& config);

  // Any request; never throws.
  response handle(const request& rq) noexcept;
  // A request the HTTP layer refused before routing (413 body too large, 414 URI too long, 400
  // malformed request line or headers): `status` is that refusal, `rq` whatever was parsed.
  response transport_error(int status, const request& rq) noexcept;

  [[nodiscard]] genwire::mock::journal& journal() noexcept { return journal_; }
  [[nodiscard]] const std::vector<std::unique_ptr<route>>& routes() const noexcept { return routes_; }

 private:
  response dispatch(const request& rq, const route*& matched);
  response admin(const request& rq);
  void record(const request& rq, const response& r, const route* matched) noexcept;

  std::vector<std::unique_ptr<route>> routes_;
  std::unordered_map<std::string_view, const route*> by_path_;
  key_table keys_;
  std::shared_ptr<store> data_;
  std::shared_ptr<fault_injector> faults_;
  genwire::mock::journal journal_;
  std::string endpoints_json_;  // GET /__admin/endpoints never changes: encoded once
};

}  // namespace genwire::mock::detail
