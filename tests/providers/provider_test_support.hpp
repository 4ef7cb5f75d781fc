// Shared by the provider tests. They derive defective payloads from a provider's examples by
// editing the example at the path genwire reports errors at (`data[0].input["[0]"]`), so that one
// string names both the edit and the error a test expects.
#pragma once

#include <gtest/gtest.h>

#include <genwire/core.hpp>
// The build links genwire::endpoints when it builds it: the tests then use its compiled codecs.
#if defined(GENWIRE_COMPILED_ENDPOINTS) && GENWIRE_COMPILED_ENDPOINTS
#include <genwire/compiled_endpoints.hpp>
#endif

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace genwire_test {

namespace detail {

struct segment {
  std::string key;
  std::size_t index = 0;
  bool is_index = false;
};

// A malformed path is a bug in the test, so it throws (gtest reports the exception) rather than
// editing something else.
inline std::vector<segment> split_path(std::string_view p) {
  const auto malformed = [&] { return std::invalid_argument("malformed path: " + std::string(p)); };
  std::vector<segment> out;
  std::size_t i = 0;
  while (i < p.size()) {
    if (p[i] == '.') {
      ++i;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == '"') {
      const std::size_t end = p.find("\"]", i + 2);
      if (end == std::string_view::npos) throw malformed();
      out.push_back({std::string(p.substr(i + 2, end - i - 2)), 0, false});
      i = end + 2;
    } else if (p[i] == '[') {
      const std::size_t end = p.find(']', i);
      if (end == std::string_view::npos) throw malformed();
      out.push_back({{}, static_cast<std::size_t>(std::stoul(std::string(p.substr(i + 1, end - i - 1)))), true});
      i = end + 1;
    } else {
      std::size_t end = p.find_first_of(".[", i);
      if (end == std::string_view::npos) end = p.size();
      out.push_back({std::string(p.substr(i, end - i)), 0, false});
      i = end;
    }
  }
  if (out.empty()) throw malformed();
  return out;
}

inline genwire::json::value* child(genwire::json::value& v, const segment& s) {
  if (s.is_index) {
    auto* a = std::get_if<genwire::json::array>(&v.get());
    return a && s.index < a->size() ? &(*a)[s.index] : nullptr;
  }
  auto* o = std::get_if<genwire::json::object>(&v.get());
  if (!o) return nullptr;
  for (auto& [k, x] : *o)
    if (k == s.key) return &x;
  return nullptr;
}

}  // namespace detail

// `text` with the value at `path` replaced by `replacement` (JSON text; a missing object member is
// appended), or removed when `replacement` is empty. A path that names nothing throws, so a typo
// cannot leave the example intact and let a test pass for the wrong reason.
inline std::string edited(std::string_view text, std::string_view path, std::string_view replacement) {
  auto root = genwire::parse_json(text);
  if (!root) throw std::runtime_error("example is not JSON: " + root.error().message());
  const std::vector<detail::segment> segs = detail::split_path(path);
  genwire::json::value* parent = &*root;
  for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
    parent = detail::child(*parent, segs[i]);
    if (!parent) throw std::runtime_error("no such path: " + std::string(path));
  }
  const detail::segment& last = segs.back();
  if (replacement.empty()) {
    auto* o = std::get_if<genwire::json::object>(&parent->get());
    if (!o || last.is_index) throw std::runtime_error("cannot remove: " + std::string(path));
    const auto before = o->size();
    std::erase_if(*o, [&](const auto& m) { return m.first == last.key; });
    if (o->size() == before) throw std::runtime_error("no such member: " + std::string(path));
  } else {
    auto value = genwire::parse_json(replacement);
    if (!value) throw std::runtime_error("replacement is not JSON: " + std::string(replacement));
    if (genwire::json::value* slot = detail::child(*parent, last)) {
      *slot = std::move(*value);
    } else if (auto* o = std::get_if<genwire::json::object>(&parent->get()); o && !last.is_index) {
      o->emplace_back(last.key, std::move(*value));
    } else {
      throw std::runtime_error("no such path: " + std::string(path));
    }
  }
  return genwire::to_json(*root);
}

