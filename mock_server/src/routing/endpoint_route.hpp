// One endpoint's own answer, generated from its descriptor: method, Prefer (code, example), auth,
// the request decoded with the descriptor's own types (body or query, and the path's parameters),
// then the store. Everything provider-specific is asked of the provider's policy; the router adds
// faults before and the policy's decoration after. Internal to genwire_mock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include <genwire/mock/store.hpp>

#include "../providers/provider_policy.hpp"
#include "../text.hpp"
#include "answers.hpp"
#include "header_text.hpp"
#include "prefer.hpp"
#include "prepared_endpoint.hpp"

namespace genwire::mock::detail {

using key_table = std::unordered_map<std::string, key_record>;

class route {
 public:
  explicit route(prepared_endpoint entry) : entry_(std::move(entry)) {}
  virtual ~route() = default;
  route(const route&) = delete;
  route& operator=(const route&) = delete;

  [[nodiscard]] const prepared_endpoint& entry() const noexcept { return entry_; }
  [[nodiscard]] const provider_policy& policy() const noexcept { return *entry_.policy; }

  // The endpoint's answer to `rq`, whose Prefer header is `prefer`; not yet decorated.
  [[nodiscard]] virtual response handle(const request& rq, const preferences& prefer, const key_table& keys, store& data) const = 0;

 protected:
  prepared_endpoint entry_;
};

template <genwire::endpoint_descriptor D>
class endpoint_route final : public route {
 public:
  using route::route;

  [[nodiscard]] response handle(const request& rq, const preferences& prefer, const key_table& keys, store& data) const override {
    static_assert(genwire::find_status<D>(mock_error_status) == nullptr,
                  "an endpoint documents the status the mock reserves for its own errors; change mock_error_status");
    const provider_policy& policy = *entry_.policy;
    // 1. Method. HEAD on a GET endpoint is a GET whose body the HTTP layer drops.
    const std::string_view own = genwire::to_string(D::method);
    if (rq.method == "OPTIONS" && entry_.preflight) return preflight();
    if (rq.method != own && !(D::method == genwire::http_method::get && rq.method == "HEAD")) {
      response r = policy.method_not_allowed(entry_);
      r.set_header("Allow", entry_.allow);
      return r;
    }

    // 2. Prefer: a documented answer on demand, before auth, like Prism.
    if (!prefer.error.empty()) return mock_error(mock_error_status, "bad-prefer", prefer.error, &entry_);
    if (prefer.example) return replay_example(*prefer.example);
    if (prefer.code) return replay_code(*prefer.code);

    // 3. Auth, as the descriptor lists it.
    const key_record* key = nullptr;
    if (auto failure = authenticate(rq, keys, key)) return policy.auth_failed(entry_, *failure);

    // 4. The request, decoded with the endpoint's own types.
    genwire::path_params_t<D> path{};
    if constexpr (!std::is_same_v<genwire::path_params_t<D>, genwire::no_path_params>) {
      auto p = genwire::decode_path<genwire::path_params_t<D>, request_rules>(D::path, rq.path);
      if (!p) return policy.invalid_request(entry_, rq, p.error());
      path = std::move(*p);
    }
    typename D::request value{};
    if (auto bad = decode_request(rq, value)) return policy.invalid_request(entry_, rq, *bad);

    // 5. The data.
    const caller who{key};
    const any_request typed{std::in_place_type<typed_request<D>>, typed_request<D>{&value, &who, &rq, &path}};
    answer a = data.find(typed);
    if (a.what == answer::kind::failed) return mock_error(500, "store-failed", std::move(a.body), &entry_);
    if (a.what != answer::kind::reply) return policy.refused(entry_, a.what);
    response r{a.status, std::move(a.headers), std::move(a.body)};
    if (!r.body.empty() && !r.header_value("Content-Type")) r.headers.push_back({"Content-Type", std::string(json_type)});
    return r;
  }

 private:
  [[nodiscard]] response preflight() const {
    if (entry_.answer_for(204)) return documented(entry_, 204);
    return response{204, {}, {}};
  }

  [[nodiscard]] response replay_code(int code) const {
    response r = documented(entry_, code);
    if (r.status == 405) r.set_header("Allow", entry_.allow);
    // RFC 6585 lets a 429 say when to retry; clients under test need it to exercise their backoff.
    if (r.status == 429 && !r.header_value("Retry-After")) r.headers.push_back({"Retry-After", "1"});
    return r;
  }

  [[nodiscard]] response replay_example(std::string_view name) const {
    for (const auto& e : entry_.examples) {
      if (e.name != name) continue;
      response r = replay_code(e.status);
      if (r.status != e.status) return r;
      r.body = e.body;  // same row, this example's body
      // Decision: an example file's headers go over the row's documented ones, and the provider's decoration still runs after (a fresh request-id per answer, as for every mocked answer).
      for (const auto& h : e.headers) r.set_header(h.name, h.value);
      return r;
    }
    std::string known;
    for (const auto& e : entry_.examples) known += (known.empty() ? "" : ", ") + std::string(e.name);
    return mock_error(mock_error_status, "unknown-example",
                      std::string(entry_.name) + " has no example named \"" + utf8_safe(name) + "\" (known: " + known + ")", &entry_);
  }

  // The first auth header (in the descriptor's order) that carries a key decides; a header that is
  // present but malformed ("Authorization: Basic ...") counts as an invalid key when no other works.
  [[nodiscard]] static std::optional<auth_failure> authenticate(const request& rq, const key_table& keys, const key_record*& out) {
    bool malformed = false;
    for (const genwire::auth_scheme& s : D::auth) {
      const std::string* v = rq.header_value(s.header);
      if (!v) continue;
      const auto text = credential(*v, s.prefix);
      if (!text) {
        malformed = true;
        continue;
      }
      if (text->empty()) continue;
      const auto it = keys.find(std::string(*text));
      if (it == keys.end()) return auth_failure::unknown;
      if (!it->second.active) return auth_failure::inactive;
      if (!it->second.read) return auth_failure::no_read;
      out = &it->second;
      return std::nullopt;
    }
    return malformed ? auth_failure::unknown : auth_failure::missing;
  }

  [[nodiscard]] static std::optional<genwire::error> decode_request(const request& rq, typename D::request& out) {
    if constexpr (D::request_in == genwire::request_location::json_body) {
      if (auto st = genwire::decode_into<request_rules>(rq.body, out); !st) return st.error();
    } else {
      auto r = genwire::decode_query<typename D::request, request_rules>(rq.query);
      if (!r) return r.error();
      out = std::move(*r);
    }
    return std::nullopt;
  }
};

}  // namespace genwire::mock::detail
