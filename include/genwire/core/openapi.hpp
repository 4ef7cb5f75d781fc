// genwire/core/openapi.hpp: one OpenAPI 3.1 document for the endpoints of an endpoint_list, built
// from their descriptors and models alone (schemas from schema.hpp, under the same options):
//
//   std::string doc = genwire::openapi_document<genwire::all_endpoints>({.version = "0.1.0"});
//   std::string one = genwire::openapi_document<genwire::all_endpoints, genwire::strict>({.provider = "flora"});
//
// Paths are each endpoint's real path and every operation names its provider's real base URL, so
// the document describes the providers themselves (and the mock, which serves the same paths).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "encode.hpp"
#include "endpoint.hpp"
#include "examples.hpp"
#include "json_value.hpp"
#include "options.hpp"
#include "path.hpp"
#include "query.hpp"
#include "schema.hpp"

namespace genwire {

struct openapi_info {
  std::string_view title = "genwire endpoints";
  std::string_view version = "0";
  // Only this provider's endpoints (D::provider); empty: every endpoint of the list.
  std::string_view provider{};
  // Only these providers' endpoints (with `provider`, those in both); empty: no such filter. The mock
  // lists the providers it serves.
  std::span<const std::string_view> providers{};
};

namespace detail {

// Whether no two descriptors share a method and a path (one OpenAPI operation each).
template <class... Ds>
constexpr bool routes_are_unique(const endpoint_list<Ds...>*) {
  constexpr std::size_t n = sizeof...(Ds);
  if constexpr (n > 1) {
    const std::array<http_method, n> methods{Ds::method...};
    const std::array<std::string_view, n> paths{std::string_view(Ds::path)...};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j)
        if (methods[i] == methods[j] && paths[i] == paths[j]) return false;
  }
  return true;
}

// The member `key` of an object value, added (as an empty object) when absent.
inline json::value& member(json::value& object, std::string_view key) {
  json::object& o = members_of(object);
  for (auto& [k, v] : o)
    if (k == key) return v;
  return o.emplace_back(std::string(key), json::object{}).second;
}

inline bool is_bearer(const auth_scheme& a) {
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  return lower(a.header) == "authorization" && lower(a.prefix) == "bearer ";
}

// "<provider>.bearer" or "<provider>.<header>", in the characters OpenAPI allows in component names.
inline std::string security_scheme_name(std::string_view provider, const auth_scheme& a) {
  std::string name = std::string(provider) + "." + (is_bearer(a) ? std::string("bearer") : std::string(a.header));
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return name;
}

inline json::value security_scheme(const auth_scheme& a) {
  if (is_bearer(a)) return json::object{{"type", "http"}, {"scheme", "bearer"}};
  json::object s{{"type", "apiKey"}, {"in", "header"}, {"name", std::string(a.header)}};
  if (!a.prefix.empty())
    s.emplace_back("description", "The key is sent after the prefix \"" + std::string(a.prefix) + "\".");
  return s;
}

// An example body as an Example Object: the parsed document (a body that is not JSON stays
// visible as a string, with the parser's message).
inline json::value example_object(std::string_view body, provenance origin) {
  // Built whole rather than member by member: g++ 12 at -O3 reports a -Warray-bounds false
  // positive on a second emplace_back into this vector of a recursive variant.
  auto v = parse_json(body);
  json::object e = v ? json::object{{"value", std::move(*v)}}
                     : json::object{{"value", std::string(body)},
                                    {"description", "genwire: this example is not JSON: " + v.error().message()}};
  if (origin == provenance::composed)
    e.emplace_back("summary", "Composed by genwire from the documented fields (the reference page shows no such body).");
  return e;
}

inline json::value header_object(const header_field& h, std::string_view description) {
  // Decision: header values are described as strings with the documented value as their example: HTTP carries them as text, and a descriptor says only what the provider sends (Retry-After may also be an HTTP-date).
  return json::object{{"description", std::string(description)}, {"schema", typed_schema("string")}, {"example", std::string(h.value)}};
}

inline std::string component_ref(std::string_view name) { return "#/components/schemas/" + std::string(name); }

template <endpoint_descriptor D>
std::string component_name(std::string_view kind) {
  return std::string(D::name) + "." + std::string(kind);
}

// Decision: every documented status goes under the endpoint's own method, as the provider's table lists it, even where the row is about another method (Diffio's 204 answers an OPTIONS preflight, its 405 a GET): a status row names no method, and leaving rows out would hide documented answers.
template <endpoint_descriptor D>
json::value responses_of() {
  json::value responses = json::object{};
  const std::vector<example_document> documents = example_documents<D>();
  for (const status_doc& s : D::statuses) {
    json::object r{{"description", std::string(s.meaning) + (s.description.empty() ? "" : ": " + std::string(s.description))}};
    json::value headers = json::object{};
    for (const header_field& h : s.headers)
      if (!h.name.empty()) member(headers, h.name) = header_object(h, "Documented for this status.");
    for (const header_field& h : response_headers_of<D>()) member(headers, h.name) = header_object(h, "Sent on every answer.");
    if (!members_of(headers).empty()) r.emplace_back("headers", std::move(headers));
    if (!s.body.empty()) {
      // The status body (what the mock answers for the code) first: tools that answer an
      // operation's examples, Prism among them, answer the first one by default.
      json::value examples = json::object{};
      const std::string first = status_example_name<D>(s.code);
      for (int pass = 0; pass < 2; ++pass)
        for (const example_document& e : documents)
          if (e.status == s.code && e.kind != example_kind::request && (e.name == first) == (pass == 0))
            member(examples, e.name) = example_object(e.body, e.origin);
      const char* kind = is_success_status(s.code) ? "response" : "error";
      json::object media{{"schema", json::object{{"$ref", component_ref(component_name<D>(kind))}}}, {"examples", std::move(examples)}};
      r.emplace_back("content", json::object{{"application/json", std::move(media)}});
    }
    r.emplace_back("x-genwire-treatment", std::string(to_string(s.treat)));
    member(responses, std::to_string(s.code)) = std::move(r);
  }
  return responses;
}

// A decoded example as the JSON object of its parameters (keys and typed values).
template <class T>
result<json::value> parameter_values(const result<T>& decoded) {
  if (!decoded) return result<json::value>(decoded.error());
  auto text = encode(*decoded);
  if (!text) return result<json::value>(text.error());
  return parse_json(*text);
}

// Each value of `values` as the example `name` of the parameter (in `in`) of the same key.
inline void add_parameter_examples(json::array& params, std::string_view in, const std::string& name, const json::value& values) {
  if (!values.as_object()) return;
  for (const auto& [key, value] : *values.as_object())
    for (json::value& p : params)
      if (*p.find("name") == json::value(key) && *p.find("in") == json::value(std::string(in)))
        member(member(p, "examples"), name) = json::object{{"value", value}};
}

// Query and path parameters, with each query example's values (and the example path's) as
// parameter examples.
template <endpoint_descriptor D, options Opts>
json::array parameters_of() {
  json::array params;
  const auto add = [&](const char* in, std::string_view key, json::value schema, bool required) {
    params.emplace_back(json::object{{"name", std::string(key)}, {"in", in}, {"required", required}, {"schema", std::move(schema)}});
  };
  // Path parameters are one whole segment each, always required (path.hpp); the descriptor's
  // example_path (the documented examples' resource) gives their example.
  for_each_query_parameter<path_params_t<D>, Opts>(
      [&](std::string_view key, json::value schema, bool) { add("path", key, std::move(schema), true); });
  if constexpr (!std::is_same_v<path_params_t<D>, no_path_params>)
    if (auto values = parameter_values(decode_path<path_params_t<D>>(D::path, example_path_of<D>())))
      add_parameter_examples(params, "path", "example_path", *values);
  if constexpr (D::request_in == request_location::query_string) {
    for_each_query_parameter<typename D::request, Opts>(
        [&](std::string_view key, json::value schema, bool required) { add("query", key, std::move(schema), required); });
    // A query example becomes one example per parameter it sets, as the typed value it decodes to.
    // (The provider tests decode every request example, so none is left out here.)
    for (const example& e : D::examples)
      if (e.kind == example_kind::request)
        if (auto values = parameter_values(decode_query<typename D::request>(e.body)))
          add_parameter_examples(params, "query", std::string(e.name), *values);
  }
  return params;
}

template <endpoint_descriptor D, options Opts>
json::value operation_of(bool own_servers) {
  json::object op{{"operationId", std::string(D::name)}, {"tags", json::array{std::string(D::provider)}}};
  if (own_servers) op.emplace_back("servers", json::array{json::object{{"url", std::string(D::base_url)}}});
  json::array security;
  for (const auth_scheme& a : D::auth) security.emplace_back(json::object{{security_scheme_name(D::provider, a), json::array{}}});
  op.emplace_back("security", std::move(security));
  if (json::array params = parameters_of<D, Opts>(); !params.empty()) op.emplace_back("parameters", std::move(params));
  if constexpr (D::request_in == request_location::json_body) {
    json::value examples = json::object{};
    for (const example& e : D::examples)
      if (e.kind == example_kind::request) member(examples, e.name) = example_object(e.body, e.origin);
    json::object media{{"schema", json::object{{"$ref", component_ref(component_name<D>("request"))}}}};
    if (!members_of(examples).empty()) media.emplace_back("examples", std::move(examples));
    op.emplace_back("requestBody", json::object{{"required", true}, {"content", json::object{{"application/json", std::move(media)}}}});
  }
  op.emplace_back("responses", responses_of<D>());
  return op;
}

inline std::string_view method_key(http_method m) { return m == http_method::get ? "get" : "post"; }

}  // namespace detail