inline std::string without(std::string_view text, std::string_view path) { return edited(text, path, {}); }

// Compares parsed values: the encoder need not repeat an example's member order, spacing or
// number spelling (1 vs 1.0) to mean the same.
inline bool same_json(std::string_view a, std::string_view b) {
  auto x = genwire::parse_json(a);
  auto y = genwire::parse_json(b);
  return x && y && *x == *y;
}

template <class T>
::testing::AssertionResult round_trips(std::string_view text) {
  auto decoded = genwire::decode<T>(text);
  if (!decoded)
    return ::testing::AssertionFailure() << "decode: " << decoded.error().message() << "\ninput: " << text;
  auto encoded = genwire::encode(*decoded);
  if (!encoded) return ::testing::AssertionFailure() << "encode: " << encoded.error().message();
  if (!same_json(text, *encoded))
    return ::testing::AssertionFailure() << "re-encoded differently\nin:  " << text << "\nout: " << *encoded;
  return ::testing::AssertionSuccess();
}

// One body for decode, decode_query and encode results, so their failures read alike.
template <class Result>
::testing::AssertionResult fails_with(const Result& r, std::string_view path, genwire::errc code) {
  if (r) return ::testing::AssertionFailure() << "succeeded, expected " << genwire::to_string(code) << " at " << path;
  if (r.error().path != path || r.error().code != code)
    return ::testing::AssertionFailure() << "got " << genwire::to_string(r.error().code) << " at " << r.error().path
                                         << " (" << r.error().message() << "), expected " << genwire::to_string(code)
                                         << " at " << path;
  return ::testing::AssertionSuccess();
}

template <class T, genwire::options Opts = genwire::options{}>
::testing::AssertionResult fails_at(std::string_view text, std::string_view path, genwire::errc code) {
  auto result = fails_with(genwire::decode<T, Opts>(text), path, code);
  if (!result) result << "\ninput: " << text;
  return result;
}

template <class T, genwire::options Opts = genwire::options{}>
::testing::AssertionResult query_fails_at(std::string_view query, std::string_view path, genwire::errc code) {
  auto result = fails_with(genwire::decode_query<T, Opts>(query), path, code);
  if (!result) result << "\nquery: " << query;
  return result;
}

template <class Endpoint>
std::vector<int> codes_of() {
  std::vector<int> out;
  for (const auto& s : Endpoint::statuses) out.push_back(s.code);
  return out;
}

// The rows the endpoint's own reference page documents, in order (the others come from the
// provider's other pages or its SDK).
template <class Endpoint>
std::vector<genwire::status_doc> page_rows() {
  std::vector<genwire::status_doc> out;
  for (const auto& s : Endpoint::statuses)
    if (s.source == genwire::doc_source::endpoint_page) out.push_back(s);
  return out;
}

template <class Endpoint>
std::vector<int> page_codes_of() {
  std::vector<int> out;
  for (const auto& s : page_rows<Endpoint>()) out.push_back(s.code);
  return out;
}

// Whether an example is the one its status row answers with ("error_404" for 404), rather than
// another named example of the same status ("error_402_spend_limit").
inline bool is_row_example(const genwire::example& ex) { return ex.name == "error_" + std::to_string(ex.status); }

// `s` as a JSON string literal (s must need no escaping). Built by appending: `"\"" + std::string(s)`
// inserts into a temporary, where g++ 12 at -O3 reports a -Wrestrict false positive (GCC bug 105329).
inline std::string quoted(std::string_view s) { return std::string(1, '"').append(s).append(1, '"'); }

inline genwire::timestamp utc(int y, unsigned mo, unsigned d, int h, int mi, int s, int micros = 0) {
  using namespace std::chrono;
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{micros};
}

}  // namespace genwire_test
