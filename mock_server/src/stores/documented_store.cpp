#include "documented_store.hpp"

#include <utility>

#include "../providers/bindings.hpp"

namespace genwire::mock::detail {

documented_store::documented_store(std::vector<const prepared_endpoint*> by_index) : by_index_(std::move(by_index)) {}

answer documented_store::find(const any_request& request) {
  return std::visit(
      [&]<class D>(const typed_request<D>& r) -> answer {
        const prepared_endpoint* ep = by_index_[genwire::all_endpoints::index_of<D>];
        return endpoint_binding<D>::replay(replay_context{ep ? ep->success() : nullptr}, r);
      },
      request);
}

store_state documented_store::state() const {
  store_state s;
  s.data = "documented";
  mock_providers::for_each([&]<class P>() { s.stores.push_back(P::documented_size()); });
  return s;
}

}  // namespace genwire::mock::detail
