// provider_data<P>'s members, for the one data.cpp that defines provider_data_impl<P> and ends
// with `template class provider_data<P>;`. Internal to genwire_mock.
#pragma once

#include <memory>

#include "binding.hpp"

namespace genwire::mock::detail {

template <class P>
provider_data<P>::provider_data(std::uint64_t seed, std::size_t items) : impl_(std::make_unique<impl>(seed, items)) {}

template <class P>
provider_data<P>::~provider_data() = default;

template <class P>
realistic_store_size provider_data<P>::size(std::uint64_t clock_steps) const {
  return impl_->size(clock_steps);
}

}  // namespace genwire::mock::detail
