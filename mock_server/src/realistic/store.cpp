#include <mutex>
#include <optional>
#include <type_traits>

#include "data.hpp"

namespace genwire::mock {

namespace rl = realistic;

struct realistic_store::impl {
  explicit impl(realistic_config c) : config(std::move(c)) {
    if (!config.clock)
      config.clock = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
      };
    rebuild();
  }

  void rebuild() {
    diffio.emplace(config.seed, config.items);
    flora.emplace(config.seed, config.items);
    depicta.emplace(config.seed, config.items);
    hedra.emplace(config.seed, config.items);
    epoch = config.clock();
  }

  [[nodiscard]] std::uint64_t clock_steps() const {
    if (config.step_ms == 0) return 0;
    const auto elapsed = config.clock() - epoch;
    if (elapsed.count() <= 0) return 0;
    return static_cast<std::uint64_t>(elapsed.count()) / config.step_ms;
  }

  realistic_config config;
  mutable std::mutex mutex;
  std::chrono::milliseconds epoch{0};
  std::optional<rl::diffio_data> diffio;
  std::optional<rl::flora_data> flora;
  std::optional<rl::depicta_data> depicta;
  std::optional<rl::hedra_data> hedra;
};

realistic_store::realistic_store(realistic_config config) : impl_(std::make_unique<impl>(std::move(config))) {}
realistic_store::~realistic_store() = default;

answer realistic_store::find(const any_request& request) {
  const std::lock_guard lock(impl_->mutex);
  impl& d = *impl_;
  return std::visit(
      [&]<class D>(const typed_request<D>& r) -> answer {
        rl::view v;
        v.clock_steps = d.clock_steps();
        const key_record* key = r.who ? r.who->key : nullptr;
        v.owner = key && key->owns_examples;
        if (key) v.key = key->key;
        if constexpr (std::is_same_v<D, genwire::diffio::list_project_generations_endpoint>) {
          return d.diffio->list(*r.value, v);
        } else if constexpr (std::is_same_v<D, genwire::diffio::get_generation_progress_endpoint>) {
          return d.diffio->progress(*r.value, v);
        } else if constexpr (std::is_same_v<D, genwire::flora::list_generations_endpoint>) {
          return d.flora->list(*r.value, v);
        } else if constexpr (std::is_same_v<D, genwire::depicta::list_jobs_endpoint>) {
          return d.depicta->list(*r.value, v);
        } else if constexpr (std::is_same_v<D, genwire::hedra::list_generations_endpoint>) {
          return d.hedra->list(*r.value, v);
        } else {
          // An endpoint added to genwire::all_endpoints without realistic data: nothing exists there.
          return answer{answer::kind::not_found, 0, {}, {}};
        }
      },
      request);
}

void realistic_store::reset() {
  const std::lock_guard lock(impl_->mutex);
  impl_->rebuild();
}

realistic_summary realistic_store::summary() const {
  const std::lock_guard lock(impl_->mutex);
  const impl& d = *impl_;
  realistic_summary s;
  s.seed = d.config.seed;
  s.items = d.config.items;
  s.step_ms = d.config.step_ms;
  s.clock_steps = d.clock_steps();
  s.stores.push_back(d.diffio->size(s.clock_steps));
  s.stores.push_back(d.flora->size(s.clock_steps));
  s.stores.push_back(d.depicta->size(s.clock_steps));
  s.stores.push_back(d.hedra->size(s.clock_steps));
  return s;
}

const realistic_config& realistic_store::config() const noexcept { return impl_->config; }

std::shared_ptr<realistic_store> make_realistic_store(realistic_config config) {
  return std::make_shared<realistic_store>(std::move(config));
}

}  // namespace genwire::mock
