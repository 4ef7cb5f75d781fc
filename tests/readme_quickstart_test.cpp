// The README's quick start, compiled and run, so the first code a newcomer copies keeps working.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

// --- README quick start: begin ---
#include <genwire/genwire.hpp>
#include <iostream>

int list_statuses(std::string_view body, std::ostream& out) {
  auto page = genwire::decode<genwire::flora::list_generations_response>(body);
  if (!page) return std::cerr << page.error().message() << '\n', 1;  // path: expected X, found Y (offset N)
  for (const auto& g : page->generations) out << g.generation_id << ' ' << to_string(genwire::summarize(g).state) << '\n';
  return 0;
}
// --- README quick start: end ---

TEST(ReadmeQuickstart, PrintsEachGenerationOfTheDocumentedExample) {
  std::ostringstream out;
  EXPECT_EQ(list_statuses(genwire::flora::example_response, out), 0);
  EXPECT_EQ(out.str(), "run_abc123 queued\n");
}

TEST(ReadmeQuickstart, ReportsWhereABodyIsWrong) {
  std::ostringstream out;
  EXPECT_EQ(list_statuses(R"({"generations":[{"created_at":"yesterday"}],"meta":{}})", out), 1);
  auto page = genwire::decode<genwire::flora::list_generations_response>(R"({"generations":[{"created_at":"yesterday"}],"meta":{}})");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message(), "generations[0].created_at: expected a number, found string \"yesterday\" (offset 30)");
}
