// genwire/client/client.hpp: the typed client of one provider. One call per endpoint, straight
// from its descriptor: the request type in, a call_result out.
//
//   genwire::client::flora_client flora({.base_url = "http://127.0.0.1:8080", .api_key = "gw_test_read"});
//   auto page = flora.call<genwire::flora::list_generations_endpoint>(query);
//   auto run = flora.call<genwire::flora::get_run_endpoint>({"run_abc123"});  // path parameters first
//   auto done = diffio.wait<genwire::diffio::get_generation_progress_endpoint>({id, std::nullopt});
//
// Thread-safety: a client may be used from any number of threads at once. Its settings are fixed at
// construction; each concurrent call takes its own keep-alive connection from the client's pool, and
// sequential calls reuse them. Callbacks (on_retry, a wait's on_state) run on the calling thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <concepts>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <genwire/core/decode.hpp>
#include <genwire/core/encode.hpp>
#include <genwire/core/endpoint.hpp>
#include <genwire/core/options.hpp>
#include <genwire/core/path.hpp>
#include <genwire/core/query.hpp>

#include "binding.hpp"
#include "connection_pool.hpp"
#include "pages.hpp"
#include "result.hpp"
#include "retrying.hpp"
#include "settings.hpp"
#include "timer.hpp"

namespace genwire::client {

// D is one of P's endpoints.
template <class D, class P>
concept endpoint_of = bound_endpoint<D> && std::same_as<provider_of<D>, P>;
template <class D>
concept without_path_params = std::same_as<genwire::path_params_t<D>, genwire::no_path_params>;

// Told of every successful poll of a wait, the terminal one included.
template <class D>
using state_observer = std::function<void(const typename D::response&)>;

template <api_provider P>
class client {
 public:
  explicit client(settings<P> s = {})
      : settings_(std::move(s)),
        key_(settings_.api_key.empty() ? from_environment(P::key_variable) : settings_.api_key),
        timer_(settings_.timer ? settings_.timer : system_timer()),
        pool_(std::make_shared<connection_pool>(pool_config{settings_.base_url, settings_.ca_file})) {}

  // One request to D (with the retries of the policy), for endpoints whose path has no parameters.
  template <endpoint_of<P> D, genwire::options Opts = genwire::lenient>
    requires without_path_params<D>
  call_result<D> call(const typename D::request& rq = {}, const call_options& o = {}) {
    return send<D, Opts>(genwire::no_path_params{}, rq, o);
  }
  // ... and for endpoints with path parameters (`/api/v1/runs/{runId}`).
  template <endpoint_of<P> D, genwire::options Opts = genwire::lenient>
    requires(!without_path_params<D>)
  call_result<D> call(const genwire::path_params_t<D>& path, const typename D::request& rq = {}, const call_options& o = {}) {
    return send<D, Opts>(path, rq, o);
  }

  // Every item of every page, starting with `first` (its page size is kept for every page).
  template <endpoint_of<P> D, genwire::options Opts = genwire::lenient>
    requires paged_endpoint<D> && without_path_params<D>
  item_range<P, D, Opts> items(typename D::request first = {}, call_options o = {}) {
    return item_range<P, D, Opts>(*this, std::move(first), std::move(o));
  }

  // Polls D until its binding says the state is terminal (Diffio: complete or failed; FLORA: a run
  // completed or failed), every interval; a poll that fails after its own retries with a transient
  // error (a retryable status, connect, dropped, timeout) is followed by a longer wait, doubling up
  // to 8 intervals. Returns the terminal state, or the error that ended the wait (a deadline or
  // cancellation is a transport_error of that kind).
  template <endpoint_of<P> D, genwire::options Opts = genwire::lenient>
    requires polled_endpoint<D> && without_path_params<D>
  call_result<D> wait(const typename D::request& rq, const wait_options& o = {}, const state_observer<D>& on_state = {}) {
    return poll<D, Opts>(genwire::no_path_params{}, rq, o, on_state);
  }
  template <endpoint_of<P> D, genwire::options Opts = genwire::lenient>
    requires polled_endpoint<D> && (!without_path_params<D>)
  call_result<D> wait(const genwire::path_params_t<D>& path, const typename D::request& rq = {}, const wait_options& o = {},
                      const state_observer<D>& on_state = {}) {
    return poll<D, Opts>(path, rq, o, on_state);
  }

  [[nodiscard]] const settings<P>& config() const noexcept { return settings_; }
  // Connections opened so far; calls made one after another reuse one keep-alive connection.
  [[nodiscard]] std::size_t connections_opened() const noexcept { return pool_->connections_opened(); }

 private:
  static std::string from_environment(std::string_view variable) {
    const char* v = std::getenv(std::string(variable).c_str());
    return v ? std::string(v) : std::string();
  }

  template <class D, genwire::options Opts>
  std::variant<http_request, invalid_request> build(const genwire::path_params_t<D>& path, const typename D::request& rq) const {
    if (key_.empty())
      return invalid_request{"no API key (give settings.api_key or set " + std::string(P::key_variable) + ")"};
    if (const auto& problem = pool_->url_problem()) return invalid_request{*problem};
    http_request out;
    out.method = D::method;
    auto target = genwire::path_of<D, Opts>(path);
    if (!target) return invalid_request{"path parameter " + target.error().message()};
    out.target = std::move(*target);
    if constexpr (D::request_in == genwire::request_location::query_string) {
      auto q = genwire::encode_query<Opts>(rq);
      if (!q) return invalid_request{"query " + q.error().message()};
      if (!q->empty()) out.target += "?" + *q;
    } else {
      auto body = genwire::encode<Opts>(rq);
      if (!body) return invalid_request{"body " + body.error().message()};
      out.body = std::move(*body);
    }
    out.headers.push_back({std::string(P::auth.header), std::string(P::auth.prefix) + key_});
    out.headers.push_back({"Accept", "application/json"});
    for (const http_header& h : settings_.headers) out.headers.push_back(h);
    return out;
  }

