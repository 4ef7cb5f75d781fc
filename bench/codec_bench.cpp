// bench/codec_bench.cpp: decode and encode throughput of genwire and its peers on every payload
// from generate.hpp, with a ratio table (genwire / peer) at the end of the run.
//
//   genwire-codec-bench [--ratios_out=FILE.md] [--payloads_out=DIR] [Google Benchmark flags]
//
// Before anything is timed, every peer's mapped values are checked equal to genwire's (and every
// encoder's output to the payload's meaning); the run aborts on the first difference.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <genwire/genwire.hpp>

#include "generate.hpp"
#include "peers/plain_of.hpp"
#include "peers/dispatch.hpp"
#include "peers/peers.hpp"
#if GENWIRE_BENCH_GLAZE
#include "peers/glaze_peer.hpp"
#endif

namespace {

using namespace bench;
namespace json = genwire::json;

// ------------------------------------------------------------------ the common comparable form
// A json::value with null object members dropped: the plain structs fold "null" and "absent" into
// nullopt, so both sides are compared in that folded form.
json::value strip_nulls(json::value v) {
  if (auto* a = std::get_if<json::array>(&v.get()))
    for (auto& e : *a) e = strip_nulls(std::move(e));
  if (auto* o = std::get_if<json::object>(&v.get())) {
    json::object kept;
    for (auto& [k, m] : *o)
      if (!m.is_null()) kept.emplace_back(k, strip_nulls(std::move(m)));
    *o = std::move(kept);
  }
  return v;
}

json::value common_from_text(std::string_view text, const std::string& who) {
  auto v = genwire::parse_json(text);
  if (!v) die(who + ": output is not JSON: " + v.error().message());
  return strip_nulls(std::move(*v));
}

template <class T>
json::value common_from_plain(const T& v) {
  if constexpr (peers::is_optional<T>::value) {
    return v ? common_from_plain(*v) : json::value{};
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::value{v};
  } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, bool>) {
    return json::value{v};
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    return json::value{v};
  } else if constexpr (peers::is_described_enum<T>) {
    return json::value{std::string(peers::enum_name(v))};
  } else if constexpr (std::is_same_v<T, plain::raw_text>) {
    return common_from_text(v.text, "raw_text");
  } else if constexpr (std::is_same_v<T, plain::point>) {
    if (v.is_object) return json::value{json::object{{"[0]", json::value{v.x0}}, {"[1]", json::value{v.x1}}}};
    return json::value{json::array{json::value{v.x0}, json::value{v.x1}}};
  } else if constexpr (std::is_same_v<T, plain::loc_item>) {
    return v.is_index ? json::value{v.index} : json::value{v.key};
  } else if constexpr (peers::is_vector<T>::value) {
    json::array a;
    for (const auto& e : v) a.push_back(common_from_plain(e));
    return json::value{std::move(a)};
  } else {
    json::object o;
    boost::mp11::mp_for_each<peers::members_of<T>>([&](auto d) {
      json::value m = common_from_plain(v.*d.pointer);
      if (!m.is_null()) o.emplace_back(d.name, std::move(m));
    });
    return json::value{std::move(o)};
  }
}

// Changes the first string it finds (for GENWIRE_BENCH_CORRUPT, which proves the check bites).
template <class T>
bool perturb(T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    v += "!";
    return true;
  } else if constexpr (peers::is_optional<T>::value) {
    return v && perturb(*v);
  } else if constexpr (peers::is_vector<T>::value) {
    for (auto& e : v)
      if (perturb(e)) return true;
    return false;
  } else if constexpr (peers::is_described_struct<T>) {
    bool done = false;
    boost::mp11::mp_for_each<peers::members_of<T>>([&](auto d) { done = done || perturb(v.*d.pointer); });
    return done;
  } else {
    return false;
  }
}

template <class G>
json::value common_from_genwire(const G& v) {
  auto text = genwire::encode(v);
  if (!text) die("genwire encode failed: " + text.error().message());
  return common_from_text(*text, "genwire");
}

// ------------------------------------------------------------------ results, for the ratio table
struct result_key {
  std::string op, payload, lib;
  auto operator<=>(const result_key&) const = default;
};
std::map<result_key, double>& results() {
  static std::map<result_key, double> r;
  return r;
}
std::vector<std::string>& payload_order() {
  static std::vector<std::string> v;
  return v;
}
std::map<std::string, std::size_t>& payload_bytes() {
  static std::map<std::string, std::size_t> m;
  return m;
}

const std::vector<std::string> decode_libs{"genwire", "genwire-strict", "simdjson", "rapidjson", "boost.json", "nlohmann"};
const std::vector<std::string> encode_libs{"genwire", "rapidjson", "boost.json", "nlohmann"};

