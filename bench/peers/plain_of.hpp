// bench/peers/plain_of.hpp: which plain shape (plain.hpp) the peers use for each genwire response
// and error type. A new endpoint's types fail to compile in the benchmarks until they have one.
#pragma once

#include <genwire/genwire.hpp>

#include "plain.hpp"

namespace bench {

template <class G>
struct plain_of {
  using type = void;
};
template <>
struct plain_of<genwire::diffio::list_project_generations_response> {
  using type = plain::diffio::list_response;
};
template <>
struct plain_of<genwire::diffio::error_envelope> {
  using type = plain::diffio::error_envelope;
};
template <>
struct plain_of<genwire::diffio::get_generation_progress_response> {
  using type = plain::diffio::progress_response;
};
template <>
struct plain_of<genwire::hedra::http_validation_error> {
  using type = plain::hedra::error_envelope;
};
template <>
struct plain_of<genwire::flora::list_generations_response> {
  using type = plain::flora::list_response;
};
template <>
struct plain_of<genwire::flora::run> {
  using type = plain::flora::run_response;
};
template <>
struct plain_of<genwire::flora::error_envelope> {
  using type = plain::flora::error_envelope;
};
template <>
struct plain_of<genwire::depicta::list_jobs_response> {
  using type = plain::depicta::list_response;
};
template <>
struct plain_of<genwire::depicta::error_envelope> {
  using type = plain::depicta::error_envelope;
};
template <>
struct plain_of<genwire::hedra::list_generations_response> {
  using type = plain::hedra::list_response;
};

}  // namespace bench
