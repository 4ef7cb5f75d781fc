#include "prefer.hpp"

#include <string_view>

#include "header_text.hpp"

namespace genwire::mock::detail {

preferences parse_prefer(const request& rq) {
  preferences p;
  bool seen_code = false, seen_example = false, seen_latency = false;
  for (const auto& h : rq.headers) {
    if (!iequals(h.name, "Prefer")) continue;
    split_unquoted(h.value, ',', [&](std::string_view item) {
      // preference = token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] ); parameters are ignored.
      std::string_view head;
      bool first = true;
      split_unquoted(item, ';', [&](std::string_view part) {
        if (first) head = part;
        first = false;
      });
      const std::size_t eq = head.find('=');
      const std::string_view name = trim(head.substr(0, eq));
      const std::string value = eq == std::string_view::npos ? std::string() : unquote(trim(head.substr(eq + 1)));
      if (iequals(name, "code") && !seen_code) {
        seen_code = true;
        int code = 0;
        bool digits = value.size() == 3;
        for (char c : value) {
          digits = digits && c >= '0' && c <= '9';
          if (digits) code = code * 10 + (c - '0');
        }
        if (!digits || code < 100 || code > 599) {
          if (p.error.empty()) p.error = "Prefer: code must be a three-digit HTTP status from 100 to 599";
        } else {
          p.code = code;
        }
      } else if (iequals(name, "example") && !seen_example) {
        seen_example = true;
        if (value.empty()) {
          if (p.error.empty()) p.error = "Prefer: example needs an example name";
        } else {
          p.example = value;
        }
      } else if (iequals(name, "latency") && !seen_latency) {
        seen_latency = true;
        std::uint64_t ms = 0;
        bool digits = !value.empty() && value.size() <= 9;  // at most 11.5 days: no overflow
        for (char c : value) {
          digits = digits && c >= '0' && c <= '9';
          if (digits) ms = ms * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (digits)
          p.latency_ms = ms;
        else
          p.latency_error = "Prefer: latency must be a whole number of milliseconds";
      }
    });
  }
  return p;
}

}  // namespace genwire::mock::detail
