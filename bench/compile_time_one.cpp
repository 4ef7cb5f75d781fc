// bench/compile_time_one.cpp: the smallest realistic user of genwire that bench/compile_time.sh
// times: the umbrella header, and one endpoint's response (FLORA's list of generations) decoded
// and encoded once, with the default options. With -DGENWIRE_CT_EXTERN=1 the codec comes from
// genwire::endpoints (declared extern through <genwire/compiled_endpoints.hpp>).
#include <genwire/genwire.hpp>

#if defined(GENWIRE_CT_EXTERN) && GENWIRE_CT_EXTERN
#include <genwire/compiled_endpoints.hpp>
#endif

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
  using endpoint = genwire::flora::list_generations_endpoint;
  std::string_view text = argc > 1 ? std::string_view(argv[1]) : genwire::flora::example_response;  // or the documented one
  auto page = genwire::decode<endpoint::response>(text);
  if (!page) return std::fprintf(stderr, "%s\n", page.error().message().c_str()), 1;
  auto json = genwire::encode(*page);
  if (!json) return std::fprintf(stderr, "%s\n", json.error().message().c_str()), 1;
  std::printf("%s\n", json->c_str());
  return 0;
}
