// The default data: the documented examples, replayed through each endpoint's binding (which
// knows, for instance, which resource ids the examples are about, and that a stranger lists an
// empty page). Internal to genwire_mock.
#pragma once

#include <vector>

#include <genwire/mock/store.hpp>

#include "../routing/prepared_endpoint.hpp"

namespace genwire::mock::detail {

class documented_store final : public store {
 public:
  // `by_index[i]` is the prepared entry of genwire::all_endpoints' i-th descriptor, or null when
  // the server does not serve it.
  explicit documented_store(std::vector<const prepared_endpoint*> by_index);
  answer find(const any_request& request) override;
  [[nodiscard]] store_state state() const override;

 private:
  std::vector<const prepared_endpoint*> by_index_;
};

}  // namespace genwire::mock::detail
