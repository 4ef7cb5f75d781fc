#include "recorder.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "../routing/header_text.hpp"
#include "example_files.hpp"

namespace genwire::mock::detail {
namespace {

// The key texts the caller sent in the endpoint's auth headers.
std::vector<std::string> secrets_of(const prepared_endpoint& ep, const request& rq) {
  std::vector<std::string> out;
  for (const auto& a : ep.auth) {
    const std::string* v = rq.header_value(a.header);
    if (!v) continue;
    const auto key = credential(*v, a.prefix);
    if (key && !key->empty()) out.emplace_back(*key);
  }
  return out;
}

std::string redacted(std::string_view body, const std::vector<std::string>& secrets) {
  std::string out(body);
  for (const auto& s : secrets)
    for (std::size_t at = out.find(s); at != std::string::npos; at = out.find(s, at + 10)) out.replace(at, s.size(), "[REDACTED]");
  return out;
}

}  // namespace

std::string recorded_name(std::string_view endpoint, int status, std::string_view body) {
  std::uint64_t h = 14695981039346656037ULL;
  const auto mix = [&](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // a separator no UTF-8 text holds
    h *= 1099511628211ULL;
  };
  mix(endpoint);
  mix(std::to_string(status));
  mix(body);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return "recorded-" + std::string(hex);
}

recorder::recorder(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) throw std::invalid_argument("--record " + dir_ + ": cannot create the directory");
}

std::string recorder::record(const prepared_endpoint& ep, const request& rq, int status, const std::vector<header>& headers,
                             std::string_view body) {
  const std::string text = redacted(body, secrets_of(ep, rq));
  example_file f;
  f.endpoint = std::string(ep.name);
  f.status = status;
  f.name = recorded_name(ep.name, status, text);
  f.headers.emplace();
  for (const auto& h : headers) f.headers->push_back({h.name, h.value});
  if (!text.empty()) f.body = genwire::raw_json::from_trusted_text(text);  // the models decoded it: valid JSON
  auto encoded = genwire::encode(f);
  if (!encoded) return {};
  const std::filesystem::path path = std::filesystem::path(dir_) / (f.endpoint + "." + f.name + ".json");
  const std::lock_guard lock(mutex_);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return {};
  // Written whole, then renamed: a reader (or a crash) never sees half a file.
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << *encoded << '\n';
    if (!out) return {};
  }
  std::filesystem::rename(partial, path, ec);
  return ec ? std::string() : path.filename().string();
}

}  // namespace genwire::mock::detail
