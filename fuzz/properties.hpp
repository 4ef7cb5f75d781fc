// fuzz/properties.hpp: the properties the fuzz targets check, as plain functions of the input bytes
// that return a finding (empty when every property held). The libFuzzer entry points abort on a
// finding; tests/regression replays saved inputs through these same functions, so a fixed finding
// stays fixed in the ordinary test suite, under g++ as well as clang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <genwire/core.hpp>

namespace genwire_fuzz {

// What broke, in words, with enough of the data to reproduce it by hand; empty: nothing broke.
using finding = std::string;

// Bytes as a C-like string literal, cut at `limit`, so a finding is printable whatever the input.
inline std::string printable(std::string_view s, std::size_t limit = 300) {
  std::string out = "\"";
  constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == limit) {
      out += "\"... (" + std::to_string(s.size()) + " bytes)";
      return out;
    }
    const auto u = static_cast<unsigned char>(s[i]);
    if (u == '"' || u == '\\') {
      out += '\\';
      out += s[i];
    } else if (u >= 0x20 && u < 0x7F) {
      out += s[i];
    } else {
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out + "\"";
}

// Errors the JSON grammar alone decides; check_json must report the same one at the same place.
inline bool is_grammar_error(genwire::errc c) noexcept {
  using genwire::errc;
  return c == errc::syntax || c == errc::unexpected_end || c == errc::trailing_content || c == errc::invalid_utf8 ||
         c == errc::invalid_escape || c == errc::depth_exceeded;
}

inline std::string describe(const genwire::error& e) {
  return std::string(genwire::to_string(e.code)) + " at " + std::to_string(e.offset) + " [" + e.message() + "]";
}

// Every error must point into (or just past) the input and render as a message.
inline finding sane_error(const genwire::error& e, std::size_t input_size, std::string_view who) {
  if (e.offset > input_size)
    return std::string(who) + ": error offset " + std::to_string(e.offset) + " is past the end of " +
           std::to_string(input_size) + " bytes: " + e.message();
  if (e.path.empty()) return std::string(who) + ": error with an empty path: " + e.message();
  if (e.message().empty()) return std::string(who) + ": error with an empty message";
  return {};
}

// A failed decode must agree with the grammar checker: a grammar error is the checker's error, and
// a type error never stands after the first grammar error (the decoder validated what it read).
inline finding decode_error_agrees(const genwire::error& e, std::string_view in, std::uint32_t max_depth,
                                   std::string_view who) {
  if (auto f = sane_error(e, in.size(), who); !f.empty()) return f;
  const genwire::status grammar = genwire::check_json(in, max_depth);
  if (is_grammar_error(e.code)) {
    if (grammar) return std::string(who) + " reports " + describe(e) + " but check_json accepts the input";
    if (grammar.error().code != e.code || grammar.error().offset != e.offset)
      return std::string(who) + " reports " + describe(e) + " but check_json reports " + describe(grammar.error());
  } else if (!grammar && e.offset > grammar.error().offset) {
    return std::string(who) + " reports " + describe(e) + " after the grammar error check_json finds first: " +
           describe(grammar.error());
  }
  return {};
}

// ---- typed JSON: decode -> encode -> decode -> encode ----

// Equal as a model reads them: json::value's == (exact numbers, members in any order), except
// that a number may come back as exactly its nearest double, because a `double` member rounds what
// it is given (an integer beyond 2^53, a decimal with more digits than a double holds). An integer
// member keeps its value exactly, so it still has to match exactly.
inline bool same_meaning(const genwire::json::value& in, const genwire::json::value& out) {
  namespace json = genwire::json;
  if (in.is_number() && out.is_number()) {
    double nearest = 0;
    return in == out || (in.as_double(nearest) && out == json::value(nearest));
  }
  if (const json::array* a = in.as_array()) {
    const json::array* b = out.as_array();
    if (!b || a->size() != b->size()) return false;
    for (std::size_t i = 0; i < a->size(); ++i)
      if (!same_meaning((*a)[i], (*b)[i])) return false;
    return true;
  }
  if (const json::object* a = in.as_object()) {
    // By name, in any order (a struct writes its own order); a name given twice (raw JSON keeps
    // it) matches its occurrences one to one.
    const json::object* b = out.as_object();
    if (!b || a->size() != b->size()) return false;
    std::vector<bool> used(b->size(), false);
    for (const auto& [key, value] : *a) {
      bool matched = false;
      for (std::size_t j = 0; j < b->size() && !matched; ++j)
        if (!used[j] && (*b)[j].first == key && same_meaning(value, (*b)[j].second)) matched = used[j] = true;
      if (!matched) return false;
    }
    return true;
  }
  return in == out;
}

// In mode Opts: whatever decodes must encode; the encoding must be JSON, decode again, and encode
// to the same bytes. In strict mode (every key declared, so nothing is dropped) the encoding must
// also mean what the input meant, compared as dynamic values.
template <class T, genwire::options Opts>
finding typed_json(std::string_view in) {
  const genwire::result<T> decoded = genwire::decode<T, Opts>(in);
  if (!decoded) return decode_error_agrees(decoded.error(), in, Opts.max_depth, "decode");
  if (const genwire::status grammar = genwire::check_json(in, Opts.max_depth); !grammar)
    return "decode accepted what check_json rejects: " + describe(grammar.error());

  const genwire::result<std::string> first = genwire::encode<Opts>(*decoded);
  if (!first) return "a decoded value does not encode: " + first.error().message();
  if (const genwire::status st = genwire::check_json(*first, Opts.max_depth); !st)
    return "the encoding is not JSON (" + st.error().message() + "): " + printable(*first);
  const genwire::result<T> again = genwire::decode<T, Opts>(*first);
  if (!again) return "the encoding does not decode (" + again.error().message() + "): " + printable(*first);
  const genwire::result<std::string> second = genwire::encode<Opts>(*again);
  if (!second) return "the re-decoded value does not encode: " + second.error().message();
  if (*second != *first) return "second encoding differs:\n  first  " + printable(*first) + "\n  second " + printable(*second);

  // encode_to appends; it must not touch what the buffer already holds.
  std::string appended = "[0,";
  if (const genwire::status st = genwire::encode_to<Opts>(*decoded, appended); !st || appended != "[0," + *first)
    return "encode_to did not append the encoding: " + printable(appended);

  if constexpr (Opts.reject_unknown_keys) {
    const auto meant = genwire::parse_json(in, Opts.max_depth);
    if (meant) {  // fails only for numbers beyond a double inside a raw_json member
      const auto written = genwire::parse_json(*first, Opts.max_depth);
      if (!written) return "the encoding does not parse as a dynamic value: " + written.error().message();
      if (!same_meaning(*meant, *written))
        return "strict decoding changed the data:\n  input    " + printable(in) + "\n  encoding " + printable(*first);
    }
  }
  return {};
}

// Both modes, plus: strict only adds rules, so what strict accepts the default accepts, as the same value.
template <class T>
finding typed_json_all_modes(std::string_view in) {
  if (auto f = typed_json<T, genwire::lenient>(in); !f.empty()) return "[default mode] " + f;
  if (auto f = typed_json<T, genwire::strict>(in); !f.empty()) return "[strict mode] " + f;
  if (const genwire::result<T> s = genwire::decode<T, genwire::strict>(in)) {
    const genwire::result<T> l = genwire::decode<T>(in);
    if (!l) return "strict mode accepts what default mode rejects: " + l.error().message();
    const auto es = genwire::encode<genwire::strict>(*s);
    const auto el = genwire::encode(*l);
    if (!es || !el || *es != *el)
      return "strict and default mode decode different values: " + printable(es ? *es : "?") + " vs " +
             printable(el ? *el : "?");
  }
  return {};
}

// ---- query strings: decode -> encode -> decode -> encode ----

template <class T, genwire::options Opts>
finding typed_query(std::string_view in) {
  const genwire::result<T> decoded = genwire::decode_query<T, Opts>(in);
  if (!decoded) return sane_error(decoded.error(), in.size(), "decode_query");
  const genwire::result<std::string> first = genwire::encode_query<Opts>(*decoded);
  if (!first) return "a decoded query does not encode: " + first.error().message();
  const genwire::result<T> again = genwire::decode_query<T, Opts>(*first);
  if (!again) return "the query encoding does not decode (" + again.error().message() + "): " + printable(*first);
  const genwire::result<std::string> second = genwire::encode_query<Opts>(*again);
  if (!second) return "the re-decoded query does not encode: " + second.error().message();
  if (*second != *first) return "second query encoding differs: " + printable(*first) + " vs " + printable(*second);

  // The same value, compared through its JSON form (the type has no operator==); and a value that
  // came in as a query obeys the same rules as one that came in as JSON.
  const genwire::result<std::string> json1 = genwire::encode<Opts>(*decoded);
  const genwire::result<std::string> json2 = genwire::encode<Opts>(*again);
  if (!json1) return "a value decoded from a query does not encode as JSON: " + json1.error().message();
  if (!json2 || *json1 != *json2) return "query round trip changed the value: " + printable(*json1);
  if (auto f = typed_json<T, Opts>(*json1); !f.empty()) return "JSON form of a query value: " + f;
  const genwire::result<T> from_json = genwire::decode<T, Opts>(*json1);
  if (!from_json) return "JSON form of a query value does not decode";
  const genwire::result<std::string> via_json = genwire::encode_query<Opts>(*from_json);
  if (!via_json || *via_json != *first) return "query -> JSON -> query changed the query: " + printable(*first);
  return {};
}

template <class T>
finding typed_query_all_modes(std::string_view in) {
  if (auto f = typed_query<T, genwire::lenient>(in); !f.empty()) return "[default mode] " + f;
  if (auto f = typed_query<T, genwire::strict>(in); !f.empty()) return "[strict mode] " + f;
  if (const genwire::result<T> s = genwire::decode_query<T, genwire::strict>(in)) {
    const genwire::result<T> l = genwire::decode_query<T>(in);
    if (!l) return "strict mode accepts a query default mode rejects: " + l.error().message();
    const auto es = genwire::encode_query<genwire::strict>(*s);
    const auto el = genwire::encode_query(*l);
    if (!es || !el || *es != *el) return "strict and default mode decode different queries";
  }
  return {};
}

// ---- the dynamic value and the grammar checker, on their own ----

// parse_json agrees with check_json; to_json is valid, parses back to an equal value and is a fixed
// point; decode<json::value> and encode agree with parse_json and to_json; raw_json keeps the text.
inline finding dynamic_round_trip(std::string_view in) {
  const genwire::status grammar = genwire::check_json(in);
  const genwire::result<genwire::json::value> parsed = genwire::parse_json(in);
  if (!parsed) {
    const genwire::error& e = parsed.error();
    if (auto f = sane_error(e, in.size(), "parse_json"); !f.empty()) return f;
    if (e.code == genwire::errc::out_of_range) {
      // A number beyond a double: grammatical, so check_json fails later or not at all.
      if (!grammar && grammar.error().offset <= e.offset)
        return "parse_json reports " + describe(e) + " after check_json's " + describe(grammar.error());
    } else if (grammar) {
      return "parse_json rejects (" + describe(e) + ") what check_json accepts";
    } else if (grammar.error().code != e.code || grammar.error().offset != e.offset) {
      return "parse_json reports " + describe(e) + " but check_json reports " + describe(grammar.error());
    }
    if (const auto d = genwire::decode<genwire::json::value>(in); d || d.error().code != e.code || d.error().offset != e.offset)
      return "decode<json::value> and parse_json disagree on a rejected input";
    return {};
  }
  if (!grammar) return "parse_json accepted what check_json rejects: " + describe(grammar.error());

  const std::string text = genwire::to_json(*parsed);
  if (const genwire::status st = genwire::check_json(text); !st) return "to_json wrote invalid JSON: " + printable(text);
  const genwire::result<genwire::json::value> back = genwire::parse_json(text);
  if (!back) return "to_json output does not parse (" + back.error().message() + "): " + printable(text);
  if (!(*back == *parsed)) return "to_json output parses to a different value: " + printable(text);
  if (!(*parsed == *back)) return "json::value operator== is not symmetric on " + printable(text);
  if (!(*parsed == *parsed)) return "json::value operator== is not reflexive";
  if (genwire::to_json(*back) != text) return "to_json is not a fixed point: " + printable(text);

  const genwire::result<genwire::json::value> decoded = genwire::decode<genwire::json::value>(in);
  if (!decoded || !(*decoded == *parsed)) return "decode<json::value> and parse_json disagree";
  const genwire::result<std::string> encoded = genwire::encode(*parsed);
  if (!encoded || *encoded != text) return "encode(json::value) and to_json disagree: " + printable(encoded ? *encoded : "");

  const genwire::result<genwire::raw_json> raw = genwire::decode<genwire::raw_json>(in);
  if (!raw) return "decode<raw_json> rejects valid JSON: " + raw.error().message();
  std::string_view trimmed = in;
  while (!trimmed.empty() && std::string_view(" \t\r\n").find(trimmed.front()) != std::string_view::npos) trimmed.remove_prefix(1);
  while (!trimmed.empty() && std::string_view(" \t\r\n").find(trimmed.back()) != std::string_view::npos) trimmed.remove_suffix(1);
  if (raw->text() != trimmed) return "raw_json did not keep the text: " + printable(raw->text());
  return {};
}

}  // namespace genwire_fuzz
