// genwire/mock/example_files.hpp: the example files genwire-mock --record writes and --examples
// serves (README.md, "Record and replay"), read and checked as the mock reads them at start-up,
// for tools that list or print them (`genwire example --examples DIR`).
#pragma once

#include <string>
#include <vector>

#include "http.hpp"

namespace genwire::mock {

struct example_file_entry {
  std::string file;      // the path it was read from
  std::string endpoint;  // "<provider>.<endpoint>"
  std::string name;      // for Prefer: example=NAME
  int status = 0;
  bool is_default = false;  // "default": true
  std::vector<header> headers;
  std::string body;  // byte for byte; "" when the file has none
};

// Every *.json file of each directory, in name order, checked with the endpoint's models. Throws
// std::invalid_argument naming the file and the JSON path of the first one that does not check.
std::vector<example_file_entry> read_example_files(const std::vector<std::string>& dirs);

}  // namespace genwire::mock
