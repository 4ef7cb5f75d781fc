// flora_pager: lists every page of FLORA's generation history, passing meta.next_cursor back as
// ?cursor= until it is empty, and retrying the way FLORA's official SDK does (connection errors,
// 408, 409, 429 and >= 500; retry-after-ms, then retry-after, else 0.5 s x 2^n capped at 8 s).
//
//   flora_pager http://127.0.0.1:8080 gw_test_read [--limit N] [--status S] [--project ID]
//               [--workspace ID] [--max-retries N] [--backoff-ms MS]
//
// Prints one line per generation ("run_... completed 100") and a last line
// "pages=P generations=G total_estimate=T". Exit status 0 on success, 1 on an error, 2 on usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include <httplib.h>

#include <genwire/genwire.hpp>

namespace {

namespace fl = genwire::flora;

struct options {
  std::string base_url;
  std::string key;
  fl::list_generations_query query;
  int max_retries = 2;  // the SDK's default
  long backoff_ms = 500;
};

int usage() {
  std::fputs("usage: flora_pager BASE_URL API_KEY [--limit N] [--status pending|running|completed|failed] [--project ID]\n"
             "                   [--workspace ID] [--max-retries N] [--backoff-ms MS]\n",
             stderr);
  return 2;
}

bool retryable(int status) { return status == 408 || status == 409 || status == 429 || status >= 500; }

// How long to wait before retry `attempt` (0-based): the server's hint when it gives one.
std::chrono::milliseconds delay(const httplib::Result& res, int attempt, long backoff_ms) {
  if (res) {
    if (res->has_header("retry-after-ms")) return std::chrono::milliseconds(std::atol(res->get_header_value("retry-after-ms").c_str()));
    if (res->has_header("Retry-After")) return std::chrono::seconds(std::atol(res->get_header_value("Retry-After").c_str()));
  }
  const double base = std::min(8000.0, static_cast<double>(backoff_ms) * static_cast<double>(1L << std::min(attempt, 20)));
  static std::mt19937 jitter_source{std::random_device{}()};
  const double jitter = 1.0 - std::uniform_real_distribution<double>(0.0, 0.25)(jitter_source);
  return std::chrono::milliseconds(static_cast<long>(base * jitter));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  options o;
  o.base_url = argv[1];
  o.key = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (flag == "--limit") {
      o.query.limit = std::atoll(value.c_str());
    } else if (flag == "--status") {
      // The query type's own decoder validates the value, as it would validate a whole query string.
      auto q = genwire::decode_query<fl::list_generations_query>("status=" + value);
      if (!q) return usage();
      o.query.status = q->status;
    } else if (flag == "--project") {
      o.query.project_id = value;
    } else if (flag == "--workspace") {
      o.query.workspace_id = value;
    } else if (flag == "--max-retries") {
      o.max_retries = std::atoi(value.c_str());
    } else if (flag == "--backoff-ms") {
      o.backoff_ms = std::atol(value.c_str());
    } else {
      return usage();
    }
  }

  httplib::Client cli(o.base_url);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(60, 0);  // the SDK's timeout
  const httplib::Headers headers{{"Authorization", "Bearer " + o.key}, {"Accept", "application/json"}};

  long pages = 0, generations = 0;
  double total_estimate = 0;
  for (;;) {
    auto qs = genwire::encode_query(o.query);
    if (!qs) {
      std::fprintf(stderr, "cannot encode the query: %s\n", qs.error().message().c_str());
      return 1;
    }
    const std::string target = std::string(fl::list_generations_endpoint::path) + (qs->empty() ? "" : "?" + *qs);

    httplib::Result res = cli.Get(target, headers);
    for (int attempt = 0; (!res || retryable(res->status)) && attempt < o.max_retries; ++attempt) {
      const auto wait = delay(res, attempt, o.backoff_ms);
      std::printf("retry %s wait_ms=%lld\n", res ? ("status=" + std::to_string(res->status)).c_str() : "connection-error",
                  static_cast<long long>(wait.count()));
      std::this_thread::sleep_for(wait);
      res = cli.Get(target, headers);
    }
    if (!res) {
      std::fprintf(stderr, "request failed: %s\n", httplib::to_string(res.error()).c_str());
      return 1;
    }
    if (res->status != 200) {
      std::fprintf(stderr, "HTTP %d: %s\n", res->status, res->body.c_str());
      return 1;
    }
    // Lenient decoding, as a client should: an unknown status or a new member must not stop it.
    auto page = genwire::decode<fl::list_generations_response>(res->body);
    if (!page) {
      std::fprintf(stderr, "unexpected page: %s\n", page.error().message().c_str());
      return 1;
    }
    ++pages;
    for (const auto& g : page->generations) {
      ++generations;
      const auto s = genwire::summarize(g);
      std::printf("%s %s %g\n", g.generation_id.c_str(), s.raw_status.c_str(), g.progress);
    }
    if (page->meta.total_estimate) total_estimate = page->meta.total_estimate->value;
    // next_cursor: a required string in the reference, string|null (or absent) in the SDK; a
    // falsy one ends the walk.
    const auto& next = page->meta.next_cursor;
    if (!next || !next->has_value() || (*next)->empty()) break;
    o.query.cursor = **next;
  }
  std::printf("pages=%ld generations=%ld total_estimate=%g\n", pages, generations, total_estimate);
  return 0;
}
