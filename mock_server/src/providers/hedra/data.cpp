// Hedra's generations: newest first, flat `limit` (default 100) / `offset`, page_info, filters
// type, created_before, created_after, ids, prompt_query, agent_thread_id. Progress runs 0..1; an
// asset only once complete, an error (or error_message) only on error. What each kind of
// generation holds is variants.cpp's.
#include <algorithm>
#include <array>
#include <optional>

#include "../../routing/header_text.hpp"
#include "../../realistic/prng.hpp"
#include "binding.hpp"
#include "../provider_data.hpp"
#include "variants.hpp"

namespace genwire::mock::detail {
namespace {

using namespace realistic;

namespace hd = genwire::hedra;

struct frame {
  hd::generation_status status = hd::generation_status::queued;
  double progress = 0;
  std::optional<std::int64_t> eta;
};

struct failure {
  hd::generation_error_type type;
  std::string_view message;
};

constexpr std::array<failure, 5> failures{{
    {hd::generation_error_type::MODERATION_FAILED, "The prompt was flagged by moderation."},
    {hd::generation_error_type::MISSING_CREDITS, "Not enough credits for this generation."},
    {hd::generation_error_type::RESOURCE_EXHAUSTED, "The generation ran out of resources."},
    {hd::generation_error_type::UNAVAILABLE, "The model is temporarily unavailable."},
    {hd::generation_error_type::UNKNOWN, "The generation failed."},
}};

struct job {
  std::string id;
  hedra_variants::variant kind;  // its input, its media type, its asset's details
  std::optional<std::size_t> thread;
  millis created = 0;
  millis span = 0;
  std::vector<frame> script;
  const failure* failed = nullptr;
  bool error_as_message = false;
  std::int64_t credits = 0;
  progression prog;
  encoded_cache cache;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Decision: prompt_query is a case-insensitive substring of any free text the input carries (its prompt, the text it speaks or sounds, a cloned voice's name), not only of a text prompt: every kind of generation has something to search, and the parameter is named for what a user typed.
bool mentions(const hd::generation_input& in, const std::string& needle) {
  bool found = false;
  hedra_variants::for_each_text(in, [&](std::string_view text) { found = found || lower(text).find(needle) != std::string::npos; });
  return found;
}

}  // namespace

template <>
struct provider_data_impl<hedra_mock> {
  realistic_store_size size(std::uint64_t clock_steps) const;

  std::vector<job> jobs;  // newest first
  std::vector<std::string> threads;

