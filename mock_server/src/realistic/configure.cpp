#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

namespace genwire::mock {

void apply_realistic_options(server_config& config, const realistic_options& o) {
  if (o.realistic) config.data = make_realistic_store(o.store);
  config.faults = std::make_shared<fault_injector>(o.faults);
}

}  // namespace genwire::mock