// genwire against glaze, column pair by column pair: each genwire way of decoding or encoding and
// the glaze way that does the same job. "reuse" reads into a value that already holds the payload
// (strings and vectors keep their capacity); "fresh" is genwire::encode(), a new string each time;
// "into" is genwire::encode_into (the buffer's last document written over), "genwire" clear() and
// encode_to.
struct pairing {
  std::string op, genwire, glaze;
};
const std::vector<pairing> glaze_pairs{
    {"decode", "genwire", "glaze"},
    {"decode", "genwire-strict", "glaze-checked"},
    {"decode", "genwire-reuse", "glaze-reuse"},
    {"decode", "genwire-strict-reuse", "glaze-checked-reuse"},
    {"encode", "genwire", "glaze"},
    {"encode", "genwire-into", "glaze"},
    {"encode", "genwire-fresh", "glaze"},
};

// ------------------------------------------------------------------ registration
template <class F>
void add(const std::string& op, const payload& p, const std::string& lib, F body) {
  const std::string name = op + "/" + p.name + "/" + lib;
  const auto bytes = static_cast<std::int64_t>(p.size());
  benchmark::RegisterBenchmark(name.c_str(), [body, bytes](benchmark::State& st) {
    for (auto _ : st) body();
    st.SetBytesProcessed(st.iterations() * bytes);
  });
}

template <class P, class Decode, class Encode>
void add_peer(const payload& p, const json::value& expected, const std::string& lib, Decode decode, Encode encode) {
  auto value = std::make_shared<P>();
  try {
    decode(p, *value);
  } catch (const std::exception& e) {
    die(lib + " cannot decode " + p.name + ": " + e.what());
  }
  if (const char* c = std::getenv("GENWIRE_BENCH_CORRUPT"); c && lib == c) perturb(*value);
  if (!(common_from_plain(*value) == expected)) die(lib + " decodes " + p.name + " to different values than genwire");
  add("decode", p, lib, [&p, decode] {
    P out;
    decode(p, out);
    benchmark::DoNotOptimize(out);
  });
  if constexpr (!std::is_same_v<Encode, std::nullptr_t>) {
    if (!(common_from_text(encode(*value), lib) == expected))
      die(lib + " encodes " + p.name + " to different values than genwire");
    add("encode", p, lib, [value, encode] {
      auto out = encode(*value);
      benchmark::DoNotOptimize(out.data());
      benchmark::ClobberMemory();
    });
  }
}

#if GENWIRE_BENCH_GLAZE
// glaze's two object modes into a fresh and into a reused value, and write_json into a reused buffer.
template <class P>
void add_glaze(const payload& p, const json::value& expected) {
  using decoder = void (*)(const payload&, P&);
  const std::pair<const char*, decoder> modes[] = {{"glaze", &peers::glaze_peer::decode<P>},
                                                   {"glaze-checked", &peers::glaze_peer::decode_checked<P>}};
  for (const auto& [name, decode] : modes) {
    add_peer<P>(p, expected, name, decode, nullptr);
    auto reused = std::make_shared<P>();
    decode(p, *reused);  // warm: every string and vector already has the payload's capacity
    add("decode", p, std::string(name) + "-reuse", [&p, decode, reused] {
      decode(p, *reused);
      benchmark::DoNotOptimize(*reused);
    });
  }
  auto value = std::make_shared<P>();
  peers::glaze_peer::decode(p, *value);
  auto buf = std::make_shared<std::string>();
  peers::glaze_peer::encode_to(*value, *buf);
  if (!(common_from_text(*buf, "glaze") == expected)) die("glaze encodes " + p.name + " to different values than genwire");
  add("encode", p, "glaze", [value, buf] {
    peers::glaze_peer::encode_to(*value, *buf);
    benchmark::DoNotOptimize(buf->data());
    benchmark::ClobberMemory();
  });
}
#endif

