// Hedra (a FastAPI service, per its published OpenAPI): a bad query parameter is a 422 whose
// `detail` lists pydantic-style errors with loc ["query", <parameter>], their type and message
// chosen from the rule genwire reports (core's structured error); the refusals its page does not
// document (401, 403, 405, a body too large) use FastAPI's {"detail": "<text>"} form, which the
// descriptor's error type also accepts; a key that owns nothing gets an empty page.
#include "../../routing/answers.hpp"
#include "../../text.hpp"
#include "binding.hpp"

namespace genwire::mock::detail {
namespace {

namespace hd = genwire::hedra;
using endpoint = hd::list_generations_endpoint;

response detail_text(int status, std::string text) {
  return json_response(status, hd::http_validation_error{std::move(text)});
}

// `Input should be 'a', 'b' or 'c'`, as pydantic words an enum refusal.
std::string one_of(std::span<const std::string_view> names) {
  std::string m = "Input should be ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) m += i + 1 == names.size() ? " or " : ", ";
    m += '\'';
    m += names[i];
    m += '\'';
  }
  return m;
}

// The pydantic v2 error type and message for a genwire decode error, from the rule it broke.
std::pair<std::string, std::string> classify(const genwire::error& e) {
  using genwire::rule;
  const genwire::expectation& x = e.rule;
  switch (x.rule) {
    case rule::required: return {std::string(hd::error_type_missing), std::string(hd::reason_missing)};
    case rule::one_of: return {std::string(hd::error_type_enum), x.names.empty() ? std::string(hd::reason_enum) : one_of(x.names)};
    case rule::format:
      if (x.format == genwire::format_kind::uuid) return {std::string(hd::error_type_uuid_parsing), std::string(hd::reason_uuid_parsing)};
      if (x.format == genwire::format_kind::uri) return {"url_parsing", "Input should be a valid URL"};
      return {std::string(hd::error_type_datetime_parsing), std::string(hd::reason_datetime_parsing)};
    case rule::minimum: {
      std::string msg(hd::reason_greater_than_equal);
      if (const std::size_t at = msg.find("{ge}"); at != std::string::npos) msg.replace(at, 4, x.bound);
      return {std::string(hd::error_type_greater_than_equal), std::move(msg)};
    }
    case rule::exclusive_minimum: return {"greater_than", "Input should be greater than " + x.bound};
    case rule::maximum: return {"less_than_equal", "Input should be less than or equal to " + x.bound};
    case rule::exclusive_maximum: return {"less_than", "Input should be less than " + x.bound};
    case rule::min_length: return {"string_too_short", "String should have at least " + x.bound + " characters"};
    case rule::max_length: return {"string_too_long", "String should have at most " + x.bound + " characters"};
    case rule::fits_type:
    case rule::type:
      if (x.type == genwire::json_type::integer) return {std::string(hd::error_type_int_parsing), std::string(hd::reason_int_parsing)};
      if (x.type == genwire::json_type::number) return {"float_parsing", "Input should be a valid number, unable to parse string as a number"};
      if (x.type == genwire::json_type::boolean) return {"bool_parsing", "Input should be a valid boolean, unable to interpret input"};
      return {"value_error", describe(e)};
    default: return {"value_error", describe(e)};
  }
}

class hedra_policy final : public provider_policy {
 public:
  [[nodiscard]] response auth_failed(const prepared_endpoint&, auth_failure why) const override {
    switch (why) {
      case auth_failure::missing: return detail_text(401, "Not authenticated");
      case auth_failure::unknown:
      case auth_failure::inactive: return detail_text(401, "Invalid API key");
      case auth_failure::no_read: return detail_text(403, "Not enough permissions");
    }
    return detail_text(401, "Invalid API key");
  }

  [[nodiscard]] response invalid_request(const prepared_endpoint&, const request& rq, const genwire::error& e) const override {
    hd::validation_error item;
    item.loc.emplace_back(std::string(hd::loc_query));
    const std::string field = utf8_safe(top_field(e.path));
    if (!field.empty()) item.loc.emplace_back(field);
    auto [type, msg] = classify(e);
    item.type = std::move(type);
    item.msg = utf8_safe(msg);
    if (!field.empty())
      if (auto value = genwire::query_parameter(rq.query, field))
        if (auto text = genwire::encode(utf8_safe(*value))) item.input = genwire::raw_json::from_trusted_text(std::move(*text));
    return json_response(422, hd::http_validation_error{std::vector<hd::validation_error>{std::move(item)}});
  }

  [[nodiscard]] response method_not_allowed(const prepared_endpoint&) const override { return detail_text(405, "Method Not Allowed"); }

  // Hedra documents no 413; a body it cannot take is a bad request.
  [[nodiscard]] response too_large(const prepared_endpoint&) const override { return detail_text(400, "Request body too large"); }
};

}  // namespace

const provider_policy& hedra_mock::policy() {
  static const hedra_policy policy;
  return policy;
}

realistic_store_size hedra_mock::documented_size() {
  realistic_store_size s;
  s.provider = std::string(name);
  if (auto r = genwire::decode<hd::list_generations_response>(hd::example_response)) count_jobs(s, r->data);
  return s;
}

// A stranger's page: no generations, page_info as documented.
answer endpoint_binding<endpoint>::replay(const replay_context& ctx, const request_type& rq) {
  return replay_list(ctx, rq, [](endpoint::response& page) { page.data.clear(); });
}

}  // namespace genwire::mock::detail
