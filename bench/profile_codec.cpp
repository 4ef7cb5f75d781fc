// bench/profile_codec.cpp: one codec on one payload in a loop, nothing else timed or checked: the
// program to run under valgrind --tool=callgrind, whose instruction counts are deterministic (the
// machine's load does not change them), so genwire and a peer can be compared exactly per byte.
//
//   genwire-codec-profile list                       the payload names
//   genwire-codec-profile OP LIB PAYLOAD [N]         OP decode|encode; N loops (100); LIB one of
//     decode: genwire, genwire-strict, genwire-reuse, genwire-strict-reuse (decode_into a used value),
//             simdjson, rapidjson, boost.json, nlohmann, glaze, glaze-checked, glaze-reuse, glaze-checked-reuse
//     encode: genwire (clear + encode_to a reused buffer), genwire-into (encode_into it),
//             genwire-fresh (encode), rapidjson, boost.json, nlohmann, glaze (write_json into a
//             reused buffer)
//   (the glaze ones when built with GENWIRE_GLAZE_INCLUDE_DIR)
//
// Built with valgrind's callgrind.h (Debian package valgrind) when it is there, so that
// `valgrind --tool=callgrind --instr-atstart=no` counts the loop alone. bench/README.md and
// bench/callgrind_ratios.sh show the command lines. Correctness is codec_bench's job (it checks
// every peer's values against genwire's before timing anything); this only repeats the work.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <genwire/genwire.hpp>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_PROFILE_START() CALLGRIND_START_INSTRUMENTATION
#define BENCH_PROFILE_STOP() CALLGRIND_STOP_INSTRUMENTATION
#else
#define BENCH_PROFILE_START() (void)0
#define BENCH_PROFILE_STOP() (void)0
#endif

#include "generate.hpp"
#include "peers/peers.hpp"
#include "peers/plain_of.hpp"
#if GENWIRE_BENCH_GLAZE
#include "peers/glaze_peer.hpp"
#endif

namespace {

using namespace bench;

// Runs `body` n times after one uncounted round: under callgrind --instr-atstart=no only the loop
// is counted (no payload generation, no setup), with buffers and reused values at their steady
// size, as in the benchmark's timed loops. Each codec gets its own loop, so choosing it costs
// nothing inside.
template <class Body>
int repeat(long n, Body body) {
  body();
  BENCH_PROFILE_START();
  for (long i = 0; i < n; ++i) body();
  BENCH_PROFILE_STOP();
  return 0;
}

template <class G>
int run(const std::string& op, const std::string& lib, const payload& p, long n) {
  using P = typename plain_of<G>::type;
  auto value = genwire::decode<G>(p.text());
  if (!value) die("genwire cannot decode " + p.name);
  P plain{};
  peers::rapidjson_peer::decode(p, plain);
  G reused = *value;  // decode_into's and glaze's "reuse": a value that already held this payload
  P reused_plain = plain;
  std::string out;
  const auto peer_decode = [&](void (*decode)(const payload&, P&)) {
    return repeat(n, [&] {
      P v;
      decode(p, v);
      benchmark::DoNotOptimize(v);
    });
  };
  const auto peer_encode = [&](std::string_view (*encode)(const P&)) {
    return repeat(n, [&] { benchmark::DoNotOptimize(encode(plain).data()); });
  };
  int rc = 2;
  if (op == "decode") {
    if (lib == "genwire") rc = repeat(n, [&] { benchmark::DoNotOptimize(genwire::decode<G>(p.text())); });
    else if (lib == "genwire-strict") rc = repeat(n, [&] { benchmark::DoNotOptimize(genwire::decode<G, genwire::strict>(p.text())); });
    else if (lib == "genwire-reuse")
      rc = repeat(n, [&] {
        if (!genwire::decode_into(p.text(), reused)) std::abort();
        benchmark::DoNotOptimize(reused);
      });
    else if (lib == "genwire-strict-reuse")
      rc = repeat(n, [&] {
        if (!genwire::decode_into<genwire::strict>(p.text(), reused)) std::abort();
        benchmark::DoNotOptimize(reused);
      });
    else if (lib == "simdjson") rc = peer_decode(&peers::simdjson_peer::decode<P>);
    else if (lib == "rapidjson") rc = peer_decode(&peers::rapidjson_peer::decode<P>);
    else if (lib == "boost.json") rc = peer_decode(&peers::boost_peer::decode<P>);
    else if (lib == "nlohmann") rc = peer_decode(&peers::nlohmann_peer::decode<P>);
#if GENWIRE_BENCH_GLAZE
    else if (lib == "glaze") rc = peer_decode(&peers::glaze_peer::decode<P>);
    else if (lib == "glaze-checked") rc = peer_decode(&peers::glaze_peer::decode_checked<P>);
    else if (lib == "glaze-reuse")
      rc = repeat(n, [&] {
        peers::glaze_peer::decode(p, reused_plain);
        benchmark::DoNotOptimize(reused_plain);
      });
    else if (lib == "glaze-checked-reuse")
      rc = repeat(n, [&] {
        peers::glaze_peer::decode_checked(p, reused_plain);
        benchmark::DoNotOptimize(reused_plain);
      });
#endif
  } else if (op == "encode") {
    if (lib == "genwire")
      rc = repeat(n, [&] {
        out.clear();
        if (!genwire::encode_to(*value, out)) std::abort();
        benchmark::DoNotOptimize(out.data());
      });
    else if (lib == "genwire-into")
      rc = repeat(n, [&] {
        if (!genwire::encode_into(*value, out)) std::abort();
        benchmark::DoNotOptimize(out.data());
      });
    else if (lib == "genwire-fresh") rc = repeat(n, [&] { benchmark::DoNotOptimize(genwire::encode(*value)); });
    else if (lib == "rapidjson") rc = peer_encode(&peers::rapidjson_peer::encode<P>);
    else if (lib == "boost.json") rc = peer_encode(&peers::boost_peer::encode<P>);
    else if (lib == "nlohmann") rc = peer_encode(&peers::nlohmann_peer::encode<P>);
#if GENWIRE_BENCH_GLAZE
    else if (lib == "glaze")
      rc = repeat(n, [&] {
        peers::glaze_peer::encode_to(plain, out);
        benchmark::DoNotOptimize(out.data());
      });
#endif
  }
  if (rc != 0) return std::fprintf(stderr, "unknown operation or codec: %s %s\n", op.c_str(), lib.c_str()), 2;
  std::printf("%s %s %s: %ld x %zu bytes\n", op.c_str(), lib.c_str(), p.name.c_str(), n, p.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<payload> all = all_payloads();
  if (argc == 2 && std::string_view(argv[1]) == "list") {
    for (const auto& p : all) std::printf("%s\t%zu bytes\n", p.name.c_str(), p.size());
    return 0;
  }
  if (argc < 4) {
    std::fprintf(stderr, "usage: genwire-codec-profile list | OP LIB PAYLOAD [N]\n");
    return 2;
  }
  const std::string op = argv[1], lib = argv[2], name = argv[3];
  const long n = argc > 4 ? std::atol(argv[4]) : 100;
  for (const auto& p : all) {
    if (p.name != name) continue;
    int rc = 2;
    genwire::all_endpoints::for_each([&]<class D>() {
      if (p.endpoint != D::name) return;
      rc = p.is_error ? run<typename D::error>(op, lib, p, n) : run<typename D::response>(op, lib, p, n);
    });
    return rc;
  }
  std::fprintf(stderr, "no payload %s (see: genwire-codec-profile list)\n", name.c_str());
  return 2;
}
