// bench/peers/glaze_peer.hpp: glaze 6.4 (the C++ reference for reflected JSON) as a peer, built
// only when CMake is given GENWIRE_GLAZE_INCLUDE_DIR (then GENWIRE_BENCH_GLAZE is 1). Its
// translation unit, glaze_peer.cpp, is the only one compiled as C++23 and the only one that
// includes glaze; it reads and writes the same plain structs as the other peers.
//
//   decode(p, out)          glz::opts{.error_on_unknown_keys = false}, against genwire's default mode
//   decode_checked(p, out)  unknown and missing keys are errors too, against genwire::strict
//   encode_to(v, buffer)    glz::write_json(v, buffer) into a reused buffer, against encode_to
//
// Both decoders read into `out` as it is: a fresh value, or a reused one whose strings and vectors
// keep their capacity (glaze's own behaviour). They throw on malformed input, like the other peers.
#pragma once

#include <string>

#include "../payload.hpp"

namespace bench::peers::glaze_peer {

template <class T>
void decode(const payload& p, T& out);
template <class T>
void decode_checked(const payload& p, T& out);
template <class T>
void encode_to(const T& v, std::string& buffer);

}  // namespace bench::peers::glaze_peer
