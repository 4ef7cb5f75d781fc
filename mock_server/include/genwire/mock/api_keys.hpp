// genwire/mock/api_keys.hpp: the API keys the mock accepts, and the JSON file (`--config`) that adds more.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>

namespace genwire::mock {

// What a key may do. Providers document both rules ("API keys must be active", "Permissions: read");
// the other providers' policies map them onto their own 401/403 answers.
struct key_record {
  std::string key;
  bool active = true;
  bool read = true;
  bool owns_examples = true;  // owns the documented example data (projects, generations, jobs)
};

// gw_test_read, gw_test_inactive, gw_test_noread, gw_test_other (README: "built-in keys").
std::vector<key_record> builtin_keys();

// The `--config` file, decoded by genwire itself:
//   {"keys": [{"key": "my_key", "active": true, "read": true, "owns_examples": true}]}
// Omitted flags default to true. Strict: an unknown member (a typo such as "owns_example") is an error.
struct config_file_key {
  genwire::non_empty_string key;
  std::optional<bool> active;
  std::optional<bool> read;
  std::optional<bool> owns_examples;
};
struct config_file {
  std::vector<config_file_key> keys;
};

// The keys in a config file's text, or genwire's error (path, expected, found, offset).
genwire::result<std::vector<key_record>> parse_config(std::string_view json);

}  // namespace genwire::mock
