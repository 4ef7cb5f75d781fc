// Links the installed genwire::endpoints: FLORA's list response decoded and encoded again, and a
// strict decode refusing an unknown key, through codecs this program does not compile itself.
#include <cstdio>
#include <string>
#include <string_view>

#include <genwire/compiled_endpoints.hpp>

int main() {
  using response = genwire::flora::list_generations_endpoint::response;
  for (const genwire::example& ex : genwire::flora::list_generations_endpoint::examples) {
    if (ex.kind != genwire::example_kind::response) continue;
    auto page = genwire::decode<response>(ex.body);
    if (!page) return std::fprintf(stderr, "%s: %s\n", std::string(ex.name).c_str(), page.error().message().c_str()), 1;
    auto again = genwire::encode(*page);
    if (!again) return std::fprintf(stderr, "%s: %s\n", std::string(ex.name).c_str(), again.error().message().c_str()), 1;
    auto round = genwire::decode<response>(*again);
    if (!round || round->generations.size() != page->generations.size()) return std::fprintf(stderr, "round trip changed %s\n", std::string(ex.name).c_str()), 1;
    const std::string_view body = *again;
    const std::string extra = std::string(body.substr(0, body.size() - 1)) + ",\"unknown_member\":1}";
    auto strict = genwire::decode<response, genwire::strict>(extra);
    if (strict || strict.error().code != genwire::errc::unknown_key)
      return std::fprintf(stderr, "strict decode of %s did not refuse the unknown key\n", std::string(ex.name).c_str()), 1;
    std::printf("genwire::endpoints: %s: %zu generations, strict: %s\n", std::string(ex.name).c_str(), page->generations.size(),
                strict.error().message().c_str());
    return 0;
  }
  return std::fprintf(stderr, "no response example\n"), 1;
}
