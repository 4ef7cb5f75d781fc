// genwire/core/path.hpp: paths with parameters, as descriptors declare them ("/api/v1/runs/{runId}",
// the keys of the descriptor's path_params struct in braces), with the rules of the query codec:
//
//   genwire::result<std::string> p = genwire::encode_path("/api/v1/runs/{runId}", run_path{"run_1"});
//   if (genwire::path_matches(templ, "/api/v1/runs/run_1")) auto r = genwire::decode_path<run_path>(templ, path);
//
// A value is one whole segment: encode_path percent-encodes everything but RFC 3986's unreserved
// characters (so a '/' cannot split it); decode_path takes the path as an HTTP server hands it
// over, already percent-decoded, and reads each segment's text as the member's type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "detail/checks.hpp"
#include "detail/keys.hpp"
#include "endpoint.hpp"
#include "error.hpp"
#include "options.hpp"
#include "query.hpp"
#include "reflect.hpp"

namespace genwire {
namespace detail {

// Calls each(segment, is_parameter) for every '/'-separated segment of a template ("{runId}" is
// the parameter "runId").
template <class F>
constexpr void for_each_segment(std::string_view templ, F&& each) {
  std::size_t start = 0;
  while (start <= templ.size()) {
    std::size_t slash = templ.find('/', start);
    if (slash == std::string_view::npos) slash = templ.size();
    const std::string_view seg = templ.substr(start, slash - start);
    const bool param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    each(param ? seg.substr(1, seg.size() - 2) : seg, param);
    start = slash + 1;
  }
}

constexpr std::size_t segment_count(std::string_view s) {
  std::size_t n = 1;
  for (char c : s) n += c == '/';
  return n;
}

// The idx-th '/'-separated segment of s.
constexpr std::string_view segment_at(std::string_view s, std::size_t idx) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < idx; ++i) start = s.find('/', start) + 1;
  const std::size_t end = s.find('/', start);
  return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace detail

// Whether the path's segments are the template's: literal ones equal, parameters non-empty.
constexpr bool path_matches(std::string_view templ, std::string_view path) {
  if (detail::segment_count(templ) != detail::segment_count(path)) return false;
  bool ok = true;
  std::size_t i = 0;
  detail::for_each_segment(templ, [&](std::string_view seg, bool param) {
    const std::string_view got = detail::segment_at(path, i++);
    ok = ok && (param ? !got.empty() : got == seg);
  });
  return ok;
}

// Whether a template names exactly P's keys, each once (checked for every descriptor at compile time).
template <class P>
constexpr bool path_declares(std::string_view templ) {
  using keys = detail::key_table<P>;
  std::size_t found = 0;
  bool ok = true;
  detail::for_each_segment(templ, [&](std::string_view seg, bool param) {
    if (!param) return;
    ++found;
    ok = ok && keys::find(seg, 0) < keys::size;
  });
  return ok && found == keys::size;
}

template <class P, options Opts = options{}>
result<P> decode_path(std::string_view templ, std::string_view path) {
  static_assert(reflect::reflectable<P>, "path parameters are a flat aggregate struct");
  using keys = detail::key_table<P>;
  P value{};
  genwire::error err;
  bool ok = path_matches(templ, path);
  if (!ok) return genwire::error{errc::syntax, "$", 0, "a path like " + std::string(templ), detail::quote_snippet(path, 200)};
  std::size_t i = 0;
  detail::for_each_segment(templ, [&](std::string_view seg, bool param) {
    const std::string_view got = detail::segment_at(path, i++);
    if (!param || !ok) return;
    const std::size_t idx = keys::find(seg, 0);
    const auto offset = static_cast<std::size_t>(got.data() - path.data());
    const detail::query_error_sink sink{&err, keys::keys[idx < keys::size ? idx : 0], offset};
    reflect::visit(value, [&](auto&... m) {
      std::size_t k = 0;
      (void)(((k++ == idx) ? (ok = detail::scalar_from_query<Opts>(m, std::string(got), sink), true) : false) || ...);
    });
  });
  if (!ok) return err;
  return value;
}

template <options Opts = options{}, class P>
result<std::string> encode_path(std::string_view templ, const P& params) {
  using keys = detail::key_table<P>;
  std::string out;
  genwire::error err;
  bool ok = true, first = true;
  detail::for_each_segment(templ, [&](std::string_view seg, bool param) {
    if (!first) out += '/';
    first = false;
    if (!param) return void(out += seg);
    if (!ok) return;
    const std::size_t idx = keys::find(seg, 0);
    std::string text;
    const detail::query_error_sink sink{&err, seg, out.size()};
    reflect::visit(params, [&](const auto&... m) {
      std::size_t k = 0;
      (void)(((k++ == idx) ? (ok = detail::scalar_to_query<Opts>(text, m, sink), true) : false) || ...);
    });
    if (ok && text.empty()) ok = sink.fail(errc::constraint, "a non-empty path segment", "an empty value", {rule::min_length, json_type::string, "1"});
    out += text;
  });
  if (!ok) return err;
  return out;
}

// Whether every descriptor's path names exactly its path_params' keys, and its example path is one
// of its paths (endpoints.hpp asserts it).
template <class... Ds>
constexpr bool paths_declare_params(const endpoint_list<Ds...>*) {
  return ((path_declares<path_params_t<Ds>>(Ds::path) && path_matches(Ds::path, example_path_of<Ds>()) &&
           example_path_of<Ds>().find('{') == std::string_view::npos) &&
          ...);
}

// The path of a request to D: D::path with its parameters filled in.
template <endpoint_descriptor D, options Opts = options{}>
result<std::string> path_of(const path_params_t<D>& params) {
  return encode_path<Opts>(D::path, params);
}

}  // namespace genwire
