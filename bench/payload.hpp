// bench/payload.hpp: one benchmark input, as every codec sees it.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace bench {

// simdjson reads up to this many bytes past the end of a document; every payload buffer has them.
inline constexpr std::size_t read_padding = 64;

struct payload {
  std::string name;       // "flora.list_generations/100", "error/flora/429"
  std::string endpoint;   // descriptor name
  std::string provider;
  bool is_error = false;
  std::size_t items = 0;  // elements of the top-level list (0 for error bodies)
  std::string buffer;     // the JSON text followed by read_padding zero bytes

  [[nodiscard]] std::string_view text() const { return {buffer.data(), buffer.size() - read_padding}; }
  [[nodiscard]] std::size_t size() const { return buffer.size() - read_padding; }
  static std::string padded(std::string_view json) {
    std::string b(json);
    b.append(read_padding, '\0');
    return b;
  }
};

[[noreturn]] inline void die(const std::string& what) {
  std::fprintf(stderr, "bench: %s\n", what.c_str());
  std::abort();
}

}  // namespace bench
