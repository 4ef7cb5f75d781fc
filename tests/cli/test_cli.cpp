// Tests of the `genwire` command as users run it: the built binary (GENWIRE_CLI_PATH) is spawned
// with real argv, stdin, stdout and stderr, and its exit code and output are compared with what the
// library itself says about the same input. Every endpoint-specific case iterates all_endpoints,
// so a new endpoint is covered without a new test.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <genwire/genwire.hpp>

#include "cli_test_support.hpp"

#ifndef GENWIRE_EXPECTED_VERSION
#error "GENWIRE_EXPECTED_VERSION must be the CMake project version"
#endif

namespace {

using namespace genwire_cli_test;

// ---------------------------------------------------------------------------------------------
// What the library says, for comparison
// ---------------------------------------------------------------------------------------------

template <class D>
std::string name_of() {
  return std::string(D::name);
}

template <class First, class... Rest>
First first_of(genwire::endpoint_list<First, Rest...>*);
using first_endpoint = decltype(first_of(static_cast<genwire::all_endpoints*>(nullptr)));

template <class D>
std::string_view body_for(int code) {
  const genwire::status_doc* s = genwire::find_status<D>(code);
  return s != nullptr ? s->body : std::string_view{};
}

constexpr bool is_success(int code) { return code >= 200 && code < 300; }

// The first documented request example, if any (query string or JSON per the descriptor).
template <class D>
std::optional<std::string_view> request_example() {
  for (const genwire::example& e : D::examples)
    if (e.kind == genwire::example_kind::request) return e.body;
  return std::nullopt;
}

template <class T, genwire::options Opts = genwire::lenient>
std::string decoder_message(std::string_view text) {
  auto r = genwire::decode<T, Opts>(text);
  return r ? std::string("<valid>") : r.error().message();
}

genwire::json::object& members(genwire::json::value& v) { return std::get<genwire::json::object>(v.get()); }

constexpr std::string_view composed_note =
    "genwire: note: this body is composed by genwire from the documented fields (the reference page shows none "
    "for this status, or one that breaks the provider's published schema)\n";

// ---------------------------------------------------------------------------------------------
// endpoints, help, version, unknown commands
// ---------------------------------------------------------------------------------------------

TEST(CliEndpoints, ListsTheSixDocumentedNamesInOrder) {
  const outcome o = run_cli({"endpoints"});
  EXPECT_EQ(o.code, exit_ok);
  EXPECT_EQ(o.err, "");
  EXPECT_EQ(o.out,
            "diffio.list_project_generations\n"
            "diffio.get_generation_progress\n"
            "flora.list_generations\n"
            "flora.get_run\n"
            "depicta.list_jobs\n"
            "hedra.list_generations\n");
}

TEST(CliEndpoints, OutputIsExactlyTheDescriptorList) {
  std::string expected;
  genwire::all_endpoints::for_each([&]<class D>() { expected += name_of<D>() + "\n"; });
  EXPECT_EQ(run_cli({"endpoints"}).out, expected);
}

TEST(CliEndpoints, ExtraArgumentIsAUsageError) {
  expect_usage_error(run_cli({"endpoints", "flora"}), "endpoints takes no arguments");
}

TEST(CliHelp, AllSpellingsPrintTheSameHelpOnStdout) {
  const outcome help = run_cli({"--help"});
  EXPECT_EQ(help.code, exit_ok);
  EXPECT_EQ(help.err, "");
  for (const char* needle : {"usage: genwire", "endpoints", "validate ENDPOINT KIND [FILE] [--strict] [--print]",
                             "example ENDPOINT [CODE]", "json-check [FILE]", "--version", "request, response, error"})
    EXPECT_NE(help.out.find(needle), std::string::npos) << needle;
  for (const char* spelling : {"help", "-h"}) {
    const outcome o = run_cli({spelling});
    EXPECT_EQ(o.code, exit_ok) << spelling;
    EXPECT_EQ(o.out, help.out) << spelling;
  }
  // Asking a subcommand for help shows the same text instead of running it.
  const outcome sub = run_cli({"validate", "--help"});
  EXPECT_EQ(sub.code, exit_ok);
  EXPECT_EQ(sub.out, help.out);
}

TEST(CliHelp, NoCommandIsAUsageErrorOnStderr) { expect_usage_error(run_cli({}), "no command given"); }

TEST(CliHelp, UnknownCommandIsAUsageError) {
  expect_usage_error(run_cli({"frobnicate"}), "unknown command frobnicate");
}

TEST(CliVersion, PrintsTheProjectVersion) {
  const outcome o = run_cli({"--version"});
  EXPECT_EQ(o.code, exit_ok);
  EXPECT_EQ(o.out, "genwire " GENWIRE_EXPECTED_VERSION "\n");
  EXPECT_EQ(o.err, "");
}

// ---------------------------------------------------------------------------------------------
// example
// ---------------------------------------------------------------------------------------------

TEST(CliExample, DefaultIsTheDocumented200BodyOfEveryEndpoint) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const std::string_view body = body_for<D>(200);
    ASSERT_FALSE(body.empty()) << name_of<D>() << " documents no 200 body";
    const outcome o = run_cli({"example", name_of<D>()});
    EXPECT_EQ(o.code, exit_ok) << name_of<D>() << o.err;
    EXPECT_EQ(o.out, std::string(body) + "\n") << name_of<D>();
    EXPECT_EQ(o.err, genwire::find_status<D>(200)->body_origin == genwire::provenance::composed ? composed_note : "");
  });
}

