// tools/cli_io.hpp: byte-exact input and output for the genwire command. stdio rather than
// iostreams so that NUL bytes, invalid UTF-8 and multi-gigabyte inputs pass through untouched and
// without per-character overhead.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include <sys/stat.h>  // fstat: size a regular file up front (POSIX; genwire builds on Debian)

namespace genwire::cli {

// The three streams a command talks to; injected so the command logic never touches globals.
struct streams {
  std::FILE* in;
  std::FILE* out;
  std::FILE* err;
};

inline void put(std::FILE* f, std::string_view s) {
  if (!s.empty()) std::fwrite(s.data(), 1, s.size(), f);
}

inline void put_line(std::FILE* f, std::string_view s) {
  put(f, s);
  std::fputc('\n', f);
}

// Appends everything readable from f. False on a read error (errno-style message in `why`).
inline bool read_all(std::FILE* f, std::string& out, std::string& why) {
  try {
    // Pre-size from the file length when f is a regular file, so a large input is one allocation.
    // Only the remainder counts: stdin redirected from a file may already be partly consumed.
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
      const long pos = std::ftell(f);
      if (pos >= 0 && st.st_size > pos) out.reserve(out.size() + static_cast<std::size_t>(st.st_size - pos));
    }
    errno = 0;
    char chunk[1 << 16];
    for (;;) {
      const std::size_t n = std::fread(chunk, 1, sizeof chunk, f);
      out.append(chunk, n);
      if (n < sizeof chunk) break;
    }
  } catch (const std::bad_alloc&) {
    why = "input too large for memory";
    return false;
  }
  if (std::ferror(f)) {
    why = errno != 0 ? std::strerror(errno) : "read error";
    return false;
  }
  return true;
}

// The input named on the command line: empty or "-" is the given stdin, anything else a file
// opened in binary mode. False (with the reason in `why`) when it cannot be read.
inline bool read_input(std::string_view path, std::FILE* stdin_stream, std::string& out, std::string& why) {
  if (path.empty() || path == "-") {
    if (!read_all(stdin_stream, out, why)) return why = "cannot read standard input: " + why, false;
    return true;
  }
  const std::string name(path);
  errno = 0;
  std::FILE* f = std::fopen(name.c_str(), "rb");
  if (f == nullptr) {
    why = "cannot open " + name + ": " + (errno != 0 ? std::strerror(errno) : "unknown error");
    return false;
  }
  const bool ok = read_all(f, out, why);
  std::fclose(f);
  // A directory opens fine on Linux and fails only on read (EISDIR).
  if (!ok) why = "cannot read " + name + ": " + why;
  return ok;
}

}  // namespace genwire::cli