template <class List, options Opts = options{}>
json::value openapi_value(const openapi_info& info) {
  static_assert(detail::routes_are_unique(static_cast<const List*>(nullptr)),
                "two endpoints share a method and a path: one OpenAPI document cannot describe both");
  const auto selected = [&]<class D>() {
    return (info.provider.empty() || D::provider == info.provider) &&
           (info.providers.empty() || std::find(info.providers.begin(), info.providers.end(), D::provider) != info.providers.end());
  };
  // Decision: the document names one root server when every selected endpoint has the same base URL (one provider's document, which `prism proxy` and code generators read), else each operation names its own: a root list of several servers would offer every path at every provider.
  std::string only_server;
  bool one_server = true;
  List::for_each([&]<class D>() {
    if (!selected.template operator()<D>()) return;
    if (only_server.empty()) only_server = std::string(D::base_url);
    one_server = one_server && only_server == D::base_url;
  });

  json::value paths = json::object{};
  json::value schemas = json::object{};
  json::value security_schemes = json::object{};
  json::array tags;
  std::vector<std::string_view> providers;
  List::for_each([&]<class D>() {
    if (!selected.template operator()<D>()) return;
    if (std::find(providers.begin(), providers.end(), D::provider) == providers.end()) {
      providers.push_back(D::provider);
      tags.emplace_back(json::object{{"name", std::string(D::provider)}});
    }
    detail::member(detail::member(paths, D::path), detail::method_key(D::method)) = detail::operation_of<D, Opts>(!one_server);
    if constexpr (D::request_in == request_location::json_body)
      detail::member(schemas, detail::component_name<D>("request")) = json_schema_value<typename D::request, Opts>();
    detail::member(schemas, detail::component_name<D>("response")) = json_schema_value<typename D::response, Opts>();
    detail::member(schemas, detail::component_name<D>("error")) = json_schema_value<typename D::error, Opts>();
    for (const auth_scheme& a : D::auth) detail::member(security_schemes, detail::security_scheme_name(D::provider, a)) = detail::security_scheme(a);
  });

  json::object doc{{"openapi", "3.1.0"}};
  const std::string rules = Opts.reject_unknown_keys || Opts.closed_enums || Opts.check_formats
                                ? "strict rules: formats checked, enums closed, unknown members rejected"
                                : "default rules: formats not checked, unknown enum values and members accepted";
  doc.emplace_back("info", json::object{{"title", std::string(info.title)},
                                        {"version", std::string(info.version)},
                                        {"description", "Generated by genwire from its typed models, under its " + rules + "."}});
  if (one_server && !only_server.empty()) doc.emplace_back("servers", json::array{json::object{{"url", only_server}}});
  doc.emplace_back("tags", std::move(tags));
  doc.emplace_back("paths", std::move(paths));
  doc.emplace_back("components", json::object{{"schemas", std::move(schemas)}, {"securitySchemes", std::move(security_schemes)}});
  return doc;
}

// openapi_value as two-space indented JSON text.
template <class List, options Opts = options{}>
std::string openapi_document(const openapi_info& info) {
  return to_pretty_json(openapi_value<List, Opts>(info));
}

}  // namespace genwire