TEST(CliExample, EveryDocumentedBodyIsPrintedVerbatimByCode) {
  int printed = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty()) continue;
      const outcome o = run_cli({"example", name_of<D>(), std::to_string(s.code)});
      EXPECT_EQ(o.code, exit_ok) << name_of<D>() << " " << s.code;
      EXPECT_EQ(o.out, std::string(s.body) + "\n") << name_of<D>() << " " << s.code;
      // A body genwire composed (the page shows none) says so, on stderr only.
      EXPECT_EQ(o.err, s.body_origin == genwire::provenance::composed ? composed_note : "")
          << name_of<D>() << " " << s.code;
      ++printed;
    }
  });
  EXPECT_GE(printed, 5);
}

TEST(CliExample, UndocumentedCodeExitsOneListingTheCodesThatHaveBodies) {
  genwire::all_endpoints::for_each([&]<class D>() {
    ASSERT_EQ(genwire::find_status<D>(299), nullptr) << name_of<D>() << " documents 299; pick another code";
    const outcome o = run_cli({"example", name_of<D>(), "299"});
    EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
    EXPECT_EQ(o.out, "");
    std::string codes;
    for (const genwire::status_doc& s : D::statuses)
      if (!s.body.empty()) codes += (codes.empty() ? "" : ", ") + std::to_string(s.code);
    EXPECT_TRUE(starts_with(o.err, "genwire: " + name_of<D>() + " documents no status 299; codes with an example body: " +
                                       codes))
        << o.err;
  });
}

TEST(CliExample, DocumentedCodeWithoutBodyExitsOne) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& s : D::statuses) {
      if (!s.body.empty()) continue;
      const outcome o = run_cli({"example", name_of<D>(), std::to_string(s.code)});
      EXPECT_EQ(o.code, exit_invalid) << name_of<D>() << " " << s.code;
      EXPECT_EQ(o.out, "");
      EXPECT_TRUE(starts_with(o.err, "genwire: " + name_of<D>() + " documents no body for status " + std::to_string(s.code)))
          << o.err;
      ++checked;
    }
  });
  if (checked == 0) GTEST_SKIP() << "every documented status has a body; nothing to check";
}

