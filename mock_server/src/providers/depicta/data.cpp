// Depicta's recent jobs: newest first, `limit` (default 20) and `offset`, `total` counting every
// job; a result only on completed jobs, an error only on failed ones.
#include <array>
#include <cstdio>

#include "../../realistic/prng.hpp"
#include "binding.hpp"
#include "../provider_data.hpp"

namespace genwire::mock::detail {
namespace {

using namespace realistic;

namespace dp = genwire::depicta;

struct frame {
  dp::job_status status = dp::job_status::pending;
  std::int64_t scenes_completed = 0;
};

struct failure {
  std::string_view code;
  std::string_view message;
};

constexpr std::array<failure, 2> failures{{
    {dp::job_error_content_rejected, "The prompt was rejected by the content policy."},
    {dp::job_error_insufficient_credits, "Not enough credits to finish the job."},
}};

constexpr std::array<std::string_view, 8> subjects{
    "a lighthouse at dawn", "a fox in the snow",         "a city street in the rain", "a bowl of ramen",
    "a mountain cabin",     "a robot reading a book", "an old sailing ship",       "a field of sunflowers"};

// A story job's result (docs/providers-depicta.md: {scenes:[{prompt, images}], characters:[{name, reference_url}]}).
struct story_scene {
  std::string prompt;
  dp::image_formats images;
};
struct story_character {
  std::string name;
  genwire::uri reference_url;
};
struct story_result {
  std::vector<story_scene> scenes;
  std::vector<story_character> characters;
};

struct job {
  std::string id;  // UUID
  millis created = 0;
  millis span = 0;
  std::int64_t scenes = 1;
  std::string subject;
  std::vector<frame> script;
  const failure* failed = nullptr;
  std::string image_id;
  std::string image_hash;
  std::string balance;
  progression prog;
  encoded_cache cache;
};

std::string euros(std::int64_t micro_euros) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%06lld", static_cast<long long>(micro_euros / 1'000'000),
                static_cast<long long>(micro_euros % 1'000'000));
  return buf;
}

dp::image_formats formats_of(const std::string& base, std::int64_t png_bytes) {
  dp::image_formats f;
  f.png = dp::image_file{genwire::uri(base + ".png"), "png", png_bytes, std::nullopt, std::nullopt};
  f.webp = dp::image_file{genwire::uri(base + ".webp"), "webp", png_bytes / 4, std::nullopt, std::nullopt};
  return f;
}

}  // namespace

template <>
struct provider_data_impl<depicta_mock> {
  realistic_store_size size(std::uint64_t clock_steps) const;

  std::vector<job> jobs;  // newest first

  provider_data_impl(std::uint64_t seed, std::size_t items) {
    rng r(mix(seed, tag_of("depicta")));
    const std::size_t active = items == 0 ? 0 : std::max<std::size_t>(1, items * 12 / 100);
    millis t = anchor_ms - r.between(0, 120) * 1000;
    jobs.resize(items);
    for (std::size_t i = 0; i < items; ++i) {
      job& j = jobs[i];
      j.id = r.uuid();
      j.created = t;
      t -= r.between(30, 1800) * 1000;  // whole seconds, as the composed example shows them
      j.span = r.between(1, 6) * 1000;
      j.scenes = r.chance(0.2) ? r.between(2, 4) : 1;
      j.subject = std::string(r.pick(subjects));
      j.image_id = "img_" + r.alnum(12);
      j.image_hash = r.hex(64);
      j.balance = euros(r.between(1'000'000, 50'000'000));
      // pending, processing with 0..scenes-1 scenes done, then completed (or failed mid-way).
      j.script.push_back({dp::job_status::pending, 0});
      for (std::int64_t s = 0; s < j.scenes; ++s) j.script.push_back({dp::job_status::processing, s});
      if (r.chance(0.12)) {
        const std::size_t at = 1 + r.below(static_cast<std::uint64_t>(j.scenes));
        j.script.resize(at + 1);
        j.script.push_back({dp::job_status::failed, j.script.back().scenes_completed});
        j.failed = &failures[r.below(failures.size())];
      } else {
        j.script.push_back({dp::job_status::completed, j.scenes});
      }
      j.prog.last = static_cast<std::uint32_t>(j.script.size() - 1);
      j.prog.initial = i < active ? static_cast<std::uint32_t>(r.below(j.prog.last)) : j.prog.last;
    }
  }

