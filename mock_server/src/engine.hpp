// The mock's pure core: routes built from genwire::all_endpoints, the per-provider policy
// interface, and the helpers every answer is made with. Internal to genwire_mock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <genwire/genwire.hpp>
#include <genwire/mock/server.hpp>

namespace genwire::mock::detail {

inline constexpr std::string_view json_type = "application/json";

// Request bodies and queries are checked as a real service would: formats (date-times, UUIDs)
// and closed enums, but parameters and members a client adds beyond the documented ones are ignored.
inline constexpr genwire::options request_rules{.check_formats = true, .closed_enums = true, .reject_unknown_keys = false};

// What the router knows about one endpoint at run time, built once from its descriptor.
struct endpoint_info {
  struct prepared {
    int status = 0;
    std::string body;  // "" when the row has no body (204)
    std::vector<header> headers;
  };
  struct named_example {
    std::string_view name;
    int status = 0;
    std::string body;
  };

  std::string id;  // "flora.list_generations"
  std::string_view name;
  std::string_view provider;
  std::string_view path;
  genwire::http_method method = genwire::http_method::get;
  genwire::request_location request_in = genwire::request_location::json_body;
  std::span<const genwire::status_doc> statuses;
  std::span<const genwire::auth_scheme> auth;
  std::string allow;                    // the Allow header of a 405
  std::vector<prepared> bodies;         // one per documented status, encoded at start-up
  std::vector<named_example> examples;  // the response and error examples, for Prefer: example=

  [[nodiscard]] const genwire::status_doc* doc(int code) const noexcept;
  [[nodiscard]] const prepared* body_for(int code) const noexcept;
  [[nodiscard]] std::vector<int> codes() const;
};

enum class auth_failure : std::uint8_t {
  missing,   // no key in any of the endpoint's auth headers
  unknown,   // a key (or a malformed auth header) the mock does not know
  inactive,  // key_record::active is false
  no_read,   // key_record::read is false
};

// JSON answers ---------------------------------------------------------------------------------

// `value` encoded by genwire; an unencodable value becomes a mock error rather than bad JSON.
response json_response_text(int status, genwire::result<std::string> encoded);
template <class T>
response json_response(int status, const T& value) {
  return json_response_text(status, genwire::encode(value));
}

// The clearly marked answer the mock makes up itself.
response mock_error(int status, std::string_view kind, std::string message, const endpoint_info* ep = nullptr,
                    std::optional<int> requested_code = std::nullopt);

// The documented row `code` of the endpoint, as documented: status, body, documented headers;
// a mock error when the endpoint does not document that code.
response documented(const endpoint_info& ep, int code);

// Provider policy ------------------------------------------------------------------------------

// Everything about a provider that its descriptors cannot say: which body each kind of refusal
// gets, how a validation error is reported, CORS. Each default replays the endpoint's documented
// row for the status, so an endpoint whose provider has no policy still answers documented bodies.
class provider_policy {
 public:
  virtual ~provider_policy() = default;

  // OPTIONS is a CORS preflight (the documented 204) instead of a 405.
  [[nodiscard]] virtual bool preflight() const { return false; }
  // No usable key: 401 (missing, unknown, inactive) or 403 (no read permission).
  [[nodiscard]] virtual response auth_failed(const endpoint_info& ep, auth_failure why) const;
  // The body or query does not decode with the endpoint's request type.
  [[nodiscard]] virtual response invalid_request(const endpoint_info& ep, const request& rq, const genwire::error& e) const;
  // The store said not_found (404) or not_owner (403).
  [[nodiscard]] virtual response refused(const endpoint_info& ep, answer::kind why) const;
  // A method other than the endpoint's own; the router adds Allow.
  [[nodiscard]] virtual response method_not_allowed(const endpoint_info& ep) const;
  // The body is over the size limit: 413 when documented, else the provider's 400.
  [[nodiscard]] virtual response too_large(const endpoint_info& ep) const;
  // Last touch on every answer of the endpoint (CORS headers, request ids).
  virtual void decorate(const endpoint_info& ep, const request& rq, response& r) const;
  // The documented-replay data for a valid, authorised request: the success example for a key
  // that owns the examples, otherwise not_owner.
  [[nodiscard]] virtual answer replay(const endpoint_info& ep, const any_request& rq) const;
};

// The policy of `provider` (case-insensitive), or the documented-rows default.
const provider_policy& policy_for(std::string_view provider);

// Each provider's policy, defined in policies/<provider>.cpp.
const provider_policy& diffio_policy();
const provider_policy& flora_policy();
const provider_policy& depicta_policy();
const provider_policy& hedra_policy();

// Helpers shared by the policies ---------------------------------------------------------------

// "list_generations: expected an integer in [1, 100], found 0" style text of a decode error,
// safe to embed in JSON whatever bytes the client sent.
std::string describe(const genwire::error& e);
// The top-level member or parameter an error is about ("limit" for "limit", "a" for "a.b[2]").
std::string_view top_field(std::string_view path) noexcept;
// The success (2xx) example replayed for the endpoint, or nullptr.
const endpoint_info::prepared* success_body(const endpoint_info& ep) noexcept;

// A list endpoint's documented success page with its items removed by `empty(page)`: what a key
// that owns none of the examples lists. Encoded once, when the policy is built.
template <class D>
class empty_page_for_strangers {
 public:
  template <class Empty>
  explicit empty_page_for_strangers(Empty empty) {
    const auto* doc = genwire::find_status<D>(200);
    auto page = genwire::decode<typename D::response>(doc ? doc->body : std::string_view("{}"));
    typename D::response out = page ? std::move(*page) : typename D::response{};
    empty(out);
    if (auto text = genwire::encode(out)) body_ = std::move(*text);
  }

  // The empty page when `rq` is this endpoint's and its key owns no examples; otherwise nothing.
  [[nodiscard]] std::optional<answer> answer_for(const any_request& rq) const {
    const auto* r = std::get_if<typed_request<D>>(&rq);
    if (!r || r->who->key->owns_examples) return std::nullopt;
    return answer{answer::kind::reply, 200, {}, body_};
  }

 private:
  std::string body_;
};

}  // namespace genwire::mock::detail