template <class G>
void register_payload(const payload& p) {
  payload_order().push_back(p.name);
  payload_bytes()[p.name] = p.size();
  auto value = std::make_shared<G>();
  if (auto r = genwire::decode<G>(p.text())) *value = std::move(*r);
  else die("genwire cannot decode " + p.name + ": " + r.error().message());

  // genwire against the payload itself: the decoded value means what the text means...
  const json::value expected = common_from_genwire(*value);
  if (!(common_from_text(p.text(), "payload") == expected)) die("genwire decodes " + p.name + " to different values");
  // ...and, for generated payloads, encodes back to the very same bytes.
  std::string again;
  if (!genwire::encode_to(*value, again)) die("genwire cannot encode " + p.name);
  if (!p.is_error && again != p.text()) die("genwire does not re-encode " + p.name + " byte for byte");
  std::string over = "a stale document";
  if (!genwire::encode_into(*value, over) || over != again) die("genwire::encode_into differs from encode_to on " + p.name);

  const std::string_view text = p.text();
  add("decode", p, "genwire", [text] {
    auto r = genwire::decode<G>(text);
    if (!r) std::abort();
    benchmark::DoNotOptimize(r);
  });
  add("decode", p, "genwire-strict", [text] {
    auto r = genwire::decode<G, genwire::strict>(text);
    if (!r) std::abort();
    benchmark::DoNotOptimize(r);
  });
  auto reused = std::make_shared<G>(*value);
  if (!genwire::decode_into(text, *reused) || !(common_from_genwire(*reused) == expected))
    die("genwire::decode_into a used value differs from decode on " + p.name);
  add("decode", p, "genwire-reuse", [text, reused] {
    if (!genwire::decode_into(text, *reused)) std::abort();
    benchmark::DoNotOptimize(*reused);
  });
  add("decode", p, "genwire-strict-reuse", [text, reused] {
    if (!genwire::decode_into<genwire::strict>(text, *reused)) std::abort();
    benchmark::DoNotOptimize(*reused);
  });
  add("encode", p, "genwire", [value, buf = std::make_shared<std::string>()] {
    buf->clear();
    if (!genwire::encode_to(*value, *buf)) std::abort();
    benchmark::DoNotOptimize(buf->data());
    benchmark::ClobberMemory();
  });
  // What glz::write_json(v, buffer) does: the buffer's last document replaced, its storage reused.
  add("encode", p, "genwire-into", [value, buf = std::make_shared<std::string>()] {
    if (!genwire::encode_into(*value, *buf)) std::abort();
    benchmark::DoNotOptimize(buf->data());
    benchmark::ClobberMemory();
  });
  add("encode", p, "genwire-fresh", [value] {
    auto out = genwire::encode(*value);
    if (!out) std::abort();
    benchmark::DoNotOptimize(out->data());
    benchmark::ClobberMemory();
  });

  using P = typename plain_of<G>::type;
  static_assert(!std::is_void_v<P>, "every response and error type needs a plain shape (plain_of) for the peers");
  add_peer<P>(p, expected, "simdjson", &peers::simdjson_peer::decode<P>, nullptr);
  add_peer<P>(p, expected, "rapidjson", &peers::rapidjson_peer::decode<P>, &peers::rapidjson_peer::encode<P>);
  add_peer<P>(p, expected, "boost.json", &peers::boost_peer::decode<P>, &peers::boost_peer::encode<P>);
  add_peer<P>(p, expected, "nlohmann", &peers::nlohmann_peer::decode<P>, &peers::nlohmann_peer::encode<P>);
#if GENWIRE_BENCH_GLAZE
  add_glaze<P>(p, expected);
#endif
}

// Every payload, success or error, runs through genwire and through every peer.
void register_all(const std::vector<payload>& all) {
  for (const auto& p : all) {
    bool done = false;
    genwire::all_endpoints::for_each([&]<class D>() {
      if (done || p.endpoint != D::name) return;
      done = true;
      if (p.is_error) register_payload<typename D::error>(p);
      else register_payload<typename D::response>(p);
    });
    if (!done) die("no descriptor for " + p.name);
  }
}

// ------------------------------------------------------------------ the ratio table
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      // With repetitions, the median stands for the payload; otherwise the single run does.
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
      const auto it = r.counters.find("bytes_per_second");
      if (it == r.counters.end()) continue;
      const std::string name = r.run_name.function_name;
      const auto a = name.find('/'), b = name.rfind('/');
      const result_key key{name.substr(0, a), name.substr(a + 1, b - a - 1), name.substr(b + 1)};
      if (r.run_type == Run::RT_Aggregate || !results().count(key)) results()[key] = it->second.value / 1e6;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