  template <class D, genwire::options Opts>
  call_result<D> send(const genwire::path_params_t<D>& path, const typename D::request& rq, const call_options& o) {
    auto built = build<D, Opts>(path, rq);
    if (auto* bad = std::get_if<invalid_request>(&built)) return call_result<D>::fail(std::move(*bad), 0);
    retry_policy policy = settings_.retry;
    if (!endpoint_binding<D>::safe_to_repeat) policy.max_retries = 0;
    const exchange_fn exchange = [pool = pool_](const http_request& r, std::chrono::milliseconds t, std::stop_token s) {
      return pool->exchange(r, t, std::move(s));
    };
    exchange_outcome out = send_with_retries(exchange, std::get<http_request>(built), policy,
                                             attempt_limits{settings_.timeout, o.deadline, o.stop}, *timer_,
                                             settings_.on_retry, D::name);
    return to_result<D, Opts>(std::move(out), policy);
  }

  template <class D, genwire::options Opts>
  call_result<D> to_result(exchange_outcome&& out, const retry_policy& policy) {
    if (auto* t = std::get_if<transport_error>(&out.last)) return call_result<D>::fail(std::move(*t), out.attempts);
    http_response& r = std::get<http_response>(out.last);
    // Decision: every 2xx is a success decoded as the endpoint's response (the endpoints document only 200; a 204 would carry no body and fail to decode, visibly).
    if (r.status >= 200 && r.status < 300) {
      auto value = genwire::decode<typename D::response, Opts>(r.body);
      if (!value) return call_result<D>::fail(invalid_response{r.status, value.error(), std::move(r.body)}, out.attempts);
      return call_result<D>{std::move(*value), out.attempts};
    }
    api_error<D> e;
    e.status = r.status;
    auto body = genwire::decode<typename D::error, Opts>(r.body);
    if (body)
      e.body = std::move(*body);
    else
      e.body_error = body.error();
    if constexpr (!P::request_id_header.empty())
      if (const std::string* id = r.header(P::request_id_header)) e.request_id = *id;
    if constexpr (requires(const typename D::error& b) { P::request_id_of(b); })
      if (!e.request_id && e.body) e.request_id = P::request_id_of(*e.body);
    e.retry_after = server_wait(r, policy, timer_->wall_now());
    e.documented = genwire::find_status<D>(r.status);
    e.raw_body = std::move(r.body);
    return call_result<D>::fail(std::move(e), out.attempts);
  }

  // Whether a failed poll is worth another one after a longer wait.
  template <class D>
  bool transient(const call_error<D>& e) const {
    if (const auto* t = e.transport())
      return t->kind == transport_failure::connect || t->kind == transport_failure::dropped ||
             t->kind == transport_failure::timeout;
    if (const auto* a = e.api()) return settings_.retry.retries(a->status);
    return false;
  }

  template <class D, genwire::options Opts>
  call_result<D> poll(const genwire::path_params_t<D>& path, const typename D::request& rq, const wait_options& o,
                      const state_observer<D>& on_state) {
    using binding = endpoint_binding<D>;
    const std::chrono::milliseconds interval = o.interval.value_or(std::chrono::milliseconds(binding::poll_interval));
    const steady_time deadline = o.deadline.value_or(timer_->now() + std::chrono::milliseconds(binding::max_wait));
    const call_options each{deadline, o.stop};
    int failures = 0, attempts = 0;
    for (;;) {
      call_result<D> r = send<D, Opts>(path, rq, each);
      attempts += r.attempts();
      std::chrono::milliseconds pause = interval;
      std::optional<int> last_status;
      if (r) {
        if (on_state) on_state(*r);
        if (binding::terminal(*r)) return call_result<D>{std::move(*r), attempts};
        failures = 0;
      } else {
        if (!transient(r.error())) return r;
        ++failures;
        // Decision: after a failed poll the next one waits interval x 2^failures, at most 8 intervals (no SDK backs off its polls; this keeps a failing service from being polled at full rate).
        pause = interval * std::min(1 << std::min(failures, 3), 8);
        if (const auto* a = r.error().api()) last_status = a->status;
        if (settings_.on_retry) {
          retry_event ev{D::name, retry_scope::poll, failures, 0, last_status.value_or(0), r.error().transport(), nullptr, pause,
                         false};
          settings_.on_retry(ev);
        }
      }
      if (o.stop.stop_requested())
        return call_result<D>::fail(transport_error{transport_failure::cancelled, "the wait was cancelled", last_status}, attempts);
      if (timer_->now() + pause > deadline)
        return call_result<D>::fail(
            transport_error{transport_failure::deadline, "the deadline came before the job finished", last_status}, attempts);
      if (!timer_->sleep_until(timer_->now() + pause, o.stop))
        return call_result<D>::fail(transport_error{transport_failure::cancelled, "the wait was cancelled", last_status}, attempts);
    }
  }

  settings<P> settings_;
  std::string key_;
  std::shared_ptr<genwire::client::timer> timer_;
  std::shared_ptr<connection_pool> pool_;
};

}  // namespace genwire::client
