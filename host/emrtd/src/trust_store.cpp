#include "onestop/emrtd/trust_store.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace onestop::emrtd {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio memoryBio(ByteView data) {
  return Bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())), &BIO_free);
}

bool looksLikePem(ByteView data) {
  static constexpr char kMarker[] = "-----BEGIN";
  return std::search(data.begin(), data.end(), std::begin(kMarker), std::end(kMarker) - 1) !=
         data.end();
}

// Reads PEM objects with `readPem` until none is left, or one DER object with `readDer`.
template <typename T, typename PemReader, typename DerReader>
Result<std::vector<T*>> parseObjects(ByteView data, PemReader readPem, DerReader readDer,
                                     const char* what) {
  std::vector<T*> out;
  if (looksLikePem(data)) {
    Bio bio = memoryBio(data);
    while (T* object = readPem(bio.get(), nullptr, nullptr, nullptr)) out.push_back(object);
    ERR_clear_error();  // the read that ends the loop leaves "no start line" behind
  } else {
    const unsigned char* p = data.data();
    if (T* object = readDer(nullptr, &p, static_cast<long>(data.size()))) out.push_back(object);
    ERR_clear_error();
  }
  if (out.empty()) return Error(Reason::ValidationFailed, std::string("trust store: no ") + what);
  return out;
}

}  // namespace

struct TrustStore::Impl {
  std::vector<X509*> certificates;
  std::vector<X509_CRL*> crls;
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (X509* cert : certificates) X509_free(cert);
    for (X509_CRL* crl : crls) X509_CRL_free(crl);
  }
};

TrustStore::TrustStore() : impl_(std::make_unique<Impl>()) {}
TrustStore::~TrustStore() = default;
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;

Result<void> TrustStore::addCertificates(ByteView pemOrDer) {
  auto certs = parseObjects<X509>(pemOrDer, PEM_read_bio_X509, d2i_X509, "certificate");
  if (!certs) return certs.error();
  impl_->certificates.insert(impl_->certificates.end(), certs->begin(), certs->end());
  return {};
}

Result<void> TrustStore::addCrls(ByteView pemOrDer) {
  auto crls = parseObjects<X509_CRL>(pemOrDer, PEM_read_bio_X509_CRL, d2i_X509_CRL, "CRL");
  if (!crls) return crls.error();
  impl_->crls.insert(impl_->crls.end(), crls->begin(), crls->end());
  return {};
}

Result<void> TrustStore::addDirectory(const std::string& directory) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  if (ec) return Error(Reason::IoError, "trust store: cannot list " + directory);
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string ext = path.extension().string();
    const bool crl = ext == ".crl";
    if (!crl && ext != ".pem" && ext != ".crt" && ext != ".cer" && ext != ".der") continue;
    std::ifstream in(path, std::ios::binary);
    const Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto added = crl ? addCrls(data) : addCertificates(data);
    if (!added) {
      return Error(Reason::ValidationFailed, added.error().detail() + " in " + path.string());
    }
  }
  return {};
}

std::size_t TrustStore::certificateCount() const {
  return impl_->certificates.size();
}
std::size_t TrustStore::crlCount() const {
  return impl_->crls.size();
}

X509_STORE* TrustStore::newX509Store() const {
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) return nullptr;
  for (X509* cert : impl_->certificates) X509_STORE_add_cert(store, cert);
  for (X509_CRL* crl : impl_->crls) X509_STORE_add_crl(store, crl);
  return store;
}

}  // namespace onestop::emrtd
