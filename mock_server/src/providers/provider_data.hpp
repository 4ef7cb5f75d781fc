// provider_data<P>'s members, for the one data.cpp that defines provider_data_impl<P> and ends
// with `template class provider_data<P>;`. Internal to genwire_mock.
#pragma once

#include <memory>
#include <string>

#include "binding.hpp"

namespace genwire::mock::detail {

template <class P>
provider_data<P>::provider_data(std::uint64_t seed, std::size_t items) : impl_(std::make_unique<impl>(seed, items)) {}

template <class P>
provider_data<P>::~provider_data() = default;

// What GET /__admin/state shows of a store whose jobs each walk through `prog`: how many there
// are, and how many have finished at clock_steps.
template <class P, class Jobs>
realistic_store_size jobs_size(const Jobs& jobs, std::uint64_t clock_steps) {
  realistic_store_size s;
  s.provider = std::string(P::name);
  s.jobs = jobs.size();
  for (const auto& j : jobs) s.finished += j.prog.finished(clock_steps) ? 1 : 0;
  return s;
}

template <class P>
realistic_store_size provider_data<P>::size(std::uint64_t clock_steps) const {
  return impl_->size(clock_steps);
}

}  // namespace genwire::mock::detail
