#include <genwire/mock/api_keys.hpp>

namespace genwire::mock {

std::vector<key_record> builtin_keys() {
  return {
      {"gw_test_read", true, true, true},
      {"gw_test_inactive", false, true, true},
      {"gw_test_noread", true, false, true},
      {"gw_test_other", true, true, false},
  };
}

genwire::result<std::vector<key_record>> parse_config(std::string_view json) {
  auto file = genwire::decode<config_file, genwire::strict>(json);
  if (!file) return file.error();
  std::vector<key_record> out;
  out.reserve(file->keys.size());
  for (const auto& k : file->keys)
    out.push_back({k.key.value, k.active.value_or(true), k.read.value_or(true), k.owns_examples.value_or(true)});
  return out;
}

}  // namespace genwire::mock