  std::string result_of(const job& j) const {
    const std::string base = "https://cdn.depicta.ai/images/" + j.image_id;
    if (j.scenes == 1) {
      dp::image_result res;
      res.id = j.image_id;
      res.ai_generated = true;
      res.formats = formats_of(base, 1'200'000 + static_cast<std::int64_t>(j.image_hash[0]) * 4096);
      res.cost_eur = euros(45'000);
      res.balance_eur = j.balance;
      res.image_hash = j.image_hash;
      auto text = genwire::encode(res);
      return text ? std::move(*text) : std::string("{}");
    }
    story_result story;
    for (std::int64_t s = 1; s <= j.scenes; ++s) {
      const std::string n = std::to_string(s);
      story.scenes.push_back({"Scene " + n + ": " + j.subject, formats_of(base + "_scene" + n, 900'000 + s * 1024)});
    }
    story.characters.push_back({"Narrator", genwire::uri(base + "_narrator.png")});
    auto text = genwire::encode(story);
    return text ? std::move(*text) : std::string("{}");
  }

  const std::string& encoded(job& j, std::uint64_t clock) {
    const std::uint32_t step = j.prog.at(clock);
    if (j.cache.step == step) return j.cache.json;
    const frame& f = j.script[step];
    dp::job out{};
    out.created_at = genwire::date_time(rfc3339(j.created));
    out.job_id = genwire::uuid(j.id);
    out.scenes_completed = f.scenes_completed;
    out.scenes_total = j.scenes;
    out.status = f.status;
    // "Omitted if not yet started" / "Omitted if pending"; a running job's completed_at is null.
    if (f.status != dp::job_status::pending) {
      out.started_at = genwire::nullable<genwire::date_time>(genwire::date_time(rfc3339(j.created + j.span)));
      out.completed_at = genwire::nullable<genwire::date_time>();
    }
    if (f.status == dp::job_status::completed || f.status == dp::job_status::failed)
      out.completed_at = genwire::nullable<genwire::date_time>(genwire::date_time(rfc3339(j.created + j.span * step)));
    if (f.status == dp::job_status::completed) out.result = genwire::raw_json::from_trusted_text(result_of(j));
    if (f.status == dp::job_status::failed) out.error = dp::job_error{std::string(j.failed->code), std::string(j.failed->message)};
    auto text = genwire::encode(out);
    j.cache.step = step;
    j.cache.json = text ? std::move(*text) : std::string("{}");
    return j.cache.json;
  }
};

answer endpoint_binding<dp::list_jobs_endpoint>::realistic(depicta_mock::data& data, const request_type& rq, const realistic::view& v) {
  auto& d = *data.impl_;
  const dp::list_jobs_query& q = *rq.value;
  const std::int64_t limit = q.limit ? q.limit->value : dp::list_jobs_query::default_limit;
  const std::int64_t offset = q.offset ? q.offset->value : dp::list_jobs_query::default_offset;
  const std::size_t total = v.owner ? d.jobs.size() : 0;
  std::vector<std::size_t> page;
  for (std::size_t i = static_cast<std::size_t>(std::min<std::int64_t>(offset, static_cast<std::int64_t>(total)));
       i < total && page.size() < static_cast<std::size_t>(limit); ++i)
    page.push_back(i);

  std::vector<const std::string*> items;
  items.reserve(page.size());
  for (std::size_t i : page) items.push_back(&d.encoded(d.jobs[i], v.clock_steps));
  std::string body = json_array_member("generations", items);
  body += ",\"limit\":" + std::to_string(limit);
  body += ",\"offset\":" + std::to_string(offset);
  body += ",\"total\":" + std::to_string(total);
  body += '}';
  for (std::size_t i : page) d.jobs[i].prog.polled(v.clock_steps);
  return reply_json(200, std::move(body));
}

realistic_store_size provider_data_impl<depicta_mock>::size(std::uint64_t clock_steps) const {
  return jobs_size<depicta_mock>(jobs, clock_steps);
}

template class provider_data<depicta_mock>;

}  // namespace genwire::mock::detail
