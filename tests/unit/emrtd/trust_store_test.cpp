#include "onestop/emrtd/trust_store.hpp"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

Bytes pemOf(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  Bytes out(data, data + size);
  BIO_free(bio);
  return out;
}

TEST(TrustStore, AcceptsDerAndMultiCertificatePem) {
  const auto& pki = testing::testPki();
  TrustStore trust;
  ASSERT_TRUE(trust.addCertificates(testing::certificateDer(pki.csca.get())).ok());
  Bytes bundle = pemOf(pki.csca.get());
  append(bundle, pemOf(pki.ds.get()));
  ASSERT_TRUE(trust.addCertificates(bundle).ok());
  EXPECT_EQ(trust.certificateCount(), 3U);
}

TEST(TrustStore, RejectsGarbage) {
  TrustStore trust;
  auto r = trust.addCertificates(hexBytes("300100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::ValidationFailed);
  EXPECT_FALSE(trust.addCrls(hexBytes("0102")).ok());
  EXPECT_EQ(trust.certificateCount(), 0U);
}

TEST(TrustStore, AcceptsCrls) {
  const auto& pki = testing::testPki();
  TrustStore trust;
  ASSERT_TRUE(trust.addCrls(testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {5})).ok());
  EXPECT_EQ(trust.crlCount(), 1U);
  X509_STORE* store = trust.newX509Store();
  ASSERT_NE(store, nullptr);
  X509_STORE_free(store);
}

TEST(TrustStore, LoadsADirectoryByExtension) {
  const auto& pki = testing::testPki();
  const auto dir =
      std::filesystem::temp_directory_path() / ("onestop-trust-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const Bytes& data) {
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(data.data()),
               static_cast<std::streamsize>(data.size()));
  };
  write("csca.pem", pemOf(pki.csca.get()));
  write("csca.crl", testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {}));
  write("README.txt", hexBytes("41"));
  TrustStore trust;
  auto r = trust.addDirectory(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(r.ok()) << r.error().detail();
  EXPECT_EQ(trust.certificateCount(), 1U);
  EXPECT_EQ(trust.crlCount(), 1U);
}

TEST(TrustStore, MissingDirectoryIsAnIoError) {
  TrustStore trust;
  auto r = trust.addDirectory("/nonexistent/onestop-trust");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::IoError);
}

}  // namespace
}  // namespace onestop::emrtd
