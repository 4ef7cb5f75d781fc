// How each provider's mock code is bound to genwire's descriptors. A provider folder
// (providers/<provider>/) declares one provider binding and, for each of its endpoints, one
// endpoint_binding<D> specialisation; providers/bindings.hpp lists the folders. Internal to
// genwire_mock.
//
// A provider binding (a struct):
//   static constexpr std::string_view name;   the descriptors' `provider`
//   static const provider_policy& policy();   its answers (provider_policy.hpp)
//   static realistic_store_size documented_size();  what its documented examples hold (GET /__admin/state)
//   using data = provider_data<P>;             its realistic data, laid out in provider_data_impl<P>
//                                             (its data.cpp; see provider_data.hpp)
// An endpoint binding, endpoint_binding<D> : endpoint_binding_base<D, P>:
//   static answer replay(const replay_context&, const typed_request<D>&);    documented mode
//   static answer realistic(provider::data&, const typed_request<D>&, const realistic::view&);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <genwire/genwire.hpp>
#include <genwire/mock/store.hpp>

#include "../realistic/timeline.hpp"
#include "../routing/prepared_endpoint.hpp"
#include "provider_policy.hpp"

namespace genwire::mock::detail {

// Left undefined on purpose (`missing`): providers/bindings.hpp refuses to compile an endpoint of
// genwire::all_endpoints that has no specialisation.
template <class D>
struct endpoint_binding {
  static constexpr bool missing = true;
};

// The shape every endpoint binding shares; a specialisation adds its replay and realistic answers.
template <class D, class P>
struct endpoint_binding_base {
  using provider = P;
  using request_type = typed_request<D>;
};

// A provider's realistic data. Its layout stays in its data.cpp: provider_data_impl<P> defined
// there, with a constructor (seed, items) and size(clock_steps), and provider_data<P> explicitly
// instantiated there from provider_data.hpp.
template <class P>
struct provider_data_impl;

template <class P>
class provider_data {
 public:
  using impl = provider_data_impl<P>;
  provider_data(std::uint64_t seed, std::size_t items);
  ~provider_data();
  [[nodiscard]] realistic_store_size size(std::uint64_t clock_steps) const;

  std::unique_ptr<impl> impl_;
};

// What documented mode knows when it answers a valid, authorised request.
struct replay_context {
  const prepared_answer* success = nullptr;  // the endpoint's documented success answer, or nullptr
};

inline bool owns_examples(const caller* who) noexcept { return who && who->key && who->key->owns_examples; }

// The documented success answer for a key that owns the examples; not_owner for any other.
template <class D>
answer replay_success_to_owners(const replay_context& ctx, const typed_request<D>& rq) {
  if (!owns_examples(rq.who) || !ctx.success) return answer{answer::kind::not_owner, 0, {}, {}};
  return answer{answer::kind::reply, ctx.success->status, ctx.success->headers, ctx.success->body};
}

// A list endpoint's documented success page with its items removed by `empty(page)`: what a key
// that owns none of the examples lists. Encoded once, when first asked for.
template <class D, class Empty>
const std::string& empty_page(Empty empty) {
  static const std::string body = [&] {
    const auto* doc = genwire::find_status<D>(200);
    auto page = genwire::decode<typename D::response>(doc ? doc->body : std::string_view("{}"));
    typename D::response out = page ? std::move(*page) : typename D::response{};
    empty(out);
    auto text = genwire::encode(out);
    return text ? std::move(*text) : std::string("{}");
  }();
  return body;
}

// Adds a page of items to a store size: how many, and how many are in a terminal state.
template <class T>
void count_jobs(realistic_store_size& s, const std::vector<T>& items) {
  s.jobs += items.size();
  for (const auto& item : items) {
    const auto state = genwire::summarize(item).state;
    s.finished += state == genwire::job_state::succeeded || state == genwire::job_state::failed ? 1 : 0;
  }
}

// The empty page for a stranger, the documented success answer for an owner.
template <class D, class Empty>
answer replay_list(const replay_context& ctx, const typed_request<D>& rq, Empty empty) {
  if (owns_examples(rq.who)) return replay_success_to_owners(ctx, rq);
  return answer{answer::kind::reply, 200, {{"Content-Type", "application/json"}}, empty_page<D>(empty)};
}

}  // namespace genwire::mock::detail
