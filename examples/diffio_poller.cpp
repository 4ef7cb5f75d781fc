// diffio_poller: waits for a Diffio generation on genwire's typed client, which polls
// get_generation_progress until it is complete or failed as Diffio's official SDKs do (every 2 s;
// retries on 408, 429, 500, 502, 503, 504 and connection errors with 0.5 s x 2^n backoff) and
// honours Retry-After.
//
//   diffio_poller http://127.0.0.1:8080 gw_test_read gen-... [--project proj-...]
//                 [--interval-ms MS] [--max-retries N] [--backoff-ms MS] [--max-polls N]
//
// Prints "status=processing progress=45 stages=preProcessing:complete,inference:running" per poll,
// "retry status=500 wait_ms=500" per retry, and at the end "final=complete" or
// "final=failed error=...". Exit status: 0 complete, 3 failed, 1 error, 2 usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include <genwire/client.hpp>

namespace {

namespace dif = genwire::diffio;

int usage() {
  std::fputs("usage: diffio_poller BASE_URL API_KEY GENERATION_ID [--project ID] [--interval-ms MS]\n"
             "                     [--max-retries N] [--backoff-ms MS] [--max-polls N]\n",
             stderr);
  return 2;
}

void print_retry(const genwire::client::retry_event& e) {
  const std::string what = e.failure ? "connection-error" : std::to_string(e.status);
  std::printf("retry status=%s wait_ms=%lld\n", what.c_str(), static_cast<long long>(e.wait.count()));
  std::fflush(stdout);
}

std::string stages_of(const dif::get_generation_progress_response& r) {
  std::string out;
  const auto add = [&](std::string_view name, const std::optional<dif::stage>& s) {
    if (!s) return;
    out += (out.empty() ? "" : ",") + std::string(name) + ":" + std::string(genwire::enum_name(s->status));
  };
  add("preProcessing", r.pre_processing);
  add("inference", r.inference);
  add("restoredVideo", r.restored_video);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  genwire::client::settings<genwire::client::providers::diffio> settings;
  settings.base_url = argv[1];
  settings.api_key = argv[2];
  settings.on_retry = print_retry;
  settings.retry.max_retries = 4;  // the SDK's default is none; a poller rides out a few failures
  dif::get_generation_progress_request request{argv[3], std::nullopt};
  genwire::client::wait_options wait;
  long max_polls = 1000;
  for (int i = 4; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (flag == "--project")
      request.api_project_id = value;
    else if (flag == "--interval-ms")
      wait.interval = std::chrono::milliseconds(std::atol(value.c_str()));
    else if (flag == "--max-retries")
      settings.retry.max_retries = std::atoi(value.c_str());
    else if (flag == "--backoff-ms")
      settings.retry.initial_backoff = std::chrono::milliseconds(std::atol(value.c_str()));
    else if (flag == "--max-polls")
      max_polls = std::atol(value.c_str());
    else
      return usage();
  }

  genwire::client::diffio_client diffio(std::move(settings));
  std::stop_source give_up;
  wait.stop = give_up.get_token();
  long polls = 0;
  auto done = diffio.wait<dif::get_generation_progress_endpoint>(request, wait, [&](const dif::get_generation_progress_response& r) {
    const genwire::job_summary s = genwire::summarize(r);
    std::printf("status=%s progress=%.0f stages=%s\n", s.raw_status.c_str(), s.progress.value_or(0) * 100, stages_of(r).c_str());
    std::fflush(stdout);
    if (++polls >= max_polls) give_up.request_stop();
  });
  if (!done) {
    std::fprintf(stderr, "%s\n", polls >= max_polls ? ("gave up after " + std::to_string(polls) + " polls").c_str()
                                                    : done.error().message().c_str());
    return 1;
  }
  if (done->status == dif::generation_status::complete) return std::puts("final=complete"), 0;
  std::printf("final=failed error=%s\n", done->error && done->error->has_value() ? (*done->error)->c_str() : "");
  return 3;
}
