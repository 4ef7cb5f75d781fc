// Throw-away TLS certificates for tests that serve or call HTTPS on loopback (the client's tests,
// the proxy's HTTPS upstream), made with the openssl command at test time.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace genwire_test {

// A throw-away certificate authority (EC P-256 keys: made in milliseconds) and a server certificate for 127.0.0.1 it signed, made with
// the openssl command in a fresh directory under the test's working directory (the build tree).
struct test_certificates {
  std::filesystem::path dir;
  std::string ca, cert, key, other_ca;  // other_ca: a second CA that signed nothing here
  bool ok = false;
};

inline test_certificates make_certificates(std::string_view name) {
  test_certificates t;
  t.dir = std::filesystem::current_path() / (std::string(name) + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(t.dir);
  std::filesystem::create_directories(t.dir);
  const std::string d = t.dir.string();
  t.ca = d + "/ca.pem";
  t.cert = d + "/server.pem";
  t.key = d + "/server.key";
  t.other_ca = d + "/other_ca.pem";
  const std::string q = " >/dev/null 2>&1";
  const std::string script =
      "cd '" + d + "' && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.cnf" +
      " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=genwire test CA'" + q +
      " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout other_ca.key -out other_ca.pem -days 2 -subj '/CN=other CA'" + q +
      " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1'" + q +
      " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.cnf" + q;
  t.ok = std::system(script.c_str()) == 0;
  return t;
}

}  // namespace genwire_test