TEST(CliExample, UsageErrors) {
  expect_usage_error(run_cli({"example"}), "example needs ENDPOINT");
  expect_usage_error(run_cli({"example", "nobody.nothing"}), "unknown endpoint nobody.nothing");
  const std::string n = name_of<first_endpoint>();
  expect_usage_error(run_cli({"example", n, "ok"}), "CODE must be an HTTP status code, not ok");
  expect_usage_error(run_cli({"example", n, "2000"}), "CODE must be an HTTP status code, not 2000");
  expect_usage_error(run_cli({"example", n, "200x"}), "CODE must be an HTTP status code, not 200x");
  expect_usage_error(run_cli({"example", n, "200", "400"}), "example takes ENDPOINT and at most one CODE");
}

// ---------------------------------------------------------------------------------------------
// validate: documented examples
// ---------------------------------------------------------------------------------------------

// The issue's promise: what `genwire example` prints, `genwire validate` accepts.
TEST(CliValidate, EveryDocumentedStatusBodyValidatesAsResponseOrError) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty()) continue;
      const std::string kind = is_success(s.code) ? "response" : "error";
      // Exactly what `genwire example` prints (EveryDocumentedBodyIsPrintedVerbatimByCode).
      const outcome o = run_cli({"validate", name_of<D>(), kind}, std::string(s.body) + "\n", feed::pipe);
      EXPECT_EQ(o.code, exit_ok) << name_of<D>() << " " << s.code << " as " << kind << ": " << o.err;
      EXPECT_EQ(o.out, "");
      EXPECT_EQ(o.err, "");
      ++checked;
    }
  });
  EXPECT_GE(checked, 5);
}

TEST(CliValidate, EveryNamedExampleValidatesAsItsKind) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::example& e : D::examples) {
      const char* kind = e.kind == genwire::example_kind::request    ? "request"
                         : e.kind == genwire::example_kind::response ? "response"
                         : e.kind == genwire::example_kind::error    ? "error"
                                                                     : nullptr;
      if (kind == nullptr) continue;  // fragments are pieces of a document, not a document
      const outcome o = run_cli({"validate", name_of<D>(), kind}, e.body);
      EXPECT_EQ(o.code, exit_ok) << name_of<D>() << " example " << e.name << " as " << kind << ": " << o.err;
      EXPECT_EQ(o.err, "");
      ++checked;
    }
  });
  EXPECT_GE(checked, 5);
}

// ---------------------------------------------------------------------------------------------
// validate: where the input comes from
// ---------------------------------------------------------------------------------------------

TEST(CliValidate, FileStdinPipeAndDashAgree) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const std::string good(body_for<D>(200));
    const std::string bad = "[" + good;  // unterminated: a syntax error at the very end
    const std::string bad_message = decoder_message<typename D::response>(bad);
    ASSERT_NE(bad_message, "<valid>");
    const fs::path dir = scratch_dir();
    write_file(dir / "good.json", good);
    write_file(dir / "bad.json", bad);
    const std::string n = name_of<D>();

    for (const outcome& o : {run_cli({"validate", n, "response", (dir / "good.json").string()}, {}, feed::none),
                             run_cli({"validate", n, "response"}, good, feed::file),
                             run_cli({"validate", n, "response"}, good, feed::pipe),
                             run_cli({"validate", n, "response", "-"}, good, feed::pipe)}) {
      EXPECT_EQ(o.code, exit_ok) << n << ": " << o.err;
      EXPECT_EQ(o.err, "");
    }
    for (const outcome& o : {run_cli({"validate", n, "response", (dir / "bad.json").string()}, {}, feed::none),
                             run_cli({"validate", n, "response"}, bad, feed::file),
                             run_cli({"validate", n, "response"}, bad, feed::pipe),
                             run_cli({"validate", n, "response", "-"}, bad, feed::pipe)}) {
      EXPECT_EQ(o.code, exit_invalid) << n;
      EXPECT_EQ(o.err, bad_message + "\n");
      EXPECT_EQ(o.out, "");
    }
    // Options may come before, between or after the positionals.
    EXPECT_EQ(run_cli({"--print", "validate", n, "response"}, good).code, exit_usage);  // before the command: not ours
    EXPECT_EQ(run_cli({"validate", "--print", n, "response"}, good).code, exit_ok);
    EXPECT_EQ(run_cli({"validate", n, "--print", "response", (dir / "good.json").string()}, {}, feed::none).code,
              exit_ok);
    fs::remove_all(dir);
  });
}

