// Shared pieces of the realistic-mode tests: asking a store directly with a typed request, and
// decoding its answers with genwire's strict rules.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>

#include <genwire/genwire.hpp>
#include <genwire/mock/realistic.hpp>

namespace realistic_test {

namespace gm = genwire::mock;
using diffio_list = genwire::diffio::list_project_generations_endpoint;
using diffio_progress = genwire::diffio::get_generation_progress_endpoint;
using flora_list = genwire::flora::list_generations_endpoint;
using flora_run = genwire::flora::get_run_endpoint;
using depicta_list = genwire::depicta::list_jobs_endpoint;
using hedra_list = genwire::hedra::list_generations_endpoint;

inline const gm::key_record owner_key{"gw_test_read", true, true, true};
inline const gm::key_record other_key{"gw_test_other", true, true, false};
// A second key that owns the data (as a --config key may): same jobs, its own cursors.
inline const gm::key_record second_owner{"cfg_owner", true, true, true};

// The store's answer to D's request `rq` (with path parameters `path`) from `key`, as the server
// would ask for it; `raw` is the HTTP request it came in (its Host names the mock's origin).
template <class D>
gm::answer ask(gm::store& s, const typename D::request& rq, const gm::key_record& key = owner_key,
               const genwire::path_params_t<D>& path = {}, const gm::request& raw = {}) {
  const gm::caller who{&key};
  const gm::any_request any{std::in_place_type<gm::typed_request<D>>, gm::typed_request<D>{&rq, &who, &raw, &path}};
  return s.find(any);
}

// The answer's body decoded as D's response with the strict rules; fails the test otherwise.
template <class D>
typename D::response strict_body(const gm::answer& a) {
  EXPECT_EQ(a.what, gm::answer::kind::reply);
  EXPECT_EQ(a.status, 200) << a.body;
  auto r = genwire::decode<typename D::response, genwire::strict>(a.body);
  EXPECT_TRUE(r.has_value()) << (r ? std::string() : r.error().message()) << "\n" << a.body.substr(0, 2000);
  return r ? std::move(*r) : typename D::response{};
}

template <class D>
typename D::response strict_page(gm::store& s, const typename D::request& rq, const gm::key_record& key = owner_key) {
  return strict_body<D>(ask<D>(s, rq, key));
}

inline gm::realistic_config config(std::uint64_t seed, std::size_t items, std::uint64_t step_ms = 0,
                                   gm::ms_clock clock = {}) {
  gm::realistic_config c;
  c.seed = seed;
  c.items = items;
  c.step_ms = step_ms;
  c.clock = std::move(clock);
  return c;
}

inline std::int64_t millis_of(const genwire::date_time& t) {
  auto v = t.time();
  EXPECT_TRUE(v.has_value()) << t.text;
  return v ? std::chrono::floor<std::chrono::milliseconds>(*v).time_since_epoch().count() : 0;
}

// The Diffio project ids the store reports in its summary.
inline std::vector<std::string> diffio_projects(const gm::realistic_store& s) {
  for (const auto& st : s.summary().stores)
    if (st.provider == "diffio" && st.projects) return *st.projects;
  return {};
}

}  // namespace realistic_test
