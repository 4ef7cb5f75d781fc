// tools/cli_schema.hpp: the commands that publish what the models know, for other languages'
// tools: `schema` (a JSON Schema per document kind), `openapi` (one OpenAPI 3.1 document) and
// `examples` (every example document of an endpoint, as JSON). Included by cli.hpp after the
// helpers they share with the other commands.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core/examples.hpp>
#include <genwire/openapi.hpp>

namespace genwire::cli {

// Decision: the request of a query-string endpoint is described as its parameters, an object of typed values (what OpenAPI validators check after coercing each parameter's text), the same schemas as the OpenAPI document's `parameters`, rather than as the JSON decoding of the request struct, which no client sends.
template <class D, options Opts>
std::string schema_text(doc_kind kind) {
  switch (kind) {
    case doc_kind::request:
      if constexpr (D::request_in == request_location::query_string) return genwire::query_schema<typename D::request, Opts>();
      else return genwire::json_schema<typename D::request, Opts>();
    case doc_kind::response: return genwire::json_schema<typename D::response, Opts>();
    case doc_kind::error: return genwire::json_schema<typename D::error, Opts>();
  }
  return {};
}

// The arguments of a command whose one flag is --strict.
struct strict_args {
  bool strict = false;
  std::vector<std::string_view> positional;
  std::string_view unknown_flag;  // not empty: a usage error
};

inline strict_args split_strict_args(std::span<const std::string_view> args) {
  static constexpr std::string_view known[] = {"--strict"};
  strict_args out;
  std::vector<std::string_view> flags;
  out.unknown_flag = split_args(args, known, flags, out.positional);
  out.strict = has_flag(flags, "--strict");
  return out;
}

inline int unknown_endpoint(const streams& io, std::string_view name) {
  return usage_error(io, "unknown endpoint " + std::string(name) + " (see genwire endpoints)");
}

template <class Endpoints>
int cmd_schema(const streams& io, std::span<const std::string_view> args) {
  const strict_args a = split_strict_args(args);
  if (!a.unknown_flag.empty()) return usage_error(io, "unknown option " + std::string(a.unknown_flag));
  const auto& positional = a.positional;
  if (positional.size() != 2) return usage_error(io, "schema takes ENDPOINT and KIND");
  doc_kind kind{};
  if (!parse_kind(positional[1], kind))
    return usage_error(io, "unknown kind " + std::string(positional[1]) + " (request, response or error)");
  const bool found = with_endpoint<Endpoints>(positional[0], [&]<class D>() {
    put_line(io.out, a.strict ? schema_text<D, genwire::strict>(kind) : schema_text<D, genwire::lenient>(kind));
  });
  return found ? exit_ok : unknown_endpoint(io, positional[0]);
}

template <class Endpoints>
int cmd_openapi(const streams& io, std::span<const std::string_view> args) {
  const strict_args a = split_strict_args(args);
  if (!a.unknown_flag.empty()) return usage_error(io, "unknown option " + std::string(a.unknown_flag));
  const auto& positional = a.positional;
  if (positional.size() > 1) return usage_error(io, "openapi takes at most one PROVIDER");
  const std::string_view provider = positional.empty() ? std::string_view{} : positional[0];
  if (!provider.empty()) {
    std::vector<std::string_view> providers;
    Endpoints::for_each([&]<class D>() {
      if (std::find(providers.begin(), providers.end(), D::provider) == providers.end()) providers.push_back(D::provider);
    });
    if (std::find(providers.begin(), providers.end(), provider) == providers.end()) {
      std::string names;
      for (std::string_view p : providers) names += (names.empty() ? "" : ", ") + std::string(p);
      return usage_error(io, "unknown provider " + std::string(provider) + " (one of " + names + ")");
    }
  }
  const std::string title = provider.empty() ? "genwire endpoints" : "genwire endpoints: " + std::string(provider);
  const genwire::openapi_info info{title, GENWIRE_VERSION, provider};
  put_line(io.out, a.strict ? genwire::openapi_document<Endpoints, genwire::strict>(info)
                            : genwire::openapi_document<Endpoints, genwire::lenient>(info));
  return exit_ok;
}

inline std::string_view kind_name(example_kind k) {
  switch (k) {
    case example_kind::request: return "request";
    case example_kind::response: return "response";
    case example_kind::error: return "error";
    case example_kind::fragment: return "fragment";
  }
  return "?";
}

// [{"name": ..., "kind": "response", "status": 200, "origin": "documented", "body": "<text>"}]:
// each body as the exact text `genwire validate` takes (a query string for a query request).
template <class Endpoints>
int cmd_examples(const streams& io, std::span<const std::string_view> args) {
  if (args.size() != 1) return usage_error(io, "examples needs exactly one ENDPOINT");
  const bool found = with_endpoint<Endpoints>(args[0], [&]<class D>() {
    json::array list;
    for (const example_document& e : example_documents<D>())
      list.emplace_back(json::object{{"name", e.name},
                                     {"kind", std::string(kind_name(e.kind))},
                                     {"status", e.status},
                                     {"origin", e.origin == provenance::documented ? "documented" : "composed"},
                                     {"body", std::string(e.body)}});
    put_line(io.out, to_pretty_json(list));
  });
  return found ? exit_ok : unknown_endpoint(io, args[0]);
}

}  // namespace genwire::cli
