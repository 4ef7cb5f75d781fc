// fuzz/reference.hpp: nlohmann/json (Debian nlohmann-json3-dev) as the reference parser genwire's
// checker and dynamic value are compared with. Used only by fuzz targets and tests.
//
// nlohmann is driven through its SAX interface, which sees every member in document order (its DOM
// keeps only the last of duplicate keys) and reports where a number overflowed. Where the two
// libraries may legitimately differ, the comparison states the rule (README "Reference parser"):
//   1. A leading UTF-8 byte order mark: nlohmann skips it, genwire rejects it (RFC 8259 section 8.1
//      lets a parser do either; genwire's inputs are HTTP bodies, which must not carry one).
//   2. Nesting: genwire stops at options::max_depth (256); nlohmann has no limit. Deeper inputs are
//      compared with genwire's limit raised to the input length.
//   3. Numbers beyond a double (1e400): grammatical, so check_json accepts them; nlohmann and
//      parse_json both reject them. check_json is compared after replacing such tokens with 0e0;
//      parse_json must fail with out_of_range exactly where nlohmann reports its overflow.
//   4. A NUL byte outside a string ends nlohmann's input (so "1\0garbage" is accepted). A raw NUL
//      is never valid JSON, so genwire must reject any input holding one, no later than that byte;
//      nlohmann is not consulted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <genwire/core.hpp>

#include "properties.hpp"

namespace genwire_fuzz {

struct reference_result {
  bool ok = false;
  bool overflow = false;           // stopped at a number beyond a double (nlohmann error 406)
  std::size_t error_end = 0;       // nlohmann's position: just past the offending token
  std::string error_token;         // the offending token as nlohmann lexed it
  std::string error_text;          // nlohmann's message
  genwire::json::value value;      // when ok and a value was requested
};

namespace detail {

// Builds a genwire::json::value from SAX events (or only validates, when build is false).
class reference_builder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit reference_builder(bool build) : build_(build) {}

  bool null() override { return add(nullptr); }
  bool boolean(bool b) override { return add(b); }
  bool number_integer(number_integer_t i) override { return add(static_cast<std::int64_t>(i)); }
  bool number_unsigned(number_unsigned_t u) override {
    // genwire keeps an integer as int64 when it fits, as uint64 otherwise; so does the reference.
    if (u <= static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max()))
      return add(static_cast<std::int64_t>(u));
    return add(static_cast<std::uint64_t>(u));
  }
  bool number_float(number_float_t d, const string_t&) override { return add(static_cast<double>(d)); }
  bool string(string_t& s) override { return add(std::move(s)); }
  bool binary(binary_t&) override { return false; }  // not produced by JSON text
  bool start_object(std::size_t) override { return open(genwire::json::object{}); }
  bool key(string_t& k) override {
    if (build_) stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(genwire::json::array{}); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) override {
    result.ok = false;
    result.overflow = ex.id == 406;
    result.error_end = position;
    result.error_token = last_token;
    result.error_text = ex.what();
    return false;
  }

  reference_result result;

  genwire::json::value take_root() { return std::move(root_); }

 private:
  struct frame {
    genwire::json::value container;
    std::string key;  // the pending member name, inside an object
  };

  bool add(genwire::json::value v) {
    if (!build_) return true;
    if (stack_.empty()) {
      root_ = std::move(v);
      return true;
    }
    frame& top = stack_.back();
    if (auto* a = std::get_if<genwire::json::array>(&top.container.get())) a->push_back(std::move(v));
    else std::get<genwire::json::object>(top.container.get()).emplace_back(std::move(top.key), std::move(v));
    return true;
  }
  bool open(genwire::json::value container) {
    if (build_) stack_.push_back({std::move(container), {}});
    return true;
  }
  bool close() {
    if (!build_) return true;
    genwire::json::value done = std::move(stack_.back().container);
    stack_.pop_back();
    return add(std::move(done));
  }

  bool build_;
  std::vector<frame> stack_;
  genwire::json::value root_;
};

}  // namespace detail

// nlohmann's verdict on text (strict: nothing may follow the value), and its value when build.
inline reference_result reference_parse(std::string_view text, bool build) {
  detail::reference_builder b(build);
  const char* first = text.empty() ? "" : text.data();
  const bool ok = nlohmann::json::sax_parse(first, first + text.size(), &b, nlohmann::json::input_format_t::json, true);
  reference_result r = std::move(b.result);
  r.ok = ok;
  if (ok && build) r.value = b.take_root();
  return r;
}

