// tools/cli.hpp: the `genwire` command. Every subcommand is written against an endpoint_list and
// reaches descriptors only by iterating it, so a new endpoint appears in the tool with no change here.
//
// Exit codes, the contract for scripts and CI: 0 success / valid, 1 invalid input (or no such
// example), 2 usage error (unknown command, endpoint, kind or flag; unreadable file; wrong arity).
#pragma once

#include <charconv>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>

#include "cli_io.hpp"

#ifndef GENWIRE_VERSION
#error "GENWIRE_VERSION must be defined by the build (tools/CMakeLists.txt passes the project version)"
#endif

namespace genwire::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;

inline constexpr std::string_view usage_text =
    "usage: genwire <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  endpoints                     list the endpoint names, one per line\n"
    "  validate ENDPOINT KIND [FILE] [--strict] [--print] [--lines]\n"
    "                                check FILE (or stdin; '-' is stdin) as KIND, one of\n"
    "                                request, response, error; a query-string request is\n"
    "                                read as a query string, everything else as JSON.\n"
    "                                --strict  also check formats, closed enums, unknown keys\n"
    "                                --print   write the re-encoded document to stdout\n"
    "                                --lines   one document per line (JSON Lines); one line\n"
    "                                          out each: ok [encoding] | invalid MESSAGE\n"
    "  example ENDPOINT [CODE]       print the documented example body for status CODE (200)\n"
    "  example --examples DIR [ENDPOINT NAME]\n"
    "                                list the example files in DIR (genwire-mock --record),\n"
    "                                checked; with ENDPOINT NAME print that file's body\n"
    "  json-check [FILE]             check that FILE (or stdin) is RFC 8259 JSON\n"
    "  schema ENDPOINT KIND [--strict]\n"
    "                                print the JSON Schema (draft 2020-12) of KIND as validate\n"
    "                                reads it (--strict: as validate --strict reads it)\n"
    "  openapi [PROVIDER] [--strict] print one OpenAPI 3.1 document: every endpoint, or PROVIDER's\n"
    "  examples ENDPOINT             print ENDPOINT's example documents as a JSON array\n"
    "  call ENDPOINT [REQUEST|-] [--base-url URL] [--key KEY] [--all-pages] [--strict]\n"
    "       [--retries N] [--timeout-ms MS] [--ca-file FILE] [--path PARAMS]\n"
    "                                send REQUEST (as validate reads it; none: the empty\n"
    "                                request) to the provider (or URL), print the answer;\n"
    "                                --all-pages prints every item of every page, one per line\n"
    "  wait ENDPOINT [REQUEST|-] [call's options] [--interval-ms MS] [--deadline-ms MS]\n"
    "                                poll a job until it finishes, one line per state\n"
    "  help, --help                  show this text\n"
    "  --version                     show the version\n"
    "\n"
    "exit status: 0 valid, 1 invalid (message `path: problem (offset N)` on stderr),\n"
    "2 usage error; call and wait: 1 API error or invalid response, 3 transport error\n"
    "after the last retry, 4 (wait) the job failed.\n";

// What a usage error prints after the problem: enough to fix the call, not the whole help.
inline constexpr std::string_view short_usage =
    "usage: genwire endpoints\n"
    "       genwire validate ENDPOINT request|response|error [FILE] [--strict] [--print] [--lines]\n"
    "       genwire example ENDPOINT [CODE] | --examples DIR [ENDPOINT NAME]\n"
    "       genwire json-check [FILE]\n"
    "       genwire schema ENDPOINT request|response|error [--strict]\n"
    "       genwire openapi [PROVIDER] [--strict]\n"
    "       genwire examples ENDPOINT\n"
    "       genwire call|wait ENDPOINT [REQUEST|-] [options]\n"
    "       genwire --help | --version\n";

inline int usage_error(const streams& io, std::string_view problem) {
  put(io.err, "genwire: ");
  put_line(io.err, problem);
  put(io.err, short_usage);
  return exit_usage;
}

