#include "admin.hpp"

#include <genwire/genwire.hpp>

namespace genwire::mock::detail {
namespace {

struct state_faults {
  std::uint32_t latency_min_ms = 0;
  std::uint32_t latency_max_ms = 0;
  double fail_rate = 0;
  double rate_limit = 0;
  double drop_rate = 0;
  std::uint64_t delayed = 0;
  std::uint64_t failed = 0;
  std::uint64_t rate_limited = 0;
  std::uint64_t dropped = 0;
};

struct state_body {
  std::string data;  // "realistic" or "documented"
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> items;
  std::optional<std::uint64_t> step_ms;
  std::optional<std::uint64_t> clock_steps;
  std::vector<realistic_store_size> stores;
  state_faults faults;
};

template <class T>
void count(realistic_store_size& s, const std::vector<T>& items) {
  s.jobs += items.size();
  for (const auto& item : items) {
    const auto state = genwire::summarize(item).state;
    s.finished += state == genwire::job_state::succeeded || state == genwire::job_state::failed ? 1 : 0;
  }
}

// Documented replay: what each provider's documented success example holds.
const std::vector<realistic_store_size>& documented_sizes() {
  static const std::vector<realistic_store_size> sizes = [] {
    std::vector<realistic_store_size> out;
    realistic_store_size s;
    s.provider = "diffio";
    if (auto r = genwire::decode<genwire::diffio::list_project_generations_response>(
            genwire::diffio::list_project_generations::example_response)) {
      count(s, r->generations);
      s.projects = std::vector<std::string>{r->api_project_id};
    }
    out.push_back(s);
    s = {};
    s.provider = "flora";
    if (auto r = genwire::decode<genwire::flora::list_generations_response>(genwire::flora::example_response)) count(s, r->generations);
    out.push_back(s);
    s = {};
    s.provider = "depicta";
    if (auto r = genwire::decode<genwire::depicta::list_jobs_response>(genwire::depicta::example_response); r && r->generations)
      count(s, *r->generations);
    out.push_back(s);
    s = {};
    s.provider = "hedra";
    if (auto r = genwire::decode<genwire::hedra::list_generations_response>(genwire::hedra::example_response)) count(s, r->data);
    out.push_back(s);
    return out;
  }();
  return sizes;
}

}  // namespace

response realistic_state(const store* data, const fault_injector* faults) {
  state_body body;
  if (const auto* rs = dynamic_cast<const realistic_store*>(data)) {
    realistic_summary s = rs->summary();
    body.data = "realistic";
    body.seed = s.seed;
    body.items = s.items;
    body.step_ms = s.step_ms;
    body.clock_steps = s.clock_steps;
    body.stores = std::move(s.stores);
  } else {
    body.data = data ? "custom" : "documented";
    if (!data) body.stores = documented_sizes();
  }
  if (faults) {
    const fault_config& c = faults->config();
    const fault_counters n = faults->counters();
    body.faults = {c.latency_min_ms, c.latency_max_ms, c.fail_rate, c.rate_limit, c.drop_rate,
                   n.delayed,        n.failed,         n.rate_limited, n.dropped};
  }
  auto text = genwire::encode(body);
  if (!text) return response{500, {{"Content-Type", "application/json"}}, R"({"genwire_mock_error":{"kind":"encode-failed","message":"cannot encode the state"}})"};
  return response{200, {{"Content-Type", "application/json"}}, std::move(*text)};
}

response realistic_reset(store* data, fault_injector* faults) {
  if (auto* rs = dynamic_cast<realistic_store*>(data)) rs->reset();
  if (faults) faults->reset();
  return realistic_state(data, faults);
}

}  // namespace genwire::mock::detail
