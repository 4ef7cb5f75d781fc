// genwire-mock: every documented endpoint on one port, with the built-in test keys.
#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <sstream>
#include <string>
#include <string_view>

#include <genwire/mock/realistic.hpp>
#include <genwire/mock/server.hpp>

namespace {

// The providers of genwire::all_endpoints, comma-separated, each once.
std::string provider_names() {
  std::string out;
  genwire::all_endpoints::for_each([&]<class D>() {
    const std::string name(D::provider);
    if (("," + out + ",").find("," + name + ",") == std::string::npos) out += (out.empty() ? "" : ",") + name;
  });
  return out;
}

const std::string usage = R"(usage: genwire-mock [options]

Serves every endpoint of genwire::all_endpoints at its real path (providers: )" + provider_names() + R"().

  --host HOST        address to listen on (default 127.0.0.1)
  --port N           port (default 8080; 0 picks a free one)
  --provider NAME    serve only this provider (repeat, or comma-separate)
  --config FILE      more API keys: {"keys":[{"key":"...","active":true,"read":true,"owns_examples":true}]}
  --journal N        keep the last N requests for GET /__admin/requests (default 1000; 0: off)
  --threads N        worker threads, each answering one complete request at a time
                     (default max(128, 8 x CPUs)); idle and slow connections hold none
  --max-connections N  connections open at once; more are closed at once (default 4096)
  --header-timeout-ms MS  a whole request must arrive within MS of its first byte, else the
                     connection is closed (default 10000)
  --max-body BYTES   largest request body (default 1048576)
  --tls-cert FILE    serve HTTPS with this PEM certificate (needs --tls-key)
  --tls-key FILE     the certificate's PEM private key
  --cors             let pages on any origin call every endpoint (204 preflights allowing the
                     auth headers, Content-Type and Prefer; Access-Control-Allow-Origin on every
                     answer); default: each provider as documented
  --proxy PROVIDER=URL  forward PROVIDER's endpoint requests to URL (repeat per provider) and
                     check every answer with the models (X-Genwire-Violations, journal,
                     GET /__admin/violations); other providers stay mocked
  --upstream-ca-file FILE  PEM CAs an HTTPS upstream is checked against (default: system store)
  --upstream-timeout-ms MS  for the whole exchange with the upstream (default 60000)
  --proxy-fail-on-violation  answer a 502 mock error instead of an answer the models refuse
  --record DIR       write each distinct proxied answer the models accept to DIR as an
                     example file (needs --proxy)
  --examples DIR     serve the example files in DIR beside the documented examples (repeat)
  --quiet            no per-request log line
  --help             this text

Built-in keys: gw_test_read, gw_test_inactive, gw_test_noread, gw_test_other.
)";

struct usage_error {
  std::string message;
};

template <class T>
T number(std::string_view flag, std::string_view text) {
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) throw usage_error{std::string(flag) + ": not a number: " + std::string(text)};
  return v;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{"--config: cannot read " + path};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

