// Run by fuzz/CMakeLists.txt at configure time (try_run): one line per descriptor of
// genwire::all_endpoints, "<name>|body" or "<name>|query" (where its request travels), so the
// endpoint fuzz targets are a list built from all_endpoints, never a copy of it.
#include <cstdio>

#include <genwire/endpoints.hpp>

int main() {
  genwire::all_endpoints::for_each([]<class D>() {
    const bool query = D::request_in == genwire::request_location::query_string;
    std::printf("%.*s|%s\n", static_cast<int>(D::name.size()), D::name.data(), query ? "query" : "body");
  });
  return 0;
}
