// The mock server's in-process request handling (compiled only when genwire_mock exists).
#include "mock_target.hpp"
#include "targets.hpp"

namespace {

void add_mock_targets(genwire_regression::target_list& out) { out.emplace_back("mock_handle", &genwire_fuzz::mock_handle); }

const genwire_regression::registrar registered_mock_targets{&add_mock_targets};

}  // namespace
