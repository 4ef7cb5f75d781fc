// genwire/client/result.hpp: what a typed call returns: the endpoint's response, or an error that
// says which kind it is. No exceptions on this path.
//
//   auto r = flora.call<genwire::flora::list_generations_endpoint>({.limit = 10});
//   if (!r) {
//     if (const auto* api = r.error().api()) ...api->status, api->body->error.code...
//     std::cerr << r.error().message() << '\n';
//   }
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include <genwire/core/endpoint.hpp>
#include <genwire/core/error.hpp>

#include "binding.hpp"
#include "transport_error.hpp"

namespace genwire::client {

enum class failure : std::uint8_t {
  api,               // the API answered with an error status
  invalid_response,  // a success status whose body is not the endpoint's response
  transport,         // no answer: connect, TLS, timeout, dropped, cancelled, deadline
  // Decision: a fourth kind beside the three, for calls that send nothing (no key, an unusable base URL, an unencodable request), since none of the three is true of them.
  invalid_request,   // nothing was sent: no API key, or the request cannot be encoded
};

constexpr std::string_view to_string(failure f) noexcept {
  switch (f) {
    case failure::api: return "api error";
    case failure::invalid_response: return "invalid response";
    case failure::transport: return "transport error";
    case failure::invalid_request: return "invalid request";
  }
  return "?";
}

// An error status, with the endpoint's typed error envelope decoded from the body.
template <bound_endpoint D>
struct api_error {
  int status = 0;
  std::optional<typename D::error> body;      // the envelope, when the body is one
  std::optional<genwire::error> body_error;   // why it is not (an HTML page from a proxy, say)
  std::string raw_body;
  std::optional<std::string> request_id;      // where the provider sends one (FLORA's request-id)
  std::optional<std::chrono::milliseconds> retry_after;  // what the server asked to wait, if anything
  const genwire::status_doc* documented = nullptr;      // the descriptor's row for `status`, if any

  // "HTTP 404 not_found: Not found. (request-id req_123)".
  [[nodiscard]] std::string message() const {
    std::string m = "HTTP " + std::to_string(status);
    if (body) {
      const error_text t = provider_of<D>::describe(*body);
      if (!t.code.empty()) m += " " + t.code;
      m += ": " + t.message;
    } else if (body_error) {
      m += " (the body is not the documented error envelope: " + body_error->message() + ")";
    }
    if (request_id) m += " (request-id " + *request_id + ")";
    return m;
  }
};

// A success status whose body does not decode as the endpoint's response.
struct invalid_response {
  int status = 0;
  genwire::error error;  // path, expected, found, offset
  std::string body;      // the raw body, kept

  [[nodiscard]] std::string message() const {
    return "invalid response (HTTP " + std::to_string(status) + "): " + error.message();
  }
};

// The call stopped before sending anything.
struct invalid_request {
  std::string detail;
  [[nodiscard]] std::string message() const { return "request not sent: " + detail; }
};

template <bound_endpoint D>
class call_error {
 public:
  using alternatives = std::variant<api_error<D>, invalid_response, transport_error, invalid_request>;

  // `what` is one of the alternatives, constructed in place.
  template <class E>
    requires std::is_constructible_v<alternatives, E>
  call_error(E&& what, int attempts) : what_(std::in_place_type<std::remove_cvref_t<E>>, std::forward<E>(what)), attempts_(attempts) {}

  [[nodiscard]] failure kind() const noexcept { return static_cast<failure>(what_.index()); }
  [[nodiscard]] const api_error<D>* api() const noexcept { return std::get_if<0>(&what_); }
  [[nodiscard]] const invalid_response* invalid() const noexcept { return std::get_if<1>(&what_); }
  [[nodiscard]] const transport_error* transport() const noexcept { return std::get_if<2>(&what_); }
  [[nodiscard]] const invalid_request* not_sent() const noexcept { return std::get_if<3>(&what_); }
  // Requests sent, retries included.
  [[nodiscard]] int attempts() const noexcept { return attempts_; }
  [[nodiscard]] std::string message() const {
    return std::visit([](const auto& e) { return e.message(); }, what_);
  }

 private:
  alternatives what_;
  int attempts_ = 0;
};

template <bound_endpoint D>
class [[nodiscard]] call_result {
 public:
  using value_type = typename D::response;

  call_result(value_type v, int attempts) : state_(std::in_place_index<0>, std::move(v)), attempts_(attempts) {}
  call_result(call_error<D> e) : state_(std::in_place_index<1>, std::move(e)) {  // NOLINT: implicit by design
    attempts_ = std::get<1>(state_).attempts();
  }
  // A failure built in place (one of call_error's alternatives), without moving a call_error.
  template <class E>
  static call_result fail(E&& what, int attempts) {
    return call_result(failed_tag{}, std::forward<E>(what), attempts);
  }

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  value_type& operator*() & noexcept { return *std::get_if<0>(&state_); }
  const value_type& operator*() const& noexcept { return *std::get_if<0>(&state_); }
  value_type&& operator*() && noexcept { return std::move(*std::get_if<0>(&state_)); }
  value_type* operator->() noexcept { return std::get_if<0>(&state_); }
  const value_type* operator->() const noexcept { return std::get_if<0>(&state_); }
  // Only on failure (has_value() false).
  [[nodiscard]] const call_error<D>& error() const& noexcept { return *std::get_if<1>(&state_); }
  [[nodiscard]] int attempts() const noexcept { return attempts_; }

 private:
  struct failed_tag {};
  template <class E>
  call_result(failed_tag, E&& what, int attempts) : state_(std::in_place_index<1>, std::forward<E>(what), attempts), attempts_(attempts) {}

  std::variant<value_type, call_error<D>> state_;
  int attempts_ = 0;
};

}  // namespace genwire::client
