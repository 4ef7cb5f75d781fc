// One endpoint's behaviour, generated from its descriptor: method, Prefer, auth, request decoding
// with the descriptor's own request type, then the store. Everything provider-specific is asked
// of the provider's policy.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include "engine.hpp"
#include "header_text.hpp"
#include "prefer.hpp"

namespace genwire::mock::detail {

using key_table = std::unordered_map<std::string, key_record>;

class route {
 public:
  route(endpoint_info info, const provider_policy& policy) : info_(std::move(info)), policy_(policy) {}
  virtual ~route() = default;
  route(const route&) = delete;
  route& operator=(const route&) = delete;

  [[nodiscard]] const endpoint_info& info() const noexcept { return info_; }
  [[nodiscard]] const provider_policy& policy() const noexcept { return policy_; }

  // `data` may be null: the policy's documented replay answers.
  [[nodiscard]] response handle(const request& rq, const key_table& keys, store* data) const {
    response r = answer(rq, keys, data);
    policy_.decorate(info_, rq, r);
    return r;
  }

 protected:
  [[nodiscard]] virtual response answer(const request& rq, const key_table& keys, store* data) const = 0;

  endpoint_info info_;
  const provider_policy& policy_;
};

namespace route_detail {

// The documented body re-encoded through the endpoint's own type T (proof that it decodes, and
// compact). When re-encoding would change it semantically, the document wins and is replayed as is.
template <class T>
std::string prepare_body(std::string_view id, int code, std::string_view text) {
  if (text.empty()) return {};
  auto decoded = genwire::decode<T>(text);
  if (!decoded)
    throw std::logic_error(std::string(id) + ": the documented body for status " + std::to_string(code) +
                           " does not decode with the endpoint's own type: " + decoded.error().message());
  auto encoded = genwire::encode(*decoded);
  auto original = genwire::parse_json(text);
  if (!encoded || !original)
    throw std::logic_error(std::string(id) + ": the documented body for status " + std::to_string(code) + " cannot be re-encoded");
  auto again = genwire::parse_json(*encoded);
  if (again && *again == *original) return std::move(*encoded);
  return genwire::to_json(*original);
}

}  // namespace route_detail

template <genwire::endpoint_descriptor D>
class endpoint_route final : public route {
 public:
  explicit endpoint_route(const provider_policy& policy) : route(make_info(), policy) {
    if (policy.preflight()) info_.allow += ", OPTIONS";
  }

 private:
  static endpoint_info make_info() {
    static_assert(genwire::find_status<D>(mock_error_status) == nullptr,
                  "an endpoint documents the status the mock reserves for its own errors; change mock_error_status");
    endpoint_info info;
    info.id = std::string(D::name);
    info.name = D::name;
    info.provider = D::provider;
    info.path = D::path;
    info.method = D::method;
    info.request_in = D::request_in;
    info.statuses = std::span<const genwire::status_doc>(D::statuses);
    info.auth = std::span<const genwire::auth_scheme>(D::auth);
    info.allow = D::method == genwire::http_method::get ? "GET, HEAD" : std::string(genwire::to_string(D::method));
    for (const genwire::status_doc& s : D::statuses) {
      endpoint_info::prepared p;
      p.status = s.code;
      p.body = body_as(s.code, s.body, info.id);
      for (const genwire::header_field& h : s.headers)
        if (!h.name.empty()) p.headers.push_back({std::string(h.name), std::string(h.value)});
      info.bodies.push_back(std::move(p));
    }
    for (const genwire::example& e : D::examples) {
      if (e.kind != genwire::example_kind::response && e.kind != genwire::example_kind::error) continue;
      info.examples.push_back({e.name, e.status, body_as(e.status, e.body, info.id)});
    }
    return info;
  }

  static std::string body_as(int code, std::string_view text, std::string_view id) {
    if (code >= 200 && code < 300) return route_detail::prepare_body<typename D::response>(id, code, text);
    return route_detail::prepare_body<typename D::error>(id, code, text);
  }

  [[nodiscard]] response answer(const request& rq, const key_table& keys, store* data) const override {
    // 1. Method. HEAD on a GET endpoint is a GET whose body the HTTP layer drops.
    const std::string_view own = genwire::to_string(D::method);
    if (rq.method == "OPTIONS" && policy_.preflight()) return preflight();
    if (rq.method != own && !(D::method == genwire::http_method::get && rq.method == "HEAD")) {
      response r = policy_.method_not_allowed(info_);
      r.set_header("Allow", info_.allow);
      return r;
    }

    // 2. Prefer: a documented answer on demand, before auth, like Prism.
    const preferences pref = parse_prefer(rq);
    if (!pref.error.empty()) return mock_error(mock_error_status, "bad-prefer", pref.error, &info_);
    if (pref.example) return replay_example(*pref.example);
    if (pref.code) return replay_code(*pref.code);

    // 3. Auth, as the descriptor lists it.
    const key_record* key = nullptr;
    if (auto failure = authenticate(rq, keys, key)) return policy_.auth_failed(info_, *failure);

    // 4. The request, decoded with the endpoint's own type.
    typename D::request value{};
    if (auto bad = decode_request(rq, value)) return policy_.invalid_request(info_, rq, *bad);

    // 5. The data.
    const caller who{key};
    const any_request typed{std::in_place_type<typed_request<D>>, typed_request<D>{&value, &who, &rq}};
    genwire::mock::answer a = data ? data->find(typed) : policy_.replay(info_, typed);
    if (a.what != genwire::mock::answer::kind::reply) return policy_.refused(info_, a.what);
    response r{a.status, std::move(a.headers), std::move(a.body)};
    if (!r.body.empty() && !r.header_value("Content-Type")) r.headers.push_back({"Content-Type", std::string(json_type)});
    return r;
  }

  [[nodiscard]] response preflight() const {
    if (info_.body_for(204)) return documented(info_, 204);
    return response{204, {}, {}};
  }

  [[nodiscard]] response replay_code(int code) const {
    response r = documented(info_, code);
    if (r.status == 405) r.set_header("Allow", info_.allow);
    // RFC 6585 lets a 429 say when to retry; clients under test need it to exercise their backoff.
    if (r.status == 429 && !r.header_value("Retry-After")) r.headers.push_back({"Retry-After", "1"});
    return r;
  }

  [[nodiscard]] response replay_example(std::string_view name) const {
    for (const auto& e : info_.examples) {
      if (e.name != name) continue;
      response r = replay_code(e.status);
      if (r.status == e.status) r.body = e.body;  // same row, this example's body
      return r;
    }
    std::string known;
    for (const auto& e : info_.examples) known += (known.empty() ? "" : ", ") + std::string(e.name);
    return mock_error(mock_error_status, "unknown-example",
                      info_.id + " has no example named \"" + utf8_safe(name) + "\" (known: " + known + ")", &info_);
  }

  // The first auth header (in the descriptor's order) that carries a key decides; a header that is
  // present but malformed ("Authorization: Basic ...") counts as an invalid key when no other works.
  [[nodiscard]] std::optional<auth_failure> authenticate(const request& rq, const key_table& keys,
                                                         const key_record*& out) const {
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
