// The JSON the mock writes about itself (admin API, mock errors), as genwire structs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace genwire::mock::detail {

struct mock_error_detail {
  std::string kind;  // also the X-Genwire-Mock-Error header: "undocumented-code", "unknown-route", ...
  std::string message;
  std::optional<std::string> endpoint;
  std::optional<int> requested_code;
  std::optional<std::vector<int>> documented_codes;
};
struct mock_error_body {
  mock_error_detail genwire_mock_error;
};

struct admin_header {
  std::string name;
  std::string value;
};
struct admin_code {
  int code = 0;
  std::string meaning;
  std::string treat;  // "complete", "auth error", ...
  std::string body;   // "documented", "composed" or "none"
  std::string source;  // where the row is documented: "endpoint page", "provider docs" or "sdk"
  std::vector<admin_header> headers;
};
struct admin_auth {
  std::string header;
  std::string prefix;
};
// An example served from a file (--examples).
struct admin_example_file {
  std::string name;
  int status = 0;
  std::string file;
  bool serves_by_default = false;  // the file said "default": true: the answer for its status
};
struct admin_endpoint {
  std::string name;  // the descriptor's name, "<provider>.<endpoint>"
  std::string provider;
  std::string method;
  std::string path;
  std::string allow;
  std::vector<admin_auth> auth;
  std::vector<admin_code> codes;
  std::vector<std::string> examples;  // names usable with Prefer: example=
  std::vector<admin_example_file> example_files;  // those of the examples that came from files
};
struct admin_endpoints {
  std::vector<admin_endpoint> endpoints;
};

struct admin_cleared {
  std::size_t cleared = 0;
};

}  // namespace genwire::mock::detail
