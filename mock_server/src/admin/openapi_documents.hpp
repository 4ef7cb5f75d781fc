// The OpenAPI 3.1 documents the admin API serves (GET /__admin/openapi.json and
// /__admin/openapi/<provider>.json): one of every served endpoint and one per served provider, at
// the providers' own paths, each under genwire's default and strict rules, the same text
// `genwire openapi [PROVIDER] [--strict]` prints. Encoded once, when the server is built. Generic:
// the providers are those the endpoint table serves. Internal to genwire_mock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../routing/endpoint_table.hpp"

namespace genwire::mock::detail {

class openapi_documents {
 public:
  explicit openapi_documents(const endpoint_table& table);

  // The document of `provider` (empty: of every served endpoint) under the strict or default rules;
  // nullptr for a provider the mock does not serve.
  [[nodiscard]] const std::string* find(std::string_view provider, bool strict) const noexcept;
  // "a, b": the served providers, in genwire::all_endpoints' order.
  [[nodiscard]] std::string providers() const;

 private:
  struct texts {
    std::string provider;  // empty: every served endpoint
    std::string lenient;
    std::string strict;
  };
  std::vector<texts> documents_;
};

}  // namespace genwire::mock::detail
