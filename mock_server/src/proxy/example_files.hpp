// Example files: answers kept on disk (by --record, or written by hand) that the mock serves like
// the documented examples, after checking them with the endpoint's models at start-up. One JSON
// object per file (README.md, "Record and replay"):
//
//   {"endpoint": "<provider>.<endpoint>", "status": 200, "name": "recorded-0123abcd4567ef89",
//    "default": false, "headers": [{"name": "Content-Type", "value": "application/json"}],
//    "body": <the answer's JSON, byte for byte>}
//
// "default" and "headers" may be left out; "body" too when the status has none (204).
// Internal to genwire_mock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <genwire/genwire.hpp>

#include "../routing/prepared_endpoint.hpp"

namespace genwire::mock::detail {

// Decision: headers are a list of {name, value} objects rather than one object, so a header may repeat and keeps its order.
struct example_file_header {
  std::string name;
  std::string value;
};

// The file as genwire decodes it; "default" (a C++ keyword) is read from `rest`.
struct example_file {
  std::string endpoint;
  int status = 0;
  std::string name;
  std::optional<std::vector<example_file_header>> headers;
  std::optional<genwire::raw_json> body;
  genwire::extra_members rest;
};

// One checked file, ready to join its endpoint's entry.
struct loaded_example {
  std::string endpoint;
  bool is_default = false;  // the answer for its status (Prefer: code=, and the documented data)
  named_example example;
};

// Every *.json file of each directory (in name order), checked: a file that cannot be read, does
// not decode, names no endpoint, has a status the endpoint does not document, or a body its
// models refuse (under the default rules) throws std::invalid_argument naming the file and the
// JSON path ("dir/x.json: body.data[0].status: expected ..., found ...").
std::vector<loaded_example> load_example_files(const std::vector<std::string>& dirs);

// Adds the loaded examples of entry `e`'s endpoint to it; throws std::invalid_argument when a
// name is already taken, or two files are the default for one status.
void add_loaded_examples(prepared_endpoint& e, const std::vector<loaded_example>& loaded);

}  // namespace genwire::mock::detail
