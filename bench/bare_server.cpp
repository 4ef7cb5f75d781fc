// bench/bare_server.cpp: the baseline for bench/mock_load.sh: cpp-httplib answering every GET and
// POST with one fixed body, with the socket settings genwire-mock uses (TCP_NODELAY, SO_REUSEADDR
// only, keep-alive up to 10000 requests / 5 s, 5 s read and write timeouts, 1 MiB bodies, a worker
// pool of the same size: 128 threads, genwire-mock's default on machines with up to 16 CPUs).
//
//   genwire-bare-server --port N --body FILE [--content-type T] [--header 'Name: value']... [--threads N]
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
  int port = 0;
  std::size_t threads = 128;
  std::string body_file, content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--port") port = std::atoi(value.c_str());
    else if (flag == "--body") body_file = value;
    else if (flag == "--content-type") content_type = value;
    else if (flag == "--threads") threads = static_cast<std::size_t>(std::atol(value.c_str()));
    else if (flag == "--header" && value.find(':') != std::string::npos) {
      const auto colon = value.find(':');
      const auto start = value.find_first_not_of(' ', colon + 1);
      headers.emplace_back(value.substr(0, colon), start == std::string::npos ? "" : value.substr(start));
    } else {
      std::cerr << "usage: genwire-bare-server --port N --body FILE [--content-type T] [--header 'N: v']... [--threads N]\n";
      return 2;
    }
  }
  std::ifstream in(body_file, std::ios::binary);
  if (!in) {
    std::cerr << "genwire-bare-server: cannot read --body " << body_file << '\n';
    return 2;
  }
  std::ostringstream s;
  s << in.rdbuf();
  const std::string body = s.str();

  signal(SIGPIPE, SIG_IGN);
  httplib::Server srv;
  srv.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  srv.set_tcp_nodelay(true);
  srv.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  srv.set_keep_alive_max_count(10000);
  srv.set_keep_alive_timeout(5);
  srv.set_read_timeout(5, 0);
  srv.set_write_timeout(5, 0);
  srv.set_payload_max_length(1048576);
  const auto answer = [&](const httplib::Request&, httplib::Response& res) {
    for (const auto& [name, value] : headers) res.set_header(name, value);
    res.set_content(body, content_type);
  };
  srv.Get(".*", answer);
  srv.Post(".*", answer);
  if (!srv.bind_to_port("127.0.0.1", port)) {
    std::cerr << "genwire-bare-server: cannot bind 127.0.0.1:" << port << '\n';
    return 1;
  }
  std::printf("genwire-bare-server listening on http://127.0.0.1:%d (%zu-byte body)\n", port, body.size());
  std::fflush(stdout);
  srv.listen_after_bind();
  return 0;
}
