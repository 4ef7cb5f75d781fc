// bench/compile_time.sh's "genwire::endpoints" row: the library's translation units (one per
// provider, which a build compiles side by side) read as one, to give its whole one-off cost.
#include "../src/endpoints/compiled_diffio.cpp"
#include "../src/endpoints/compiled_flora.cpp"
#include "../src/endpoints/compiled_depicta.cpp"
#include "../src/endpoints/compiled_hedra.cpp"
