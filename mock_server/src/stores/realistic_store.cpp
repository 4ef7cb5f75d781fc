// The realistic store: one slot of data per provider (providers/<provider>/data.cpp), each request
// handed to its endpoint's binding under one lock.
#include <mutex>
#include <optional>
#include <type_traits>

#include "../providers/bindings.hpp"

namespace genwire::mock {

struct realistic_store::impl {
  explicit impl(realistic_config c) : config(std::move(c)) {
    if (!config.clock)
      config.clock = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
      };
    rebuild();
  }

  void rebuild() {
    std::apply([&](auto&... slot) { (slot.emplace(config.seed, config.items), ...); }, data);
    epoch = config.clock();
  }

  [[nodiscard]] std::uint64_t clock_steps() const {
    if (config.step_ms == 0) return 0;
    const auto elapsed = config.clock() - epoch;
    if (elapsed.count() <= 0) return 0;
    return static_cast<std::uint64_t>(elapsed.count()) / config.step_ms;
  }

  template <class P>
  typename P::data& of() {
    return *std::get<std::optional<typename P::data>>(data);
  }

  realistic_config config;
  mutable std::mutex mutex;
  std::chrono::milliseconds epoch{0};
  detail::mock_providers::data_tuple data;
};

namespace {

// "http://127.0.0.1:8080": the mock as the client reaches it. Decision: without a Host header (an in-process request) the origin is "http://localhost".
std::string origin_of(const request* raw) {
  if (!raw) return "http://localhost";
  const std::string* host = raw->header_value("Host");
  return raw->scheme + "://" + (host && !host->empty() ? *host : std::string("localhost"));
}

}  // namespace

realistic_store::realistic_store(realistic_config config) : impl_(std::make_unique<impl>(std::move(config))) {}
realistic_store::~realistic_store() = default;

answer realistic_store::find(const any_request& request) {
  const std::lock_guard lock(impl_->mutex);
  impl& d = *impl_;
  return std::visit(
      [&]<class D>(const typed_request<D>& r) -> answer {
        realistic::view v;
        v.clock_steps = d.clock_steps();
        const key_record* key = r.who ? r.who->key : nullptr;
        v.owner = key && key->owns_examples;
        if (key) v.key = key->key;
        v.origin = origin_of(r.raw);
        return detail::endpoint_binding<D>::realistic(d.of<detail::provider_of<D>>(), r, v);
      },
      request);
}

void realistic_store::reset() {
  const std::lock_guard lock(impl_->mutex);
  impl_->rebuild();
}

realistic_summary realistic_store::summary() const {
  const std::lock_guard lock(impl_->mutex);
  impl& d = *impl_;
  realistic_summary s;
  s.seed = d.config.seed;
  s.items = d.config.items;
  s.step_ms = d.config.step_ms;
  s.clock_steps = d.clock_steps();
  detail::mock_providers::for_each([&]<class P>() { s.stores.push_back(d.of<P>().size(s.clock_steps)); });
  return s;
}

store_state realistic_store::state() const {
  realistic_summary sum = summary();
  store_state s;
  s.data = "realistic";
  s.seed = sum.seed;
  s.items = sum.items;
  s.step_ms = sum.step_ms;
  s.clock_steps = sum.clock_steps;
  s.stores = std::move(sum.stores);
  return s;
}

const realistic_config& realistic_store::config() const noexcept { return impl_->config; }

std::shared_ptr<realistic_store> make_realistic_store(realistic_config config) {
  return std::make_shared<realistic_store>(std::move(config));
}

}  // namespace genwire::mock
