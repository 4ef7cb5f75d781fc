// Every endpoint target in one program: fuzz_endpoints holds the properties of all of them
// (fuzz/endpoint_targets.hpp) and runs the one its name says. CMake links it as
// fuzz_<target> for each target (fuzz_flora_list_generations_response -> fuzz_endpoints), so each
// is run, listed and reproduced like any other target; GENWIRE_FUZZ_TARGET=<target> chooses
// one when the program is started under another name.
//
// One program, not one per target: each would compile the same core and property code again
// (23 of them took about 4 CPU minutes of the asan build), while the codecs themselves come
// compiled from genwire::endpoints.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "endpoint_targets.hpp"

namespace {

genwire_fuzz::finding (*chosen)(std::string_view) = nullptr;

std::string_view target_of(const char* program) {
  if (const char* named = std::getenv("GENWIRE_FUZZ_TARGET"); named && *named) return named;
  std::string_view name(program ? program : "");
  if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.starts_with("fuzz_")) name.remove_prefix(5);
  return name;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const std::string_view wanted = target_of(*argc > 0 ? (*argv)[0] : nullptr);
  std::string known;
  genwire_fuzz::for_each_endpoint_target([&](const std::string& name, genwire_fuzz::finding (*property)(std::string_view)) {
    if (name == wanted) chosen = property;
    known += ' ' + name;
  });
  if (!chosen) {
    std::fprintf(stderr, "fuzz_endpoints: no endpoint target '%.*s'; run it as fuzz_<target> or set GENWIRE_FUZZ_TARGET to one of:%s\n",
                 static_cast<int>(wanted.size()), wanted.data(), known.c_str());
    std::exit(2);
  }
  return 0;
}

#define GENWIRE_FUZZ_PROPERTY (*chosen)
#include "entry.hpp"
