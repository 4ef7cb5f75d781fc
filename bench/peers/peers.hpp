// bench/peers/peers.hpp: what each peer TU provides, for every shape in plain.hpp. Each peer lives
// in its own translation unit, which never includes genwire (compile time and memory stay
// reasonable on a small machine, and no peer can lean on genwire code).
//
//   decode(p, out)  the payload's text into a fresh plain struct; throws on malformed input
//   encode(v)       the struct as JSON; the view stays valid until the next encode() on this thread
#pragma once

#include <string_view>

#include "../payload.hpp"
#include "plain.hpp"

// Every plain shape the peers are instantiated for.
#define BENCH_PLAIN_SHAPES(X)                  \
  X(bench::plain::diffio::list_response)       \
  X(bench::plain::diffio::error_envelope)      \
  X(bench::plain::diffio::progress_response)   \
  X(bench::plain::flora::list_response)        \
  X(bench::plain::flora::run_response)         \
  X(bench::plain::flora::error_envelope)       \
  X(bench::plain::depicta::list_response)      \
  X(bench::plain::depicta::error_envelope)     \
  X(bench::plain::hedra::list_response)        \
  X(bench::plain::hedra::error_envelope)

namespace bench::peers {

namespace simdjson_peer {
template <class T>
void decode(const payload& p, T& out);
}
namespace rapidjson_peer {
template <class T>
void decode(const payload& p, T& out);
template <class T>
std::string_view encode(const T& v);
}  // namespace rapidjson_peer
namespace boost_peer {
template <class T>
void decode(const payload& p, T& out);
template <class T>
std::string_view encode(const T& v);
}  // namespace boost_peer
namespace nlohmann_peer {
template <class T>
void decode(const payload& p, T& out);
template <class T>
std::string_view encode(const T& v);
}  // namespace nlohmann_peer

}  // namespace bench::peers

// In a peer TU: BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_DECODE) after defining the templates.
#define BENCH_INSTANTIATE_DECODE(P) template void decode<P>(const bench::payload&, P&);
#define BENCH_INSTANTIATE_ENCODE(P) template std::string_view encode<P>(const P&);