TEST(CliValidate, DoubleDashLetsAFileNameStartWithADash) {
  using D = first_endpoint;
  const fs::path dir = scratch_dir();
  write_file(dir / "-odd.json", body_for<D>(200));
  // The name must be relative to start with '-', so the child runs in the scratch directory.
  const fs::path cwd = fs::current_path();
  fs::current_path(dir);
  const outcome o = run_cli({"validate", name_of<D>(), "response", "--", "-odd.json"}, {}, feed::none);
  const outcome without = run_cli({"validate", name_of<D>(), "response", "-odd.json"}, {}, feed::none);
  fs::current_path(cwd);
  EXPECT_EQ(o.code, exit_ok) << o.err;
  expect_usage_error(without, "unknown option -odd.json");
  fs::remove_all(dir);
}

// ---------------------------------------------------------------------------------------------
// validate: what is reported
// ---------------------------------------------------------------------------------------------

// --lines: one verdict per line, each the one a separate run of validate gives (its decoder's
// message), in order; exit 1 when any line is invalid; --print writes the encoding after "ok".
TEST(CliValidate, LinesGiveEachDocumentTheVerdictOfItsOwnRun) {
  int invalid_lines = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    using response = typename D::response;
    std::string input, expected, printed;
    const auto add = [&](const std::string& line, const char* ending) {
      input += line + ending;
      const std::string message = decoder_message<response>(line);
      if (message == "<valid>") {
        expected += "ok\n";
        printed += "ok " + *genwire::encode(*genwire::decode<response>(line)) + "\n";
      } else {
        expected += "invalid " + message + "\n";
        printed += "invalid " + message + "\n";
        ++invalid_lines;
      }
    };
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty() || !is_success(s.code)) continue;
      auto doc = genwire::parse_json(s.body);
      ASSERT_TRUE(doc.has_value()) << name_of<D>() << " " << s.code;
      add(genwire::to_json(*doc), "\n");  // one line
      if (doc->is_object() && !doc->as_object()->empty()) {
        members(*doc).erase(members(*doc).begin());
        add(genwire::to_json(*doc), "\r\n");  // a CRLF line ends before its CR
      }
    }
    add("{\"unterminated\": ", "");  // the last line needs no newline
    const outcome o = run_cli({"validate", name_of<D>(), "response", "--lines"}, input, feed::pipe);
    EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
    EXPECT_EQ(o.out, expected) << name_of<D>();
    EXPECT_EQ(o.err, "");
    const outcome p = run_cli({"validate", name_of<D>(), "response", "--lines", "--print"}, input);
    EXPECT_EQ(p.code, exit_invalid);
    EXPECT_EQ(p.out, printed) << name_of<D>();
  });
  EXPECT_GE(invalid_lines, 10);  // every endpoint's unterminated line, and the cut bodies
}

TEST(CliValidate, LinesOfQueryStringsIncludingAnEmptyOne) {
  // An empty line is an empty query: a valid FLORA list request (every parameter optional).
  const outcome o = run_cli({"validate", "flora.list_generations", "request", "--lines", "--print"},
                            "limit=5\n\nlimit=abc\nstatus=completed&limit=100\n");
  EXPECT_EQ(o.code, exit_invalid);
  const auto bad = genwire::decode_query<genwire::flora::list_generations_query>("limit=abc");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(o.out, "ok limit=5\nok \ninvalid " + bad.error().message() + "\nok limit=100&status=completed\n");
  const outcome all_valid = run_cli({"validate", "flora.list_generations", "request", "--lines"}, "limit=1\nlimit=2\n");
  EXPECT_EQ(all_valid.code, exit_ok);
  EXPECT_EQ(all_valid.out, "ok\nok\n");
  const outcome nothing = run_cli({"validate", "flora.list_generations", "request", "--lines"}, "");
  EXPECT_EQ(nothing.code, exit_ok);
  EXPECT_EQ(nothing.out, "");
}

