// The core targets: the JSON checker and dynamic value (against nlohmann when it is available)
// and the synthetic every-feature model.
#include "synthetic.hpp"
#include "targets.hpp"

#if GENWIRE_FUZZ_HAVE_REFERENCE
#include "reference.hpp"
#endif

namespace {

void add_core_targets(genwire_regression::target_list& out) {
#if GENWIRE_FUZZ_HAVE_REFERENCE
  out.emplace_back("json_check", &genwire_fuzz::check_agrees);
  out.emplace_back("json_value", &genwire_fuzz::json_value);
#else
  // Without the reference parser, genwire's own consistency properties only.
  out.emplace_back("json_check", &genwire_fuzz::dynamic_round_trip);
  out.emplace_back("json_value", &genwire_fuzz::dynamic_round_trip);
#endif
  out.emplace_back("synthetic", &genwire_fuzz::typed_json_all_modes<genwire_fuzz::synthetic::page>);
  out.emplace_back("synthetic_query", &genwire_fuzz::typed_query_all_modes<genwire_fuzz::synthetic::query>);
}

const genwire_regression::registrar registered_core_targets{&add_core_targets};

}  // namespace