genwire::mock::server_config parse_args(int argc, char** argv, bool& quiet) {
  genwire::mock::server_config c;
  genwire::mock::realistic_options realistic;
  c.port = 8080;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) throw usage_error{std::string(arg) + " needs a value"};
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << usage << '\n' << genwire::mock::realistic_usage;
      std::exit(0);
    } else if (arg == "--host") {
      c.host = std::string(value());
    } else if (arg == "--port") {
      c.port = number<int>(arg, value());
      if (c.port < 0 || c.port > 65535) throw usage_error{"--port: must be 0..65535"};
    } else if (arg == "--provider") {
      std::string_view list = value();
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        if (comma != 0) c.providers.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      }
    } else if (arg == "--config") {
      const std::string path(value());
      auto keys = genwire::mock::parse_config(read_file(path));
      if (!keys) throw usage_error{"--config " + path + ": " + keys.error().message()};
      for (auto& k : *keys) c.keys.push_back(std::move(k));
    } else if (arg == "--journal") {
      c.journal_capacity = number<std::size_t>(arg, value());
    } else if (arg == "--threads") {
      c.threads = number<std::size_t>(arg, value());
      if (c.threads == 0) throw usage_error{"--threads: must be at least 1"};
    } else if (arg == "--max-connections") {
      c.max_connections = number<std::size_t>(arg, value());
      if (c.max_connections == 0) throw usage_error{"--max-connections: must be at least 1"};
    } else if (arg == "--header-timeout-ms") {
      const auto ms = number<long long>(arg, value());
      if (ms < 1 || ms > 3'600'000) throw usage_error{"--header-timeout-ms: must be 1..3600000"};
      c.header_timeout = std::chrono::milliseconds(ms);
    } else if (arg == "--max-body") {
      c.max_body_bytes = number<std::size_t>(arg, value());
    } else if (arg == "--tls-cert") {
      c.tls_cert_file = std::string(value());
    } else if (arg == "--tls-key") {
      c.tls_key_file = std::string(value());
    } else if (arg == "--cors") {
      c.cors = true;
    } else if (arg == "--proxy") {
      const std::string_view spec = value();
      const std::size_t eq = spec.find('=');
      if (eq == 0 || eq == std::string_view::npos || eq + 1 == spec.size())
        throw usage_error{"--proxy: expected PROVIDER=URL, found " + std::string(spec)};
      c.proxies.push_back({std::string(spec.substr(0, eq)), std::string(spec.substr(eq + 1))});
    } else if (arg == "--upstream-ca-file") {
      c.upstream_ca_file = std::string(value());
    } else if (arg == "--upstream-timeout-ms") {
      const auto ms = number<long long>(arg, value());
      if (ms < 1 || ms > 3'600'000) throw usage_error{"--upstream-timeout-ms: must be 1..3600000"};
      c.upstream_timeout = std::chrono::milliseconds(ms);
    } else if (arg == "--proxy-fail-on-violation") {
      c.proxy_fail_on_violation = true;
    } else if (arg == "--record") {
      c.record_dir = std::string(value());
    } else if (arg == "--examples") {
      c.example_dirs.emplace_back(value());
    } else if (arg == "--quiet" || arg == "-q") {
      quiet = true;
    } else if (genwire::mock::is_realistic_flag(arg)) {
      try {
        genwire::mock::apply_realistic_flag(realistic, arg, value());
      } catch (const std::invalid_argument& e) {
        throw usage_error{e.what()};
      }
    } else {
      throw usage_error{"unknown option " + std::string(arg)};
    }
  }
  if (c.tls_cert_file.empty() != c.tls_key_file.empty()) throw usage_error{"--tls-cert and --tls-key go together"};
  // Decision: --record without --proxy is a usage error, since there would be nothing to record.
  if (!c.record_dir.empty() && c.proxies.empty()) throw usage_error{"--record records proxied answers: it needs --proxy"};
  genwire::mock::apply_realistic_options(c, realistic);
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  bool quiet = false;
  genwire::mock::server_config config;
  try {
    config = parse_args(argc, argv, quiet);
  } catch (const usage_error& e) {
    std::cerr << "genwire-mock: " << e.message << "\n\n" << usage << '\n' << genwire::mock::realistic_usage;
    return 2;
  }
  if (!quiet) {
    config.log = [](std::string_view line) {
      static std::mutex m;
      const std::lock_guard lock(m);
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    };
  }

  // Signals are taken synchronously by this thread (sigwait), so the workers started below inherit
  // the blocked mask and the stop runs outside any signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  try {
    genwire::mock::server srv(std::move(config));
    srv.start();
    std::printf("genwire-mock listening on %s\n", srv.base_url().c_str());
    std::printf("keys: gw_test_read (read, owns the examples), gw_test_other (owns nothing), "
                "gw_test_inactive, gw_test_noread; admin: /__admin/endpoints, /__admin/openapi.json, "
                "/__admin/openapi/{provider}.json, /__admin/requests, /__admin/violations, /__admin/state, /__admin/stats, "
                "/__admin/reset\n");
    std::fflush(stdout);
    int sig = 0;
    sigwait(&stop_signals, &sig);
    srv.stop();
    std::fprintf(stderr, "genwire-mock: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
  } catch (const std::invalid_argument& e) {  // e.g. an unknown --provider
    std::cerr << "genwire-mock: " << e.what() << '\n';
    return 2;
  } catch (const genwire::mock::start_error& e) {
    std::cerr << "genwire-mock: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "genwire-mock: " << e.what() << '\n';
    return 1;
  }
}
