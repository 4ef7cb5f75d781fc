#include "router.hpp"

#include <exception>
#include <stdexcept>
#include <utility>

#include "admin.hpp"
#include "realistic/admin.hpp"

namespace genwire::mock::detail {
namespace {

constexpr std::string_view admin_prefix = "/__admin/";

bool wanted(const server_config& config, std::string_view provider) {
  if (config.providers.empty()) return true;
  for (const auto& p : config.providers)
    if (iequals(p, provider)) return true;
  return false;
}

std::string treat_text(genwire::treatment t) { return std::string(genwire::to_string(t)); }

admin_endpoint describe_route(const route& r) {
  const endpoint_info& ep = r.info();
  admin_endpoint out;
  out.name = ep.id;
  out.provider = std::string(ep.provider);
  out.method = std::string(genwire::to_string(ep.method));
  out.path = std::string(ep.path);
  out.allow = ep.allow;
  for (const auto& a : ep.auth) out.auth.push_back({std::string(a.header), std::string(a.prefix)});
  for (const auto& s : ep.statuses) {
    admin_code c;
    c.code = s.code;
    c.meaning = std::string(s.meaning);
    c.treat = treat_text(s.treat);
    c.body = s.body.empty() ? "none" : s.body_origin == genwire::provenance::documented ? "documented" : "composed";
    for (const auto& h : s.headers)
      if (!h.name.empty()) c.headers.push_back({std::string(h.name), std::string(h.value)});
    out.codes.push_back(std::move(c));
  }
  for (const auto& e : ep.examples) out.examples.emplace_back(e.name);
  return out;
}

}  // namespace

router::router(const server_config& config)
    : data_(config.data),
      faults_(config.faults ? config.faults : std::make_shared<fault_injector>()),
      journal_(config.journal_capacity) {
  for (const auto& p : config.providers) {
    bool known = false;
    genwire::all_endpoints::for_each([&]<class D>() { known = known || iequals(p, D::provider); });
    if (!known) {
      std::string list;
      genwire::all_endpoints::for_each([&]<class D>() {
        if (list.find(std::string(D::provider)) == std::string::npos) list += (list.empty() ? "" : ", ") + std::string(D::provider);
      });
      throw std::invalid_argument("unknown provider \"" + p + "\" (known: " + list + ")");
    }
  }
  genwire::all_endpoints::for_each([&]<class D>() {
    if (!wanted(config, D::provider)) return;
    routes_.push_back(std::make_unique<endpoint_route<D>>(policy_for(D::provider)));
  });
  for (const auto& r : routes_) {
    if (!by_path_.emplace(r->info().path, r.get()).second)
      throw std::logic_error("two endpoints share the path " + std::string(r->info().path));
  }
  if (config.builtin_keys)
    for (auto& k : builtin_keys()) keys_.insert_or_assign(k.key, k);
  for (const auto& k : config.keys) keys_.insert_or_assign(k.key, k);

  admin_endpoints all;
  for (const auto& r : routes_) all.endpoints.push_back(describe_route(*r));
  auto text = genwire::encode(all);
  if (!text) throw std::logic_error("cannot encode the endpoint list: " + text.error().message());
  endpoints_json_ = std::move(*text);
}

response router::handle(const request& rq) noexcept {
  try {
    const route* matched = nullptr;
    response r = dispatch(rq, matched);
    if (!rq.path.starts_with(admin_prefix)) record(rq, r, matched);
    return r;
  } catch (const std::exception& e) {
    return mock_error(500, "internal", std::string("the mock failed: ") + e.what());
  } catch (...) {
    return mock_error(500, "internal", "the mock failed");
  }
}

response router::transport_error(int status, const request& rq) noexcept {
  try {
    const route* matched = nullptr;
    response r;
    if (status == 413) {
      if (auto it = by_path_.find(rq.path); it != by_path_.end()) {
        matched = it->second;
        r = matched->policy().too_large(matched->info());
        matched->policy().decorate(matched->info(), rq, r);
      } else {
        r = mock_error(413, "body-too-large", "the request body is over the mock's size limit");
      }
    } else if (status == 414) {
      r = mock_error(414, "uri-too-long", "the request line is over the HTTP layer's limit");
    } else {
      r = mock_error(status, "malformed-request", "the HTTP layer could not read this request (request line or headers)");
    }
    record(rq, r, matched);
    return r;
  } catch (...) {
    return response{status, {}, {}};
  }
}

void router::record(const request& rq, const response& r, const route* matched) noexcept {
  try {
    journal_.record(rq.method, rq.path, rq.query, rq.headers, rq.body, r.status,
                    matched ? std::string_view(matched->info().id) : std::string_view());
  } catch (...) {
    // Out of memory while journaling: the answer still goes out.
  }
}

response router::dispatch(const request& rq, const route*& matched) {
  if (rq.path.starts_with(admin_prefix)) return admin(rq);
  const auto it = by_path_.find(rq.path);
  if (it == by_path_.end()) {
    std::string paths;
    for (const auto& r : routes_) paths += (paths.empty() ? "" : ", ") + std::string(r->info().path);
    return mock_error(404, "unknown-route", "no endpoint at " + rq.path + " (served: " + paths + ")");
  }
  matched = it->second;
  // Faults (latency, --fail-rate, --rate-limit, --drop-rate, Prefer: latency) strike before the
  // endpoint looks at the request, as an overloaded service's do.
  if (auto fault = faults_->before(rq, matched->info().id)) {
    if (!fault->header_value(drop_header)) matched->policy().decorate(matched->info(), rq, *fault);
    return std::move(*fault);
  }
  return matched->handle(rq, keys_, data_.get());
}

response router::admin(const request& rq) {
  const std::string_view what = std::string_view(rq.path).substr(admin_prefix.size());
  const auto not_allowed = [&](std::string allow) {
    response r = mock_error(405, "admin-method", rq.method + " is not supported on " + rq.path);
    r.set_header("Allow", std::move(allow));
    return r;
  };
  if (what == "endpoints") {
    if (rq.method != "GET" && rq.method != "HEAD") return not_allowed("GET, HEAD");
    return response{200, {{"Content-Type", std::string(json_type)}}, endpoints_json_};
  }
  if (what == "requests") {
    if (rq.method == "GET" || rq.method == "HEAD") {
      journal_page page = journal_.snapshot();
      return json_response(200, page);
    }
    if (rq.method == "DELETE") return json_response(200, admin_cleared{journal_.clear()});
    return not_allowed("GET, HEAD, DELETE");
  }
  if (what == "state") {
    if (rq.method != "GET" && rq.method != "HEAD") return not_allowed("GET, HEAD");
    return realistic_state(data_.get(), faults_.get());
  }
  if (what == "reset") {
    if (rq.method != "POST") return not_allowed("POST");
    return realistic_reset(data_.get(), faults_.get());
  }
  return mock_error(404, "unknown-admin", "no admin resource at " + rq.path +
                                              " (known: /__admin/endpoints, /__admin/requests, /__admin/state,"
                                              " /__admin/reset)");
}

}  // namespace genwire::mock::detail
