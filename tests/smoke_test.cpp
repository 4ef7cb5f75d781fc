// Temporary smoke test: proves the GoogleTest wiring works. Replace me.
#include <gtest/gtest.h>

#include <string>

TEST(Smoke, StringConcatenationAndSearch) {
  std::string name = "genwire";
  name += "/0.1.0";
  EXPECT_EQ(name.size(), 13U);
  EXPECT_EQ(name.substr(0, 7), "genwire");
  EXPECT_EQ(name.find('/'), 7U);
  EXPECT_EQ(name.find("json"), std::string::npos);
}