// Every descriptor's name is already `provider.endpoint`; the tool prints it as it is so that the
// names in the docs, the mock server and this tool cannot drift apart.
template <class D>
constexpr std::string_view name_of() {
  return D::name;
}

// Calls f.template operator()<D>() for the descriptor called `name`; false when none is.
template <class Endpoints, class F>
bool with_endpoint(std::string_view name, F&& f) {
  bool found = false;
  Endpoints::for_each([&]<class D>() {
    if (!found && name_of<D>() == name) {
      found = true;
      f.template operator()<D>();
    }
  });
  return found;
}

enum class doc_kind : unsigned char { request, response, error };

inline bool parse_kind(std::string_view s, doc_kind& k) {
  if (s == "request") return k = doc_kind::request, true;
  if (s == "response") return k = doc_kind::response, true;
  if (s == "error") return k = doc_kind::error, true;
  return false;
}

// Query strings arrive from `echo`, heredocs and files, which end them with a newline that no
// client would send; only line terminators are dropped, any other byte is the decoder's business.
inline std::string_view trim_line_end(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

inline int report_invalid(const streams& io, const genwire::error& e) {
  put_line(io.err, e.message());
  return exit_invalid;
}

// Decodes `text` as T: its encoding through the same codec and options when `print` (empty
// otherwise), or the error.
template <class T, options Opts, bool Query>
result<std::string> recode(std::string_view text, bool print) {
  if constexpr (Query) {
    auto r = genwire::decode_query<T, Opts>(trim_line_end(text));
    if (!r) return r.error();
    if (!print) return std::string();
    return genwire::encode_query<Opts>(*r);
  } else {
    auto r = genwire::decode<T, Opts>(text);
    if (!r) return r.error();
    if (!print) return std::string();
    // A decoded value that cannot be re-encoded would be a genwire bug: it is reported, not dropped.
    return genwire::encode<Opts>(*r);
  }
}

template <class T, options Opts, bool Query>
int check_document(const streams& io, std::string_view text, bool print) {
  const result<std::string> r = recode<T, Opts, Query>(text, print);
  if (!r) return report_invalid(io, r.error());
  if (print) put_line(io.out, *r);
  return exit_ok;
}

// --lines: every line of `text` one document, one verdict line each on stdout: "ok", "ok <its
// encoding>" with `print`, or "invalid <message>". Exit 1 when any line is invalid.
// Decision: every line is a document, an empty one too (an empty query string is a valid request, an empty JSON text is not); only the newline that ends the last line starts no document, as in JSON Lines.
template <class T, options Opts, bool Query>
int check_lines(const streams& io, std::string_view text, bool print) {
  int rc = exit_ok;
  std::string verdict;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const result<std::string> r = recode<T, Opts, Query>(trim_line_end(line), print);
    if (r) {
      verdict = print ? "ok " + *r : "ok";
    } else {
      rc = exit_invalid;
      verdict = "invalid ";
      // A message is one line already; a line break in it would split one verdict into two.
      for (char c : r.error().message()) verdict += (c == '\n' || c == '\r') ? ' ' : c;
    }
    put_line(io.out, verdict);
  }
  return rc;
}

// `text` as one document, or (`lines`) as one per line.
template <class T, options Opts, bool Query>
int check_text(const streams& io, std::string_view text, bool print, bool lines) {
  return lines ? check_lines<T, Opts, Query>(io, text, print) : check_document<T, Opts, Query>(io, text, print);
}

template <class D, options Opts>
int validate_as(const streams& io, doc_kind kind, std::string_view text, bool print, bool lines) {
  constexpr bool query_request = D::request_in == request_location::query_string;
  switch (kind) {
    case doc_kind::request: return check_text<typename D::request, Opts, query_request>(io, text, print, lines);
    case doc_kind::response: return check_text<typename D::response, Opts, false>(io, text, print, lines);
    case doc_kind::error: return check_text<typename D::error, Opts, false>(io, text, print, lines);
  }
  return exit_usage;
}

