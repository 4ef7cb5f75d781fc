// tools/cli_call.hpp: `genwire call` and `genwire wait`, an endpoint called over HTTP(S) with the
// typed client (genwire::client), written against any endpoint_list like the other commands.
//
//   genwire call ENDPOINT [REQUEST|-] [--base-url URL] [--key KEY] [--all-pages] [--strict]
//                [--retries N] [--timeout-ms MS] [--ca-file FILE] [--path PARAMS]
//   genwire wait ENDPOINT [REQUEST|-] [same options but --all-pages] [--interval-ms MS] [--deadline-ms MS]
//
// Exit codes: 0 success, 1 API error or invalid response, 2 usage (bad arguments, an unreadable or
// invalid REQUEST, no API key), 3 transport error after the last retry (a wait's deadline too),
// 4 (wait) the job reached a failed state.
#pragma once

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cli.hpp"
#include "cli_io.hpp"

#if GENWIRE_CLI_HAS_CLIENT
#include <genwire/client.hpp>
#endif

namespace genwire::cli {

inline constexpr int exit_transport = 3;
inline constexpr int exit_job_failed = 4;

struct call_args {
  std::string_view endpoint;
  std::string_view request;  // a file, "-" for stdin, "" for the empty request
  std::string base_url, key, ca_file, path;
  bool all_pages = false, strict = false;
  std::optional<long long> retries, timeout_ms, interval_ms, deadline_ms;
};

// Parses call's (or, with `wait_flags`, wait's) arguments; the problem for a usage error, else "".
inline std::string parse_call_args(std::span<const std::string_view> args, bool wait_flags, call_args& out) {
  std::vector<std::string_view> positional;
  const auto number = [](std::string_view flag, std::string_view text, long long& v) -> std::string {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) return std::string(flag) + " needs a whole number >= 0, not " + std::string(text);
    return {};
  };
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (options_done || a.size() < 2 || a.front() != '-') {
      positional.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "--strict") {
      out.strict = true;
      continue;
    }
    if (a == "--all-pages" && !wait_flags) {
      out.all_pages = true;
      continue;
    }
    const bool valued = a == "--base-url" || a == "--key" || a == "--ca-file" || a == "--path" || a == "--retries" ||
                        a == "--timeout-ms" || (wait_flags && (a == "--interval-ms" || a == "--deadline-ms"));
    if (!valued) return "unknown option " + std::string(a);
    if (i + 1 >= args.size()) return std::string(a) + " needs a value";
    const std::string_view v = args[++i];
    long long n = 0;
    std::string problem;
    if (a == "--base-url") out.base_url = v;
    else if (a == "--key") out.key = v;
    else if (a == "--ca-file") out.ca_file = v;
    else if (a == "--path") out.path = v;
    else if ((problem = number(a, v, n)).empty()) {
      if (a == "--retries") out.retries = n;
      else if (a == "--timeout-ms") out.timeout_ms = n;
      else if (a == "--interval-ms") out.interval_ms = n;
      else out.deadline_ms = n;
    }
    if (!problem.empty()) return problem;
  }
  if (positional.empty()) return std::string(wait_flags ? "wait" : "call") + " needs ENDPOINT";
  if (positional.size() > 2) return std::string(wait_flags ? "wait" : "call") + " takes ENDPOINT and at most one REQUEST";
  out.endpoint = positional[0];
  if (positional.size() == 2) out.request = positional[1];
  return {};
}

#if GENWIRE_CLI_HAS_CLIENT

// "retry 1/2 after status 503, waiting 412 ms" (or a transport error, or a wait's next poll).
inline std::string retry_line(const genwire::client::retry_event& e) {
  std::string line = "genwire: ";
  line += e.scope == genwire::client::retry_scope::poll ? "poll " + std::to_string(e.retry) + " failed"
                                                         : "retry " + std::to_string(e.retry) + "/" + std::to_string(e.max_retries);
  line += e.failure ? " after transport error " + e.failure->message() : " after status " + std::to_string(e.status);
  line += ", waiting " + std::to_string(e.wait.count()) + " ms";
  if (e.server_asked) line += " (as the server asked)";
  return line;
}

template <class D>
int report_failure(const streams& io, const genwire::client::call_error<D>& e) {
  put_line(io.err, "genwire: " + e.message());
  switch (e.kind()) {
    case genwire::client::failure::api:
    case genwire::client::failure::invalid_response: return exit_invalid;
    case genwire::client::failure::transport: return exit_transport;
    case genwire::client::failure::invalid_request: return exit_usage;
  }
  return exit_invalid;
}

// The typed client of D's provider, set up from the command line.
template <class D>
genwire::client::client<genwire::client::provider_of<D>> client_for(const streams& io, const call_args& a) {
  using P = genwire::client::provider_of<D>;
  genwire::client::settings<P> s;
  if (!a.base_url.empty()) s.base_url = a.base_url;
  s.api_key = a.key;
  if (a.retries) s.retry.max_retries = static_cast<int>(*a.retries);
  if (a.timeout_ms) s.timeout = std::chrono::milliseconds(*a.timeout_ms);
  s.ca_file = a.ca_file;
  s.on_retry = [err = io.err](const genwire::client::retry_event& e) { put_line(err, retry_line(e)); };
  return genwire::client::client<P>(std::move(s));
}

