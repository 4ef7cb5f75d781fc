// Every input a fuzzer ever failed on (tests/regression/inputs/<target>/<name>) replayed through
// that target's property checks (fuzz/*.hpp), in every preset and under g++ as well as clang; plus
// one test per finding that pins the corrected behaviour down by value. fuzz/README.md says how
// to add an input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include <genwire/genwire.hpp>

#include "synthetic.hpp"
#include "targets.hpp"

#ifndef GENWIRE_REGRESSION_INPUTS
#error "GENWIRE_REGRESSION_INPUTS must name tests/regression/inputs"
#endif

namespace fs = std::filesystem;

namespace {

struct saved_input {
  std::string target;
  fs::path file;
};

// gtest prints a parameter on failure; the path says it all.
void PrintTo(const saved_input& in, std::ostream* os) { *os << in.file; }

std::vector<saved_input> saved_inputs() {
  std::vector<saved_input> out;
  for (const auto& dir : fs::directory_iterator(GENWIRE_REGRESSION_INPUTS)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.is_regular_file()) out.push_back({dir.path().filename().string(), f.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

class SavedInput : public ::testing::TestWithParam<saved_input> {};

TEST_P(SavedInput, HoldsItsTargetsProperties) {
  const saved_input& in = GetParam();
#if !GENWIRE_FUZZ_HAVE_MOCK
  if (in.target == "mock_handle") GTEST_SKIP() << "the mock is not built in this configuration";
#endif
  const auto& targets = genwire_regression::targets();
  const auto it = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.first == in.target; });
  ASSERT_NE(it, targets.end()) << in.file << ": the directory does not name a fuzz target (tests/regression/targets_*.cpp)";
  const std::string bytes = read_file(in.file);
  EXPECT_EQ(it->second(bytes), "") << in.file;
}

std::string test_name(const ::testing::TestParamInfo<saved_input>& info) {
  std::string name = info.param.target + "_" + info.param.file.filename().string();
  for (char& c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fuzz, SavedInput, ::testing::ValuesIn(saved_inputs()), test_name);

TEST(FuzzRegressionInputs, EveryDirectoryNamesABuiltTarget) {
  const auto& targets = genwire_regression::targets();
  std::size_t directories = 0;
  for (const auto& dir : fs::directory_iterator(GENWIRE_REGRESSION_INPUTS)) {
    if (!dir.is_directory()) continue;
    ++directories;
    const std::string name = dir.path().filename().string();
#if !GENWIRE_FUZZ_HAVE_MOCK
    if (name == "mock_handle") continue;  // the mock is not built in this configuration
#endif
    EXPECT_TRUE(std::any_of(targets.begin(), targets.end(), [&](const auto& t) { return t.first == name; })) << name;
  }
  EXPECT_GT(directories, 0U);
}

// ---- one test per finding, by value ----

// json_value, "-0.0": a negative zero was written as "-0", which reads back as the integer 0, so a
// second to_json wrote "0" (the encoding was not a fixed point).
TEST(FuzzFinding, NegativeZeroSurvivesTwoRoundTrips) {
  const auto v = genwire::parse_json("-0.0");
  ASSERT_TRUE(v.has_value());
  const std::string once = genwire::to_json(*v);
  const auto back = genwire::parse_json(once);
  ASSERT_TRUE(back.has_value()) << once;
  EXPECT_EQ(genwire::to_json(*back), once);
  const double* d = std::get_if<double>(&back->get());
  ASSERT_NE(d, nullptr) << once << " read back as a non-double";
  EXPECT_EQ(*d, 0.0);
  EXPECT_TRUE(std::signbit(*d));
}

// synthetic_query, "min_score=-1.5e7": the query encoder wrote the double as "-1.5e+07" and the
// decoder, reading '+' as a space, refused its own output.
TEST(FuzzFinding, QueryDoubleWithExponentRoundTrips) {
  const auto q = genwire::decode_query<genwire_fuzz::synthetic::query>("project_id=x&min_score=-1.5e7&ratio=3e30");
  ASSERT_TRUE(q.has_value()) << q.error().message();
  const auto text = genwire::encode_query(*q);
  ASSERT_TRUE(text.has_value()) << text.error().message();
  EXPECT_EQ(text->find('+'), std::string::npos) << *text;
  const auto back = genwire::decode_query<genwire_fuzz::synthetic::query>(*text);
  ASSERT_TRUE(back.has_value()) << *text << ": " << back.error().message();
  EXPECT_EQ(back->min_score, -1.5e7);
  EXPECT_EQ(back->ratio, 3e30f);
}

// diffio_list_project_generations_response, "progress": 429466299796729645: not a library bug but
// a property that was too strict. A double member rounds an integer beyond 2^53 to its nearest
// double and writes that; the strict round trip now accepts exactly that rounding and no other.
TEST(FuzzFinding, DoubleMemberKeepsTheNearestDoubleOfABigInteger) {
  const std::string body = R"({"apiProjectId":"p","generations":[{"generationId":"g","modelKey":"m",)"
                           R"("progress":429466299796729645,"updatedAt":"2025-01-05T12:41:00Z"}]})";
  const auto r = genwire::decode<genwire::diffio::list_project_generations_response, genwire::strict>(body);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  const auto& g = r->generations.at(0);
  ASSERT_TRUE(g.progress && *g.progress);
  EXPECT_EQ(**g.progress, 429466299796729664.0);
  const auto text = genwire::encode(*r);
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find(R"("progress":429466299796729664)"), std::string::npos) << *text;
}

// json_value, 3311 nested '[': the harness re-checked deep inputs against nlohmann with the depth
// limit raised to the input's length, and parse_json's recursion overflowed the 8 MB stack under
// ASan (about 2.5 KB a level). The re-check now stops at 1024 levels; the default limit stops such
// input at the 257th level with a clear error.
TEST(FuzzFinding, DeepArraysStopAtTheDefaultDepth) {
  const std::string deep(3311, '[');
  const auto v = genwire::parse_json(deep);
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().code, genwire::errc::depth_exceeded);
  EXPECT_EQ(v.error().offset, 256U);
}

}  // namespace
