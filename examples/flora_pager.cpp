// flora_pager: every page of FLORA's generation history on genwire's typed client, which passes
// meta.next_cursor back as ?cursor= until it is empty and retries as FLORA's official SDK does
// (connection errors, 408, 409, 429 and >= 500; retry-after-ms, then retry-after, else
// 0.5 s x 2^n capped at 8 s).
//
//   flora_pager http://127.0.0.1:8080 gw_test_read [--limit N] [--status S] [--project ID]
//               [--workspace ID] [--max-retries N] [--backoff-ms MS]
//
// Prints one line per generation ("run_... completed 100"), "retry status=503 wait_ms=500" (or
// "retry connection-error wait_ms=...") per retry, and a last line
// "pages=P generations=G total_estimate=T". Exit status 0 on success, 1 on an error, 2 on usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <genwire/client.hpp>

namespace {

namespace fl = genwire::flora;

int usage() {
  std::fputs("usage: flora_pager BASE_URL API_KEY [--limit N] [--status pending|running|completed|failed] [--project ID]\n"
             "                   [--workspace ID] [--max-retries N] [--backoff-ms MS]\n",
             stderr);
  return 2;
}

void print_retry(const genwire::client::retry_event& e) {
  const std::string what = e.failure ? "connection-error" : "status=" + std::to_string(e.status);
  std::printf("retry %s wait_ms=%lld\n", what.c_str(), static_cast<long long>(e.wait.count()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  genwire::client::settings<genwire::client::providers::flora> settings;
  settings.base_url = argv[1];
  settings.api_key = argv[2];
  settings.on_retry = print_retry;
  fl::list_generations_query query;
  for (int i = 3; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (flag == "--limit") {
      query.limit = std::atoll(value.c_str());
    } else if (flag == "--status") {
      // The query type's own decoder validates the value, as it would validate a whole query string.
      auto q = genwire::decode_query<fl::list_generations_query>("status=" + value);
      if (!q) return usage();
      query.status = q->status;
    } else if (flag == "--project") {
      query.project_id = value;
    } else if (flag == "--workspace") {
      query.workspace_id = value;
    } else if (flag == "--max-retries") {
      settings.retry.max_retries = std::atoi(value.c_str());
    } else if (flag == "--backoff-ms") {
      settings.retry.initial_backoff = std::chrono::milliseconds(std::atol(value.c_str()));
    } else {
      return usage();
    }
  }

  genwire::client::flora_client flora(std::move(settings));
  auto all = flora.items<fl::list_generations_endpoint>(query);
  long generations = 0;
  for (const fl::generation& g : all) {
    ++generations;
    std::printf("%s %s %g\n", g.generation_id.c_str(), genwire::summarize(g).raw_status.c_str(), g.progress);
  }
  if (all.error()) {
    std::fprintf(stderr, "%s\n", all.error()->message().c_str());
    return 1;
  }
  const auto* last = all.last_page();
  const double total = last && last->meta.total_estimate ? last->meta.total_estimate->value : 0;
  std::printf("pages=%zu generations=%ld total_estimate=%g\n", all.pages(), generations, total);
  return 0;
}
