// The admin API under /__admin/ (never journaled): the endpoint list, the OpenAPI documents, the
// request journal, the data and fault state, the connection counters, and a reset. Generic: it
// reads the endpoint table, the store and the fault injector through their interfaces. Internal to
// genwire_mock.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <genwire/mock/journal.hpp>
#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>
#include <genwire/mock/store.hpp>

#include "../proxy/violation_log.hpp"
#include "../routing/endpoint_table.hpp"
#include "openapi_documents.hpp"

namespace genwire::mock::detail {

inline constexpr std::string_view admin_prefix = "/__admin/";

// The HTTP layer's counters, for GET /__admin/stats (empty: all zero, as in-process).
using stats_source = std::function<connection_stats()>;

class admin_api {
 public:
  admin_api(const endpoint_table& table, genwire::mock::journal& journal, store& data, fault_injector& faults,
            violation_log& violations, stats_source connections);

  // A request whose path starts with admin_prefix.
  [[nodiscard]] response handle(const request& rq) const;

 private:
  [[nodiscard]] response state() const;
  // GET /__admin/openapi.json (no provider) or /__admin/openapi/<provider>.json, ?strict=true.
  [[nodiscard]] response openapi(const request& rq, std::optional<std::string_view> provider) const;

  genwire::mock::journal& journal_;
  store& data_;
  fault_injector& faults_;
  violation_log& violations_;
  stats_source connections_;
  std::string endpoints_json_;  // GET /__admin/endpoints never changes: encoded once
  openapi_documents openapi_;
};

}  // namespace genwire::mock::detail