std::string fmt(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

// One table per operation: each genwire column beside the glaze column doing the same job.
std::string glaze_tables() {
  std::ostringstream out;
  for (const std::string op : {"decode", "encode"}) {
    out << "\n### " << op << " against glaze (MB/s; × = genwire / glaze)\n\n| payload | bytes |";
    std::string rule = "|---|---:|";
    for (const auto& g : glaze_pairs)
      if (g.op == op) out << ' ' << g.genwire << " | " << g.glaze << " | × |", rule += "---:|---:|---:|";
    out << '\n' << rule << '\n';
    for (const auto& p : payload_order()) {
      if (!results().count({op, p, "glaze"})) continue;
      out << "| " << p << " | " << payload_bytes()[p] << " |";
      for (const auto& g : glaze_pairs) {
        if (g.op != op) continue;
        const auto a = results().find({op, p, g.genwire}), b = results().find({op, p, g.glaze});
        const bool both = a != results().end() && b != results().end();
        out << ' ' << (a != results().end() ? fmt("%.0f", a->second) : "") << " | "
            << (b != results().end() ? fmt("%.0f", b->second) : "") << " | "
            << (both ? fmt("%.2f", a->second / b->second) : "") << " |";
      }
      out << '\n';
    }
  }
  return out.str();
}

std::string ratio_tables() {
  std::ostringstream out;
  struct target {
    std::string op, peer;
    double goal;
    std::string lib = "genwire";
    bool stretch = false;
  };
  const std::vector<target> targets{{"decode", "simdjson", 1.0}, {"decode", "nlohmann", 8.0}, {"encode", "rapidjson", 6.0}};
  for (const std::string op : {"decode", "encode"}) {
    const auto& libs = op == "decode" ? decode_libs : encode_libs;
    out << "\n### " << op << " (MB/s; ratio = genwire / peer)\n\n| payload | bytes |";
    for (const auto& l : libs) out << ' ' << l << " |" << (l == "genwire" ? "" : " × |");
    out << "\n|---|---:|";
    for (const auto& l : libs) out << "---:|" << (l == "genwire" ? "" : "---:|");
    out << '\n';
    for (const auto& p : payload_order()) {
      const auto g = results().find({op, p, "genwire"});
      if (g == results().end()) continue;
      out << "| " << p << " | " << payload_bytes()[p] << " |";
      for (const auto& l : libs) {
        const auto it = results().find({op, p, l});
        if (it == results().end()) {
          out << (l == "genwire" ? " |" : " | |");
          continue;
        }
        out << ' ' << fmt("%.0f", it->second) << " |";
        if (l != "genwire") out << ' ' << fmt("%.2f", g->second / it->second) << " |";
      }
      out << '\n';
    }
  }
  const bool glaze_ran = std::any_of(results().begin(), results().end(), [](const auto& r) { return r.first.lib.starts_with("glaze"); });
  if (glaze_ran) out << glaze_tables();
  out << "\n### targets (ratio = genwire / peer; worst, geometric mean and best over the payloads in scope)\n\n"
         "| target | payloads | n | worst | geometric mean | best | met |\n|---|---|---:|---:|---:|---:|---|\n";
  struct scope {
    const char* name;
    bool (*in)(const std::string&);
  };
  const scope scopes[] = {
      {"success, 100 and 1000 items", [](const std::string& p) { return p.ends_with("/100") || p.ends_with("/1000"); }},
      {"every payload (1-item, error bodies too)", [](const std::string&) { return true; }},
  };
  std::vector<target> all_targets = targets;
  for (const auto& g : glaze_pairs) {
    all_targets.push_back({g.op, g.glaze, g.genwire == "genwire-fresh" ? 0.9 : 1.0, g.genwire});
    if (g.genwire != "genwire-fresh") all_targets.push_back({g.op, g.glaze, 1.25, g.genwire, true});
  }
  for (const auto& t : all_targets) {
    for (const auto& sc : scopes) {
      if (t.stretch && &sc != &scopes[0]) continue;  // the stretch goal is for the 100- and 1000-item payloads
      double worst = 1e300, best = 0, log_sum = 0;
      int n = 0;
      for (const auto& p : payload_order()) {
        if (!sc.in(p)) continue;
        const auto g = results().find({t.op, p, t.lib});
        const auto q = results().find({t.op, p, t.peer});
        if (g == results().end() || q == results().end()) continue;
        const double r = g->second / q->second;
        worst = std::min(worst, r), best = std::max(best, r), log_sum += std::log(r), ++n;
      }
      if (n == 0) continue;
      out << "| " << (t.lib == "genwire" ? t.op : t.op + " " + t.lib) << " >= " << fmt("%.2f", t.goal) << "× " << t.peer
          << (t.stretch ? " (stretch)" : "") << " | " << sc.name << " | " << n << " | " << fmt("%.2f", worst) << " | "
          << fmt("%.2f", std::exp(log_sum / n)) << " | " << fmt("%.2f", best) << " | "
          << (worst >= t.goal ? "yes" : "no: worst " + fmt("%.0f", 100 * worst / t.goal) + "% of the target") << " |\n";
    }
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  std::string ratios_out, payloads_out;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--ratios_out=", 13) == 0) ratios_out = argv[i] + 13;
    else if (std::strncmp(argv[i], "--payloads_out=", 15) == 0) payloads_out = argv[i] + 15;
    else args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;

  static const std::vector<payload> all = all_payloads();
  if (!payloads_out.empty()) {
    for (const auto& p : all) {
      std::string file = p.name;
      std::replace(file.begin(), file.end(), '/', '_');
      std::ofstream(payloads_out + "/" + file + ".json", std::ios::binary) << p.text();
    }
  }
  register_all(all);
  std::fprintf(stderr, "bench: %zu payloads generated; every peer's values checked equal to genwire's\n", all.size());

  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const std::string tables = ratio_tables();
  std::fputs(tables.c_str(), stdout);
  if (!ratios_out.empty()) std::ofstream(ratios_out) << tables;
  return 0;
}
