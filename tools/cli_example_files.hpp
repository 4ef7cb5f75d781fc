// tools/cli_example_files.hpp: `genwire example --examples DIR [ENDPOINT NAME]`, the example
// files genwire-mock --record writes and --examples serves, read and checked as the mock reads
// them (genwire/mock/example_files.hpp): without ENDPOINT NAME one line per file
// ("flora.get_run 200 recorded-3f9a0c1d2b4e5f60 [default] DIR/file.json"), with them that file's
// body, byte for byte. A file that does not check is exit 1, with its path and JSON path.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "cli_io.hpp"

#if GENWIRE_CLI_HAS_MOCK
#include <genwire/mock/example_files.hpp>
#endif

namespace genwire::cli {

inline int cmd_example_files(const streams& io, std::span<const std::string_view> args) {
#if GENWIRE_CLI_HAS_MOCK
  if (args.empty()) return usage_error(io, "example --examples needs DIR");
  if (args.size() != 1 && args.size() != 3) return usage_error(io, "example --examples DIR takes nothing more, or ENDPOINT and NAME");
  std::vector<genwire::mock::example_file_entry> files;
  try {
    files = genwire::mock::read_example_files({std::string(args[0])});
  } catch (const std::invalid_argument& e) {
    put(io.err, "genwire: ");
    put_line(io.err, e.what());
    return exit_invalid;
  }
  if (args.size() == 1) {
    for (const auto& f : files)
      put_line(io.out, f.endpoint + " " + std::to_string(f.status) + " " + f.name + (f.is_default ? " default " : " ") + f.file);
    return exit_ok;
  }
  for (const auto& f : files) {
    if (f.endpoint != args[1] || f.name != args[2]) continue;
    put_line(io.out, f.body);
    return exit_ok;
  }
  return usage_error(io, "no example file in " + std::string(args[0]) + " for " + std::string(args[1]) + " named " + std::string(args[2]));
#else
  (void)args;
  return usage_error(io, "example --examples needs genwire built with the mock server (genwire_mock)");
#endif
}

}  // namespace genwire::cli