  provider_data_impl(std::uint64_t seed, std::size_t items) {
    rng r(mix(seed, tag_of("hedra")));
    for (int i = 0; i < 4; ++i) threads.push_back(r.uuid());
    const hedra_variants::catalogue shared(r);

    const std::size_t active = items == 0 ? 0 : std::max<std::size_t>(1, items * 12 / 100);
    millis t = anchor_ms - r.between(0, 60'000);
    jobs.resize(items);
    for (std::size_t i = 0; i < items; ++i) {
      job& j = jobs[i];
      j.id = r.uuid();
      j.created = t;
      t -= r.between(15'000, 1'200'000);
      j.span = r.between(3'000, 30'000);
      if (r.chance(0.3)) j.thread = r.below(threads.size());
      j.kind = hedra_variants::make_variant(r, shared);
      if (j.thread) j.kind.input.agent_thread_id = genwire::nullable<genwire::uuid>(genwire::uuid(threads[*j.thread]));
      const std::array<frame, 6> full{{
          {hd::generation_status::queued, 0, 60},
          {hd::generation_status::processing, static_cast<double>(r.between(10, 20)) / 100, 45},
          {hd::generation_status::processing, static_cast<double>(r.between(40, 60)) / 100, 25},
          {hd::generation_status::processing, static_cast<double>(r.between(75, 90)) / 100, 8},
          {hd::generation_status::finalizing, 0.95, 2},
          {hd::generation_status::complete, 1, std::nullopt},
      }};
      if (r.chance(0.12)) {
        const std::size_t at = r.below(4);
        j.script.assign(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(at + 1));
        j.script.push_back({hd::generation_status::error, full[at].progress, std::nullopt});
        j.failed = &failures[r.below(failures.size())];
        j.error_as_message = r.chance(0.25);
      } else {
        j.script.assign(full.begin(), full.end());
      }
      j.credits = r.between(1, 40);
      j.prog.last = static_cast<std::uint32_t>(j.script.size() - 1);
      j.prog.initial = i < active ? static_cast<std::uint32_t>(r.below(j.prog.last)) : j.prog.last;
    }
  }

  const std::string& encoded(job& j, std::uint64_t clock) {
    const std::uint32_t step = j.prog.at(clock);
    if (j.cache.step == step) return j.cache.json;
    const frame& f = j.script[step];
    hd::generation g{};
    g.id = genwire::uuid(j.id);
    g.type = j.kind.type;
    g.input = j.kind.input;
    g.status = f.status;
    g.progress = f.progress;
    g.created_at = genwire::date_time(rfc3339(j.created, true));
    g.eta_sec = f.eta ? genwire::nullable<std::int64_t>(*f.eta) : genwire::nullable<std::int64_t>();
    g.batch_generation_id = genwire::nullable<std::string>();
    g.credit_cost = genwire::nullable<std::int64_t>();
    if (f.status == hd::generation_status::complete) {
      g.credit_cost = genwire::nullable<std::int64_t>(j.credits);
      g.asset = genwire::nullable<hd::generation_asset>(hedra_variants::asset_of(j.kind, j.id, j.created, j.created + j.span * step));
    } else if (f.status == hd::generation_status::error) {
      g.credit_cost = genwire::nullable<std::int64_t>(std::int64_t{0});
      // "error: not present unless the status is 'error' and error_message is not present".
      if (j.error_as_message)
        g.error_message = genwire::nullable<std::string>(std::string(j.failed->message));
      else
        g.error = genwire::nullable<hd::generation_error>(hd::generation_error{j.failed->type, std::string(j.failed->message)});
    }
    auto text = genwire::encode(g);
    j.cache.step = step;
    j.cache.json = text ? std::move(*text) : std::string("{}");
    return j.cache.json;
  }

  // Decision: `type` matches the asset type or the generation type (input.type), as the OpenAPI accepts either enum; created_before/after are exclusive, as their names say.
  bool matches(const job& j, const hd::list_generations_query& q, const std::vector<std::string>& ids) const {
    if (q.type) {
      const std::string_view want = genwire::enum_name(*q.type);
      const bool by_asset = want == genwire::enum_name(j.kind.type);
      const bool by_input = want == genwire::enum_name(*j.kind.input.type);
      if (!by_asset && !by_input) return false;
    }
    if (q.created_before)
      if (auto t = q.created_before->time(); t && !(j.created < to_millis(*t))) return false;
    if (q.created_after)
      if (auto t = q.created_after->time(); t && !(j.created > to_millis(*t))) return false;
    if (q.ids && std::find(ids.begin(), ids.end(), j.id) == ids.end()) return false;
    if (q.prompt_query && !mentions(j.kind.input, lower(*q.prompt_query))) return false;
    if (q.agent_thread_id && (!j.thread || threads[*j.thread] != lower(q.agent_thread_id->text))) return false;
    return true;
  }
};

answer endpoint_binding<hd::list_generations_endpoint>::realistic(hedra_mock::data& data, const request_type& rq, const realistic::view& v) {
  auto& d = *data.impl_;
  const hd::list_generations_query& q = *rq.value;
  const std::int64_t limit = q.limit ? q.limit->value : hd::list_generations_query::default_limit;
  const std::int64_t offset = q.offset ? q.offset->value : hd::list_generations_query::default_offset;
  // Decision: `ids` is one string (no source says how several are joined); read as a comma-separated list, the usual form of a multi-valued query string.
  std::vector<std::string> ids;
  if (q.ids) {
    std::string_view rest = *q.ids;
    while (true) {
      const std::size_t comma = rest.find(',');
      if (auto one = trim(rest.substr(0, comma)); !one.empty()) ids.push_back(lower(one));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  std::vector<std::size_t> page;
  if (v.owner) {
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < d.jobs.size() && static_cast<std::int64_t>(page.size()) < limit; ++i) {
      if (!d.matches(d.jobs[i], q, ids)) continue;
      if (seen++ >= offset) page.push_back(i);
    }
  }
  std::vector<const std::string*> items;
  items.reserve(page.size());
  for (std::size_t i : page) items.push_back(&d.encoded(d.jobs[i], v.clock_steps));
  auto info = genwire::encode(hd::paging_info{limit, offset});
  std::string body = "{\"page_info\":";
  body += info ? *info : std::string("{}");
  body += ',';
  body += json_array_member("data", items).substr(1);  // drop its '{': page_info comes first, as documented
  body += '}';
  for (std::size_t i : page) d.jobs[i].prog.polled(v.clock_steps);
  return reply_json(200, std::move(body));
}

realistic_store_size provider_data_impl<hedra_mock>::size(std::uint64_t clock_steps) const {
  return jobs_size<hedra_mock>(jobs, clock_steps);
}

template class provider_data<hedra_mock>;

}  // namespace genwire::mock::detail
