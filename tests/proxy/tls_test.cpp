// An HTTPS upstream: a second mock serving TLS with a certificate from a throw-away CA, trusted
// through --upstream-ca-file (server_config::upstream_ca_file); without that CA the handshake's
// verification fails, and the proxy answers a marked 502 saying so.
#include "../support/test_certificates.hpp"
#include "proxy_test_support.hpp"

namespace {

using namespace proxy_test;
namespace gm = genwire::mock;
using run_endpoint = genwire::flora::get_run_endpoint;

// FLORA get_run takes no query: the example path alone.
httplib::Result send_get_run(live_mock& m) {
  return m.send("GET", std::string(genwire::example_path_of<run_endpoint>()), mock_test::read_key(run_endpoint::auth[0]));
}

const genwire_test::test_certificates& certificates() {
  static const genwire_test::test_certificates t = genwire_test::make_certificates("proxy_tls_test");
  return t;
}

gm::server_config https_upstream() {
  gm::server_config c;
  c.tls_cert_file = certificates().cert;
  c.tls_key_file = certificates().key;
  return c;
}

TEST(ProxyTls, AnHttpsUpstreamTrustedThroughTheCaFileAnswersUnchanged) {
  ASSERT_TRUE(certificates().ok) << "openssl could not make the test certificates in " << certificates().dir;
  gm::server upstream(https_upstream());
  upstream.start();
  ASSERT_TRUE(upstream.base_url().starts_with("https://")) << upstream.base_url();
  auto c = proxying("flora", upstream.base_url());
  c.upstream_ca_file = certificates().ca;
  live_mock proxy(std::move(c));
  const auto r = send_get_run(proxy);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("X-Genwire-Violations"), "0");
  EXPECT_TRUE(mock_test::same_json(r->body, run_endpoint::statuses[0].body));
  EXPECT_EQ(upstream.requests().snapshot().requests.size(), 1u);
}

TEST(ProxyTls, AnUntrustedUpstreamCertificateIsAMarked502) {
  ASSERT_TRUE(certificates().ok);
  gm::server upstream(https_upstream());
  upstream.start();
  for (const std::string& ca : {certificates().other_ca, std::string()}) {  // another CA; the system store
    SCOPED_TRACE(ca.empty() ? "system store" : ca);
    auto c = proxying("flora", upstream.base_url());
    c.upstream_ca_file = ca;
    live_mock proxy(std::move(c));
    const auto r = send_get_run(proxy);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 502);
    EXPECT_EQ(r->get_header_value("X-Genwire-Mock-Error"), "upstream-tls");
    EXPECT_NE(r->body.find("not trusted"), std::string::npos) << r->body;
  }
  EXPECT_TRUE(upstream.requests().snapshot().requests.empty());
}

}  // namespace
