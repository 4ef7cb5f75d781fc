// genwire-hostile-load: trickling, idle and honest clients against a server on loopback
// (bench/hostile_clients.hpp), with the honest clients' latencies. bench/hostile_load.sh runs it
// against genwire-mock at the full size.
//
//   genwire-hostile-load --port P [--trickling N] [--idle N] [--honest N] [--seconds S] [--ramp-ms MS]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hostile_clients.hpp"

int main(int argc, char** argv) {
  hostile::plan p;
  p.trickling = 1000;
  p.idle = 2000;
  p.honest = 4;
  p.duration = std::chrono::seconds(20);
  p.ramp = std::chrono::seconds(3);
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const long long v = std::atoll(argv[i + 1]);
    if (flag == "--port") p.port = static_cast<int>(v);
    else if (flag == "--trickling") p.trickling = static_cast<std::size_t>(v);
    else if (flag == "--idle") p.idle = static_cast<std::size_t>(v);
    else if (flag == "--honest") p.honest = static_cast<std::size_t>(v);
    else if (flag == "--seconds") p.duration = std::chrono::seconds(v);
    else if (flag == "--ramp-ms") p.ramp = std::chrono::milliseconds(v);
    else {
      std::fprintf(stderr, "genwire-hostile-load: unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (p.port <= 0) {
    std::fprintf(stderr, "usage: genwire-hostile-load --port P [--trickling N] [--idle N] [--honest N] [--seconds S] [--ramp-ms MS]\n");
    return 2;
  }
  const hostile::outcome o = hostile::run(p);
  std::printf("trickling_opened %zu\ntrickling_cut_off %zu\nidle_opened %zu\nidle_alive_at_end %zu\nconnect_failures %zu\n",
              o.trickling_opened, o.trickling_cut_off, o.idle_opened, o.idle_alive_at_end, o.connect_failures);
  std::printf("honest_answers %zu\nhonest_failures %zu\np50_ms %.3f\np99_ms %.3f\nmax_ms %.3f\n", o.honest_answers,
              o.honest_failures, o.percentile(0.50), o.percentile(0.99), o.percentile(1.0));
  return o.honest_failures == 0 && o.connect_failures == 0 ? 0 : 1;
}
