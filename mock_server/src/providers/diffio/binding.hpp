// Diffio in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its two
// endpoints bound to them. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include <genwire/diffio.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct diffio_mock {
  static constexpr std::string_view name = genwire::diffio::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Projects (audio or video) and their generations, each walking through its stages.
  class data {
   public:
    data(std::uint64_t seed, std::size_t items);
    ~data();
    [[nodiscard]] realistic_store_size size(std::uint64_t clock_steps) const;

    struct impl;
    std::unique_ptr<impl> impl_;
  };
};

template <>
struct endpoint_binding<genwire::diffio::list_project_generations_endpoint> {
  using provider = diffio_mock;
  using request_type = typed_request<genwire::diffio::list_project_generations_endpoint>;
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(diffio_mock::data& d, const request_type& rq, const realistic::view& v);
};

template <>
struct endpoint_binding<genwire::diffio::get_generation_progress_endpoint> {
  using provider = diffio_mock;
  using request_type = typed_request<genwire::diffio::get_generation_progress_endpoint>;
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(diffio_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
