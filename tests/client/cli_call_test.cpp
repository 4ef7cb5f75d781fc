// `genwire call` and `genwire wait` as users run them: the built binary against the genwire-mock
// binary (HTTP and HTTPS, realistic data and faults), checked against the typed models and the
// mock's own counters.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <httplib.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "client_test_support.hpp"

#ifndef GENWIRE_CLI_PATH
#error "GENWIRE_CLI_PATH must name the built genwire binary"
#endif
#ifndef GENWIRE_MOCK_PATH
#error "GENWIRE_MOCK_PATH must name the built genwire-mock binary"
#endif

extern char** environ;

namespace {

using namespace client_test;
namespace fs = std::filesystem;
namespace fl = genwire::flora;
namespace dif = genwire::diffio;

struct outcome {
  int code = -1;
  std::string out, err;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> v;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

fs::path scratch() {
  static int n = 0;
  const fs::path d = fs::temp_directory_path() / ("genwire_cli_call_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
  fs::create_directories(d);
  return d;
}

// Runs genwire with `args`, `input` on stdin; stdout and stderr through files.
outcome genwire_cli(const std::vector<std::string>& args, const std::string& input = {}) {
  const fs::path d = scratch();
  std::ofstream(d / "in", std::ios::binary) << input;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, (d / "in").c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, (d / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, (d / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> store{GENWIRE_CLI_PATH};
  store.insert(store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : store) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  outcome o;
  if (posix_spawn(&pid, GENWIRE_CLI_PATH, &fa, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&fa);
  o.out = slurp(d / "out");
  o.err = slurp(d / "err");
  fs::remove_all(d);
  return o;
}

// The genwire-mock binary on a free port, stopped with SIGTERM at the end.
class mock_binary {
 public:
  explicit mock_binary(std::vector<std::string> args) {
    args.insert(args.begin(), {GENWIRE_MOCK_PATH, "--port", "0", "--quiet"});
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], 1);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      for (auto& s : args) argv.push_back(s.data());
      argv.push_back(nullptr);
      ::execv(GENWIRE_MOCK_PATH, argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    std::string first;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') first += c;
    ::close(fds[0]);
    if (const auto at = first.find("http"); at != std::string::npos) url_ = first.substr(at);
  }
  ~mock_binary() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  mock_binary(const mock_binary&) = delete;
  mock_binary& operator=(const mock_binary&) = delete;

  [[nodiscard]] const std::string& url() const { return url_; }
  // GET /__admin/state's text (plain HTTP mocks only).
  [[nodiscard]] std::string admin_state() const {
    httplib::Client c(url_);
    auto r = c.Get("/__admin/state");
    return r ? r->body : std::string();
  }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

// The admin state's fault counters and Diffio's first project.
struct admin_faults {
  std::uint64_t delayed = 0, failed = 0, rate_limited = 0, dropped = 0;
  std::uint32_t latency_min_ms = 0, latency_max_ms = 0;
  double fail_rate = 0, rate_limit = 0, drop_rate = 0;
};
struct admin_store {
  std::string provider;
  std::size_t jobs = 0, finished = 0;
  std::optional<std::vector<std::string>> projects;
};
struct admin_state {
  std::string data;
  std::optional<std::uint64_t> seed, items, step_ms, clock_steps;
  std::vector<admin_store> stores;
  admin_faults faults;
};
admin_state state_of(const mock_binary& m) {
  auto s = genwire::decode<admin_state>(m.admin_state());
  EXPECT_TRUE(s.has_value());
  return s ? *s : admin_state{};
}

class CliCall : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : {"FLORA_API_KEY", "DIFFIO_API_KEY", "DEPICTA_API_KEY", "HEDRA_API_KEY"}) ::unsetenv(v);
  }
};

fs::path request_file(const std::string& text) {
  const fs::path p = scratch() / "request";
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

TEST_F(CliCall, PrintsTheReencodedAnswer) {
  mock_binary m({"--data", "realistic", "--items", "30"});
  ASSERT_FALSE(m.url().empty());
  const auto o = genwire_cli({"call", "flora.list_generations", request_file("?limit=2\n").string(), "--base-url", m.url(), "--key",
                              "gw_test_read", "--strict"});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "");
  const auto lines = lines_of(o.out);
  ASSERT_EQ(lines.size(), 1u) << o.out;
  auto page = genwire::decode<fl::list_generations_response, genwire::strict>(lines[0]);
  ASSERT_TRUE(page) << page.error().message();
  EXPECT_EQ(page->generations.size(), 2u);
  EXPECT_EQ(*genwire::encode(*page), lines[0]) << "printed as genwire encodes it";
  // The key from the environment, the JSON body from stdin.
  const std::string project = state_of(m).stores.at(0).projects->front();
  ::setenv("DIFFIO_API_KEY", "gw_test_read", 1);
  const auto d = genwire_cli({"call", "diffio.list_project_generations", "-", "--base-url", m.url()},
                             R"({"apiProjectId":")" + project + "\"}");
  EXPECT_EQ(d.code, 0) << d.err;
  auto listed = genwire::decode<dif::list_project_generations_response>(d.out);
  ASSERT_TRUE(listed) << d.out;
  EXPECT_EQ(listed->api_project_id, project);
}

TEST_F(CliCall, AllPagesPrintsEveryJobOncePerLine) {
  constexpr std::size_t items = 40;
  mock_binary m({"--data", "realistic", "--items", std::to_string(items)});
  for (const std::string endpoint : {"flora.list_generations", "depicta.list_jobs", "hedra.list_generations"}) {
    const auto o = genwire_cli({"call", endpoint, request_file("limit=7").string(), "--base-url", m.url(), "--key", "gw_test_read",
                                "--all-pages"});
    EXPECT_EQ(o.code, 0) << endpoint << ": " << o.err;
    const auto lines = lines_of(o.out);
    EXPECT_EQ(lines.size(), items) << endpoint;
    EXPECT_EQ(std::set<std::string>(lines.begin(), lines.end()).size(), items) << endpoint << ": a job twice";
  }
  const auto flora_lines = lines_of(genwire_cli({"call", "flora.list_generations", "--base-url", m.url(), "--key", "gw_test_read", "--all-pages"}).out);
  ASSERT_FALSE(flora_lines.empty());
  EXPECT_TRUE((genwire::decode<fl::generation, genwire::strict>(flora_lines[0]).has_value())) << flora_lines[0];
}

TEST_F(CliCall, EachRetryIsOneLineOnStderr) {
  // 20 pages against a bucket of 18 a second: a few 429s, each with FLORA's retry-after-ms.
  mock_binary m({"--data", "realistic", "--items", "40", "--rate-limit", "18"});
  const auto o = genwire_cli({"call", "flora.list_generations", request_file("limit=2").string(), "--base-url", m.url(), "--key",
                              "gw_test_read", "--all-pages", "--retries", "5"});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(lines_of(o.out).size(), 40u);
  const auto retries = lines_of(o.err);
  const auto counters = state_of(m).faults;
  EXPECT_EQ(retries.size(), counters.rate_limited) << o.err;
  EXPECT_GT(retries.size(), 0u);
  for (const auto& l : retries) {
    EXPECT_TRUE(l.starts_with("genwire: retry ")) << l;
    EXPECT_NE(l.find("after status 429, waiting "), std::string::npos) << l;
    EXPECT_NE(l.find("ms (as the server asked)"), std::string::npos) << l;
  }
}

TEST_F(CliCall, ExitCodesAndTheirOneLine) {
  mock_binary m({"--data", "realistic", "--items", "10"});
  const auto denied = genwire_cli({"call", "flora.list_generations", "--base-url", m.url(), "--key", "nope"});
  EXPECT_EQ(denied.code, 1);
  EXPECT_EQ(denied.out, "");
  ASSERT_EQ(lines_of(denied.err).size(), 1u) << denied.err;
  EXPECT_TRUE(denied.err.starts_with("genwire: HTTP 401 ")) << denied.err;
  EXPECT_NE(denied.err.find("(request-id req_"), std::string::npos) << denied.err;

  const std::string closed = "http://127.0.0.1:" + std::to_string(closed_port());
  const auto down = genwire_cli({"call", "depicta.list_jobs", "--base-url", closed, "--key", "k", "--retries", "0"});
  EXPECT_EQ(down.code, 3);
  ASSERT_EQ(lines_of(down.err).size(), 1u) << down.err;
  EXPECT_TRUE(down.err.starts_with("genwire: connect: ")) << down.err;
  const auto down_retried = genwire_cli({"call", "depicta.list_jobs", "--base-url", closed, "--key", "k", "--retries", "1"});
  EXPECT_EQ(down_retried.code, 3);
  const auto two = lines_of(down_retried.err);
  ASSERT_EQ(two.size(), 2u) << down_retried.err;
  EXPECT_TRUE(two[0].starts_with("genwire: retry 1/1 after transport error connect")) << two[0];

  mock_binary slow({"--latency-ms", "300"});
  const auto late = genwire_cli({"call", "hedra.list_generations", "--base-url", slow.url(), "--key", "gw_test_read", "--timeout-ms", "50"});
  EXPECT_EQ(late.code, 3) << late.err;
  EXPECT_TRUE(late.err.starts_with("genwire: timeout: ")) << late.err;
  EXPECT_EQ(lines_of(late.err).size(), 1u) << "Hedra's SDK does not retry timeouts: " << late.err;

  struct usage_case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<usage_case> usage{
      {{"call", "flora.list_generations", "--base-url", m.url()}, "FLORA_API_KEY"},
      {{"call", "flora.list_generations", "--key", "k", "--retries", "two"}, "--retries needs a whole number"},
      {{"call", "flora.list_generations", "--key", "k", "--nope"}, "unknown option --nope"},
      {{"call", "flora.list_generations", "--key"}, "--key needs a value"},
      {{"call", "nobody.list", "--key", "k"}, "unknown endpoint nobody.list"},
      {{"call"}, "call needs ENDPOINT"},
      {{"call", "diffio.get_generation_progress", "--key", "k", "--all-pages"}, "has no pages"},
      {{"call", "flora.list_generations", request_file("limit=0").string(), "--key", "k"}, "REQUEST: limit"},
      {{"call", "flora.list_generations", "--key", "k", "--path", "runId=1"}, "has no path parameters"},
      {{"wait", "flora.list_generations", "--key", "k"}, "not a job's state to wait for"},
      {{"wait", "flora.list_generations", "--key", "k", "--all-pages"}, "unknown option --all-pages"},
  };
  for (const auto& u : usage) {
    const auto o = genwire_cli(u.args);
    EXPECT_EQ(o.code, 2) << u.args.at(0) << " " << u.says << ": " << o.err;
    EXPECT_NE(o.err.find(u.says), std::string::npos) << o.err;
    EXPECT_EQ(o.out, "");
  }
}

TEST_F(CliCall, AnInvalidAnswerExitsOneWithItsPath) {
  httplib::Server broken;
  broken.Get("/web-app/public/generations", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"page_info":{"limit":"ten","offset":0},"data":[]})", "application/json");
  });
  const int port = broken.bind_to_any_port("127.0.0.1");
  std::jthread serving([&] { broken.listen_after_bind(); });
  while (!broken.is_running()) std::this_thread::sleep_for(1ms);
  const auto o = genwire_cli({"call", "hedra.list_generations", "--base-url", "http://127.0.0.1:" + std::to_string(port), "--key", "k"});
  broken.stop();
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.out, "");
  ASSERT_EQ(lines_of(o.err).size(), 1u) << o.err;
  EXPECT_TRUE(o.err.starts_with("genwire: invalid response (HTTP 200): page_info.limit: expected ")) << o.err;
}