// REQUEST and --path decoded with D's own types; the problem for a usage error, else "".
// Decision: no REQUEST is the empty request (a GET without parameters, `{}` for a JSON body) rather than stdin, so `genwire call flora.list_generations` does not wait on a terminal; a REQUEST that does not decode is a usage error (exit 2), exit 1 being the API's answers.
template <class D, options Opts>
std::string read_call_request(const streams& io, const call_args& a, typename D::request& rq, genwire::path_params_t<D>& path) {
  using P = genwire::client::provider_of<D>;
  if (a.key.empty() && !std::getenv(std::string(P::key_variable).c_str()))
    return "no API key for " + std::string(P::name) + ": pass --key KEY or set " + std::string(P::key_variable);
  if constexpr (std::same_as<genwire::path_params_t<D>, genwire::no_path_params>) {
    if (!a.path.empty()) return std::string(D::name) + " has no path parameters (its path is " + std::string(D::path) + ")";
  } else {
    if (a.path.empty()) return std::string(D::name) + " needs --path with its path parameters as a query string (" + std::string(D::path) + ")";
    auto p = genwire::decode_query<genwire::path_params_t<D>, Opts>(a.path);
    if (!p) return "--path: " + p.error().message();
    path = std::move(*p);
  }
  if (a.request.empty()) return {};
  std::string text, why;
  if (!read_input(a.request, io.in, text, why)) return why;
  if constexpr (D::request_in == request_location::query_string) {
    std::string_view q = trim_line_end(text);
    if (q.starts_with('?')) q.remove_prefix(1);
    auto r = genwire::decode_query<typename D::request, Opts>(q);
    if (!r) return "REQUEST: " + r.error().message();
    rq = std::move(*r);
  } else {
    auto r = genwire::decode<typename D::request, Opts>(text);
    if (!r) return "REQUEST: " + r.error().message();
    rq = std::move(*r);
  }
  return {};
}

template <class T, options Opts>
bool print_json(const streams& io, const T& value) {
  auto j = genwire::encode<Opts>(value);
  if (!j) return put_line(io.err, "genwire: cannot re-encode the answer: " + j.error().message()), false;
  put_line(io.out, *j);
  return true;
}

template <class D, options Opts>
int call_endpoint(const streams& io, const call_args& a) {
  typename D::request rq{};
  genwire::path_params_t<D> path{};
  if (auto problem = read_call_request<D, Opts>(io, a, rq, path); !problem.empty()) return usage_error(io, problem);
  auto c = client_for<D>(io, a);
  if (a.all_pages) {
    if constexpr (genwire::client::paged_endpoint<D>) {
      auto all = c.template items<D, Opts>(rq);
      for (const auto& item : all)
        if (!print_json<std::remove_cvref_t<decltype(item)>, Opts>(io, item)) return exit_invalid;
      return all.error() ? report_failure(io, *all.error()) : exit_ok;
    } else {
      return usage_error(io, std::string(D::name) + " has no pages (--all-pages)");
    }
  }
  auto r = [&] {
    if constexpr (std::same_as<genwire::path_params_t<D>, genwire::no_path_params>)
      return c.template call<D, Opts>(rq);
    else
      return c.template call<D, Opts>(path, rq);
  }();
  if (!r) return report_failure(io, r.error());
  return print_json<typename D::response, Opts>(io, *r) ? exit_ok : exit_invalid;
}

template <class D, options Opts>
int wait_endpoint(const streams& io, const call_args& a) {
  if constexpr (!genwire::client::polled_endpoint<D>) {
    return usage_error(io, std::string(D::name) + " is not a job's state to wait for");
  } else {
    typename D::request rq{};
    genwire::path_params_t<D> path{};
    if (auto problem = read_call_request<D, Opts>(io, a, rq, path); !problem.empty()) return usage_error(io, problem);
    auto c = client_for<D>(io, a);
    genwire::client::wait_options w;
    if (a.interval_ms) w.interval = std::chrono::milliseconds(*a.interval_ms);
    if (a.deadline_ms) w.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(*a.deadline_ms);
    bool printed = true;
    const auto each = [&](const typename D::response& state) { printed = print_json<typename D::response, Opts>(io, state) && printed; };
    auto r = [&] {
      if constexpr (std::same_as<genwire::path_params_t<D>, genwire::no_path_params>)
        return c.template wait<D, Opts>(rq, w, each);
      else
        return c.template wait<D, Opts>(path, rq, w, each);
    }();
    if (!r) return report_failure(io, r.error());
    if (!printed) return exit_invalid;
    // Decision: `wait` exits 4 when the job ends failed, so `genwire wait ... && next-step` stops there (0 is kept for success, 1 to 3 for the call's own failures).
    return genwire::summarize(*r).state == genwire::job_state::failed ? exit_job_failed : exit_ok;
  }
}

template <class Endpoints>
int run_network_command(const streams& io, std::span<const std::string_view> args, bool wait) {
  call_args a;
  if (auto problem = parse_call_args(args, wait, a); !problem.empty()) return usage_error(io, problem);
  int rc = exit_usage;
  const bool found = with_endpoint<Endpoints>(a.endpoint, [&]<class D>() {
    if (wait)
      rc = a.strict ? wait_endpoint<D, genwire::strict>(io, a) : wait_endpoint<D, genwire::lenient>(io, a);
    else
      rc = a.strict ? call_endpoint<D, genwire::strict>(io, a) : call_endpoint<D, genwire::lenient>(io, a);
  });
  if (!found) return usage_error(io, "unknown endpoint " + std::string(a.endpoint) + " (see genwire endpoints)");
  return rc;
}

#else

template <class Endpoints>
int run_network_command(const streams& io, std::span<const std::string_view>, bool) {
  return usage_error(io, "this genwire was built without the client (GENWIRE_BUILD_CLIENT, cpp-httplib and OpenSSL)");
}

#endif

template <class Endpoints>
int cmd_call(const streams& io, std::span<const std::string_view> args) {
  return run_network_command<Endpoints>(io, args, false);
}

template <class Endpoints>
int cmd_wait(const streams& io, std::span<const std::string_view> args) {
  return run_network_command<Endpoints>(io, args, true);
}

}  // namespace genwire::cli
