// FLORA in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its two
// endpoints bound to them. Internal to genwire_mock.
#pragma once

#include <string_view>

#include <genwire/flora.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct flora_mock {
  static constexpr std::string_view name = genwire::flora::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Runs on a fixed timeline, in workspaces and projects; each is a list item and a run.
  using data = provider_data<flora_mock>;
};

template <>
struct endpoint_binding<genwire::flora::list_generations_endpoint> : endpoint_binding_base<genwire::flora::list_generations_endpoint, flora_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(flora_mock::data& d, const request_type& rq, const realistic::view& v);
};

template <>
struct endpoint_binding<genwire::flora::get_run_endpoint> : endpoint_binding_base<genwire::flora::get_run_endpoint, flora_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(flora_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
