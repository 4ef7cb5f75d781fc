// The one copy of the codecs reading.hpp declares.
#include "reading.hpp"

GENWIRE_DEFINE_CODEC(extern_test::reading);
GENWIRE_DEFINE_QUERY_CODEC(extern_test::reading_query);
