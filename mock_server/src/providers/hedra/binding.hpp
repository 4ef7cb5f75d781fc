// Hedra in the mock: its policy (policy.cpp), its realistic data (data.cpp), and its endpoint
// bound to them. Internal to genwire_mock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include <genwire/hedra.hpp>

#include "../binding.hpp"

namespace genwire::mock::detail {

struct hedra_mock {
  static constexpr std::string_view name = genwire::hedra::provider_name;
  static const provider_policy& policy();
  static realistic_store_size documented_size();

  // Generations of every input variant on a fixed timeline, with assets once complete.
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
struct endpoint_binding<genwire::hedra::list_generations_endpoint> {
  using provider = hedra_mock;
  using request_type = typed_request<genwire::hedra::list_generations_endpoint>;
  static answer replay(const replay_context& ctx, const request_type& rq);
  static answer realistic(hedra_mock::data& d, const request_type& rq, const realistic::view& v);
};

}  // namespace genwire::mock::detail
