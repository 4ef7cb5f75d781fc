// --record writes each distinct proxied answer the models accept as an example file; --examples
// serves such files again byte for byte (Prefer: example=NAME, or as the default answer for their
// status), lists them in /__admin/endpoints, and refuses at start-up a file that does not check,
// naming the file and the JSON path.
#include <algorithm>
#include <map>

#include "proxy_test_support.hpp"

namespace {

using namespace proxy_test;
namespace gm = genwire::mock;
namespace fs = std::filesystem;

// An example file as the tests read it (the mock's own format, README.md "Record and replay").
struct file_header {
  std::string name;
  std::string value;
};
struct example_file {
  std::string endpoint;
  int status = 0;
  std::string name;
  std::optional<std::vector<file_header>> headers;
  std::optional<genwire::raw_json> body;
};

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// What a proxied call answered: the body and status to replay.
struct seen_answer {
  std::string endpoint;
  int status = 0;
  std::string body;
};

TEST(ProxyRecord, DistinctAcceptedAnswersBecomeExampleFilesThatReplayByteForByte) {
  const fs::path dir = fresh_dir("proxy_record");
  live_mock upstream;
  gm::server_config c;
  genwire::all_endpoints::for_each([&]<class D>() {
    if (std::none_of(c.proxies.begin(), c.proxies.end(), [](const gm::proxy_route& p) { return p.provider == D::provider; }))
      c.proxies.push_back({std::string(D::provider), upstream.srv.base_url()});
  });
  c.record_dir = dir.string();
  live_mock proxy(std::move(c));

  std::vector<seen_answer> recorded;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (int pass = 0; pass < 2; ++pass) {  // the second pass answers the same bodies: no new files
      const auto ok = mock_test::send_example<D>(proxy, mock_test::read_key(D::auth[0]));
      const auto denied = mock_test::send_example<D>(proxy, {});
      ASSERT_TRUE(ok && denied);
      if (pass) continue;
      recorded.push_back({std::string(D::name), ok->status, ok->body});
      // An answer with an undocumented status (a violation) is not recorded.
      if (genwire::find_status<D>(denied->status)) recorded.push_back({std::string(D::name), denied->status, denied->body});
    }
  });
  const auto files = files_in(dir);
  ASSERT_EQ(files.size(), recorded.size());

  std::map<std::string, std::string> name_of;  // endpoint + status -> recorded name
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const auto file = mock_test::decoded<example_file>(read_text(f));
    EXPECT_TRUE(file.name.starts_with("recorded-")) << file.name;
    EXPECT_EQ(file.name.size(), std::string("recorded-").size() + 16);
    EXPECT_EQ(f.filename().string(), file.endpoint + "." + file.name + ".json");
    ASSERT_TRUE(file.headers && file.body);
    EXPECT_TRUE(std::any_of(file.headers->begin(), file.headers->end(), [](const file_header& h) { return h.name == "Content-Type"; }));
    name_of[file.endpoint + " " + std::to_string(file.status)] = file.name;
  }

  gm::server_config replay;
  replay.example_dirs = {dir.string()};
  live_mock served(std::move(replay));
  for (const auto& a : recorded) {
    SCOPED_TRACE(a.endpoint + " " + std::to_string(a.status));
    const auto name = name_of.find(a.endpoint + " " + std::to_string(a.status));
    ASSERT_NE(name, name_of.end());
    bool done = false;
    genwire::all_endpoints::for_each([&]<class D>() {
      if (D::name != a.endpoint || done) return;
      done = true;
      auto h = mock_test::read_key(D::auth[0]);
      h.emplace("Prefer", "example=" + name->second);
      const auto r = mock_test::send_example<D>(served, h);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, a.status);
      EXPECT_EQ(r->body, a.body);  // byte for byte
    });
  }

  // /__admin/endpoints lists them beside the documented ones.
  const auto listed = served.send("GET", "/__admin/endpoints");
  ASSERT_TRUE(listed);
  for (const auto& [key, name] : name_of) EXPECT_NE(listed->body.find("\"" + name + "\""), std::string::npos) << name;
  EXPECT_NE(listed->body.find("\"example_files\":[{\"name\":\"recorded-"), std::string::npos);
}

