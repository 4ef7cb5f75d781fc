// Hedra's realistic generations, one kind per discriminator value of Generation.input in its
// published OpenAPI (docs/providers-hedra.md): what each input holds (its schema's required
// members and plausible optional ones, within the declared ranges), the media type it produces,
// and the asset a complete generation of it carries. Internal to genwire_mock.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <genwire/hedra.hpp>

#include "../../realistic/prng.hpp"
#include "../../realistic/timeline.hpp"

namespace genwire::mock::detail::hedra_variants {

namespace hd = genwire::hedra;

// The ids one seed's generations share: the models each kind runs on, the voices they speak with.
struct catalogue {
  explicit catalogue(realistic::rng& r);
  std::array<std::string, 2> video_models;  // Hedra's documented default first
  std::array<std::string, 2> image_models;
  std::array<std::string, 3> voices;
  std::string speech_model, sound_model, image_upscaler, video_upscaler, isolator, voice_changer;
  std::string foley_model, soundtrack_model, editor_model, motion_model;
};

// One generation's constant part.
struct variant {
  hd::asset_type type = hd::asset_type::video;  // what the input produces (Generation.type)
  hd::generation_input input;                   // input.type is set
  std::uint64_t detail_seed = 0;                // the asset's details (sizes, durations, optional URLs)
};

// A generation of a kind drawn from the mix (every kind, the common ones most often).
variant make_variant(realistic::rng& r, const catalogue& c);

// The asset of the complete generation `id` (created at `created`, finished at `done`).
hd::generation_asset asset_of(const variant& v, const std::string& id, realistic::millis created, realistic::millis done);

// Calls f(text) for each free text the input carries: its prompt, spoken text or voice name, and
// the text of the speech a video input generates. prompt_query searches these.
template <class F>
void for_each_text(const hd::generation_input& in, F&& f) {
  if (in.generated_video_inputs) f(std::string_view(in.generated_video_inputs->text_prompt));
  if (in.text_prompt) f(std::string_view(*in.text_prompt));
  if (in.text) f(std::string_view(*in.text));
  if (in.prompt && *in.prompt) f(std::string_view(**in.prompt));
  if (in.name) f(std::string_view(*in.name));
  if (in.audio_generation && *in.audio_generation) f(std::string_view((**in.audio_generation).text));
}

}  // namespace genwire::mock::detail::hedra_variants
