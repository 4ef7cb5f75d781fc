// bench/peers/glaze_peer.cpp: glaze 6.4 reading and writing the plain structs (plain.hpp) with its
// own reflection: member names are the keys, enums get glaze's keyed enum tables (from their
// Boost.Describe lists), and the three vocabulary types of plain.hpp get glaze readers and writers
// built from glaze's own (raw_text as glz::raw_json_view, point as [x, y] or {"[0]","[1]"},
// loc_item as a string or an integer). The only C++23 translation unit of the benchmarks.
#include <glaze/glaze.hpp>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "dispatch.hpp"
#include "glaze_peer.hpp"
#include "peers.hpp"

namespace bench::peers::glaze_peer::detail {

struct point_object {
  double x0 = 0, x1 = 0;
};

template <class E>
inline constexpr std::size_t enumerator_count = boost::mp11::mp_size<boost::describe::describe_enumerators<E>>::value;

}  // namespace bench::peers::glaze_peer::detail

template <class E>
  requires bench::peers::is_described_enum<E>
struct glz::meta<E> {
  static constexpr auto keys = [] {
    std::array<std::string_view, bench::peers::glaze_peer::detail::enumerator_count<E>> out{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out[i++] = d.name; });
    return out;
  }();
  static constexpr auto value = [] {
    std::array<E, bench::peers::glaze_peer::detail::enumerator_count<E>> out{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out[i++] = d.value; });
    return out;
  }();
};

template <>
struct glz::meta<bench::peers::glaze_peer::detail::point_object> {
  using T = bench::peers::glaze_peer::detail::point_object;
  static constexpr auto value = glz::object("[0]", &T::x0, "[1]", &T::x1);
};

namespace glz {

template <>
struct from<JSON, bench::plain::raw_text> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& it, auto end) {
    if constexpr (!check_ws_handled(Opts)) {
      if (skip_ws<Opts>(ctx, it, end)) return;
    }
    raw_json_view view;
    from<JSON, raw_json_view>::template op<ws_handled_off<Opts>()>(view, ctx, it, end);
    value.text.assign(view.str);
  }
};

template <>
struct to<JSON, bench::plain::raw_text> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& b, auto&& ix) {
    serialize<JSON>::op<Opts>(raw_json_view{std::string_view(value.text)}, ctx, b, ix);
  }
};

template <>
struct from<JSON, bench::plain::point> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& it, auto end) {
    if constexpr (!check_ws_handled(Opts)) {
      if (skip_ws<Opts>(ctx, it, end)) return;
    }
    constexpr auto O = ws_handled_off<Opts>();
    if (*it == '[') {
      std::array<double, 2> xy{};
      parse<JSON>::op<O>(xy, ctx, it, end);
      value = {false, xy[0], xy[1]};
    } else {
      bench::peers::glaze_peer::detail::point_object xy{};
      parse<JSON>::op<O>(xy, ctx, it, end);
      value = {true, xy.x0, xy.x1};
    }
  }
};

template <>
struct to<JSON, bench::plain::point> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& b, auto&& ix) {
    if (value.is_object) serialize<JSON>::op<Opts>(bench::peers::glaze_peer::detail::point_object{value.x0, value.x1}, ctx, b, ix);
    else serialize<JSON>::op<Opts>(std::array<double, 2>{value.x0, value.x1}, ctx, b, ix);
  }
};

template <>
struct from<JSON, bench::plain::loc_item> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& it, auto end) {
    if constexpr (!check_ws_handled(Opts)) {
      if (skip_ws<Opts>(ctx, it, end)) return;
    }
    constexpr auto O = ws_handled_off<Opts>();
    value.is_index = *it != '"';
    if (value.is_index) parse<JSON>::op<O>(value.index, ctx, it, end);
    else parse<JSON>::op<O>(value.key, ctx, it, end);
  }
};

template <>
struct to<JSON, bench::plain::loc_item> {
  template <auto Opts>
  static void op(auto&& value, is_context auto&& ctx, auto&& b, auto&& ix) {
    if (value.is_index) serialize<JSON>::op<Opts>(value.index, ctx, b, ix);
    else serialize<JSON>::op<Opts>(value.key, ctx, b, ix);
  }
};

}  // namespace glz

namespace bench::peers::glaze_peer {
namespace {

// genwire's default mode against glaze's: unknown keys skipped.
constexpr glz::opts lenient{.error_on_unknown_keys = false};
// genwire::strict against glaze's strictest object rules.
constexpr glz::opts checked{.error_on_unknown_keys = true, .error_on_missing_keys = true};

template <glz::opts Opts, class T>
void read(const payload& p, T& out) {
  // The payload's text is followed by zero bytes, as glaze's default (null_terminated) expects.
  if (auto ec = glz::read<Opts>(out, p.text())) throw std::runtime_error(glz::format_error(ec, p.text()));
}

}  // namespace

template <class T>
void decode(const payload& p, T& out) {
  read<lenient>(p, out);
}

template <class T>
void decode_checked(const payload& p, T& out) {
  read<checked>(p, out);
}

template <class T>
void encode_to(const T& v, std::string& buffer) {
  if (auto ec = glz::write_json(v, buffer)) throw std::runtime_error("glaze cannot write: " + std::string(glz::format_error(ec)));
}

#define BENCH_GLAZE_INSTANTIATE(P)                            \
  template void decode<P>(const bench::payload&, P&);         \
  template void decode_checked<P>(const bench::payload&, P&); \
  template void encode_to<P>(const P&, std::string&);
BENCH_PLAIN_SHAPES(BENCH_GLAZE_INSTANTIATE)

}  // namespace bench::peers::glaze_peer
