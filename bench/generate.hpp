// bench/generate.hpp: deterministic, strictly valid payloads for every endpoint in
// genwire::all_endpoints, generated from the response types themselves (so a new endpoint gets
// payloads without new bench code), plus the documented error bodies of every status table.
#pragma once

#include <algorithm>
#include <cmath>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <genwire/genwire.hpp>

#include "payload.hpp"

namespace bench {

// splitmix64: the same seed gives the same payload on every machine and compiler.
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
};

// Fills a value of any genwire model type with plausible data that passes decode<T, strict>:
// optional members are present ~80% of the time, nullable ones null ~15%, enums take known names,
// bounded numbers stay in range, formats are well formed, and ~1 string in 12 carries non-ASCII
// text, ~1 in 16 a character that needs escaping. The response's own top-level lists get
// `items` elements; nested lists 1..3.
class generator {
 public:
  generator(std::uint64_t seed, std::size_t items) : r_{seed}, items_(items) {}

  template <class T>
  void fill_root(T& v) {
    fill_struct(v, /*top=*/true);
  }

 private:
  static constexpr std::array<std::string_view, 24> words{
      "studio", "render", "fox",   "misty", "forest", "neon",  "harbor", "sunrise", "portrait", "cinematic", "quiet", "river",
      "glass",  "orbit",  "amber", "wave",  "lantern", "pixel", "velvet", "summit", "echo",     "canyon",    "drift", "meadow"};
  static constexpr std::array<std::string_view, 4> non_ascii{"café", "naïve", "日本語", "Zürich"};

  template <class T>
  void fill_struct(T& v, bool top) {
    constexpr auto& names = genwire::reflect::member_names<T>;
    genwire::reflect::visit(v, [&](auto&... m) {
      std::size_t i = 0;
      (fill(m, names[i++], top), ...);
    });
  }