template <class Endpoints>
int cmd_endpoints(const streams& io, std::span<const std::string_view> args) {
  if (!args.empty()) return usage_error(io, "endpoints takes no arguments");
  Endpoints::for_each([&]<class D>() { put_line(io.out, name_of<D>()); });
  return exit_ok;
}

// Splits args into flags (only those listed in `known`) and positionals. "--" ends the flags, so a
// file whose name starts with '-' can still be named; a lone "-" is a positional (stdin).
// Returns the first unknown flag, or an empty view.
inline std::string_view split_args(std::span<const std::string_view> args, std::span<const std::string_view> known,
                                   std::vector<std::string_view>& flags, std::vector<std::string_view>& positional) {
  bool options_done = false;
  for (std::string_view a : args) {
    if (options_done || a.size() < 2 || a.front() != '-') {
      positional.push_back(a);
    } else if (a == "--") {
      options_done = true;
    } else {
      bool ok = false;
      for (std::string_view k : known) ok = ok || k == a;
      if (!ok) return a;
      flags.push_back(a);
    }
  }
  return {};
}

inline bool has_flag(const std::vector<std::string_view>& flags, std::string_view f) {
  for (std::string_view x : flags)
    if (x == f) return true;
  return false;
}

template <class Endpoints>
int cmd_validate(const streams& io, std::span<const std::string_view> args) {
  static constexpr std::string_view known[] = {"--strict", "--print", "--lines"};
  std::vector<std::string_view> flags, positional;
  if (auto bad = split_args(args, known, flags, positional); !bad.empty())
    return usage_error(io, "unknown option " + std::string(bad));
  const bool strict_mode = has_flag(flags, "--strict");
  const bool print = has_flag(flags, "--print");
  const bool lines = has_flag(flags, "--lines");
  if (positional.size() < 2) return usage_error(io, "validate needs ENDPOINT and KIND");
  if (positional.size() > 3) return usage_error(io, "validate takes at most one FILE");
  doc_kind kind{};
  if (!parse_kind(positional[1], kind))
    return usage_error(io, "unknown kind " + std::string(positional[1]) + " (request, response or error)");

  int rc = exit_usage;
  const bool found = with_endpoint<Endpoints>(positional[0], [&]<class D>() {
    std::string text, why;
    if (!read_input(positional.size() == 3 ? positional[2] : "-", io.in, text, why)) {
      rc = usage_error(io, why);
      return;
    }
    rc = strict_mode ? validate_as<D, genwire::strict>(io, kind, text, print, lines)
                     : validate_as<D, genwire::lenient>(io, kind, text, print, lines);
  });
  if (!found) return usage_error(io, "unknown endpoint " + std::string(positional[0]) + " (see genwire endpoints)");
  return rc;
}

inline bool parse_code(std::string_view s, int& code) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), code);
  return ec == std::errc{} && end == s.data() + s.size() && code >= 100 && code <= 599;
}

inline constexpr std::string_view composed_note =
    "genwire: note: this body is composed by genwire from the documented fields (the reference page shows none "
    "for this status, or one that breaks the provider's published schema)";

// `example --examples DIR`, on the mock's example files: defined in cli_example_files.hpp.
inline int cmd_example_files(const streams& io, std::span<const std::string_view> args);

