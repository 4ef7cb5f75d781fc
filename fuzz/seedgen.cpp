// fuzz/seedgen.cpp: writes the seed corpora, one directory per fuzz target, from
//   - every example body and status-table body of every descriptor in genwire::all_endpoints,
//   - the synthetic model's examples (fuzz/synthetic.hpp),
//   - the string literals in the unit tests that look like query strings or JSON documents,
//   - a handful of JSON edge cases below.
// Run by the build (target genwire_fuzz_seeds); the corpora follow the descriptors automatically.
//
//   genwire_fuzz_seedgen <out-dir> <tests-dir> <endpoint-target-prefix>...
//
// The trailing arguments are the endpoint target prefixes CMake builds ("flora_list_generations");
// the run fails when they do not match all_endpoints, so a new endpoint cannot go unfuzzed.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/genwire.hpp>

#include "endpoint_targets.hpp"
#include "synthetic.hpp"

#if GENWIRE_FUZZ_HAVE_MOCK
#include <genwire/mock/api_keys.hpp>
#include <genwire/mock/server.hpp>
#endif

namespace fs = std::filesystem;

namespace {

std::map<std::string, std::set<std::string>> corpora;  // target -> seeds

void add(const std::string& target, std::string_view seed) { corpora[target].insert(std::string(seed)); }

bool is_json_document(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  return i < s.size() && (s[i] == '{' || s[i] == '[') && genwire::check_json(s);
}

void add_json(std::string_view body) {
  add("json_check", body);
  add("json_value", body);
}

// Inputs that sit on the edges of RFC 8259 and of genwire's number and string handling.
void add_json_edges() {
  const std::string_view edges[] = {
      "[]", "{}", "null", "true", "false", "0", "-0", "-0.0e+0", "1E-7", "0.1", "1.5e308", "2.2250738585072014e-308",
      "4.9e-324", "2.4703282292062327e-324", "1e-400", "1e400", "-1e400", "123456789012345678901234567890",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551615", "18446744073709551616", "\"\\u0000\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
      "[1,[2,[3,{\"a\":[{}]}]]]", "{\"a\":1,\"a\":2}", " \t\r\n[ ] \n", "\xEF\xBB\xBF{}", "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"",
      "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\x80\"", "\"\xF0\x9F\x98\"",
      "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", ".5", "+1", "1e", "-", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"",
      "\"\\ud800\\u0041\"", "\"\t\"", "[1] x", "tru", "nul", "\"abc", "[\"a\",{\"b\":[null,true,false,-1.25e-3]}]",
  };
  for (auto e : edges) add_json(e);
  add_json(std::string(300, '[') + std::string(300, ']'));
  add_json(std::string(255, '[') + std::string(255, ']'));
  add_json(std::string(256, '[') + std::string(256, ']'));
  add_json(std::string(257, '[') + std::string(257, ']'));
}

void add_synthetic() {
  for (auto e : genwire_fuzz::synthetic::page_examples) {
    add("synthetic", e);
    add_json(e);
  }
  for (auto q : genwire_fuzz::synthetic::query_examples) add("synthetic_query", q);
}

// ---- descriptors ----

std::vector<std::string> built_prefixes;

template <class D>
void add_endpoint() {
  const std::string prefix = genwire_fuzz::target_prefix<D>();
  built_prefixes.push_back(prefix);
  constexpr bool query = D::request_in == genwire::request_location::query_string;
  const auto add_request = [&](std::string_view body) {
    if constexpr (query) {
      add(prefix + "_query", body);
      // The JSON form of the same request seeds the JSON request target.
      if (auto r = genwire::decode_query<typename D::request>(body))
        if (auto j = genwire::encode(*r)) add(prefix + "_request", *j);
    } else {
      add(prefix + "_request", body);
      add_json(body);
    }
  };
  for (const genwire::example& ex : D::examples) {
    switch (ex.kind) {
      case genwire::example_kind::request: add_request(ex.body); break;
      case genwire::example_kind::response: add(prefix + "_response", ex.body), add_json(ex.body); break;
      case genwire::example_kind::error: add(prefix + "_error", ex.body), add_json(ex.body); break;
      case genwire::example_kind::fragment: add_json(ex.body); break;
    }
  }
  for (const genwire::status_doc& s : D::statuses) {
    if (s.body.empty()) continue;
    add(prefix + (s.code >= 200 && s.code < 300 ? "_response" : "_error"), s.body);
    add_json(s.body);
  }
#if GENWIRE_FUZZ_HAVE_MOCK
  // The mock: the documented request with each auth header and built-in key, each documented
  // code and example asked for with Prefer, the wrong method, a preflight.
  const std::string method(genwire::to_string(D::method));
  std::string target(genwire::example_path_of<D>()), body;
  for (const genwire::example& ex : D::examples)
    if (ex.kind == genwire::example_kind::request) {
      if constexpr (query) target = std::string(genwire::example_path_of<D>()) + "?" + std::string(ex.body);
      else body = std::string(ex.body);
      break;
    }
  const auto request_text = [&](std::string_view m, std::string_view headers) {
    return std::string(m) + " " + target + "\r\n" + std::string(headers) + "\r\n" + body;
  };
  std::string good_auth;
  for (const genwire::auth_scheme& a : D::auth) {
    for (const auto& k : genwire::mock::builtin_keys()) {
      const std::string line = std::string(a.header) + ": " + std::string(a.prefix) + k.key + "\r\n";
      if (good_auth.empty() && k.active && k.read) good_auth = line;
      add("mock_handle", request_text(method, line + "Content-Type: application/json\r\n"));
    }
    add("mock_handle", request_text(method, std::string(a.header) + ": " + std::string(a.prefix) + "nope\r\n"));
  }
  add("mock_handle", request_text(method, ""));
  for (const genwire::status_doc& s : D::statuses)
    add("mock_handle", request_text(method, good_auth + "Prefer: code=" + std::to_string(s.code) + "\r\n"));
  for (const genwire::example& ex : D::examples)
    add("mock_handle", request_text(method, good_auth + "Prefer: example=" + std::string(ex.name) + "\r\n"));
  add("mock_handle", request_text(method == "GET" ? "POST" : "GET", good_auth));
  add("mock_handle", request_text("OPTIONS", ""));
  add("mock_handle", request_text("HEAD", good_auth));
  add("mock_handle", request_text(method, good_auth + "Prefer: code=999\r\n"));
#endif

  // An empty request is a valid seed for both request forms (every request member may be optional).
  add(prefix + "_request", "{}");
  if constexpr (query) add(prefix + "_query", "");
}

// ---- the unit tests' literals ----

// Decodes the C++ string literals of a source file (ordinary and raw; no prefixes, no
// concatenation: good enough for seeds).
std::vector<std::string> string_literals(const std::string& src) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src[i] == '/' && i + 1 < src.size() && src[i + 1] == '/') {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (src[i] == '\'') {  // a character literal such as '"'
      i += (i + 1 < src.size() && src[i + 1] == '\\') ? 3 : 2;
      continue;
    }
    if (src[i] == 'R' && i + 1 < src.size() && src[i + 1] == '"') {
      const std::size_t open = src.find('(', i + 2);
      if (open == std::string::npos) break;
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = src.find(close, open + 1);
      if (end == std::string::npos) break;
      out.push_back(src.substr(open + 1, end - open - 1));
      i = end + close.size() - 1;
      continue;
    }
    if (src[i] != '"') continue;
    std::string lit;
    std::size_t j = i + 1;
    for (; j < src.size() && src[j] != '"' && src[j] != '\n'; ++j) {
      if (src[j] != '\\' || j + 1 >= src.size()) {
        lit += src[j];
        continue;
      }
      const char e = src[++j];
      switch (e) {
        case 'n': lit += '\n'; break;
        case 't': lit += '\t'; break;
        case 'r': lit += '\r'; break;
        case 'b': lit += '\b'; break;
        case 'f': lit += '\f'; break;
        case '0': lit += '\0'; break;
        case 'x': {
          unsigned v = 0;
          std::size_t k = j + 1;
          for (; k < src.size() && k < j + 3 && std::isxdigit(static_cast<unsigned char>(src[k])); ++k)
            v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(src[k])) ? src[k] - '0' : (src[k] | 0x20) - 'a' + 10);
          lit += static_cast<char>(v);
          j = k - 1;
          break;
        }
        default: lit += e;
      }
    }
    out.push_back(std::move(lit));
    i = j;
  }
  return out;
}

