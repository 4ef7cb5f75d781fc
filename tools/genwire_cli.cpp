// tools/genwire_cli.cpp: the `genwire` executable. The commands live in cli.hpp, written against
// any endpoint_list; this file only binds them to the library's one list of endpoints.
#include <genwire/genwire.hpp>

#include "cli.hpp"
#include "cli_call.hpp"
#include "cli_example_files.hpp"

int main(int argc, char** argv) { return genwire::cli::run<genwire::all_endpoints>(argc, argv); }
