// genwire/core/detail/codec.hpp: the codec's entry points for one type and one set of options, as
// static members of a class template. decode.hpp, encode.hpp and query.hpp define them out of the
// class, so they are not inline: an explicit instantiation declaration (genwire/extern_codec.hpp)
// then keeps a translation unit from compiling them again (GCC still instantiates an inline
// function template under `extern template`, to inline it), and one .cpp holds them instead.
#pragma once

#include <string>
#include <string_view>

#include "../error.hpp"
#include "../options.hpp"

namespace genwire::detail {

template <class T, options Opts>
struct json_codec {
  static status decode_into(std::string_view text, T& out);
  // Appends the JSON text of value to out, or replaces out's text (reusing its characters).
  static status write(const T& value, std::string& out, bool replace);
};

template <class T, options Opts>
struct query_codec {
  static result<T> decode(std::string_view query);
  static result<std::string> encode(const T& value);
};

}  // namespace genwire::detail