bool looks_like_query(std::string_view s) {
  if (s.empty() || s.size() > 2000 || s.find('=') == std::string_view::npos) return false;
  for (char c : s)
    if (c == ' ' || c == '{' || c == '}' || c == '"' || c == '\n' || c == '(' || c == ';') return false;
  return true;
}

void add_test_literals(const fs::path& tests_dir, const std::vector<std::string>& query_targets) {
  if (!fs::is_directory(tests_dir)) return;
  for (const auto& entry : fs::recursive_directory_iterator(tests_dir)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    const std::string src((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (const std::string& lit : string_literals(src)) {
      if (looks_like_query(lit)) {
        add("synthetic_query", lit);
        for (const auto& t : query_targets) add(t, lit);
      } else if (is_json_document(lit)) {
        add_json(lit);
      }
    }
  }
}

std::string seed_name(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable names, so rewriting is idempotent
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  char buf[24];
  std::snprintf(buf, sizeof buf, "seed-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <out-dir> <tests-dir> <endpoint-target-prefix>...\n", argv[0]);
    return 2;
  }
  const fs::path out = argv[1];
  std::vector<std::string> expected(argv + 3, argv + argc);

  add_json_edges();
#if GENWIRE_FUZZ_HAVE_MOCK
  add("mock_handle", "GET /__admin/endpoints\r\n\r\n");
  add("mock_handle", "GET /__admin/requests\r\n\r\n");
  add("mock_handle", "DELETE /__admin/requests\r\n\r\n");
  add("mock_handle", "GET /nowhere?x=1\r\n\r\n");
#endif
  add_synthetic();
  genwire::all_endpoints::for_each([]<class D>() { add_endpoint<D>(); });

  std::vector<std::string> sorted_built = built_prefixes, sorted_expected = expected;
  std::sort(sorted_built.begin(), sorted_built.end());
  std::sort(sorted_expected.begin(), sorted_expected.end());
  if (sorted_built != sorted_expected) {
    std::fprintf(stderr, "seedgen: fuzz/CMakeLists.txt's endpoint list does not match genwire::all_endpoints:\n");
    for (const auto& b : sorted_built) std::fprintf(stderr, "  all_endpoints: %s\n", b.c_str());
    for (const auto& e : sorted_expected) std::fprintf(stderr, "  CMake list:    %s\n", e.c_str());
    return 1;
  }

  std::vector<std::string> query_targets;
  for (const auto& [target, seeds] : corpora)
    if (target.size() > 6 && target.ends_with("_query") && target != "synthetic_query") query_targets.push_back(target);
  add_test_literals(argv[2], query_targets);

  std::size_t files = 0;
  for (const auto& [target, seeds] : corpora) {
    const fs::path dir = out / target;
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const std::string& s : seeds) {
      std::ofstream(dir / seed_name(s), std::ios::binary) << s;
      ++files;
    }
  }
  std::printf("seedgen: %zu seeds for %zu targets in %s\n", files, corpora.size(), out.c_str());
  return 0;
}
