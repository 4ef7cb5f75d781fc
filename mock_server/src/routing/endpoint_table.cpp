#include "endpoint_table.hpp"

#include <stdexcept>

namespace genwire::mock::detail {
namespace {

bool wanted(const std::vector<std::string>& providers, std::string_view provider) {
  if (providers.empty()) return true;
  for (const auto& p : providers)
    if (iequals(p, provider)) return true;
  return false;
}

}  // namespace

endpoint_table::endpoint_table(const std::vector<std::string>& providers, bool cors, const std::vector<loaded_example>& loaded) {
  for (const auto& p : providers) {
    bool known = false;
    std::string list;
    mock_providers::for_each([&]<class P>() {
      known = known || iequals(p, P::name);
      list += (list.empty() ? "" : ", ") + std::string(P::name);
    });
    if (!known) throw std::invalid_argument("unknown provider \"" + p + "\" (known: " + list + ")");
  }
  genwire::all_endpoints::for_each([&]<class D>() {
    // Decision: example files of a provider left out by --provider are still checked at start-up, and simply not served.
    if (!wanted(providers, D::provider)) return;
    prepared_endpoint e = make_entry<D>(cors);
    add_loaded_examples(e, loaded);
    routes_.push_back(std::make_unique<endpoint_route<D>>(std::move(e)));
  });
  for (const auto& r : routes_) {
    const prepared_endpoint& e = r->entry();
    // An exact path wins over a template that would also match it (match() looks there first).
    if (e.has_path_params) {
      templated_.push_back(r.get());
    } else if (!by_path_.emplace(e.path, r.get()).second) {
      throw std::logic_error("two endpoints share the path " + std::string(e.path));
    }
  }
}

const route* endpoint_table::match(std::string_view path) const noexcept {
  if (const auto it = by_path_.find(path); it != by_path_.end()) return it->second;
  for (const route* r : templated_)
    if (genwire::path_matches(r->entry().path, path)) return r;
  return nullptr;
}

std::vector<const prepared_endpoint*> endpoint_table::by_index() const {
  std::vector<const prepared_endpoint*> out(genwire::all_endpoints::size, nullptr);
  for (const auto& r : routes_) out[r->entry().index] = &r->entry();
  return out;
}

std::string endpoint_table::paths() const {
  std::string out;
  for (const auto& r : routes_) out += (out.empty() ? "" : ", ") + std::string(r->entry().path);
  return out;
}

}  // namespace genwire::mock::detail
