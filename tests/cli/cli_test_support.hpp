// tests/cli/cli_test_support.hpp: running the built `genwire` binary (GENWIRE_CLI_PATH) from a
// test with real argv, stdin, stdout and stderr, shared by the CLI test files.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#ifndef GENWIRE_CLI_PATH
#error "GENWIRE_CLI_PATH must name the built genwire binary (tests/CMakeLists.txt passes it)"
#endif

extern char** environ;

namespace genwire_cli_test {

namespace fs = std::filesystem;

inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

struct outcome {
  int code = -1;  // exit status; -1 when the process did not exit normally (signal)
  std::string out;
  std::string err;
};

// How stdin reaches the child: nothing (/dev/null), a regular file, or a pipe (not seekable,
// arrives in pieces), the two shapes `genwire ... < file` and `cat file | genwire ...` take.
enum class feed { none, file, pipe };

inline std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& p, std::string_view data) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  ASSERT_TRUE(f.good()) << "cannot write " << p;
}

// A scratch directory unique to this test process and call, since CTest runs tests in parallel.
inline fs::path scratch_dir() {
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() /
                       ("genwire_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  return dir;
}

inline outcome run_cli(const std::vector<std::string>& args, std::string_view input = {}, feed how = feed::file) {
  const fs::path dir = scratch_dir();
  const fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  std::vector<std::string> argv_store{GENWIRE_CLI_PATH};
  argv_store.insert(argv_store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_store) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  int pipe_fds[2] = {-1, -1};
  if (how == feed::pipe) {
    EXPECT_EQ(::pipe(pipe_fds), 0);
    posix_spawn_file_actions_adddup2(&fa, pipe_fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&fa, pipe_fds[1]);
  } else if (how == feed::file) {
    write_file(in, input);
    posix_spawn_file_actions_addopen(&fa, 0, in.c_str(), O_RDONLY, 0);
  } else {
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  outcome o;
  if (spawned != 0) {
    ADD_FAILURE() << "cannot start " << argv[0] << ": " << std::strerror(spawned);
    return o;
  }
  if (how == feed::pipe) {
    ::close(pipe_fds[0]);
    // The child's output goes to files, so writing everything before waiting cannot deadlock.
    std::size_t done = 0;
    while (done < input.size()) {
      const ssize_t n = ::write(pipe_fds[1], input.data() + done, input.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // the child stopped reading (it may legitimately exit early)
      done += static_cast<std::size_t>(n);
    }
    ::close(pipe_fds[1]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = slurp(out);
  o.err = slurp(err);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return o;
}

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Every usage error names the problem after "genwire: " and then shows the short usage.
inline void expect_usage_error(const outcome& o, std::string_view problem) {
  EXPECT_EQ(o.code, exit_usage);
  EXPECT_EQ(o.out, "");
  EXPECT_TRUE(starts_with(o.err, "genwire: " + std::string(problem))) << o.err;
  EXPECT_NE(o.err.find("usage: genwire"), std::string::npos) << o.err;
}

}  // namespace genwire_cli_test
