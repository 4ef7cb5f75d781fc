#include "drop.hpp"

#include <dirent.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include <httplib.h>

namespace genwire::mock::detail {
namespace {

bool same_endpoint(const sockaddr_storage& a, socklen_t len, const std::string& host, int port) {
  char h[NI_MAXHOST], p[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&a), len, h, sizeof h, p, sizeof p, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return false;
  return host == h && port == std::atoi(p);
}

// The descriptor of the accepted socket whose local and peer addresses are the request's. cpp-httplib
// does not hand its socket to handlers; the address pair names it uniquely while it is open.
int find_socket(const httplib::Request& in) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return -1;
  int found = -1;
  while (const dirent* e = ::readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
    struct stat st {};
    if (::fstat(static_cast<int>(fd), &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_len = sizeof local, peer_len = sizeof peer;
    if (::getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
    if (::getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
    if (same_endpoint(local, local_len, in.local_addr, in.local_port) && same_endpoint(peer, peer_len, in.remote_addr, in.remote_port)) {
      found = static_cast<int>(fd);
      break;
    }
  }
  ::closedir(dir);
  return found;
}

}  // namespace

void drop_connection(const httplib::Request& in, httplib::Response& out) noexcept {
  // cpp-httplib will still try to write its answer on the dead socket, and Debian's build sends
  // without MSG_NOSIGNAL: this worker must not die of SIGPIPE (the binary ignores it; a test
  // process embedding the server may not).
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, nullptr);

  out.status = 200;
  out.headers.clear();
  out.body.clear();
  if (const int fd = find_socket(in); fd >= 0 && ::shutdown(fd, SHUT_RDWR) == 0) return;
  out.set_content_provider(
      1, "application/octet-stream", [](size_t, size_t, httplib::DataSink&) { return false; }, nullptr);
}

}  // namespace genwire::mock::detail
