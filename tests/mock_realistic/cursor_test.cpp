// The cursor's building blocks: SipHash-2-4 against the paper's test vector, base64url, signing.
#include <string>

#include "../../mock_server/src/realistic/cursor.hpp"
#include "realistic_support.hpp"

namespace {

namespace rl = genwire::mock::realistic;

TEST(Cursor, SipHashMatchesThePapersVector) {
  // Appendix A of "SipHash: a fast short-input PRF": key 00..0f, message 00..0e.
  std::string message;
  for (int i = 0; i < 15; ++i) message += static_cast<char>(i);
  EXPECT_EQ(rl::siphash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, message), 0xa129ca6149be45e5ULL);
  EXPECT_NE(rl::siphash24(1, 2, "a"), rl::siphash24(1, 3, "a"));
}

TEST(Cursor, Base64UrlRoundTripsAndRejectsOtherText) {
  EXPECT_EQ(rl::base64url_encode(R"({"offset":20})"), "eyJvZmZzZXQiOjIwfQ");
  EXPECT_EQ(rl::base64url_encode("\xfb\xff"), "-_8");
  for (std::string s : {std::string(), std::string("a"), std::string("ab"), std::string("abc"), std::string("\0\xff\x10", 3)})
    EXPECT_EQ(rl::base64url_decode(rl::base64url_encode(s)), s);
  EXPECT_FALSE(rl::base64url_decode("eyJ=")) << "no padding";
  EXPECT_FALSE(rl::base64url_decode("ab+/")) << "not the standard alphabet";
  EXPECT_FALSE(rl::base64url_decode("a")) << "impossible length";
  EXPECT_FALSE(rl::base64url_decode("-_9")) << "non-zero unused bits";
}

TEST(Cursor, SignerOpensOnlyItsOwnCursorsForTheSameScope) {
  const rl::cursor_signer a(1), b(2);
  const std::string c = a.make(40, "scope");
  EXPECT_EQ(a.open(c, "scope"), 40u);
  EXPECT_FALSE(a.open(c, "other scope"));
  EXPECT_FALSE(b.open(c, "scope"));
  EXPECT_EQ(a.make(40, "scope"), c) << "deterministic";
  EXPECT_NE(a.make(41, "scope"), c);
}

}  // namespace
