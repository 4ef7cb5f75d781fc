// bench/peers/boost_peer.cpp: Boost.JSON with Boost.Describe: parse into boost::json::value (a
// monotonic arena per document), then value_to<T>; encode with value_from<T> and serialize. The
// struct conversions are the generic ones from Boost.Describe's documentation, extended so absent
// optional members are allowed (Boost 1.81's built-in described-struct conversion requires every
// member and no other key) and stay absent on encode.
#include <boost/json.hpp>

#include <stdexcept>
#include <string>

#include "dispatch.hpp"
#include "peers.hpp"

namespace bench::plain {

template <class T>
  requires peers::is_described_struct<T>
T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value& jv) {
  const boost::json::object& obj = jv.as_object();
  T out{};
  boost::mp11::mp_for_each<peers::members_of<T>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(out.*d.pointer)>;
    if (const boost::json::value* v = obj.if_contains(d.name)) out.*d.pointer = boost::json::value_to<M>(*v);
    else if (!peers::is_optional<M>::value) throw std::runtime_error(std::string("missing key ") + d.name);
  });
  return out;
}

template <class T>
  requires peers::is_described_struct<T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const T& t) {
  boost::json::object& obj = jv.emplace_object();
  obj.reserve(peers::member_count<T>);
  boost::mp11::mp_for_each<peers::members_of<T>>([&](auto d) {
    const auto& m = t.*d.pointer;
    if constexpr (peers::is_optional<std::remove_cvref_t<decltype(m)>>::value) {
      if (!m) return;  // absent stays absent
    }
    obj.emplace(d.name, boost::json::value_from(m, obj.storage()));
  });
}

inline raw_text tag_invoke(boost::json::value_to_tag<raw_text>, const boost::json::value& jv) {
  return raw_text{boost::json::serialize(jv)};
}
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const raw_text& r) {
  jv = boost::json::parse(r.text, jv.storage());
}

inline point tag_invoke(boost::json::value_to_tag<point>, const boost::json::value& jv) {
  point p;
  if (const auto* a = jv.if_array()) {
    if (a->size() != 2) throw std::runtime_error("point");
    p.x0 = (*a)[0].to_number<double>();
    p.x1 = (*a)[1].to_number<double>();
  } else {
    const auto& o = jv.as_object();
    p.is_object = true;
    p.x0 = o.at("[0]").to_number<double>();
    p.x1 = o.at("[1]").to_number<double>();
  }
  return p;
}
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const point& p) {
  if (p.is_object) jv = boost::json::object{{"[0]", p.x0}, {"[1]", p.x1}};
  else jv = boost::json::array{p.x0, p.x1};
}

inline loc_item tag_invoke(boost::json::value_to_tag<loc_item>, const boost::json::value& jv) {
  loc_item l;
  l.is_index = !jv.is_string();
  if (l.is_index) l.index = jv.to_number<std::int64_t>();
  else l.key = jv.get_string();
  return l;
}
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const loc_item& l) {
  if (l.is_index) jv = l.index;
  else jv = l.key;
}

// ADL looks in each struct's own namespace.
namespace diffio {
using bench::plain::tag_invoke;
}
namespace flora {
using bench::plain::tag_invoke;
}
namespace depicta {
using bench::plain::tag_invoke;
}
namespace hedra {
using bench::plain::tag_invoke;
}

}  // namespace bench::plain

namespace bench::peers::boost_peer {

template <class T>
void decode(const payload& p, T& out) {
  unsigned char first[4096];
  boost::json::monotonic_resource arena(first, sizeof first);
  const boost::json::value jv = boost::json::parse(p.text(), &arena);
  out = boost::json::value_to<T>(jv);
}

template <class T>
std::string_view encode(const T& v) {
  thread_local std::string out;
  unsigned char first[4096];
  boost::json::monotonic_resource arena(first, sizeof first);
  const boost::json::value jv = boost::json::value_from(v, &arena);
  out = boost::json::serialize(jv);
  return out;
}

BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_DECODE)
BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_ENCODE)

}  // namespace bench::peers::boost_peer
