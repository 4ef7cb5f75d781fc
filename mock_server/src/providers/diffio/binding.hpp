// Diffio in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its two
// endpoints bound to them. Internal to genwire_mock.
#pragma once

#include <string_view>

#include <genwire/diffio.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct diffio_mock {
  static constexpr std::string_view name = genwire::diffio::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Projects (audio or video) and their generations, each walking through its stages.
  using data = provider_data<diffio_mock>;
};

template <>
struct endpoint_binding<genwire::diffio::list_project_generations_endpoint> : endpoint_binding_base<genwire::diffio::list_project_generations_endpoint, diffio_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(diffio_mock::data& d, const request_type& rq, const realistic::view& v);
};

template <>
struct endpoint_binding<genwire::diffio::get_generation_progress_endpoint> : endpoint_binding_base<genwire::diffio::get_generation_progress_endpoint, diffio_mock> {
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(diffio_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
