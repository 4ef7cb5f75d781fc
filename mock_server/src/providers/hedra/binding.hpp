// Hedra in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its endpoint
// bound to them. Internal to genwire_mock.
#pragma once

#include <string_view>

#include <genwire/hedra.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct hedra_mock {
  static constexpr std::string_view name = genwire::hedra::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Generations of every input variant on a fixed timeline, with assets once complete.
  using data = provider_data<hedra_mock>;
};

template <>
struct endpoint_binding<genwire::hedra::list_generations_endpoint> : endpoint_binding_base<genwire::hedra::list_generations_endpoint, hedra_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(hedra_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