TEST(ProxyRecord, TheCallersKeyIsRedactedFromRecordedBodies) {
  const fs::path dir = fresh_dir("proxy_redact");
  const std::string secret = "sk_live_verysecret42";
  std::string body(genwire::flora::example_run_failed);
  body.replace(body.find("The provider failed"), 3, "Key " + secret + ":");
  scripted_upstream upstream([&](const httplib::Request&, httplib::Response& out) { out.set_content(body, "application/json"); });
  auto c = proxying("flora", upstream.url());
  c.record_dir = dir.string();
  live_mock proxy(std::move(c));
  const auto r = proxy.send("GET", "/api/v1/runs/run_abc123", {{"Authorization", "Bearer " + secret}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, body);  // the caller gets the answer as sent
  const auto files = files_in(dir);
  ASSERT_EQ(files.size(), 1u);
  const std::string text = read_text(files[0]);
  EXPECT_EQ(text.find(secret), std::string::npos) << text;
  EXPECT_NE(text.find("Key [REDACTED]:"), std::string::npos) << text;
}

void write(const fs::path& p, std::string_view text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

TEST(ProxyExamples, ADefaultFileIsTheAnswerForItsStatus) {
  const fs::path dir = fresh_dir("proxy_default");
  const std::string running = genwire::to_json(*genwire::parse_json(genwire::flora::example_run_running));
  write(dir / "running.json", R"({"endpoint":"flora.get_run","status":200,"name":"still-running","default":true,)"
                              R"("headers":[{"name":"request-id","value":"req_recorded_1"},{"name":"Retry-After","value":"3"}],"body":)" + running + "}");
  gm::server_config c;
  c.example_dirs = {dir.string()};
  live_mock m(std::move(c));
  const auto r = m.send("GET", "/api/v1/runs/run_abc123", {{"Authorization", "Bearer gw_test_read"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, running);
  const auto named = m.send("GET", "/api/v1/runs/run_abc123", {{"Prefer", "example=still-running"}});
  ASSERT_TRUE(named);
  EXPECT_EQ(named->body, running);
  EXPECT_EQ(named->get_header_value("Retry-After"), "3");
  // The provider's decoration still runs last: a fresh request-id per answer, as for documented examples.
  EXPECT_NE(named->get_header_value("request-id"), "req_recorded_1");
  const auto listed = m.send("GET", "/__admin/endpoints");
  ASSERT_TRUE(listed);
  EXPECT_NE(listed->body.find(R"("example_files":[{"name":"still-running","status":200,"file":")"), std::string::npos) << listed->body;
  EXPECT_NE(listed->body.find(R"("serves_by_default":true)"), std::string::npos);
}

// The message construction throws for a directory holding only `text`.
std::string start_up_error(const std::string& name, std::string_view text) {
  const fs::path dir = fresh_dir("proxy_broken_" + name);
  write(dir / (name + ".json"), text);
  gm::server_config c;
  c.example_dirs = {dir.string()};
  try {
    gm::server srv(std::move(c));
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find((dir / (name + ".json")).string()), std::string::npos) << what;
    return what;
  }
  ADD_FAILURE() << "no start-up error for " << name;
  return {};
}

TEST(ProxyExamples, ABrokenFileIsAStartUpErrorNamingTheFileAndPath) {
  const std::string run = genwire::to_json(*genwire::parse_json(genwire::flora::example_run));
  std::string no_id = run;
  no_id.erase(no_id.find("\"run_id\":\"run_abc123\","), std::string("\"run_id\":\"run_abc123\",").size());
  EXPECT_NE(start_up_error("missing", R"({"endpoint":"flora.get_run","status":200,"name":"x","body":)" + no_id + "}").find(": body.run_id: "),
            std::string::npos);
  std::string bad_type = run;
  bad_type.replace(bad_type.find("\"progress\":100"), 14, "\"progress\":\"all\"");
  EXPECT_NE(start_up_error("type", R"({"endpoint":"flora.get_run","status":200,"name":"x","body":)" + bad_type + "}").find(": body.progress: expected"),
            std::string::npos);
  EXPECT_NE(start_up_error("status", R"({"endpoint":"flora.get_run","status":418,"name":"x","body":{}})").find(": status: expected a documented status"),
            std::string::npos);
  EXPECT_NE(start_up_error("envelope", R"({"endpoint":"flora.get_run","status":"200","name":"x","body":{}})").find(": status: expected"),
            std::string::npos);
  EXPECT_NE(start_up_error("endpoint", R"({"endpoint":"flora.nope","status":200,"name":"x","body":{}})").find(": endpoint: no endpoint named"),
            std::string::npos);
  EXPECT_NE(start_up_error("default", R"({"endpoint":"flora.get_run","status":200,"name":"x","default":1,"body":)" + run + "}").find(": default: expected true or false"),
            std::string::npos);
  EXPECT_NE(start_up_error("unknown", R"({"endpoint":"flora.get_run","status":200,"name":"x","bdy":)" + run + "}").find(": bdy: unknown key"),
            std::string::npos);
  EXPECT_NE(start_up_error("syntax", R"({"endpoint":"flora.get_run",)").find(": "), std::string::npos);
  EXPECT_NE(start_up_error("clash", R"({"endpoint":"flora.get_run","status":200,"name":"response_running","body":)" + run + "}").find(": name: flora.get_run already has an example named \"response_running\""),
            std::string::npos);
}

}  // namespace
