// Links the installed genwire::client and makes one call to a closed loopback port: the call comes
// back as a typed transport error (connect), with nothing thrown.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include <genwire/client.hpp>

int main() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return 2;
  ::close(fd);

  genwire::client::settings<genwire::client::providers::flora> s;
  s.base_url = "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  s.api_key = "consumer_key";
  s.retry.max_retries = 0;
  genwire::client::flora_client flora(std::move(s));
  auto r = flora.call<genwire::flora::list_generations_endpoint>();
  if (r || !r.error().transport() || r.error().transport()->kind != genwire::client::transport_failure::connect) {
    std::fprintf(stderr, "expected a connect error, got %s\n", r ? "an answer" : r.error().message().c_str());
    return 1;
  }
  std::printf("genwire::client: %s\n", r.error().message().c_str());
  return 0;
}
