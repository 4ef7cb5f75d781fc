// Depicta in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its endpoint
// bound to them. Internal to genwire_mock.
#pragma once

#include <string_view>

#include <genwire/depicta.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct depicta_mock {
  static constexpr std::string_view name = genwire::depicta::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Jobs on a fixed timeline: images and stories, with results once completed.
  using data = provider_data<depicta_mock>;
};

template <>
struct endpoint_binding<genwire::depicta::list_jobs_endpoint> : endpoint_binding_base<genwire::depicta::list_jobs_endpoint, depicta_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(depicta_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