// Removing each top-level member of a documented body in turn: whenever the library rejects the
// result, the tool must exit 1 with the library's own message, and accept it otherwise. One
// success and one error body per endpoint (the other error bodies share the error type).
TEST(CliValidate, MessagesAreTheDecodersForEveryMissingMember) {
  int rejected_with_path = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    bool success_done = false, error_done = false;
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty()) continue;
      bool& done = is_success(s.code) ? success_done : error_done;
      if (done) continue;
      done = true;
      auto doc = genwire::parse_json(s.body);
      ASSERT_TRUE(doc.has_value()) << name_of<D>() << " " << s.code;
      if (!doc->is_object()) continue;
      const bool success = is_success(s.code);
      for (std::size_t i = 0; i < doc->as_object()->size(); ++i) {
        genwire::json::value cut = *doc;
        const std::string key = members(cut)[i].first;
        members(cut).erase(members(cut).begin() + static_cast<std::ptrdiff_t>(i));
        const std::string text = genwire::to_json(cut);
        const std::string expected = success ? decoder_message<typename D::response>(text)
                                             : decoder_message<typename D::error>(text);
        const outcome o = run_cli({"validate", name_of<D>(), success ? "response" : "error"}, text);
        if (expected == "<valid>") {
          EXPECT_EQ(o.code, exit_ok) << name_of<D>() << " without " << key << ": " << o.err;
        } else {
          EXPECT_EQ(o.code, exit_invalid) << name_of<D>() << " without " << key;
          EXPECT_EQ(o.err, expected + "\n");
          rejected_with_path += starts_with(expected, key + ": ") ? 1 : 0;
        }
      }
    }
  });
  // Every endpoint has required members, so this is far from zero; the exact number depends on
  // the models, the point is that messages name the member (path: message).
  EXPECT_GE(rejected_with_path, 5);
}

TEST(CliValidate, WrongTypeAtTheRootExitsOneWithPathAndOffset) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const outcome o = run_cli({"validate", name_of<D>(), "response"}, "  [1, 2]\n");
    EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
    EXPECT_EQ(o.err, decoder_message<typename D::response>("  [1, 2]\n") + "\n");
    EXPECT_TRUE(starts_with(o.err, "$: expected an object, found ")) << o.err;
    EXPECT_NE(o.err.find("(offset 2)\n"), std::string::npos) << o.err;
  });
}

// An unknown key is accepted by default (providers add fields) and rejected by --strict; the
// unknown key goes first so it is the first thing the strict decoder meets.
TEST(CliValidate, StrictRejectsWhatLenientAccepts) {
  genwire::all_endpoints::for_each([&]<class D>() {
    auto doc = genwire::parse_json(body_for<D>(200));
    ASSERT_TRUE(doc.has_value() && doc->is_object()) << name_of<D>();
    members(*doc).insert(members(*doc).begin(), {"genwire_cli_extra", genwire::json::value(1)});
    const std::string text = genwire::to_json(*doc);

    const outcome lenient = run_cli({"validate", name_of<D>(), "response"}, text);
    EXPECT_EQ(lenient.code, exit_ok) << name_of<D>() << ": " << lenient.err;

    const outcome strict = run_cli({"validate", name_of<D>(), "response", "--strict"}, text);
    EXPECT_EQ(strict.code, exit_invalid) << name_of<D>();
    const auto r = genwire::decode<typename D::response, genwire::strict>(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, genwire::errc::unknown_key);
    EXPECT_EQ(r.error().path, "genwire_cli_extra");
    EXPECT_EQ(strict.err, r.error().message() + "\n");
  });
}

