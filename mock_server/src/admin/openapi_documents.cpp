#include "openapi_documents.hpp"

#include <algorithm>

#include <genwire/openapi.hpp>

#ifndef GENWIRE_VERSION
#error "GENWIRE_VERSION must be defined by the build (mock_server/CMakeLists.txt passes the project version)"
#endif

namespace genwire::mock::detail {

openapi_documents::openapi_documents(const endpoint_table& table) {
  std::vector<std::string_view> served;
  for (const auto& r : table.routes())
    if (std::find(served.begin(), served.end(), r->entry().provider) == served.end()) served.push_back(r->entry().provider);
  const auto add = [&](std::string_view provider) {
    // Titled as `genwire openapi` titles them, so the mock's document and the tool's are one text.
    const std::string title = provider.empty() ? "genwire endpoints" : "genwire endpoints: " + std::string(provider);
    const genwire::openapi_info info{title, GENWIRE_VERSION, provider, served};
    documents_.push_back({std::string(provider), genwire::openapi_document<genwire::all_endpoints, genwire::lenient>(info),
                          genwire::openapi_document<genwire::all_endpoints, genwire::strict>(info)});
  };
  add({});
  for (std::string_view p : served) add(p);
}

const std::string* openapi_documents::find(std::string_view provider, bool strict) const noexcept {
  for (const texts& d : documents_)
    if (d.provider == provider) return strict ? &d.strict : &d.lenient;
  return nullptr;
}

std::string openapi_documents::providers() const {
  std::string out;
  for (const texts& d : documents_)
    if (!d.provider.empty()) out += (out.empty() ? "" : ", ") + d.provider;
  return out;
}

}  // namespace genwire::mock::detail
