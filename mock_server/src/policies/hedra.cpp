// Hedra (a FastAPI service, per its published OpenAPI): a bad query parameter is a 422 whose
// `detail` lists pydantic-style errors with loc ["query", <parameter>]; the refusals its page does
// not document (401, 403, 405, a body too large) use FastAPI's {"detail": "<text>"} form, which
// the descriptor's error type also accepts; a key that owns nothing gets an empty page.
#include <genwire/hedra.hpp>

#include "../engine.hpp"

namespace genwire::mock::detail {
namespace {

namespace hd = genwire::hedra;
using endpoint = hd::list_generations_endpoint;

response detail_text(int status, std::string text) {
  return json_response(status, hd::http_validation_error{std::move(text)});
}

// The decoded value of `name` in the raw query, for the error's `input` (as pydantic reports it).
std::optional<std::string> query_value(std::string_view query, std::string_view name) {
  const auto decode = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      if (s[i] == '+') {
        out += ' ';
      } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (decode(pair.substr(0, eq)) == name) return decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
  }
  return std::nullopt;
}

// The pydantic error type and message for a genwire decode error.
std::pair<std::string, std::string> classify(const genwire::error& e) {
  using genwire::errc;
  const auto bound_after = [&](std::string_view marker) -> std::optional<std::string> {
    const std::size_t at = e.expected.find(marker);
    if (at == std::string::npos) return std::nullopt;
    return e.expected.substr(at + marker.size());
  };
  switch (e.code) {
    case errc::missing_key: return {std::string(hd::error_type_missing), std::string(hd::reason_missing)};
    case errc::unknown_enum: return {std::string(hd::error_type_enum), std::string(hd::reason_enum)};
    case errc::format:
      if (e.expected.find("UUID") != std::string::npos) return {std::string(hd::error_type_uuid_parsing), std::string(hd::reason_uuid_parsing)};
      return {std::string(hd::error_type_datetime_parsing), std::string(hd::reason_datetime_parsing)};
    case errc::out_of_range:
      if (auto ge = bound_after(">= ")) {
        std::string msg(hd::reason_greater_than_equal);
        if (const std::size_t at = msg.find("{ge}"); at != std::string::npos) msg.replace(at, 4, *ge);
        return {std::string(hd::error_type_greater_than_equal), std::move(msg)};
      }
      if (auto le = bound_after("<= ")) return {"less_than_equal", "Input should be less than or equal to " + *le};
      return {std::string(hd::error_type_int_parsing), std::string(hd::reason_int_parsing)};
    case errc::wrong_type:
      if (e.expected.find("integer") != std::string::npos) return {std::string(hd::error_type_int_parsing), std::string(hd::reason_int_parsing)};
      return {"value_error", describe(e)};
    default: return {"value_error", describe(e)};
  }
}

class hedra_policy_impl final : public provider_policy {
 public:
  [[nodiscard]] response auth_failed(const endpoint_info&, auth_failure why) const override {
    switch (why) {
      case auth_failure::missing: return detail_text(401, "Not authenticated");
      case auth_failure::unknown:
      case auth_failure::inactive: return detail_text(401, "Invalid API key");
      case auth_failure::no_read: return detail_text(403, "Not enough permissions");
    }
    return detail_text(401, "Invalid API key");
  }

  [[nodiscard]] response invalid_request(const endpoint_info&, const request& rq, const genwire::error& e) const override {
    hd::validation_error item;
    item.loc.emplace_back(std::string(hd::loc_query));
    const std::string field = utf8_safe(top_field(e.path));
    if (!field.empty()) item.loc.emplace_back(field);
    auto [type, msg] = classify(e);
    item.type = std::move(type);
    item.msg = utf8_safe(msg);
    if (!field.empty())
      if (auto value = query_value(rq.query, field))
        if (auto text = genwire::encode(utf8_safe(*value))) item.input = genwire::raw_json::from_trusted_text(std::move(*text));
    return json_response(422, hd::http_validation_error{std::vector<hd::validation_error>{std::move(item)}});
  }

  [[nodiscard]] response method_not_allowed(const endpoint_info&) const override { return detail_text(405, "Method Not Allowed"); }

  // Hedra documents no 413; a body it cannot take is a bad request.
  [[nodiscard]] response too_large(const endpoint_info&) const override { return detail_text(400, "Request body too large"); }

  [[nodiscard]] answer replay(const endpoint_info& ep, const any_request& rq) const override {
    if (auto empty = empty_.answer_for(rq)) return *empty;
    return provider_policy::replay(ep, rq);
  }

 private:
  // The documented page with no generations (page_info as documented).
  const empty_page_for_strangers<endpoint> empty_{[](endpoint::response& page) { page.data.clear(); }};
};

}  // namespace

const provider_policy& hedra_policy() {
  static const hedra_policy_impl policy;
  return policy;
}

}  // namespace genwire::mock::detail
