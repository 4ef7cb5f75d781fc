// Tests of `genwire schema`, `genwire openapi` and `genwire examples` as users run them: the built
// binary's output is compared with the library's own generators for every endpoint, and is JSON.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include <genwire/core/examples.hpp>
#include <genwire/openapi.hpp>
#include <genwire/genwire.hpp>

#include "cli_test_support.hpp"

#ifndef GENWIRE_EXPECTED_VERSION
#error "GENWIRE_EXPECTED_VERSION must be the CMake project version"
#endif

namespace {

using namespace genwire_cli_test;

template <class D, genwire::options Opts>
std::string expected_schema(std::string_view kind) {
  if (kind == "request") {
    if constexpr (D::request_in == genwire::request_location::query_string)
      return genwire::query_schema<typename D::request, Opts>() + "\n";
    else
      return genwire::json_schema<typename D::request, Opts>() + "\n";
  }
  if (kind == "response") return genwire::json_schema<typename D::response, Opts>() + "\n";
  return genwire::json_schema<typename D::error, Opts>() + "\n";
}

TEST(CliSchema, EveryEndpointKindAndModeIsTheLibrarysSchema) {
  int checked = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const char* kind : {"request", "response", "error"}) {
      const outcome lenient = run_cli({"schema", std::string(D::name), kind});
      EXPECT_EQ(lenient.code, exit_ok) << D::name << " " << kind << ": " << lenient.err;
      EXPECT_EQ(lenient.err, "");
      EXPECT_EQ(lenient.out, (expected_schema<D, genwire::lenient>(kind))) << D::name << " " << kind;
      EXPECT_TRUE(genwire::check_json(lenient.out).ok()) << D::name << " " << kind;

      // Flags may stand anywhere after the command, as for validate.
      const outcome strict = run_cli({"schema", "--strict", std::string(D::name), kind});
      EXPECT_EQ(strict.code, exit_ok) << strict.err;
      EXPECT_EQ(strict.out, (expected_schema<D, genwire::strict>(kind))) << D::name << " " << kind;
      ++checked;
    }
  });
  EXPECT_EQ(checked, 3 * static_cast<int>(genwire::all_endpoints::size));
}

TEST(CliSchema, AQueryRequestIsItsParametersAndAJsonRequestItsBody) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const auto schema = genwire::parse_json(run_cli({"schema", std::string(D::name), "request"}).out);
    ASSERT_TRUE(schema.has_value()) << D::name;
    EXPECT_EQ(*schema->find("$schema"), genwire::json::value("https://json-schema.org/draft/2020-12/schema"));
    EXPECT_EQ(*schema->find("type"), genwire::json::value("object"));
    // Every declared parameter or member, by its wire key.
    const genwire::json::value* properties = schema->find("properties");
    using keys = genwire::detail::key_table<typename D::request>;
    for (std::size_t i = 0; i < keys::size; ++i)
      EXPECT_NE(properties == nullptr ? nullptr : properties->find(keys::keys[i]), nullptr) << D::name << " " << keys::keys[i];
  });
}

TEST(CliSchema, UsageErrors) {
  expect_usage_error(run_cli({"schema"}), "schema takes ENDPOINT and KIND");
  expect_usage_error(run_cli({"schema", "flora.list_generations"}), "schema takes ENDPOINT and KIND");
  expect_usage_error(run_cli({"schema", "flora.list_generations", "response", "x"}), "schema takes ENDPOINT and KIND");
  expect_usage_error(run_cli({"schema", "nobody.nothing", "response"}), "unknown endpoint nobody.nothing");
  expect_usage_error(run_cli({"schema", "flora.list_generations", "answer"}), "unknown kind answer");
  expect_usage_error(run_cli({"schema", "flora.list_generations", "response", "--print"}), "unknown option --print");
}

