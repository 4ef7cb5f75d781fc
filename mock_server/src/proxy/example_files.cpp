#include "example_files.hpp"

#include <genwire/mock/example_files.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../text.hpp"

namespace genwire::mock::detail {
namespace {

std::string read_whole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::invalid_argument(p.string() + ": cannot read the file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// "body" + the codec's path within the body: "body", "body.data[0].status", "body[2]".
std::string in_body(std::string_view path) {
  if (path.empty() || path == "$") return "body";
  return path.front() == '[' ? "body" + std::string(path) : "body." + std::string(path);
}

loaded_example load_one(const std::filesystem::path& p) {
  const std::string where = p.string();
  const auto fail = [&](const std::string& what) { return std::invalid_argument(where + ": " + what); };
  const std::string text = read_whole(p);
  auto file = genwire::decode<example_file>(text);
  if (!file) throw fail(file.error().message());
  loaded_example out;
  for (const auto& [key, value] : file->rest.items) {
    if (key != "default")
      throw fail(utf8_safe(key) + ": unknown key (known: endpoint, status, name, default, headers, body)");
    if (value.text() != "true" && value.text() != "false") throw fail("default: expected true or false, found " + utf8_safe(value.text()));
    out.is_default = value.text() == "true";
  }
  const answer_checker check = checker_for(file->endpoint);
  if (!check) throw fail("endpoint: no endpoint named \"" + utf8_safe(file->endpoint) + "\"");
  if (file->name.empty()) throw fail("name: expected a non-empty example name");
  const std::string body = file->body ? file->body->text() : std::string();
  const answer_check c = check(file->status, body);
  for (const auto& v : c.violations) {
    // Decision: an example file must pass the default rules only, since the strict-only findings (a new enum value, an extra key) are what real services send and the mock should replay.
    if (v.strict_only) continue;
    if (!c.documented_status) throw fail("status: expected " + v.expected + " of " + file->endpoint + ", found " + v.found);
    throw fail(in_body(v.path) + ": expected " + v.expected + (v.found.empty() ? "" : ", found " + v.found) + " (offset " +
               std::to_string(v.offset) + " in the body)");
  }
  out.endpoint = std::move(file->endpoint);
  out.example.name = std::move(file->name);
  out.example.status = file->status;
  out.example.body = body;
  out.example.file = where;
  if (file->headers)
    for (auto& h : *file->headers) out.example.headers.push_back({std::move(h.name), std::move(h.value)});
  return out;
}

}  // namespace

std::vector<loaded_example> load_example_files(const std::vector<std::string>& dirs) {
  std::vector<loaded_example> out;
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) throw std::invalid_argument(dir + ": cannot list the examples directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back(load_one(f));
  }
  return out;
}

void add_loaded_examples(prepared_endpoint& e, const std::vector<loaded_example>& loaded) {
  std::vector<int> defaulted;
  for (const auto& l : loaded) {
    if (l.endpoint != e.name) continue;
    for (const auto& known : e.examples)
      if (known.name == l.example.name)
        throw std::invalid_argument(l.example.file + ": name: " + std::string(e.name) + " already has an example named \"" +
                                    l.example.name + "\"" + (known.file.empty() ? " (documented)" : " (in " + known.file + ")"));
    if (l.is_default) {
      if (std::find(defaulted.begin(), defaulted.end(), l.example.status) != defaulted.end())
        throw std::invalid_argument(l.example.file + ": default: another file is already the default for " + std::string(e.name) +
                                    " status " + std::to_string(l.example.status));
      defaulted.push_back(l.example.status);
      for (auto& a : e.answers) {
        if (a.status != l.example.status) continue;
        a.body = l.example.body;
        for (const auto& h : l.example.headers) {
          std::erase_if(a.headers, [&](const header& x) { return iequals(x.name, h.name); });
          a.headers.push_back(h);
        }
      }
    }
    e.examples.push_back(l.example);
  }
}

}  // namespace genwire::mock::detail

namespace genwire::mock {

std::vector<example_file_entry> read_example_files(const std::vector<std::string>& dirs) {
  std::vector<example_file_entry> out;
  for (auto& l : detail::load_example_files(dirs))
    out.push_back({std::move(l.example.file), std::move(l.endpoint), std::move(l.example.name), l.example.status, l.is_default,
                   std::move(l.example.headers), std::move(l.example.body)});
  return out;
}

}  // namespace genwire::mock