TEST(CliValidate, StrictRejectsAnUnknownQueryParameter) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    if constexpr (D::request_in == genwire::request_location::query_string) {
      const auto ex = request_example<D>();
      if (!ex) return;
      const std::string q = std::string(*ex) + (ex->empty() ? "" : "&") + "genwire_cli_extra=1";
      EXPECT_EQ(run_cli({"validate", name_of<D>(), "request"}, q).code, exit_ok) << name_of<D>();
      const outcome strict = run_cli({"validate", "--strict", name_of<D>(), "request"}, q);
      EXPECT_EQ(strict.code, exit_invalid) << name_of<D>();
      const auto r = genwire::decode_query<typename D::request, genwire::strict>(q);
      ASSERT_FALSE(r.has_value());
      EXPECT_EQ(r.error().path, "genwire_cli_extra");
      EXPECT_EQ(strict.err, r.error().message() + "\n");
      ++checked;
    }
  });
  EXPECT_GE(checked, 1);
}

// ---------------------------------------------------------------------------------------------
// validate --print
// ---------------------------------------------------------------------------------------------

TEST(CliValidate, PrintWritesTheReencodedDocumentThatDecodesEqual) {
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty()) continue;
      const bool success = is_success(s.code);
      const outcome o = run_cli({"validate", name_of<D>(), success ? "response" : "error", "--print"}, s.body);
      ASSERT_EQ(o.code, exit_ok) << name_of<D>() << " " << s.code << ": " << o.err;
      ASSERT_FALSE(o.out.empty());
      EXPECT_EQ(o.out.back(), '\n');
      const std::string printed = o.out.substr(0, o.out.size() - 1);
      // Exactly the library's encoding of the decoded value...
      const auto expected = success ? genwire::encode(*genwire::decode<typename D::response>(s.body))
                                    : genwire::encode(*genwire::decode<typename D::error>(s.body));
      ASSERT_TRUE(expected.has_value());
      EXPECT_EQ(printed, *expected) << name_of<D>() << " " << s.code;
      // ...which is the documented body again, by JSON semantics (issue: examples round-trip).
      auto before = genwire::parse_json(s.body);
      auto after = genwire::parse_json(printed);
      ASSERT_TRUE(before.has_value() && after.has_value());
      EXPECT_TRUE(*before == *after) << name_of<D>() << " " << s.code << "\n" << s.body << "\n" << printed;
    }
  });
}

TEST(CliValidate, PrintOfAQueryRequestIsTheEncodedQueryString) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    if constexpr (D::request_in == genwire::request_location::query_string) {
      const auto ex = request_example<D>();
      if (!ex) return;
      const auto decoded = genwire::decode_query<typename D::request>(*ex);
      ASSERT_TRUE(decoded.has_value()) << name_of<D>() << ": " << decoded.error().message();
      const auto encoded = genwire::encode_query(*decoded);
      ASSERT_TRUE(encoded.has_value());

      const outcome plain = run_cli({"validate", name_of<D>(), "request", "--print"}, *ex);
      EXPECT_EQ(plain.code, exit_ok) << plain.err;
      EXPECT_EQ(plain.out, *encoded + "\n");
      // What people paste (a leading '?') and what echo writes (a trailing newline) mean the same.
      const outcome pasted = run_cli({"validate", name_of<D>(), "request", "--print"}, "?" + std::string(*ex) + "\r\n");
      EXPECT_EQ(pasted.code, exit_ok) << pasted.err;
      EXPECT_EQ(pasted.out, plain.out);
      // The printed query decodes to the same request (compared through its canonical encoding).
      const auto again = genwire::decode_query<typename D::request>(*encoded);
      ASSERT_TRUE(again.has_value());
      EXPECT_EQ(genwire::encode_query(*again).value(), *encoded);
      ++checked;
    }
  });
  EXPECT_GE(checked, 1);
}

TEST(CliValidate, PrintWritesNothingForAnInvalidDocument) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const outcome o = run_cli({"validate", name_of<D>(), "response", "--print"}, "{");
    EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(o.err, decoder_message<typename D::response>("{") + "\n");
  });
}

