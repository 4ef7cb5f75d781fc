// bench/peers/rapidjson_peer.cpp: RapidJSON, DOM decode (full-precision numbers, so values match
// exactly) mapped member by member, and Writer encode into a reused StringBuffer.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>
#include <string>

#include "dispatch.hpp"
#include "peers.hpp"

namespace bench::peers::rapidjson_peer {
namespace {

namespace rj = rapidjson;
constexpr unsigned parse_flags = rj::kParseFullPrecisionFlag;

void need(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(what);
}

template <class T>
void read(const rj::Value& v, T& out);

template <class T>
void read_fields(const rj::Value& v, T& out) {
  need(v.IsObject(), "object");
  std::size_t hint = 0;
  for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
    const std::string_view key(m->name.GetString(), m->name.GetStringLength());
    dispatch<T>([&](std::string_view name) { return name == key; }, hint, [&](auto d) { read(m->value, out.*d.pointer); });
  }
}

template <class T>
void read(const rj::Value& v, T& out) {
  if constexpr (is_optional<T>::value) {
    if (v.IsNull()) out.reset();
    else read(v, out.emplace());
  } else if constexpr (std::is_same_v<T, std::string>) {
    need(v.IsString(), "string");
    out.assign(v.GetString(), v.GetStringLength());
  } else if constexpr (std::is_same_v<T, double>) {
    need(v.IsNumber(), "number");
    out = v.GetDouble();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    need(v.IsInt64(), "integer");
    out = v.GetInt64();
  } else if constexpr (std::is_same_v<T, bool>) {
    need(v.IsBool(), "bool");
    out = v.GetBool();
  } else if constexpr (is_described_enum<T>) {
    need(v.IsString(), "string");
    out = enum_from<T>(std::string_view(v.GetString(), v.GetStringLength()));
  } else if constexpr (std::is_same_v<T, plain::raw_text>) {
    // The DOM does not keep the source text: write the subtree back out.
    rj::StringBuffer b;
    rj::Writer<rj::StringBuffer> w(b);
    v.Accept(w);
    out.text.assign(b.GetString(), b.GetSize());
  } else if constexpr (std::is_same_v<T, plain::point>) {
    if (v.IsArray()) {
      need(v.Size() == 2, "point");
      out.is_object = false;
      out.x0 = v[0].GetDouble();
      out.x1 = v[1].GetDouble();
    } else {
      need(v.IsObject(), "point");
      out.is_object = true;
      out.x0 = v["[0]"].GetDouble();
      out.x1 = v["[1]"].GetDouble();
    }
  } else if constexpr (std::is_same_v<T, plain::loc_item>) {
    out.is_index = v.IsInt64();
    if (out.is_index) out.index = v.GetInt64();
    else read(v, out.key);
  } else if constexpr (is_vector<T>::value) {
    need(v.IsArray(), "array");
    out.clear();
    out.reserve(v.Size());
    for (const auto& e : v.GetArray()) read(e, out.emplace_back());
  } else {
    static_assert(is_described_struct<T>);
    read_fields(v, out);
  }
}

using writer = rj::Writer<rj::StringBuffer>;

template <class T>
void write(writer& w, const T& v) {
  if constexpr (is_optional<T>::value) {
    if (v) write(w, *v);
    else w.Null();
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.String(v.data(), static_cast<rj::SizeType>(v.size()));
  } else if constexpr (std::is_same_v<T, double>) {
    w.Double(v);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    w.Int64(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.Bool(v);
  } else if constexpr (is_described_enum<T>) {
    w.String(enum_name(v));
  } else if constexpr (std::is_same_v<T, plain::raw_text>) {
    w.RawValue(v.text.data(), v.text.size(), rj::kObjectType);
  } else if constexpr (std::is_same_v<T, plain::point>) {
    if (v.is_object) {
      w.StartObject();
      w.Key("[0]", 3);
      w.Double(v.x0);
      w.Key("[1]", 3);
      w.Double(v.x1);
      w.EndObject();
    } else {
      w.StartArray();
      w.Double(v.x0);
      w.Double(v.x1);
      w.EndArray();
    }
  } else if constexpr (std::is_same_v<T, plain::loc_item>) {
    if (v.is_index) w.Int64(v.index);
    else write(w, v.key);
  } else if constexpr (is_vector<T>::value) {
    w.StartArray();
    for (const auto& e : v) write(w, e);
    w.EndArray();
  } else {
    static_assert(is_described_struct<T>);
    w.StartObject();
    boost::mp11::mp_for_each<members_of<T>>([&](auto d) {
      const auto& m = v.*d.pointer;
      if constexpr (is_optional<std::remove_cvref_t<decltype(m)>>::value) {
        if (!m) return;  // absent stays absent
      }
      w.Key(d.name, static_cast<rj::SizeType>(std::char_traits<char>::length(d.name)));
      write(w, m);
    });
    w.EndObject();
  }
}

}  // namespace

template <class T>
void decode(const payload& p, T& out) {
  rj::Document doc;
  doc.Parse<parse_flags>(p.buffer.data(), p.size());
  if (doc.HasParseError()) throw std::runtime_error("rapidjson: parse error");
  read_fields(doc, out);
}

template <class T>
std::string_view encode(const T& v) {
  thread_local rj::StringBuffer buffer;
  buffer.Clear();
  writer w(buffer);
  write(w, v);
  return {buffer.GetString(), buffer.GetSize()};
}

BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_DECODE)
BENCH_PLAIN_SHAPES(BENCH_INSTANTIATE_ENCODE)

}  // namespace bench::peers::rapidjson_peer
