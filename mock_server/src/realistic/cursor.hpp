// Opaque, tamper-evident page cursors (a list's next-page cursor): base64url of
// {"offset":N,"sig":"<hex>"}, where sig is a SipHash-2-4 of the position and the cursor's scope
// (caller and filters), keyed from the seed. A cursor edited by hand, minted under another seed,
// or passed back with other filters or another key does not open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace genwire::mock::realistic {

// SipHash-2-4 (Aumasson and Bernstein, 2012) with the 128-bit key (k0, k1) as two little-endian words.
std::uint64_t siphash24(std::uint64_t k0, std::uint64_t k1, std::string_view message) noexcept;

// RFC 4648 section 5, without padding.
std::string base64url_encode(std::string_view bytes);
// Accepts only the unpadded alphabet; nullopt for anything else (including impossible lengths).
std::optional<std::string> base64url_decode(std::string_view text);

class cursor_signer {
 public:
  explicit cursor_signer(std::uint64_t seed) noexcept;
  [[nodiscard]] std::string make(std::uint64_t position, std::string_view scope) const;
  // The position, or nullopt when the cursor was not made by this signer for this scope.
  [[nodiscard]] std::optional<std::uint64_t> open(std::string_view cursor, std::string_view scope) const;

 private:
  [[nodiscard]] std::string sign(std::uint64_t position, std::string_view scope) const;
  std::uint64_t k0_ = 0, k1_ = 0;
};

}  // namespace genwire::mock::realistic