template <class Endpoints>
int cmd_example(const streams& io, std::span<const std::string_view> args) {
  if (args.empty()) return usage_error(io, "example needs ENDPOINT");
  if (args[0] == "--examples") return cmd_example_files(io, args.subspan(1));
  if (args.size() > 2) return usage_error(io, "example takes ENDPOINT and at most one CODE");
  int code = 200;
  if (args.size() == 2 && !parse_code(args[1], code))
    return usage_error(io, "CODE must be an HTTP status code, not " + std::string(args[1]));

  int rc = exit_invalid;
  const bool found = with_endpoint<Endpoints>(args[0], [&]<class D>() {
    if (const status_doc* s = find_status<D>(code); s != nullptr && !s->body.empty()) {
      put_line(io.out, s->body);
      // On stderr so that stdout stays exactly the body, ready to pipe into validate.
      if (s->body_origin == provenance::composed) put_line(io.err, composed_note);
      rc = exit_ok;
      return;
    }
    std::string with_body, without_body;
    for (const status_doc& s : D::statuses) {
      std::string& list = s.body.empty() ? without_body : with_body;
      list += (list.empty() ? "" : ", ") + std::to_string(s.code);
    }
    std::string msg = "genwire: " + std::string(name_of<D>()) + " documents ";
    msg += find_status<D>(code) != nullptr ? "no body for status " : "no status ";
    msg += std::to_string(code) + "; codes with an example body: " + (with_body.empty() ? "none" : with_body);
    if (!without_body.empty()) msg += "; documented without a body: " + without_body;
    put_line(io.err, msg);
  });
  if (!found) return usage_error(io, "unknown endpoint " + std::string(args[0]) + " (see genwire endpoints)");
  return rc;
}

inline int cmd_json_check(const streams& io, std::span<const std::string_view> args) {
  std::vector<std::string_view> flags, positional;
  if (auto bad = split_args(args, {}, flags, positional); !bad.empty())
    return usage_error(io, "unknown option " + std::string(bad));
  if (positional.size() > 1) return usage_error(io, "json-check takes at most one FILE");
  std::string text, why;
  if (!read_input(positional.empty() ? "-" : positional[0], io.in, text, why)) return usage_error(io, why);
  if (auto st = genwire::check_json(text); !st) return report_invalid(io, st.error());
  return exit_ok;
}

}  // namespace genwire::cli

#include "cli_schema.hpp"  // schema, openapi, examples: built on the helpers above

namespace genwire::cli {
// `call` and `wait`, on genwire::client: defined in cli_call.hpp.
template <class Endpoints>
int cmd_call(const streams& io, std::span<const std::string_view> args);
template <class Endpoints>
int cmd_wait(const streams& io, std::span<const std::string_view> args);

template <class Endpoints>
int run(std::span<const std::string_view> argv, const streams& io) {
  if (argv.empty()) return usage_error(io, "no command given");
  const std::string_view cmd = argv.front();
  const auto args = argv.subspan(1);
  for (std::string_view a : args) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") return put(io.out, usage_text), exit_ok;
  }
  if (cmd == "help" || cmd == "--help" || cmd == "-h") return put(io.out, usage_text), exit_ok;
  if (cmd == "--version") return put_line(io.out, "genwire " GENWIRE_VERSION), exit_ok;
  if (cmd == "endpoints") return cmd_endpoints<Endpoints>(io, args);
  if (cmd == "validate") return cmd_validate<Endpoints>(io, args);
  if (cmd == "example") return cmd_example<Endpoints>(io, args);
  if (cmd == "json-check") return cmd_json_check(io, args);
  if (cmd == "schema") return cmd_schema<Endpoints>(io, args);
  if (cmd == "openapi") return cmd_openapi<Endpoints>(io, args);
  if (cmd == "examples") return cmd_examples<Endpoints>(io, args);
  if (cmd == "call") return cmd_call<Endpoints>(io, args);
  if (cmd == "wait") return cmd_wait<Endpoints>(io, args);
  return usage_error(io, "unknown command " + std::string(cmd));
}

// Entry point for main(): argv as given to main, the process's stdio.
template <class Endpoints>
int run(int argc, char** argv) {
  std::vector<std::string_view> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  const int rc = run<Endpoints>(std::span<const std::string_view>(args), streams{stdin, stdout, stderr});
  // A full disk or closed pipe must not turn into "valid": report it as the failure it is.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fputs("genwire: cannot write standard output\n", stderr);
    return rc == exit_ok ? exit_invalid : rc;
  }
  return rc;
}

}  // namespace genwire::cli
