#include "proxy.hpp"

#include <stdexcept>

#include "../routing/answers.hpp"
#include "../text.hpp"

namespace genwire::mock::detail {
namespace {

std::string known_providers() {
  std::string list;
  genwire::all_endpoints::for_each([&]<class D>() {
    if (("," + list + ",").find("," + std::string(D::provider) + ",") == std::string::npos)
      list += (list.empty() ? "" : ",") + std::string(D::provider);
  });
  return list;
}

bool modelled(std::string_view provider) {
  bool found = false;
  genwire::all_endpoints::for_each([&]<class D>() { found = found || iequals(D::provider, provider); });
  return found;
}

std::string_view failure_kind(upstream_failure f) {
  switch (f) {
    case upstream_failure::unreachable: return "upstream-unreachable";
    case upstream_failure::timeout: return "upstream-timeout";
    case upstream_failure::dropped: return "upstream-dropped";
    case upstream_failure::tls: return "upstream-tls";
    case upstream_failure::none: break;
  }
  return "upstream";
}

std::string listed(const std::vector<journal_violation>& vs) {
  std::string out;
  for (const auto& v : vs) {
    if (v.strict_only) continue;
    out += (out.empty() ? "" : "; ") + v.path + ": expected " + v.expected;
    if (!v.found.empty()) out += ", found " + v.found;
    out += " (offset " + std::to_string(v.offset) + ")";
  }
  return out;
}

}  // namespace

proxy::proxy(const server_config& config, violation_log& log)
    : client_(config.upstream_ca_file, config.upstream_timeout), log_(log), fail_on_violation_(config.proxy_fail_on_violation) {
  for (const auto& p : config.proxies) {
    if (!modelled(p.provider)) throw std::invalid_argument("--proxy: unknown provider \"" + p.provider + "\" (known: " + known_providers() + ")");
    if (serves(p.provider)) throw std::invalid_argument("--proxy: provider \"" + p.provider + "\" is named twice");
    targets_.emplace_back(p.provider, parse_upstream_url(p.url));
  }
  if (!config.record_dir.empty()) recorder_ = std::make_unique<recorder>(config.record_dir);
}

bool proxy::serves(std::string_view provider) const noexcept {
  for (const auto& t : targets_)
    if (iequals(t.first, provider)) return true;
  return false;
}

proxied proxy::forward(const prepared_endpoint& ep, const request& rq) {
  proxied out;
  try {
    const upstream_url* to = nullptr;
    for (const auto& t : targets_)
      if (iequals(t.first, ep.provider)) to = &t.second;
    if (!to) {
      out.answer = mock_error(500, "internal", std::string(ep.provider) + " is not proxied", &ep);
      return out;
    }
    upstream_reply u = client_.send(*to, rq, ep.auth);
    out.upstream = {utf8_safe(u.url), u.status, u.time_ms};
    // Decision: an upstream that fails is a 502/504 (the gateway statuses of RFC 9110), not the mock's 501, because the mock is the gateway here; X-Genwire-Mock-Error tells it from a provider's own 502.
    if (u.failure != upstream_failure::none) {
      out.answer = mock_error(u.failure == upstream_failure::timeout ? 504 : 502, failure_kind(u.failure),
                              "upstream " + u.url + ": " + u.why, &ep);
      return out;
    }
    // Decision: answers to a method the endpoint does not have (HEAD, OPTIONS, a 405) pass back unchecked: their bodies are no model's.
    const bool own_method = rq.method == genwire::to_string(ep.method);
    bool refused = false;
    if (own_method) {
      answer_check c = ep.check(u.status, u.body);
      out.violations = std::move(c.violations);
      log_.add(ep.name, u.status, out.violations);
      for (const auto& v : out.violations) refused = refused || !v.strict_only;
      // Decision: --record keeps only answers --examples can serve again (documented status, accepted by the default rules); the others are in the journal and /__admin/violations.
      if (recorder_ && c.documented_status && !refused) recorder_->record(ep, rq, u.status, u.headers, u.body);
    }
    // Decision: --proxy-fail-on-violation fails only answers the default rules refuse (what a genwire client decoding by default would fail on); strict-only findings are reported, not failed.
    if (refused && fail_on_violation_) {
      out.answer = mock_error(502, "upstream-violation",
                              "upstream " + u.url + " answered " + std::to_string(u.status) + " that the models refuse: " + listed(out.violations),
                              &ep);
    } else {
      out.answer = response{u.status, std::move(u.headers), std::move(u.body)};
    }
    if (own_method) out.answer.set_header(std::string(violations_header), std::to_string(out.violations.size()));
  } catch (const std::exception& e) {
    out.answer = mock_error(500, "internal", std::string("the proxy failed: ") + e.what(), &ep);
  }
  return out;
}

}  // namespace genwire::mock::detail
