// genwire::openapi_document: every descriptor's method, path, parameters, auth, statuses, headers,
// schemas and examples land where OpenAPI 3.1 puts them, read back from the generated text.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <string_view>
#include <vector>

#include <genwire/core/examples.hpp>
#include <genwire/openapi.hpp>
#include <genwire/genwire.hpp>

namespace {

namespace gw = genwire;
using gw::json::value;

value document(const gw::openapi_info& info = {}) {
  const std::string text = gw::openapi_document<gw::all_endpoints>(info);
  EXPECT_TRUE(gw::check_json(text).ok());
  auto doc = gw::parse_json(text);
  EXPECT_TRUE(doc.has_value());
  return doc ? *doc : value();
}

template <class D>
const value& operation(const value& doc) {
  static const value none;
  const value* item = doc.find("paths")->find(D::path);
  const value* op = item == nullptr ? nullptr : item->find(D::method == gw::http_method::get ? "get" : "post");
  EXPECT_NE(op, nullptr) << D::name;
  return op != nullptr ? *op : none;
}

// The schema a "$ref" names, in the same document.
const value* resolve(const value& doc, const value& ref_holder) {
  const std::string* ref = ref_holder.find("$ref") ? ref_holder.find("$ref")->as_string() : nullptr;
  const std::string prefix = "#/components/schemas/";
  if (ref == nullptr || ref->rfind(prefix, 0) != 0) return nullptr;
  return doc.find("components")->find("schemas")->find(ref->substr(prefix.size()));
}

TEST(OpenapiDocument, VersionInfoAndOneTagPerProvider) {
  const value doc = document({.title = "t", .version = "9.8.7"});
  EXPECT_EQ(*doc.find("openapi"), value("3.1.0"));
  EXPECT_EQ(*doc.find("info")->find("title"), value("t"));
  EXPECT_EQ(*doc.find("info")->find("version"), value("9.8.7"));
  EXPECT_EQ(*doc.find("tags"), value(gw::json::array{value(gw::json::object{{"name", "diffio"}}), value(gw::json::object{{"name", "flora"}}),
                                                       value(gw::json::object{{"name", "depicta"}}), value(gw::json::object{{"name", "hedra"}})}));
  // Several base URLs: each operation names its own, the document none.
  EXPECT_EQ(doc.find("servers"), nullptr);
}

TEST(OpenapiDocument, EveryEndpointIsAnOperationAtItsRealPathAndServer) {
  const value doc = document();
  std::size_t operations = 0;
  for (const auto& [path, item] : *doc.find("paths")->as_object()) operations += item.as_object()->size();
  EXPECT_EQ(operations, gw::all_endpoints::size);
  gw::all_endpoints::for_each([&]<class D>() {
    const value& op = operation<D>(doc);
    EXPECT_EQ(*op.find("operationId"), value(std::string(D::name)));
    EXPECT_EQ(*op.find("tags"), value(gw::json::array{std::string(D::provider)}));
    EXPECT_EQ(*op.find("servers"), value(gw::json::array{value(gw::json::object{{"url", std::string(D::base_url)}})})) << D::name;
  });
}

TEST(OpenapiDocument, AuthHeadersBecomeSecuritySchemesOneAlternativeEach) {
  const value doc = document();
  const value& schemes = *doc.find("components")->find("securitySchemes");
  gw::all_endpoints::for_each([&]<class D>() {
    const value& security = *operation<D>(doc).find("security");
    ASSERT_EQ(security.as_array()->size(), D::auth.size()) << D::name;
    for (std::size_t i = 0; i < D::auth.size(); ++i) {
      const auto& requirement = *(*security.as_array())[i].as_object();
      ASSERT_EQ(requirement.size(), 1u);
      const value* scheme = schemes.find(requirement[0].first);
      ASSERT_NE(scheme, nullptr) << requirement[0].first;
      if (D::auth[i].header == "Authorization" && D::auth[i].prefix == "Bearer ") {
        EXPECT_EQ(*scheme, value(gw::json::object{{"type", "http"}, {"scheme", "bearer"}})) << D::name;
      } else {
        EXPECT_EQ(*scheme->find("type"), value("apiKey"));
        EXPECT_EQ(*scheme->find("in"), value("header"));
        EXPECT_EQ(*scheme->find("name"), value(std::string(D::auth[i].header))) << D::name;
      }
    }
  });
  // Diffio takes any of three headers.
  EXPECT_NE(schemes.find("diffio.bearer"), nullptr);
  EXPECT_NE(schemes.find("diffio.X-Api-Key"), nullptr);
  EXPECT_NE(schemes.find("diffio.Xi-Api-Key"), nullptr);
  EXPECT_NE(schemes.find("hedra.X-API-Key"), nullptr);
}

TEST(OpenapiDocument, QueryRequestsAreParametersJsonRequestsABody) {
  const value doc = document();
  gw::all_endpoints::for_each([&]<class D>() {
    const value& op = operation<D>(doc);
    if constexpr (D::request_in == gw::request_location::query_string) {
      EXPECT_EQ(op.find("requestBody"), nullptr) << D::name;
      const value expected = gw::query_schema_value<typename D::request>();
      // A request without parameters (flora.get_run's) has no "properties" at all.
      const value* properties = expected.find("properties");
      const std::size_t query_count = properties ? properties->as_object()->size() : 0;
      const value* params = op.find("parameters");
      std::size_t seen = 0;
      if (params) {
        for (const value& p : *params->as_array()) {
          if (*p.find("in") != value("query")) continue;  // path parameters have their own test
          ++seen;
          const std::string& name = *p.find("name")->as_string();
          ASSERT_NE(properties, nullptr) << D::name << " " << name;
          EXPECT_EQ(*p.find("schema"), *properties->find(name)) << D::name << " " << name;
        }
      }
      EXPECT_EQ(seen, query_count) << D::name;
    } else {
      const value& body = *op.find("requestBody");
      EXPECT_EQ(*body.find("required"), value(true));
      const value& media = *body.find("content")->find("application/json");
      const value* schema = resolve(doc, *media.find("schema"));
      ASSERT_NE(schema, nullptr) << D::name;
      EXPECT_EQ(*schema, gw::json_schema_value<typename D::request>()) << D::name;
      // Every request example, parsed.
      for (const gw::example& e : D::examples) {
        if (e.kind != gw::example_kind::request) continue;
        EXPECT_EQ(*media.find("examples")->find(e.name)->find("value"), *gw::parse_json(e.body)) << D::name << " " << e.name;
      }
    }
  });
}

TEST(OpenapiDocument, AQueryExampleGivesEachParameterItsTypedValue) {
  const value doc = document();
  // depicta.list_jobs: "limit=20&offset=0".
  const value& params = *operation<gw::depicta::list_jobs_endpoint>(doc).find("parameters");
  for (const value& p : *params.as_array()) {
    const value* example = p.find("examples")->find("request");
    ASSERT_NE(example, nullptr);
    EXPECT_EQ(*example->find("value"), value(*p.find("name") == value("limit") ? 20 : 0));
  }
}

TEST(OpenapiDocument, EveryDocumentedStatusWithItsSchemaHeadersAndExamples) {
  const value doc = document();
  gw::all_endpoints::for_each([&]<class D>() {
    const value& responses = *operation<D>(doc).find("responses");
    ASSERT_EQ(responses.as_object()->size(), D::statuses.size()) << D::name;
    const std::vector<gw::example_document> documents = gw::example_documents<D>();
    for (const gw::status_doc& s : D::statuses) {
      const value* r = responses.find(std::to_string(s.code));
      ASSERT_NE(r, nullptr) << D::name << " " << s.code;
      EXPECT_NE(r->find("description")->as_string()->find(std::string(s.meaning)), std::string::npos);
      EXPECT_EQ(*r->find("x-genwire-treatment"), value(std::string(gw::to_string(s.treat))));
      for (const gw::header_field& h : s.headers) {
        if (h.name.empty()) continue;
        EXPECT_EQ(*r->find("headers")->find(h.name)->find("example"), value(std::string(h.value))) << D::name << " " << s.code;
      }
      if (s.body.empty()) {
        EXPECT_EQ(r->find("content"), nullptr) << D::name << " " << s.code;
        continue;
      }
      const value& media = *r->find("content")->find("application/json");
      const value* schema = resolve(doc, *media.find("schema"));
      ASSERT_NE(schema, nullptr) << D::name << " " << s.code;
      EXPECT_EQ(*schema, gw::is_success_status(s.code) ? gw::json_schema_value<typename D::response>()
                                                        : gw::json_schema_value<typename D::error>());
      // The status body first (what the mock answers for the code), then every other example of the code.
      const auto& examples = *media.find("examples")->as_object();
      ASSERT_FALSE(examples.empty());
      EXPECT_EQ(examples[0].first, gw::status_example_name<D>(s.code));
      EXPECT_EQ(*examples[0].second.find("value"), *gw::parse_json(s.body)) << D::name << " " << s.code;
      std::size_t expected = 0;
      for (const gw::example_document& e : documents)
        if (e.status == s.code && e.kind != gw::example_kind::request) {
          ++expected;
          const value* ex = media.find("examples")->find(e.name);
          ASSERT_NE(ex, nullptr) << D::name << " " << e.name;
          EXPECT_EQ(*ex->find("value"), *gw::parse_json(e.body));
          EXPECT_EQ(ex->find("summary") != nullptr, e.origin == gw::provenance::composed) << D::name << " " << e.name;
        }
      EXPECT_EQ(examples.size(), expected) << D::name << " " << s.code;
    }
  });
}

TEST(OpenapiDocument, FloraSendsItsRequestIdOnEveryAnswer) {
  const value doc = document();
  const value& responses = *operation<gw::flora::list_generations_endpoint>(doc).find("responses");
  for (const auto& [code, r] : *responses.as_object()) {
    const value* h = r.find("headers") ? r.find("headers")->find("request-id") : nullptr;
    ASSERT_NE(h, nullptr) << code;
    EXPECT_EQ(*h->find("example"), value(std::string(gw::flora::request_id_example)));
  }
  // Others declare none.
  EXPECT_EQ(operation<gw::hedra::list_generations_endpoint>(doc).find("responses")->find("200")->find("headers"), nullptr);
  EXPECT_EQ(gw::response_headers_of<gw::hedra::list_generations_endpoint>().size(), 0u);
  EXPECT_EQ(gw::response_headers_of<gw::flora::get_run_endpoint>().size(), 1u);
}

TEST(OpenapiDocument, AProvidersDocumentHasItsOwnPathsUnderItsServer) {
  gw::all_endpoints::for_each([&]<class D>() {
    const value doc = document({.provider = D::provider});
    EXPECT_EQ(*doc.find("servers"), value(gw::json::array{value(gw::json::object{{"url", std::string(D::base_url)}})}));
    const value& op = operation<D>(doc);
    EXPECT_EQ(op.find("servers"), nullptr) << D::name;
    for (const auto& [path, item] : *doc.find("paths")->as_object())
      for (const auto& [method, o] : *item.as_object()) EXPECT_EQ(*o.find("tags"), value(gw::json::array{std::string(D::provider)})) << path;
    for (const auto& [name, schema] : *doc.find("components")->find("schemas")->as_object())
      EXPECT_EQ(name.rfind(std::string(D::provider) + ".", 0), 0u) << name;
  });
  EXPECT_TRUE(document({.provider = "nobody"}).find("paths")->as_object()->empty());
}

TEST(OpenapiDocument, AListOfProvidersKeepsExactlyTheirOperations) {
  const std::string_view two[] = {gw::hedra::provider_name, gw::flora::provider_name};
  const value doc = document({.providers = two});
  std::vector<std::string> kept;
  for (const auto& [path, item] : *doc.find("paths")->as_object())
    for (const auto& [method, o] : *item.as_object()) kept.push_back(*o.find("operationId")->as_string());
  std::vector<std::string> expected;
  gw::all_endpoints::for_each([&]<class D>() {
    if (D::provider == two[0] || D::provider == two[1]) expected.emplace_back(D::name);
  });
  std::sort(kept.begin(), kept.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(kept, expected);
  // Two base URLs: each operation names its own server, and the document none.
  EXPECT_EQ(doc.find("servers"), nullptr);
  // With `provider` as well, only what both select.
  const value one = document({.provider = gw::flora::provider_name, .providers = two});
  EXPECT_EQ(one, document({.provider = gw::flora::provider_name}));
  EXPECT_TRUE(document({.provider = gw::diffio::provider_name, .providers = two}).find("paths")->as_object()->empty());
}

TEST(OpenapiDocument, PathParametersAreRequiredSegments) {
  using list = gw::endpoint_list<gw::flora::list_generations_endpoint, gw::flora::get_run_endpoint>;
  auto doc = gw::parse_json(gw::openapi_document<list, gw::strict>({}));
  ASSERT_TRUE(doc.has_value());
  const value* op = doc->find("paths")->find("/api/v1/runs/{runId}")->find("get");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(*op->find("parameters"),
            value(gw::json::array{value(gw::json::object{{"name", "runId"},
                                                         {"in", "path"},
                                                         {"required", true},
                                                         {"schema", gw::json::object{{"type", "string"}}},
                                                         // The descriptor's example_path, /api/v1/runs/run_abc123.
                                                         {"examples", gw::json::object{{"example_path", gw::json::object{{"value", "run_abc123"}}}}}})}));
  EXPECT_EQ(*resolve(*doc, *op->find("responses")->find("200")->find("content")->find("application/json")->find("schema")),
            (gw::json_schema_value<gw::flora::run, gw::strict>()));
  // One base URL: the document's server only.
  EXPECT_EQ(op->find("servers"), nullptr);
  EXPECT_EQ(*doc->find("servers"), value(gw::json::array{value(gw::json::object{{"url", "https://app.flora.ai"}})}));
}

struct twin_endpoint : gw::depicta::list_jobs_endpoint {
  static constexpr std::string_view name = "depicta.twin";
};
static_assert(!gw::detail::routes_are_unique(static_cast<const gw::endpoint_list<gw::depicta::list_jobs_endpoint, twin_endpoint>*>(nullptr)),
              "two descriptors with one method and path are caught at compile time");
static_assert(gw::detail::routes_are_unique(static_cast<const gw::all_endpoints*>(nullptr)));

TEST(ExampleDocuments, NamedExamplesThenStatusBodiesNoneRepeats) {
  // get_run's 403 and 500 bodies are in its status table only.
  const std::vector<gw::example_document> docs = gw::example_documents<gw::flora::get_run_endpoint>();
  std::vector<std::string> names;
  for (const auto& d : docs) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{"request", "response", "response_running", "response_failed", "error_401",
                                             "error_401_invalid_api_key", "error_404", "error_429", "error_503", "status_403",
                                             "status_500"}));
  EXPECT_EQ(docs.back().kind, gw::example_kind::error);
  EXPECT_EQ(docs.back().body, gw::flora::example_error_500);
  EXPECT_EQ(gw::status_example_name<gw::flora::get_run_endpoint>(200), "response");
  EXPECT_EQ(gw::status_example_name<gw::flora::get_run_endpoint>(403), "status_403");
  EXPECT_EQ(gw::status_example_name<gw::diffio::list_project_generations_endpoint>(204), "");
  // Fragments are not documents.
  for (const auto& d : gw::example_documents<gw::diffio::get_generation_progress_endpoint>()) EXPECT_NE(d.name, "stage");
}

}  // namespace
