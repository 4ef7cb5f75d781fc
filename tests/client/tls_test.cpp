// HTTPS for real: the mock serves TLS with a certificate from a throw-away CA made by the openssl
// command at test time; the client trusts that CA through settings.ca_file, and fails cleanly (a
// TLS error, no retry) when it does not.
#include "client_test_support.hpp"

namespace {

using namespace client_test;
namespace fl = genwire::flora;
namespace dep = genwire::depicta;

const test_certificates& certificates() {
  static const test_certificates t = make_certificates("client_tls_test");
  return t;
}

gm::server_config https_config() {
  gm::server_config c;
  c.tls_cert_file = certificates().cert;
  c.tls_key_file = certificates().key;
  return c;
}

TEST(ClientTls, TheMockServesHttpsAndTheClientTrustsTheTestCa) {
  ASSERT_TRUE(certificates().ok) << "openssl could not make the test certificates in " << certificates().dir;
  live_mock m(https_config());
  ASSERT_TRUE(m.srv.base_url().starts_with("https://127.0.0.1:")) << m.srv.base_url();
  auto s = fast_settings<gc::providers::flora>(m.srv.base_url());
  s.ca_file = certificates().ca;
  gc::flora_client c(std::move(s));
  for (int i = 0; i < 3; ++i) {
    auto r = c.call<fl::list_generations_endpoint>();
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(r->generations.at(0).generation_id, "run_abc123");
  }
  EXPECT_EQ(c.connections_opened(), 1u) << "one TLS session, kept alive";
  // Errors arrive typed over TLS too.
  auto t = fast_settings<gc::providers::flora>(m.srv.base_url(), "nope");
  t.ca_file = certificates().ca;
  gc::flora_client wrong_key(std::move(t));
  auto e = wrong_key.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(e);
  ASSERT_NE(e.error().api(), nullptr);
  EXPECT_EQ(e.error().api()->status, 401);
}

TEST(ClientTls, AnUntrustedCertificateIsATlsErrorAndIsNotRetried) {
  ASSERT_TRUE(certificates().ok);
  live_mock m(https_config());
  for (const std::string& ca : {std::string(), certificates().other_ca}) {
    auto s = fast_settings<gc::providers::depicta>(m.srv.base_url());
    s.ca_file = ca;  // none: the system store, which does not know the test CA; or another CA
    gc::depicta_client c(std::move(s));
    auto r = c.call<dep::list_jobs_endpoint>();
    ASSERT_FALSE(r);
    ASSERT_NE(r.error().transport(), nullptr) << r.error().message();
    EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::tls);
    EXPECT_NE(r.error().message().find("not trusted"), std::string::npos) << r.error().message();
    EXPECT_EQ(r.attempts(), 1);
  }
  EXPECT_TRUE(m.journal().empty()) << "nothing reached the server";
}

TEST(ClientTls, HttpsToAPlainHttpPortAndAMissingCaFileFailCleanly) {
  ASSERT_TRUE(certificates().ok);
  live_mock plain;
  const std::string https_url = "https://" + plain.srv.base_url().substr(std::string("http://").size());
  auto s = fast_settings<gc::providers::flora>(https_url);
  s.ca_file = certificates().ca;
  // The plain server waits for a request line the ClientHello never completes, so the handshake
  // ends at the client's timeout: a short one keeps the test short.
  s.timeout = 500ms;
  gc::flora_client c(std::move(s));
  auto r = c.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(r);
  ASSERT_NE(r.error().transport(), nullptr);
  EXPECT_EQ(r.error().transport()->kind, gc::transport_failure::tls) << r.error().message();

  live_mock m(https_config());
  auto t = fast_settings<gc::providers::flora>(m.srv.base_url());
  t.ca_file = (certificates().dir / "no-such-ca.pem").string();
  gc::flora_client missing(std::move(t));
  auto q = missing.call<fl::list_generations_endpoint>();
  ASSERT_FALSE(q);
  ASSERT_NE(q.error().transport(), nullptr);
  EXPECT_EQ(q.error().transport()->kind, gc::transport_failure::tls);
  EXPECT_NE(q.error().message().find("no-such-ca.pem"), std::string::npos) << q.error().message();
}

TEST(ClientTls, TheMockRefusesHalfATlsConfiguration) {
  ASSERT_TRUE(certificates().ok);
  gm::server_config c;
  c.tls_cert_file = certificates().cert;
  gm::server only_cert(std::move(c));
  EXPECT_THROW(only_cert.start(), gm::start_error);
  gm::server_config d;
  d.tls_cert_file = certificates().cert;
  d.tls_key_file = certificates().ca;  // not a private key
  gm::server wrong_key(std::move(d));
  EXPECT_THROW(wrong_key.start(), gm::start_error);
}

}  // namespace
