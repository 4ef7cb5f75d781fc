// bench/peers/simdjson_peer.cpp: simdjson On-Demand, hand-mapped: walk each object's fields once,
// compare raw keys (key().unsafe_is_equal, the documented fast path), read each value straight
// into its member. The parser is reused across calls, as simdjson recommends.
#include <simdjson.h>

#include <stdexcept>
#include <string>

#include "dispatch.hpp"
#include "peers.hpp"

namespace bench::peers::simdjson_peer {
namespace {

namespace od = simdjson::ondemand;

template <class T>
void read(od::value v, T& out);

template <class T>
void read_fields(od::object o, T& out) {
  std::size_t hint = 0;
  for (auto field : o) {
    const od::raw_json_string key = field.key();
    dispatch<T>([&](std::string_view name) { return key.unsafe_is_equal(name); }, hint,
                [&](auto d) { read(field.value(), out.*d.pointer); });
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

template <class T>
void read(od::value v, T& out) {
  if constexpr (is_optional<T>::value) {
    if (v.is_null()) out.reset();
    else read(v, out.emplace());
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = std::string_view(v.get_string());
  } else if constexpr (std::is_same_v<T, double>) {
    out = v.get_double();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    out = v.get_int64();
  } else if constexpr (std::is_same_v<T, bool>) {
    out = v.get_bool();
  } else if constexpr (is_described_enum<T>) {
    out = enum_from<T>(std::string_view(v.get_string()));
  } else if constexpr (std::is_same_v<T, plain::raw_text>) {
    switch (v.type()) {
      case od::json_type::object: {
        od::object o = v.get_object();
        out.text = std::string_view(o.raw_json());
        break;
      }
      case od::json_type::array: {
        od::array a = v.get_array();
        out.text = std::string_view(a.raw_json());
        break;
      }
      default: out.text = trim(v.raw_json_token()); break;
    }
  } else if constexpr (std::is_same_v<T, plain::point>) {
    if (v.type() == od::json_type::array) {
      out.is_object = false;
      int i = 0;
      for (auto e : v.get_array()) (i++ == 0 ? out.x0 : out.x1) = e.get_double();
      if (i != 2) throw std::runtime_error("point: not 2 elements");
    } else {
      out.is_object = true;
      for (auto field : v.get_object()) {
        const od::raw_json_string key = field.key();
        if (key == "[0]") out.x0 = field.value().get_double();
        else if (key == "[1]") out.x1 = field.value().get_double();
      }
    }
  } else if constexpr (std::is_same_v<T, plain::loc_item>) {
    out.is_index = v.type() == od::json_type::number;
    if (out.is_index) out.index = v.get_int64();
    else out.key = std::string_view(v.get_string());
  } else if constexpr (is_vector<T>::value) {
    out.clear();
    for (auto e : v.get_array()) read(od::value(std::move(e)), out.emplace_back());
  } else {
    static_assert(is_described_struct<T>);
    read_fields(v.get_object(), out);
  }
}

}  // namespace

template <class T>
void decode(const payload& p, T& out) {
  thread_local od::parser parser;
  od::document doc = parser.iterate(p.buffer.data(), p.size(), p.buffer.size());
  read_fields(doc.get_object(), out);
}

BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_DECODE)

}  // namespace bench::peers::simdjson_peer