TEST(CliOpenapi, TheWholeDocumentIsTheLibrarysForEveryEndpoint) {
  const genwire::openapi_info info{"genwire endpoints", GENWIRE_EXPECTED_VERSION, {}};
  const outcome o = run_cli({"openapi"});
  EXPECT_EQ(o.code, exit_ok) << o.err;
  EXPECT_EQ(o.err, "");
  EXPECT_EQ(o.out, genwire::openapi_document<genwire::all_endpoints>(info) + "\n");
  const auto doc = genwire::parse_json(o.out);
  ASSERT_TRUE(doc.has_value()) << doc.error().message();
  EXPECT_EQ(*doc->find("info")->find("version"), genwire::json::value(GENWIRE_EXPECTED_VERSION));
  genwire::all_endpoints::for_each([&]<class D>() {
    const genwire::json::value* item = doc->find("paths")->find(D::path);
    ASSERT_NE(item, nullptr) << D::name;
    const genwire::json::value* op = item->find(D::method == genwire::http_method::get ? "get" : "post");
    ASSERT_NE(op, nullptr) << D::name;
    EXPECT_EQ(*op->find("operationId"), genwire::json::value(std::string(D::name)));
  });
  const std::string strict = genwire::openapi_document<genwire::all_endpoints, genwire::strict>(info) + "\n";
  EXPECT_EQ(run_cli({"openapi", "--strict"}).out, strict);
}

TEST(CliOpenapi, AProviderGetsADocumentOfItsOwnEndpoints) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const std::string provider(D::provider);
    const std::string title = "genwire endpoints: " + provider;
    const genwire::openapi_info info{title, GENWIRE_EXPECTED_VERSION, D::provider};
    for (bool strict : {false, true}) {
      const outcome o = strict ? run_cli({"openapi", provider, "--strict"}) : run_cli({"openapi", provider});
      EXPECT_EQ(o.code, exit_ok) << provider << ": " << o.err;
      EXPECT_EQ(o.out, (strict ? genwire::openapi_document<genwire::all_endpoints, genwire::strict>(info)
                               : genwire::openapi_document<genwire::all_endpoints>(info)) +
                           "\n")
          << provider;
    }
  });
}

TEST(CliOpenapi, UsageErrors) {
  expect_usage_error(run_cli({"openapi", "nobody"}), "unknown provider nobody (one of diffio, flora, depicta, hedra)");
  expect_usage_error(run_cli({"openapi", "flora", "hedra"}), "openapi takes at most one PROVIDER");
  expect_usage_error(run_cli({"openapi", "--provider=flora"}), "unknown option --provider=flora");
}

TEST(CliExamples, EveryExampleDocumentWithItsExactText) {
  genwire::all_endpoints::for_each([&]<class D>() {
    const outcome o = run_cli({"examples", std::string(D::name)});
    EXPECT_EQ(o.code, exit_ok) << o.err;
    const auto list = genwire::parse_json(o.out);
    ASSERT_TRUE(list.has_value() && list->is_array()) << D::name;
    const std::vector<genwire::example_document> expected = genwire::example_documents<D>();
    ASSERT_EQ(list->as_array()->size(), expected.size()) << D::name;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const genwire::json::value& e = (*list->as_array())[i];
      EXPECT_EQ(*e.find("name"), genwire::json::value(expected[i].name));
      EXPECT_EQ(*e.find("status"), genwire::json::value(expected[i].status));
      EXPECT_EQ(*e.find("body"), genwire::json::value(std::string(expected[i].body))) << D::name << " " << expected[i].name;
      EXPECT_EQ(*e.find("origin"), genwire::json::value(expected[i].origin == genwire::provenance::documented ? "documented" : "composed"));
      const char* kind = expected[i].kind == genwire::example_kind::request ? "request"
                         : expected[i].kind == genwire::example_kind::response ? "response" : "error";
      EXPECT_EQ(*e.find("kind"), genwire::json::value(kind));
      // What the list gives is what validate takes.
      EXPECT_EQ(run_cli({"validate", std::string(D::name), kind}, expected[i].body).code, exit_ok) << D::name << " " << expected[i].name;
    }
  });
}

TEST(CliExamples, UsageErrors) {
  expect_usage_error(run_cli({"examples"}), "examples needs exactly one ENDPOINT");
  expect_usage_error(run_cli({"examples", "nobody.nothing"}), "unknown endpoint nobody.nothing");
}

TEST(CliSchemaHelp, TheNewCommandsAreListed) {
  const outcome help = run_cli({"--help"});
  for (const char* needle : {"schema ENDPOINT KIND [--strict]", "openapi [PROVIDER] [--strict]", "examples ENDPOINT"})
    EXPECT_NE(help.out.find(needle), std::string::npos) << needle;
  const outcome wrong = run_cli({"nothing"});
  for (const char* needle : {"genwire schema ENDPOINT request|response|error [--strict]", "genwire openapi [PROVIDER] [--strict]",
                             "genwire examples ENDPOINT"})
    EXPECT_NE(wrong.err.find(needle), std::string::npos) << needle;
}

}  // namespace
