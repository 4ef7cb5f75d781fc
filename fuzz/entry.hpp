// fuzz/entry.hpp: the libFuzzer entry point shared by every target. GENWIRE_FUZZ_PROPERTY names the
// property function (fuzz/properties.hpp and friends); a finding is printed and aborts the run,
// which libFuzzer records as a crash with the input saved for reproduction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "properties.hpp"

#ifndef GENWIRE_FUZZ_PROPERTY
#error "define GENWIRE_FUZZ_PROPERTY before including fuzz/entry.hpp"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const genwire_fuzz::finding f = GENWIRE_FUZZ_PROPERTY(input);
  if (!f.empty()) {
    std::fprintf(stderr, "\n==genwire-fuzz== PROPERTY VIOLATED\n%s\n==genwire-fuzz== input (%zu bytes): %s\n",
                 f.c_str(), size, genwire_fuzz::printable(input, 2000).c_str());
    std::abort();
  }
  return 0;
}
