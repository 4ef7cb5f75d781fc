// genwire/genwire.hpp: everything public. Include this, or a single provider (<genwire/flora.hpp>).
//
//   #include <genwire/genwire.hpp>
//   auto page = genwire::decode<genwire::flora::list_generations_response>(body);
//   if (!page) std::cerr << page.error().message() << '\n';   // path, expected, found, offset
//   for (const auto& g : page->generations) std::cout << genwire::summarize(g).raw_status << '\n';
#pragma once

#include "core.hpp"
#include "endpoints.hpp"
#include "job_summary.hpp"
