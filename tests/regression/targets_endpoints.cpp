// The endpoint targets, one per (descriptor in genwire::all_endpoints, part).
#include "endpoint_targets.hpp"
#include "targets.hpp"

namespace {

void add_endpoints_targets(genwire_regression::target_list& out) {
  genwire_fuzz::for_each_endpoint_target(
      [&](std::string name, genwire_regression::property p) { out.emplace_back(std::move(name), p); });
}

const genwire_regression::registrar registered_endpoints_targets{&add_endpoints_targets};

}  // namespace