  std::string words_text(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      if (i) s += ' ';
      if (r_.below(12) == 0) s += non_ascii[r_.below(non_ascii.size())];
      else s += words[r_.below(words.size())];
    }
    if (r_.below(16) == 0) s += r_.chance(50) ? " \"quoted\"" : "\nline two";
    return s;
  }

  std::string token(std::string_view prefix, std::size_t len) {
    static constexpr char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string s(prefix);
    for (std::size_t i = 0; i < len; ++i) s += alnum[r_.below(sizeof alnum - 1)];
    return s;
  }

  static bool has(std::string_view name, std::string_view part) { return name.find(part) != std::string_view::npos; }

  std::string string_for(std::string_view name) {
    if (has(name, "url") || has(name, "Url")) return "https://assets.example.com/" + token("", 10) + "/" + token("", 8) + ".png";
    if (has(name, "prompt") || has(name, "message") || has(name, "text") || has(name, "description") || has(name, "msg") ||
        has(name, "error") || has(name, "Message"))
      return words_text(4 + r_.below(10));
    if (name.size() > 2 && (name.ends_with("_id") || name.ends_with("Id") || name == "id" || name.ends_with("cursor")))
      return token(name.substr(0, 3), 12);
    return words_text(1 + r_.below(3));
  }

  std::string uuid() {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
      s += hex[r_.below(16)];
    }
    return s;
  }

  std::string date_time() {
    char b[40];
    const int month = 1 + static_cast<int>(r_.below(12)), day = 1 + static_cast<int>(r_.below(28));
    const int h = static_cast<int>(r_.below(24)), mi = static_cast<int>(r_.below(60)), se = static_cast<int>(r_.below(60));
    if (r_.chance(30))
      std::snprintf(b, sizeof b, "2025-%02d-%02dT%02d:%02d:%02d.%03dZ", month, day, h, mi, se, static_cast<int>(r_.below(1000)));
    else
      std::snprintf(b, sizeof b, "2025-%02d-%02dT%02d:%02d:%02dZ", month, day, h, mi, se);
    return b;
  }

  // A small image-result-like object: what a provider's untyped `result` usually carries.
  std::string raw_object() {
    const std::string id = token("img_", 12);
    return R"({"id":")" + id + R"(","ai_generated":)" + (r_.chance(50) ? "true" : "false") +
           R"(,"formats":{"png":{"url":"https://cdn.example.com/images/)" + id + R"(.png","format":"png","size_bytes":)" +
           std::to_string(100000 + r_.below(5000000)) + R"(}},"cost_eur":"0.045000","balance_eur":")" +
           std::to_string(r_.below(100)) + R"(.955000"})";
  }

  // A decimal with at most 2 fraction digits: exactly representable text for every peer's parser.
  double decimal(std::uint64_t cents) { return static_cast<double>(cents) / 100.0; }

  template <class T>
  void fill(T& v, std::string_view name, bool top) {
    namespace d = genwire::detail;
    if constexpr (d::is_nullable<T>::value || d::is_std_optional<T>::value) {
      using V = typename T::value_type;
      // The response's list itself is always there: an absent list is not a throughput payload.
      const bool keep = top && (d::is_vector<V>::value || d::is_nullable<V>::value);
      const bool skip = d::is_nullable<T>::value ? !keep && r_.chance(15) : !keep && r_.chance(20);
      if (skip) {
        v.reset();
        return;
      }
      fill(v.emplace(), name, top);
    } else if constexpr (std::is_same_v<T, genwire::raw_json>) {
      v = genwire::raw_json::from_trusted_text(raw_object());
    } else if constexpr (std::is_same_v<T, bool>) {
      v = r_.chance(50);
    } else if constexpr (d::is_integer_v<T>) {
      v = static_cast<T>(r_.below(100000));
    } else if constexpr (std::is_floating_point_v<T>) {
      // Epoch-like for timestamps, a two-decimal figure otherwise.
      v = has(name, "_at") ? 1717243200.0 + decimal(r_.below(86400000)) : decimal(r_.below(1000000));
    } else if constexpr (d::is_bounded<T>::value) {
      using V = typename T::value_type;
      if constexpr (std::is_floating_point_v<V>) {
        // Two-decimal figures inside the bounds (an exclusive bound itself is not one of them), each
        // the double nearest its text: lo + cents / 100 in double arithmetic is not (1 + 0.88 is
        // 1.8800000000000001), and Boost.JSON 1.81 reads such 17-digit texts one ulp off.
        const auto lo = static_cast<std::int64_t>(T::min.is_set ? std::ceil(T::min.as_double() * 100 - 1e-9) : 0) +
                        (T::min.is_set && T::min.is_exclusive ? 1 : 0);
        const auto hi = T::max.is_set ? static_cast<std::int64_t>(std::floor(T::max.as_double() * 100 + 1e-9)) -
                                            (T::max.is_exclusive ? 1 : 0)
                                      : lo + 100000;
        const auto cents = lo + static_cast<std::int64_t>(r_.below(static_cast<std::size_t>(hi - lo) + 1));
        v.value = static_cast<V>(static_cast<double>(cents) / 100.0);
      } else {
        const long long lo = T::min.is_set ? T::min.mantissa + (T::min.is_exclusive ? 1 : 0) : 0;
        const long long hi = T::max.is_set ? T::max.mantissa - (T::max.is_exclusive ? 1 : 0) : lo + 1000;
        v.value = static_cast<V>(lo + static_cast<long long>(r_.below(static_cast<std::size_t>(hi - lo) + 1)));
      }
    } else if constexpr (d::is_sized_string<T>::value) {
      std::string s = string_for(name);
      while (s.size() < T::min_length) s += 'x';
      if (s.size() > T::max_length) s.resize(T::max_length);  // ASCII-only names would fit; be safe
      v.value = std::move(s);
    } else if constexpr (d::is_formatted<T>::value) {
      if constexpr (T::kind == genwire::format_kind::uuid) v.text = uuid();
      else if constexpr (T::kind == genwire::format_kind::date_time) v.text = date_time();
      else v.text = "https://cdn.example.com/" + token("", 10) + "/" + token("", 6) + ".webp";
    } else if constexpr (d::is_open_enum<T>::value) {
      using E = decltype(v.value());
      v = static_cast<E>(r_.below(genwire::reflect::enum_names<E>.size()));
    } else if constexpr (std::is_enum_v<T>) {
      v = static_cast<T>(r_.below(genwire::reflect::enum_names<T>.size()));
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = string_for(name);
    } else if constexpr (d::is_vector<T>::value) {
      const std::size_t n = top ? items_ : 1 + r_.below(3);
      v.resize(n);
      for (auto& e : v) fill(e, name, false);
    } else if constexpr (d::is_std_array<T>::value) {
      for (auto& e : v) fill(e, name, false);
    } else if constexpr (d::is_variant<T>::value) {
      fill_variant(v, name, r_.below(std::variant_size_v<T>));
    } else {
      static_assert(genwire::reflect::reflectable<T>, "bench generator: unsupported member type");
      fill_struct(v, false);
    }
  }

  template <class... A>
  void fill_variant(std::variant<A...>& v, std::string_view name, std::size_t pick) {
    std::size_t i = 0;
    (void)(((i++ == pick) ? (fill(v.template emplace<A>(), name, false), true) : false) || ...);
  }

  rng r_;
  std::size_t items_;
};

