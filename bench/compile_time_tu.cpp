// bench/compile_time_tu.cpp: the translation unit bench/compile_time.sh times. It includes the whole
// library and decodes and encodes every type of every endpoint in genwire::all_endpoints: the
// request (JSON body, or query string for GET endpoints), the success response and the error
// envelope, with the default options; with -DGENWIRE_CT_STRICT=1 also with genwire::strict (a
// second set of instantiations, timed as a separate row). It is also built as part of the bench
// build (target genwire-compile-time-tu, with GENWIRE_CT_STRICT=1 so both paths compile), so it
// cannot rot; the built program runs every documented example through the code it instantiates:
//
//   genwire-compile-time-tu   decodes and re-encodes every descriptor's examples: exit 0 if all do
//                             with default options (strict ones may reject a documented placeholder,
//                             such as Hedra's "<string>" URIs; those are listed, not failures)
//   genwire-compile-time-tu-extern   the same, built with GENWIRE_CT_EXTERN=1 against genwire::endpoints
#include <genwire/genwire.hpp>

#ifndef GENWIRE_CT_STRICT
#define GENWIRE_CT_STRICT 0
#endif
// -DGENWIRE_CT_EXTERN=1: the codecs come from the compiled target genwire::endpoints (declared
// extern here, so this TU compiles none of them; link genwire::endpoints).
#ifndef GENWIRE_CT_EXTERN
#define GENWIRE_CT_EXTERN 0
#endif
#if GENWIRE_CT_EXTERN
#include <genwire/compiled_endpoints.hpp>
#endif

#include <cstdio>
#include <string>
#include <string_view>

namespace {

int failures = 0, strict_rejections = 0;

template <genwire::options Opts>
void report(std::string_view endpoint, std::string_view what, std::string_view message) {
  const bool strict = Opts.reject_unknown_keys;
  std::fprintf(stderr, "%s%.*s %.*s: %.*s\n", strict ? "strict: " : "", static_cast<int>(endpoint.size()),
               endpoint.data(), static_cast<int>(what.size()), what.data(), static_cast<int>(message.size()),
               message.data());
  ++(strict ? strict_rejections : failures);
}

// One type under one set of options: decode the text, encode the value; a GET endpoint's request
// travels as a query string.
template <class T, genwire::options Opts, bool Query = false>
std::size_t round_trip(std::string_view endpoint, std::string_view what, std::string_view text) {
  auto value = [&] {
    if constexpr (Query) return genwire::decode_query<T, Opts>(text);
    else return genwire::decode<T, Opts>(text);
  }();
  if (!value) return report<Opts>(endpoint, what, value.error().message()), 0;
  auto out = [&] {
    if constexpr (Query) return genwire::encode_query<Opts>(*value);
    else return genwire::encode<Opts>(*value);
  }();
  if (!out) return report<Opts>(endpoint, what, out.error().message()), 0;
  return out->size();
}

template <class D, genwire::options Opts>
std::size_t exercise(const genwire::example& ex) {
  switch (ex.kind) {
    case genwire::example_kind::request:
      return round_trip<typename D::request, Opts, D::request_in == genwire::request_location::query_string>(
          D::name, ex.name, ex.body);
    case genwire::example_kind::response: return round_trip<typename D::response, Opts>(D::name, ex.name, ex.body);
    case genwire::example_kind::error: return round_trip<typename D::error, Opts>(D::name, ex.name, ex.body);
    case genwire::example_kind::fragment: return 0;  // a piece of a response, not a whole document
  }
  return 0;
}

}  // namespace

int main() {
  std::size_t bytes = 0, documents = 0;
  genwire::all_endpoints::for_each([&]<class D>() {
    for (const genwire::example& ex : D::examples) {
      if (ex.kind == genwire::example_kind::fragment) continue;
      bytes += exercise<D, genwire::lenient>(ex);
      ++documents;
#if GENWIRE_CT_STRICT
      bytes += exercise<D, genwire::strict>(ex);
      ++documents;
#endif
    }
  });
  std::printf("%zu documents decoded and re-encoded (%zu bytes out), %d failures, %d strict rejections\n", documents,
              bytes, failures, strict_rejections);
  return failures == 0 ? 0 : 1;
}
