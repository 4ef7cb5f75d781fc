// diffio_poller: polls Diffio's get_generation_progress until the generation is complete or
// failed, as Diffio's official SDKs do (wait_for_generation polls every 2 s; retries on 408, 429,
// 500, 502, 503, 504 and connection errors with 0.5 s x 2^n backoff), honouring Retry-After.
//
//   diffio_poller http://127.0.0.1:8080 gw_test_read gen-... [--project proj-...]
//                 [--interval-ms MS] [--max-retries N] [--backoff-ms MS] [--max-polls N]
//
// Prints "status=processing progress=45 stages=preProcessing:complete,inference:running" per poll,
// "retry status=500 wait_ms=500" per retry, and at the end "final=complete" or
// "final=failed error=...". Exit status: 0 complete, 3 failed, 1 error, 2 usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

#include <httplib.h>

#include <genwire/genwire.hpp>

namespace {

namespace dif = genwire::diffio;

int usage() {
  std::fputs("usage: diffio_poller BASE_URL API_KEY GENERATION_ID [--project ID] [--interval-ms MS]\n"
             "                     [--max-retries N] [--backoff-ms MS] [--max-polls N]\n",
             stderr);
  return 2;
}

bool retryable(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::string stage_text(std::string_view name, const std::optional<dif::stage>& s) {
  if (!s) return {};
  std::string out(name);
  out += ':';
  if (s->status.known()) {
    out += genwire::reflect::enum_names<dif::stage_status>[static_cast<std::size_t>(s->status.value())];
  } else {
    out += s->status.unknown_text();
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  const std::string base_url = argv[1], key = argv[2];
  dif::get_generation_progress_request request{argv[3], std::nullopt};
  long interval_ms = 2000, backoff_ms = 500;
  int max_retries = 4, max_polls = 1000;
  for (int i = 4; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (flag == "--project")
      request.api_project_id = value;
    else if (flag == "--interval-ms")
      interval_ms = std::atol(value.c_str());
    else if (flag == "--max-retries")
      max_retries = std::atoi(value.c_str());
    else if (flag == "--backoff-ms")
      backoff_ms = std::atol(value.c_str());
    else if (flag == "--max-polls")
      max_polls = std::atoi(value.c_str());
    else
      return usage();
  }
  auto body = genwire::encode(request);
  if (!body) return 1;

  httplib::Client cli(base_url);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(60, 0);
  const httplib::Headers headers{{"Authorization", "Bearer " + key}};

  for (int poll = 0; poll < max_polls; ++poll) {
    if (poll > 0) std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
    const auto send = [&] {
      return cli.Post(std::string(dif::get_generation_progress_endpoint::path), headers, *body, "application/json");
    };
    httplib::Result res = send();
    for (int attempt = 0; (!res || retryable(res->status)) && attempt < max_retries; ++attempt) {
      std::chrono::milliseconds wait(backoff_ms << std::min(attempt, 20));
      if (res && res->has_header("Retry-After")) wait = std::chrono::seconds(std::atol(res->get_header_value("Retry-After").c_str()));
      std::printf("retry %s wait_ms=%lld\n", res ? ("status=" + std::to_string(res->status)).c_str() : "status=connection-error",
                  static_cast<long long>(wait.count()));
      std::fflush(stdout);
      std::this_thread::sleep_for(wait);
      res = send();
    }
    if (!res) {
      std::fprintf(stderr, "request failed: %s\n", httplib::to_string(res.error()).c_str());
      return 1;
    }
    if (res->status != 200) {
      auto err = genwire::decode<dif::error_envelope>(res->body);
      std::fprintf(stderr, "HTTP %d: %s\n", res->status, err ? err->error.c_str() : res->body.c_str());
      return 1;
    }
    auto r = genwire::decode<dif::get_generation_progress_response>(res->body);
    if (!r) {
      std::fprintf(stderr, "unexpected answer: %s\n", r.error().message().c_str());
      return 1;
    }
    const genwire::job_summary s = genwire::summarize(*r);
    std::string stages;
    for (const auto& t : {stage_text("preProcessing", r->pre_processing), stage_text("inference", r->inference),
                          stage_text("restoredVideo", r->restored_video)})
      if (!t.empty()) stages += (stages.empty() ? "" : ",") + t;
    std::printf("status=%s progress=%.0f stages=%s\n", s.raw_status.c_str(), s.progress.value_or(0) * 100, stages.c_str());
    std::fflush(stdout);
    if (r->status == dif::generation_status::complete) {
      std::printf("final=complete\n");
      return 0;
    }
    if (r->status == dif::generation_status::failed) {
      std::printf("final=failed error=%s\n", r->error && r->error->has_value() ? (*r->error)->c_str() : "");
      return 3;
    }
  }
  std::fprintf(stderr, "gave up after %d polls\n", max_polls);
  return 1;
}