TEST(CliValidate, JsonBodyRequestIsReadAsJsonNotAsAQueryString) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    if constexpr (D::request_in == genwire::request_location::json_body) {
      const outcome o = run_cli({"validate", name_of<D>(), "request"}, "limit=10");
      EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
      EXPECT_EQ(o.err, decoder_message<typename D::request>("limit=10") + "\n");
      ++checked;
    }
  });
  EXPECT_GE(checked, 1);
}

TEST(CliValidate, QueryRequestReportsTheParameterAndItsOffset) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    if constexpr (D::request_in == genwire::request_location::query_string) {
      // A malformed percent-escape is wrong whatever the parameter; its offset counts the '?'.
      const outcome o = run_cli({"validate", name_of<D>(), "request"}, "?limit=%zz\n");
      EXPECT_EQ(o.code, exit_invalid) << name_of<D>();
      EXPECT_EQ(o.err, genwire::decode_query<typename D::request>("?limit=%zz").error().message() + "\n");
      EXPECT_EQ(o.err, "limit: expected a percent-escape %XX, found \"%zz\" (offset 7)\n");
      ++checked;
    }
  });
  EXPECT_GE(checked, 1);
}

// ---------------------------------------------------------------------------------------------
// validate: usage errors
// ---------------------------------------------------------------------------------------------

TEST(CliValidate, UsageErrors) {
  const std::string n = name_of<first_endpoint>();
  expect_usage_error(run_cli({"validate"}), "validate needs ENDPOINT and KIND");
  expect_usage_error(run_cli({"validate", n}), "validate needs ENDPOINT and KIND");
  expect_usage_error(run_cli({"validate", "nobody.nothing", "response"}, "{}"), "unknown endpoint nobody.nothing");
  expect_usage_error(run_cli({"validate", n, "answer"}, "{}"), "unknown kind answer");
  expect_usage_error(run_cli({"validate", n, "response", "--lenient"}, "{}"), "unknown option --lenient");
  expect_usage_error(run_cli({"validate", n, "response", "a.json", "b.json"}), "validate takes at most one FILE");
  const fs::path dir = scratch_dir();
  expect_usage_error(run_cli({"validate", n, "response", (dir / "missing.json").string()}),
                     "cannot open " + (dir / "missing.json").string() + ": No such file or directory");
  expect_usage_error(run_cli({"validate", n, "response", dir.string()}),
                     "cannot read " + dir.string() + ": Is a directory");
  fs::remove_all(dir);
}

// ---------------------------------------------------------------------------------------------
// Binary and large input
// ---------------------------------------------------------------------------------------------

TEST(CliInput, BinaryBytesAreReadExactlyAndReported) {
  using namespace std::string_literals;
  const std::string with_nul = "{\"error\": \"a\0b\"}"s;
  const std::string bad_utf8 = "{\"error\": \"\xff\xfe\"}";
  struct bad_input {
    std::string text;
    int bad_at;
  };
  for (const bad_input& in : {bad_input{with_nul, 12}, bad_input{bad_utf8, 11}}) {
    const std::string& text = in.text;
    const int bad_at = in.bad_at;
    const auto st = genwire::check_json(text);
    ASSERT_FALSE(st.ok());
    const outcome o = run_cli({"json-check"}, text, feed::pipe);
    EXPECT_EQ(o.code, exit_invalid);
    EXPECT_EQ(o.err, st.error().message() + "\n");
    // The offset of the bad byte proves the bytes before it arrived unchanged.
    EXPECT_NE(o.err.find("(offset " + std::to_string(bad_at) + ")"), std::string::npos) << o.err;
    genwire::all_endpoints::for_each([&]<class D>() {
      const outcome v = run_cli({"validate", name_of<D>(), "error"}, text);
      EXPECT_EQ(v.code, exit_invalid) << name_of<D>();
      EXPECT_EQ(v.err, decoder_message<typename D::error>(text) + "\n");
    });
  }
}

