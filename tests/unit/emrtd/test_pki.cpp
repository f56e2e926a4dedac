#include "test_pki.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <stdexcept>

#include "onestop/emrtd/digest.hpp"
#include "onestop/emrtd/lds_security_object.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::testing {
namespace {

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

X509_NAME* makeName(const std::string& commonName) {
  X509_NAME* name = X509_NAME_new();
  X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("VN"),
                             -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("onestop test PKI"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
  return name;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  require(ext != nullptr, "extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

Bytes syntheticDataGroup(Tag tag, std::size_t size, std::uint8_t seed) {
  Bytes value(size);
  for (std::size_t i = 0; i < size; ++i) value[i] = static_cast<std::uint8_t>(seed + i * 13);
  return encodeTlv(tag, value);
}

}  // namespace

void KeyDeleter::operator()(EVP_PKEY* key) const {
  EVP_PKEY_free(key);
}
void CertDeleter::operator()(X509* cert) const {
  X509_free(cert);
}

Key makeEcKey(const char* curve) {
  Key key(EVP_EC_gen(curve));
  require(key != nullptr, "EC key generation");
  return key;
}

Cert makeCertificate(const CertSpec& spec, EVP_PKEY* subjectKey, X509* issuer,
                     EVP_PKEY* issuerKey) {
  Cert cert(X509_new());
  require(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), spec.serial);
  X509_NAME* subject = makeName(spec.commonName);
  X509_set_subject_name(cert.get(), subject);
  X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : subject);
  X509_NAME_free(subject);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), spec.notBeforeDays * 86400);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), spec.notAfterDays * 86400);
  X509_set_pubkey(cert.get(), subjectKey);
  X509* issuerCert = issuer != nullptr ? issuer : cert.get();
  addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
  addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
  if (spec.ca) {
    addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature");
  }
  require(X509_sign(cert.get(), issuerKey, EVP_sha384()) > 0, "X509_sign");
  return cert;
}

Bytes makeCrlDer(X509* issuer, EVP_PKEY* issuerKey, const std::vector<long>& revokedSerials,
                 long nextUpdateDays) {
  X509_CRL* crl = X509_CRL_new();
  X509_CRL_set_version(crl, 1);
  X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer));
  ASN1_TIME* last = X509_gmtime_adj(nullptr, -86400);
  ASN1_TIME* next = X509_gmtime_adj(nullptr, nextUpdateDays * 86400);
  X509_CRL_set1_lastUpdate(crl, last);
  X509_CRL_set1_nextUpdate(crl, next);
  for (const long serial : revokedSerials) {
    X509_REVOKED* revoked = X509_REVOKED_new();
    ASN1_INTEGER* number = ASN1_INTEGER_new();
    ASN1_INTEGER_set(number, serial);
    X509_REVOKED_set_serialNumber(revoked, number);
    X509_REVOKED_set_revocationDate(revoked, last);
    X509_CRL_add0_revoked(crl, revoked);
    ASN1_INTEGER_free(number);
  }
  X509_CRL_sort(crl);
  require(X509_CRL_sign(crl, issuerKey, EVP_sha384()) > 0, "X509_CRL_sign");
  const int size = i2d_X509_CRL(crl, nullptr);
  Bytes out(static_cast<std::size_t>(size));
  unsigned char* p = out.data();
  i2d_X509_CRL(crl, &p);
  ASN1_TIME_free(last);
  ASN1_TIME_free(next);
  X509_CRL_free(crl);
  return out;
}

Bytes certificateDer(X509* cert) {
  const int size = i2d_X509(cert, nullptr);
  Bytes out(static_cast<std::size_t>(size));
  unsigned char* p = out.data();
  i2d_X509(cert, &p);
  return out;
}

Bytes makeEfSod(X509* ds, EVP_PKEY* dsKey, const std::map<int, Bytes>& dataGroups,
                const std::string& hashOid) {
  std::map<int, Bytes> hashes;
  for (const auto& [number, data] : dataGroups) hashes[number] = sha256(data);
  const Bytes content = encodeLdsSecurityObject(hashOid, hashes);
  const unsigned flags = CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CMS_ContentInfo* cms = CMS_sign(ds, dsKey, nullptr, nullptr, flags);
  require(cms != nullptr, "CMS_sign");
  ASN1_OBJECT* type = OBJ_txt2obj("2.23.136.1.1.1", 1);
  CMS_set1_eContentType(cms, type);
  ASN1_OBJECT_free(type);
  BIO* data = BIO_new_mem_buf(content.data(), static_cast<int>(content.size()));
  require(CMS_final(cms, data, nullptr, CMS_BINARY) == 1, "CMS_final");
  BIO_free(data);
  BIO* out = BIO_new(BIO_s_mem());
  require(i2d_CMS_bio(out, cms) == 1, "i2d_CMS_bio");
  BUF_MEM* buffer = nullptr;
  BIO_get_mem_ptr(out, &buffer);
  const Bytes der(buffer->data, buffer->data + buffer->length);
  BIO_free(out);
  CMS_ContentInfo_free(cms);
  return encodeTlv(0x77, der);
}

const TestPki& testPki() {
  static const TestPki pki = [] {
    TestPki p;
    p.cscaKey = makeEcKey("secp384r1");
    p.csca = makeCertificate({"CSCA onestop test", 1, -365, 7300, true}, p.cscaKey.get(), nullptr,
                             p.cscaKey.get());
    p.dsKey = makeEcKey("brainpoolP384r1");
    p.ds = makeCertificate({"DS onestop test", 2, -30, 3650, false}, p.dsKey.get(), p.csca.get(),
                           p.cscaKey.get());
    p.dataGroups[1] = syntheticDataGroup(0x61, 93, 1);
    p.dataGroups[2] = syntheticDataGroup(0x75, 5000, 2);
    p.dataGroups[13] = syntheticDataGroup(0x6D, 450, 13);
    p.efSod = makeEfSod(p.ds.get(), p.dsKey.get(), p.dataGroups);
    return p;
  }();
  return pki;
}

Bytes ecdhSecret(EVP_PKEY* own, std::string curve, ByteView peerPoint) {
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, curve.data(), 0),
      OSSL_PARAM_construct_octet_string(
          OSSL_PKEY_PARAM_PUB_KEY, const_cast<std::uint8_t*>(peerPoint.data()), peerPoint.size()),
      OSSL_PARAM_construct_end()};
  EVP_PKEY_CTX* from = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
  EVP_PKEY* peer = nullptr;
  EVP_PKEY_fromdata_init(from);
  EVP_PKEY_fromdata(from, &peer, EVP_PKEY_PUBLIC_KEY, params);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr);
  std::size_t size = 0;
  EVP_PKEY_derive_init(ctx);
  EVP_PKEY_derive_set_peer(ctx, peer);
  EVP_PKEY_derive(ctx, nullptr, &size);
  Bytes secret(size);
  EVP_PKEY_derive(ctx, secret.data(), &size);
  secret.resize(size);
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(peer);
  EVP_PKEY_CTX_free(from);
  return secret;
}

}  // namespace onestop::emrtd::testing