TEST_F(CliCall, WaitPrintsEachStateUntilTheEnd) {
  mock_binary m({"--data", "realistic", "--items", "120", "--seed", "21"});
  const std::string project = state_of(m).stores.at(0).projects->front();
  // An unfinished generation of that project, from the list.
  const auto listed = genwire_cli({"call", "diffio.list_project_generations", "-", "--base-url", m.url(), "--key", "gw_test_read", "--all-pages"},
                                  R"({"apiProjectId":")" + project + "\"}");
  ASSERT_EQ(listed.code, 0) << listed.err;
  std::string generation;
  for (const auto& line : lines_of(listed.out)) {
    auto g = genwire::decode<dif::project_generation>(line);
    ASSERT_TRUE(g);
    const auto state = genwire::summarize(*g).state;
    if (state != genwire::job_state::succeeded && state != genwire::job_state::failed) generation = g->generation_id;
  }
  if (generation.empty()) GTEST_SKIP() << "every generation of " << project << " is finished";
  const auto o = genwire_cli({"wait", "diffio.get_generation_progress", "-", "--base-url", m.url(), "--key", "gw_test_read",
                              "--interval-ms", "1"},
                             R"({"generationId":")" + generation + "\"}");
  const auto states = lines_of(o.out);
  ASSERT_GE(states.size(), 2u) << o.out << o.err;
  auto last = genwire::decode<dif::get_generation_progress_response>(states.back());
  ASSERT_TRUE(last) << states.back();
  const auto final_state = genwire::summarize(*last).state;
  ASSERT_TRUE(final_state == genwire::job_state::succeeded || final_state == genwire::job_state::failed);
  EXPECT_EQ(o.code, final_state == genwire::job_state::succeeded ? 0 : 4) << o.err;
  for (std::size_t i = 0; i + 1 < states.size(); ++i)
    EXPECT_FALSE(gc::finished(genwire::summarize(*genwire::decode<dif::get_generation_progress_response>(states[i])))) << states[i];

  // The documented example never finishes: the deadline ends the wait (exit 3).
  mock_binary documented({});
  const auto timed_out = genwire_cli({"wait", "diffio.get_generation_progress", "-", "--base-url", documented.url(), "--key",
                                      "gw_test_read", "--interval-ms", "10", "--deadline-ms", "100"},
                                     R"({"generationId":"gen-123"})");
  EXPECT_EQ(timed_out.code, 3) << timed_out.err;
  EXPECT_GE(lines_of(timed_out.out).size(), 1u);
  EXPECT_TRUE(timed_out.err.starts_with("genwire: deadline: ")) << timed_out.err;
}

TEST_F(CliCall, HttpsWithTheTestCaAndACleanFailureWithoutIt) {
  const auto certs = make_certificates("client_cli_call_test");
  ASSERT_TRUE(certs.ok);
  mock_binary m({"--tls-cert", certs.cert, "--tls-key", certs.key});
  ASSERT_TRUE(m.url().starts_with("https://127.0.0.1:")) << m.url();
  const auto ok = genwire_cli({"call", "depicta.list_jobs", "--base-url", m.url(), "--key", "gw_test_read", "--ca-file", certs.ca});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE((genwire::decode<genwire::depicta::list_jobs_response>(ok.out).has_value())) << ok.out;
  const auto untrusted = genwire_cli({"call", "depicta.list_jobs", "--base-url", m.url(), "--key", "gw_test_read"});
  EXPECT_EQ(untrusted.code, 3);
  ASSERT_EQ(lines_of(untrusted.err).size(), 1u) << "no retry of a TLS failure: " << untrusted.err;
  EXPECT_TRUE(untrusted.err.starts_with("genwire: tls: the server's certificate is not trusted")) << untrusted.err;
}

}  // namespace