std::string big_array(std::size_t elements) {
  std::string s = "[";
  s.reserve(elements * 24);
  for (std::size_t i = 0; i < elements; ++i) {
    if (i) s += ',';
    s += R"({"id":"gen_)" + std::to_string(i) + R"(","v":[1,2.5,null]})";
  }
  s += "]";
  return s;
}

TEST(CliInput, LargeInputThroughFileStdinAndPipe) {
  // Far beyond any pipe buffer and the tool's 64 KiB read chunk; kept moderate for the ASan preset.
  const std::string big = big_array(250000);
  ASSERT_GT(big.size(), 8u << 20);
  const fs::path dir = scratch_dir();
  write_file(dir / "big.json", big);
  EXPECT_EQ(run_cli({"json-check", (dir / "big.json").string()}, {}, feed::none).code, exit_ok);
  EXPECT_EQ(run_cli({"json-check"}, big, feed::file).code, exit_ok);
  EXPECT_EQ(run_cli({"json-check"}, big, feed::pipe).code, exit_ok);
  // Damage the last byte: the reported offset shows every byte before it was read.
  std::string cut = big;
  cut.back() = ',';
  const outcome o = run_cli({"json-check"}, cut, feed::pipe);
  EXPECT_EQ(o.code, exit_invalid);
  EXPECT_EQ(o.err, genwire::check_json(cut).error().message() + "\n");
  EXPECT_NE(o.err.find("(offset " + std::to_string(cut.size()) + ")"), std::string::npos) << o.err;
  fs::remove_all(dir);
}

TEST(CliInput, LargeDocumentValidatesWithAnUnknownMemberSkipped) {
  genwire::all_endpoints::for_each([&]<class D>() {
    auto doc = genwire::parse_json(body_for<D>(200));
    ASSERT_TRUE(doc.has_value() && doc->is_object());
    members(*doc).emplace_back("genwire_cli_padding", std::string(4u << 20, 'x'));
    const std::string text = genwire::to_json(*doc);
    const outcome o = run_cli({"validate", name_of<D>(), "response"}, text, feed::pipe);
    EXPECT_EQ(o.code, exit_ok) << name_of<D>() << ": " << o.err;
  });
}

// ---------------------------------------------------------------------------------------------
// json-check
// ---------------------------------------------------------------------------------------------

TEST(CliJsonCheck, ValidJsonExitsZeroSilently) {
  for (const char* text : {"{}", " [1, -2.5e3, \"\\u00e9\", true, null] \n", "\"x\"", "0"}) {
    const outcome o = run_cli({"json-check"}, text);
    EXPECT_EQ(o.code, exit_ok) << text << ": " << o.err;
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(o.err, "");
    EXPECT_EQ(run_cli({"json-check", "-"}, text, feed::pipe).code, exit_ok) << text;
  }
}

TEST(CliJsonCheck, InvalidJsonExitsOneWithTheCheckersMessage) {
  for (const char* text : {"", "{", "[1,]", "{'a':1}", "01", "[1] [2]", "NaN", "\"\\x\""}) {
    const auto st = genwire::check_json(text);
    ASSERT_FALSE(st.ok()) << text;
    const outcome o = run_cli({"json-check"}, text);
    EXPECT_EQ(o.code, exit_invalid) << text;
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(o.err, st.error().message() + "\n") << text;
  }
}

TEST(CliJsonCheck, DocumentedBodiesAreJson) {
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::status_doc& s : D::statuses) {
      if (s.body.empty()) continue;
      EXPECT_EQ(run_cli({"json-check"}, s.body).code, exit_ok) << name_of<D>() << " " << s.code;
    }
  });
}

TEST(CliJsonCheck, UsageErrors) {
  expect_usage_error(run_cli({"json-check", "a.json", "b.json"}), "json-check takes at most one FILE");
  expect_usage_error(run_cli({"json-check", "--strict"}, "{}"), "unknown option --strict");
  expect_usage_error(run_cli({"json-check", "/nonexistent/genwire/x.json"}),
                     "cannot open /nonexistent/genwire/x.json: No such file or directory");
}

}  // namespace
