// Text the mock writes about what a client sent (journal entries, logs, error messages), made safe
// whatever bytes arrived. Internal to genwire_mock.
#pragma once

#include <string>
#include <string_view>

namespace genwire::mock::detail {

// Text with every invalid UTF-8 byte replaced by U+FFFD, so genwire::encode always accepts it.
std::string utf8_safe(std::string_view s);

// utf8_safe, and every control character as '?': one log line whatever the client sent.
std::string printable(std::string_view s);

}  // namespace genwire::mock::detail
