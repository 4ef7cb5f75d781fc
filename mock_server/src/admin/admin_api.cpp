#include "admin_api.hpp"

#include <stdexcept>

#include "../routing/answers.hpp"
#include "../text.hpp"
#include "admin_types.hpp"

namespace genwire::mock::detail {
namespace {

admin_endpoint describe(const prepared_endpoint& ep) {
  admin_endpoint out;
  out.name = std::string(ep.name);
  out.provider = std::string(ep.provider);
  out.method = std::string(genwire::to_string(ep.method));
  out.path = std::string(ep.path);
  out.allow = ep.allow;
  for (const auto& a : ep.auth) out.auth.push_back({std::string(a.header), std::string(a.prefix)});
  for (const auto& s : ep.statuses) {
    admin_code c;
    c.code = s.code;
    c.meaning = std::string(s.meaning);
    c.treat = std::string(genwire::to_string(s.treat));
    c.body = s.body.empty() ? "none" : s.body_origin == genwire::provenance::documented ? "documented" : "composed";
    c.source = std::string(genwire::to_string(s.source));
    for (const auto& h : s.headers)
      if (!h.name.empty()) c.headers.push_back({std::string(h.name), std::string(h.value)});
    out.codes.push_back(std::move(c));
  }
  for (const auto& e : ep.examples) {
    out.examples.emplace_back(e.name);
    if (!e.file.empty()) {
      const auto* a = ep.answer_for(e.status);
      out.example_files.push_back({e.name, e.status, e.file, a && a->body == e.body});
    }
  }
  return out;
}

// The fault settings and counters, in GET /__admin/state.
struct state_faults {
  std::uint32_t latency_min_ms = 0;
  std::uint32_t latency_max_ms = 0;
  double fail_rate = 0;
  double rate_limit = 0;
  double drop_rate = 0;
  std::uint64_t delayed = 0;
  std::uint64_t failed = 0;
  std::uint64_t rate_limited = 0;
  std::uint64_t dropped = 0;
};

struct state_body {
  std::string data;  // "documented", "realistic" or "custom"
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> items;
  std::optional<std::uint64_t> step_ms;
  std::optional<std::uint64_t> clock_steps;
  std::vector<realistic_store_size> stores;
  state_faults faults;
};

}  // namespace

admin_api::admin_api(const endpoint_table& table, genwire::mock::journal& journal, store& data, fault_injector& faults,
                     violation_log& violations, stats_source connections)
    : journal_(journal), data_(data), faults_(faults), violations_(violations), connections_(std::move(connections)), openapi_(table) {
  admin_endpoints all;
  for (const auto& r : table.routes()) all.endpoints.push_back(describe(r->entry()));
  auto text = genwire::encode(all);
  if (!text) throw std::logic_error("cannot encode the endpoint list: " + text.error().message());
  endpoints_json_ = std::move(*text);
}

response admin_api::state() const {
  store_state s = data_.state();
  state_body body{std::move(s.data), s.seed, s.items, s.step_ms, s.clock_steps, std::move(s.stores), {}};
  const fault_config& c = faults_.config();
  const fault_counters n = faults_.counters();
  body.faults = {c.latency_min_ms, c.latency_max_ms, c.fail_rate, c.rate_limit, c.drop_rate,
                 n.delayed,        n.failed,         n.rate_limited, n.dropped};
  return json_response(200, body);
}

response admin_api::openapi(const request& rq, std::optional<std::string_view> provider) const {
  // Decision: ?strict=true serves the document under genwire's strict rules (formats, closed enums, no unknown members), which realistic answers meet; the default rules, which every documented answer meets, otherwise.
  const std::optional<std::string> strict = genwire::query_parameter(rq.query, "strict");
  if (strict && *strict != "true" && *strict != "false")
    return mock_error(400, "bad-admin-query", "strict must be true or false, found \"" + utf8_safe(*strict) + "\"");
  const bool strict_rules = strict == "true";
  const std::string* doc = nullptr;
  if (!provider) doc = openapi_.find({}, strict_rules);
  else if (!provider->empty()) doc = openapi_.find(*provider, strict_rules);
  if (!doc)
    return mock_error(404, "unknown-provider",
                      "no OpenAPI document for provider \"" + utf8_safe(*provider) + "\" (served: " + openapi_.providers() + ")");
  return response{200, {{"Content-Type", std::string(json_type)}}, *doc};
}

response admin_api::handle(const request& rq) const {
  const std::string_view what = std::string_view(rq.path).substr(admin_prefix.size());
  const auto not_allowed = [&](std::string allow) {
    response r = mock_error(405, "admin-method", rq.method + " is not supported on " + rq.path);
    r.set_header("Allow", std::move(allow));
    return r;
  };
  const bool get = rq.method == "GET" || rq.method == "HEAD";
  if (what == "endpoints") {
    if (!get) return not_allowed("GET, HEAD");
    return response{200, {{"Content-Type", std::string(json_type)}}, endpoints_json_};
  }
  if (what == "openapi.json" || (what.starts_with("openapi/") && what.ends_with(".json"))) {
    if (!get) return not_allowed("GET, HEAD");
    constexpr std::string_view dir = "openapi/", ext = ".json";
    if (what == "openapi.json") return openapi(rq, std::nullopt);
    return openapi(rq, what.substr(dir.size(), what.size() - dir.size() - ext.size()));
  }
  if (what == "requests") {
    if (get) return json_response(200, journal_.snapshot());
    if (rq.method == "DELETE") return json_response(200, admin_cleared{journal_.clear()});
    return not_allowed("GET, HEAD, DELETE");
  }
  if (what == "violations") {
    if (get) return json_response(200, violations_.snapshot());
    if (rq.method == "DELETE") {
      violations_.clear();
      return json_response(200, violations_.snapshot());
    }
    return not_allowed("GET, HEAD, DELETE");
  }
  if (what == "state") {
    if (!get) return not_allowed("GET, HEAD");
    return state();
  }
  if (what == "stats") {
    if (!get) return not_allowed("GET, HEAD");
    return json_response(200, connections_ ? connections_() : connection_stats{});
  }
  if (what == "reset") {
    if (rq.method != "POST") return not_allowed("POST");
    data_.reset();
    faults_.reset();
    return state();
  }
  return mock_error(404, "unknown-admin", "no admin resource at " + rq.path +
                                              " (known: /__admin/endpoints, /__admin/openapi.json,"
                                              " /__admin/openapi/{provider}.json, /__admin/requests, /__admin/violations, /__admin/state,"
                                              " /__admin/stats, /__admin/reset)");
}

}  // namespace genwire::mock::detail
