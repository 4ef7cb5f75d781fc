// The served endpoints, one prepared route per descriptor of genwire::all_endpoints (less the
// providers the configuration leaves out), found by path. Internal to genwire_mock.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../providers/bindings.hpp"
#include "../proxy/example_files.hpp"
#include "endpoint_route.hpp"
#include "prepared_endpoint.hpp"

namespace genwire::mock::detail {

// D's entry, as the table prepares it (answered through its provider's policy); `cors`:
// server_config::cors.
template <genwire::endpoint_descriptor D>
prepared_endpoint make_entry(bool cors = false) {
  const provider_policy& policy = provider_of<D>::policy();
  return prepare_endpoint<D>(genwire::all_endpoints::index_of<D>, policy, policy.preflight(), cors);
}

class endpoint_table {
 public:
  // `providers`: serve only these (case-insensitive); empty: all. Throws std::invalid_argument on
  // a provider genwire does not model. `cors`: server_config::cors. `loaded`: example files
  // (--examples) joining their endpoints' entries.
  endpoint_table(const std::vector<std::string>& providers, bool cors, const std::vector<loaded_example>& loaded = {});

  // The route whose path (or path template) `path` is, or nullptr.
  [[nodiscard]] const route* match(std::string_view path) const noexcept;
  [[nodiscard]] const std::vector<std::unique_ptr<route>>& routes() const noexcept { return routes_; }
  // Entry i is that of genwire::all_endpoints' i-th descriptor, or null when it is not served.
  [[nodiscard]] std::vector<const prepared_endpoint*> by_index() const;
  // "path, path, ..." of every served endpoint, for an unknown route's message.
  [[nodiscard]] std::string paths() const;

 private:
  std::vector<std::unique_ptr<route>> routes_;
  std::unordered_map<std::string_view, const route*> by_path_;  // paths without parameters
  std::vector<const route*> templated_;                          // paths with parameters, in list order
};

}  // namespace genwire::mock::detail