// Whether T has a list among its own members (the thing "1, 100, 1000 items" scales).
template <class T>
bool has_top_level_list() {
  namespace d = genwire::detail;
  T probe{};
  bool any = false;
  genwire::reflect::visit(probe, [&](auto&... m) {
    const auto is_list = [](const auto& x) {
      using M = std::remove_cvref_t<decltype(x)>;
      if constexpr (d::is_nullable<M>::value || d::is_std_optional<M>::value) return d::is_vector<typename M::value_type>::value;
      else return d::is_vector<M>::value;
    };
    any = (is_list(m) || ...);
  });
  return any;
}

// Generated text for one response, checked: it decodes under strict rules and re-encodes to
// exactly the same bytes (so every peer is measured on text genwire itself would write).
template <class Response>
std::string generate_response(std::uint64_t seed, std::size_t items) {
  Response v{};
  generator g(seed, items);
  g.fill_root(v);
  auto text = genwire::encode<genwire::strict>(v);
  if (!text) die("generated value does not encode: " + text.error().message());
  auto back = genwire::decode<Response, genwire::strict>(*text);
  if (!back) die("generated payload is not strictly valid: " + back.error().message());
  auto again = genwire::encode(*back);
  if (!again || *again != *text) die("generated payload does not round-trip byte for byte");
  return *text;
}

inline constexpr std::array<std::size_t, 3> item_counts{1, 100, 1000};

// Every endpoint's success payloads (1, 100 and 1000 items; one payload when the response has no
// list) and every documented error body (deduplicated per provider), in descriptor order.
inline std::vector<payload> all_payloads() {
  std::vector<payload> out;
  std::vector<std::pair<std::string, std::string>> seen_errors;  // provider, body
  genwire::all_endpoints::for_each([&]<class D>() {
    using R = typename D::response;
    std::uint64_t seed = 0x67656e77697265ULL;  // "genwire"
    for (char c : D::name) seed = seed * 131 + static_cast<unsigned char>(c);
    for (std::size_t n : item_counts) {
      if (!has_top_level_list<R>() && n != 1) continue;
      payload p;
      p.endpoint = std::string(D::name);
      p.provider = std::string(D::provider);
      p.items = n;
      p.name = p.endpoint + "/" + std::to_string(n);
      p.buffer = payload::padded(generate_response<R>(seed + n, n));
      out.push_back(std::move(p));
    }
    for (const genwire::status_doc& s : D::statuses) {
      if (s.code < 400 || s.body.empty()) continue;
      std::pair<std::string, std::string> key{std::string(D::provider), std::string(s.body)};
      bool dup = false;
      for (const auto& k : seen_errors) dup = dup || k == key;
      if (dup) continue;
      seen_errors.push_back(key);
      if (auto e = genwire::decode<typename D::error, genwire::strict>(s.body); !e)
        die(std::string(D::name) + " documented " + std::to_string(s.code) + " body does not decode strictly: " +
            e.error().message());
      payload p;
      p.endpoint = std::string(D::name);
      p.provider = std::string(D::provider);
      p.is_error = true;
      p.name = "error/" + p.provider + "/" + std::to_string(s.code);
      // Two endpoints of one provider may document different bodies for one code (Diffio's 404s).
      for (const auto& o : out)
        if (o.name == p.name) p.name.append(1, '/').append(D::name.substr(D::name.find('.') + 1));
      p.buffer = payload::padded(s.body);
      out.push_back(std::move(p));
    }
  });
  return out;
}

}  // namespace bench
