#include "router.hpp"

#include <exception>
#include <utility>

#include "../stores/documented_store.hpp"
#include "answers.hpp"
#include "cors.hpp"
#include "prefer.hpp"

namespace genwire::mock::detail {
namespace {

key_table keys_of(const server_config& config) {
  key_table keys;
  if (config.builtin_keys)
    for (auto& k : builtin_keys()) keys.insert_or_assign(k.key, k);
  for (const auto& k : config.keys) keys.insert_or_assign(k.key, k);
  return keys;
}

}  // namespace

router::router(const server_config& config, stats_source connections)
    : table_(config.providers, config.cors, load_example_files(config.example_dirs)),
      keys_(keys_of(config)),
      data_(config.data ? config.data : std::make_shared<documented_store>(table_.by_index())),
      faults_(config.faults ? config.faults : std::make_shared<fault_injector>()),
      journal_(config.journal_capacity),
      proxy_(config.proxies.empty() ? nullptr : std::make_unique<proxy>(config, violations_)),
      admin_(table_, journal_, *data_, *faults_, violations_, std::move(connections)) {}

response router::handle(const request& rq) noexcept {
  try {
    if (rq.path.starts_with(admin_prefix)) return admin_.handle(rq);
    const route* matched = table_.match(rq.path);
    // With --cors, a preflight is the mock's own answer (it is about the page and the mock, not the
    // upstream), and proxied answers carry the same CORS headers as mocked ones.
    const bool own_preflight = matched && matched->entry().cors && rq.method == "OPTIONS";
    if (matched && proxy_ && proxy_->serves(matched->entry().provider) && !own_preflight) {
      proxied p = proxy_->forward(matched->entry(), rq);
      allow_cross_origin(matched->entry(), rq, p.answer);
      record(rq, p.answer, matched, &p);
      return std::move(p.answer);
    }
    response r = dispatch(rq, matched);
    record(rq, r, matched);
    return r;
  } catch (const std::exception& e) {
    return mock_error(500, "internal", std::string("the mock failed: ") + e.what());
  } catch (...) {
    return mock_error(500, "internal", "the mock failed");
  }
}

response router::dispatch(const request& rq, const route* matched) {
  if (!matched) return mock_error(404, "unknown-route", "no endpoint at " + rq.path + " (served: " + table_.paths() + ")");
  const prepared_endpoint& ep = matched->entry();
  const preferences prefer = parse_prefer(rq);
  // Faults (latency, --fail-rate, --rate-limit, --drop-rate, Prefer: latency) strike before the
  // endpoint looks at the request, as an overloaded service's do.
  fault_decision fault = faults_->before(rq, ep, prefer);
  response r = fault.answer ? std::move(*fault.answer) : matched->handle(rq, prefer, keys_, *data_);
  decorate(ep, rq, r);
  faults_->wait(fault.delay);
  return r;
}

// The provider's last touch, once, on every answer of an endpoint that goes out; then --cors.
void router::decorate(const prepared_endpoint& ep, const request& rq, response& r) const {
  if (r.disposition == disposition::drop) return;
  ep.policy->decorate(ep, rq, r);
  allow_cross_origin(ep, rq, r);
}

response router::transport_error(int status, const request& rq) noexcept {
  try {
    const route* matched = nullptr;
    response r;
    if (status == 413 && (matched = table_.match(rq.path))) {
      const prepared_endpoint& ep = matched->entry();
      r = ep.policy->too_large(ep);
      decorate(ep, rq, r);
    } else if (status == 413) {
      r = mock_error(413, "body-too-large", "the request body is over the mock's size limit");
    } else if (status == 414) {
      r = mock_error(414, "uri-too-long", "the request line is over the HTTP layer's limit");
    } else {
      r = mock_error(status, "malformed-request", "the HTTP layer could not read this request (request line or headers)");
    }
    record(rq, r, matched);
    return r;
  } catch (...) {
    return response{status, {}, {}};
  }
}

void router::record(const request& rq, const response& r, const route* matched, proxied* via) noexcept {
  try {
    const std::string_view endpoint = matched ? matched->entry().name : std::string_view();
    if (via)
      journal_.record(rq.method, rq.path, rq.query, rq.headers, rq.body, r.status, endpoint, std::move(via->upstream),
                      std::move(via->violations));
    else
      journal_.record(rq.method, rq.path, rq.query, rq.headers, rq.body, r.status, endpoint);
  } catch (...) {
    // Out of memory while journaling: the answer still goes out.
  }
}

}  // namespace genwire::mock::detail