// Exact structural equality: same kinds, integers of the same type, doubles bit for bit, members in
// the same order (duplicates included). Returns where the two differ, or "" when they do not.
inline std::string first_difference(const genwire::json::value& a, const genwire::json::value& b,
                                    const std::string& path = "$") {
  const auto& va = a.get();
  const auto& vb = b.get();
  if (va.index() != vb.index())
    return path + ": kinds differ (" + genwire::to_json(a).substr(0, 80) + " vs " + genwire::to_json(b).substr(0, 80) + ")";
  if (const auto* da = std::get_if<double>(&va)) {
    const double db = std::get<double>(vb);
    if (std::memcmp(da, &db, sizeof db) != 0) return path + ": doubles differ (" + genwire::to_json(a) + " vs " + genwire::to_json(b) + ")";
    return {};
  }
  if (const auto* aa = a.as_array()) {
    const auto& ab = *b.as_array();
    if (aa->size() != ab.size()) return path + ": array sizes differ";
    for (std::size_t i = 0; i < aa->size(); ++i)
      if (auto d = first_difference((*aa)[i], ab[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    return {};
  }
  if (const auto* oa = a.as_object()) {
    const auto& ob = *b.as_object();
    if (oa->size() != ob.size()) return path + ": member counts differ";
    for (std::size_t i = 0; i < oa->size(); ++i) {
      if ((*oa)[i].first != ob[i].first) return path + ": member " + std::to_string(i) + " keys differ " + printable((*oa)[i].first) + " vs " + printable(ob[i].first);
      if (auto d = first_difference((*oa)[i].second, ob[i].second, path + "." + (*oa)[i].first); !d.empty()) return d;
    }
    return {};
  }
  if (!(va == vb)) return path + ": values differ (" + genwire::to_json(a).substr(0, 80) + " vs " + genwire::to_json(b).substr(0, 80) + ")";
  return {};
}

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Rule 4: the verdict on an input holding a NUL byte, or "" when it holds none.
inline finding nul_rule(std::string_view in, const genwire::status& mine, std::string_view who) {
  const std::size_t nul = in.find('\0');
  if (nul == std::string_view::npos) return {};
  if (mine) return std::string(who) + " accepted an input holding a NUL byte: " + printable(in);
  if (mine.error().offset > nul)
    return std::string(who) + " reports " + describe(mine.error()) + " past the NUL byte at " + std::to_string(nul);
  return {};
}

// Deepest input (in bytes, so in nesting) re-checked with genwire's depth limit raised (rule 2).
// parse_json recurses once per level, and under ASan a level of read_dynamic takes about 2.5 KB of
// stack: 3311 levels overflowed the fuzzer's 8 MB main stack (a harness finding, not a library one:
// the default limit is 256). 1024 levels stay under 3 MB.
inline constexpr std::size_t deep_recheck_limit = 1024;

// check_json accepts exactly what nlohmann accepts, under rules 1-3.
inline finding check_agrees(std::string_view in) {
  genwire::status mine = genwire::check_json(in);
  if (in.substr(0, 3) == utf8_bom) {
    if (mine) return "check_json accepted a byte order mark";
    return {};
  }
  if (!mine && mine.error().code == genwire::errc::depth_exceeded) {
    if (in.size() > deep_recheck_limit) return {};
    mine = genwire::check_json(in, static_cast<std::uint32_t>(in.size()));
  }
  if (in.find('\0') != std::string_view::npos) return nul_rule(in, mine, "check_json");
  std::string neutral(in);
  reference_result ref = reference_parse(neutral, false);
  for (std::size_t guard = 0; ref.overflow && guard <= in.size(); ++guard) {
    const std::size_t start = ref.error_end - ref.error_token.size();
    if (ref.error_end < ref.error_token.size() || neutral.compare(start, ref.error_token.size(), ref.error_token) != 0)
      return "cannot locate nlohmann's overflowing number " + printable(ref.error_token);
    // "0e0" continues only with digits, which would have continued the original token too.
    neutral.replace(start, ref.error_token.size(), "0e0");
    ref = reference_parse(neutral, false);
  }
  if (mine.ok() != ref.ok)
    return std::string("check_json ") + (mine ? "accepts" : "rejects (" + describe(mine.error()) + ")") +
           ", nlohmann " + (ref.ok ? "accepts" : "rejects (" + ref.error_text + ")") + ": " + printable(in);
  return {};
}

// parse_json gives exactly nlohmann's value (same members in the same order, integers as integers,
// the same doubles), genwire's operator== agrees, and both reject the same inputs.
inline finding value_agrees(std::string_view in) {
  genwire::result<genwire::json::value> mine = genwire::parse_json(in);
  if (in.substr(0, 3) == utf8_bom) {
    if (mine) return "parse_json accepted a byte order mark";
    return {};
  }
  if (!mine && mine.error().code == genwire::errc::depth_exceeded) {
    if (in.size() > deep_recheck_limit) return {};
    mine = genwire::parse_json(in, static_cast<std::uint32_t>(in.size()));
  }
  if (in.find('\0') != std::string_view::npos)
    return nul_rule(in, mine ? genwire::status{} : genwire::status{mine.error()}, "parse_json");
  const reference_result ref = reference_parse(in, true);
  if (ref.overflow) {
    const std::size_t start = ref.error_end - ref.error_token.size();
    if (mine) return "parse_json accepted a number nlohmann finds beyond a double: " + printable(ref.error_token);
    if (mine.error().code != genwire::errc::out_of_range || mine.error().offset != start)
      return "nlohmann reports a number beyond a double at " + std::to_string(start) + ", parse_json reports " +
             describe(mine.error()) + ": " + printable(in);
    return {};
  }
  if (!ref.ok) {
    if (mine) return "parse_json accepts what nlohmann rejects (" + ref.error_text + "): " + printable(in);
    if (mine.error().code == genwire::errc::out_of_range)
      return "parse_json finds a number out of range (" + describe(mine.error()) + ") where nlohmann reports " +
             ref.error_text + ": " + printable(in);
    return {};
  }
  if (!mine) return "nlohmann accepts what parse_json rejects (" + describe(mine.error()) + "): " + printable(in);
  if (auto d = first_difference(*mine, ref.value); !d.empty()) return "parse_json and nlohmann differ at " + d + ": " + printable(in);
  if (!(*mine == ref.value)) return "json::value operator== says a value differs from its exact copy: " + printable(in);
  return {};
}

// The json_value target: genwire's own round-trip properties, then agreement with nlohmann.
inline finding json_value(std::string_view in) {
  if (auto f = dynamic_round_trip(in); !f.empty()) return f;
  return value_agrees(in);
}

}  // namespace genwire_fuzz
