#include "onestop/emrtd/passive_auth.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <memory>

#include "onestop/emrtd/digest.hpp"
#include "onestop/emrtd/document_signer_check.hpp"
#include "onestop/emrtd/lds_security_object.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

constexpr char kLdsSecurityObjectOid[] = "2.23.136.1.1.1";

using Cms = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string openSslError() {
  const unsigned long code = ERR_peek_last_error();
  char text[256] = "unknown OpenSSL error";
  if (code != 0) ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

std::string oidText(const ASN1_OBJECT* object) {
  char text[128] = "";
  if (object != nullptr) OBJ_obj2txt(text, sizeof text, object, 1);
  return text;
}

// Dotted form of an OID's content octets.
std::string oidOf(ByteView content) {
  const Bytes der = encodeTlv(0x06, content);
  const unsigned char* p = der.data();
  ASN1_OBJECT* object = d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(der.size()));
  std::string text = oidText(object);
  ASN1_OBJECT_free(object);
  ERR_clear_error();
  return text;
}

// Tag 77 around a DER ContentInfo; returns the CMS structure or records why not.
Cms parseSod(ByteView efSod, ByteView& contentInfo, PassiveAuthVerdict& verdict) {
  auto outer = parseTlv(efSod);
  if (!outer || outer->tag != 0x77) {
    verdict.failures.push_back("EF.SOD: not a tag 77 object" +
                               (outer ? std::string() : " (" + outer.error().detail() + ")"));
    return Cms(nullptr, &CMS_ContentInfo_free);
  }
  auto inner = parseTlv(outer->value);
  if (outer->size() != efSod.size() || !inner || inner->size() != outer->value.size()) {
    verdict.failures.push_back("EF.SOD: bytes after the ContentInfo or the file");
    return Cms(nullptr, &CMS_ContentInfo_free);
  }
  contentInfo = outer->value;
  Bio bio(BIO_new_mem_buf(outer->value.data(), static_cast<int>(outer->value.size())), &BIO_free);
  Cms cms(bio ? d2i_CMS_bio(bio.get(), nullptr) : nullptr, &CMS_ContentInfo_free);
  if (!cms) {
    verdict.failures.push_back("EF.SOD: not a CMS ContentInfo (" + openSslError() + ")");
  } else if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    verdict.failures.push_back("EF.SOD: CMS content is not SignedData");
    cms.reset();
  }
  return cms;
}

std::optional<LdsSecurityObject> parseContent(CMS_ContentInfo* cms, PassiveAuthVerdict& verdict) {
  if (oidText(CMS_get0_eContentType(cms)) != kLdsSecurityObjectOid) {
    verdict.failures.push_back("EF.SOD: eContentType is " + oidText(CMS_get0_eContentType(cms)) +
                               ", not ldsSecurityObject");
    return std::nullopt;
  }
  ASN1_OCTET_STRING** content = CMS_get0_content(cms);
  if (content == nullptr || *content == nullptr) {
    verdict.failures.push_back("EF.SOD: no encapsulated LDSSecurityObject");
    return std::nullopt;
  }
  const ByteView der(ASN1_STRING_get0_data(*content),
                     static_cast<std::size_t>(ASN1_STRING_length(*content)));
  auto object = parseLdsSecurityObject(der);
  if (!object) {
    verdict.failures.push_back("EF.SOD: " + object.error().detail());
    return std::nullopt;
  }
  return std::move(object).value();
}

// The signer's certificate from the SOD's certificate set (borrowed from `cms`).
X509* signerCertificate(CMS_ContentInfo* cms, PassiveAuthVerdict& verdict) {
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
  if (signers == nullptr || sk_CMS_SignerInfo_num(signers) != 1) {
    verdict.failures.push_back("EF.SOD: expected exactly one SignerInfo");
    return nullptr;
  }
  CMS_set1_signers_certs(cms, nullptr, 0);
  ERR_clear_error();
  X509* signer = nullptr;
  CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(signers, 0), nullptr, &signer, nullptr, nullptr);
  if (signer == nullptr) {
    verdict.failures.push_back("EF.SOD: the Document Signer certificate is not included");
    return nullptr;
  }
  const int size = i2d_X509(signer, nullptr);
  if (size > 0) {
    verdict.dsCertificate.resize(static_cast<std::size_t>(size));
    unsigned char* p = verdict.dsCertificate.data();
    i2d_X509(signer, &p);
  }
  return signer;
}

// SignedData version 3; SignerInfo version 1 with issuerAndSerialNumber or 3 with
// subjectKeyIdentifier (ICAO 9303-10 §4.6.2, RFC 5652 §5.3).
bool checkVersions(const std::vector<Tlv>& signedData, PassiveAuthVerdict& verdict) {
  if (toHex(signedData[0].value) != "03") {
    verdict.failures.push_back("EF.SOD: SignedData version is not 3");
    return false;
  }
  auto signerInfo = findTlv(signedData.back().value, {0x30});
  auto fields =
      signerInfo ? parseTlvList(signerInfo->value) : Result<std::vector<Tlv>>(signerInfo.error());
  const std::string version = fields && fields->size() >= 2 ? toHex((*fields)[0].value) : "";
  const Tag sid = version.empty() ? 0 : (*fields)[1].tag;
  if (!((version == "01" && sid == 0x30) || (version == "03" && sid == 0x80))) {
    verdict.failures.push_back("EF.SOD: SignerInfo version does not fit its signer identifier");
    return false;
  }
  return true;
}

// Every entry of SignedData.digestAlgorithms is the signer's digest algorithm.
bool checkDigestAlgorithms(const Tlv& digestAlgorithms, const X509_ALGOR* signerDigest,
                           PassiveAuthVerdict& verdict) {
  const ASN1_OBJECT* object = nullptr;
  X509_ALGOR_get0(&object, nullptr, nullptr, signerDigest);
  const std::string expected = oidText(object);
  auto entries = parseTlvList(digestAlgorithms.value);
  bool ok = entries && !entries->empty();
  for (const Tlv& entry : entries ? *entries : std::vector<Tlv>{}) {
    auto oid = findTlv(entry.value, {0x06});
    ok = ok && oid && oidOf(oid->value) == expected;
  }
  if (!ok) verdict.failures.push_back("EF.SOD: digestAlgorithms does not match the signer's");
  return ok;
}

// The SignerInfo's signature algorithm names the DS key's type and, when it names a hash,
// the signer's digest algorithm (OpenSSL verifies by key type and digest only).
bool checkSignatureAlgorithm(const X509_ALGOR* algorithm, const X509_ALGOR* digest, X509* ds,
                             PassiveAuthVerdict& verdict) {
  const ASN1_OBJECT* object = nullptr;
  X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
  const ASN1_OBJECT* digestObject = nullptr;
  X509_ALGOR_get0(&digestObject, nullptr, nullptr, digest);
  const int signatureNid = OBJ_obj2nid(object);
  int keyNid = NID_undef;
  int hashNid = NID_undef;
  if (!OBJ_find_sigid_algs(signatureNid, &hashNid, &keyNid)) keyNid = signatureNid;
  if (hashNid != NID_undef && hashNid != OBJ_obj2nid(digestObject)) {
    verdict.failures.push_back("EF.SOD: signature algorithm " + oidText(object) +
                               " does not fit the digest algorithm");
    return false;
  }
  const EVP_PKEY* dsKey = X509_get0_pubkey(ds);
  const int dsKeyNid = dsKey != nullptr ? EVP_PKEY_get_base_id(dsKey) : NID_undef;
  const bool pss = signatureNid == NID_rsassaPss && dsKeyNid == EVP_PKEY_RSA;
  if (signatureNid == NID_undef || dsKeyNid == NID_undef || (keyNid != dsKeyNid && !pss)) {
    verdict.failures.push_back("EF.SOD: signature algorithm " + oidText(object) +
                               " does not fit the DS key");
    return false;
  }
  return true;
}

// The fields OpenSSL's CMS_verify does not look at, so that no byte of EF.SOD can change
// unnoticed.
bool checkUnverifiedFields(ByteView contentInfo, CMS_ContentInfo* cms, X509* ds,
                           PassiveAuthVerdict& verdict) {
  auto signedData = findTlv(contentInfo, {0x30, 0xA0, 0x30});
  auto fields =
      signedData ? parseTlvList(signedData->value) : Result<std::vector<Tlv>>(signedData.error());
  if (!fields || fields->size() < 4) {
    verdict.failures.push_back("EF.SOD: malformed SignedData");
    return false;
  }
  X509_ALGOR* digest = nullptr;
  X509_ALGOR* signature = nullptr;
  CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0), nullptr, nullptr,
                           &digest, &signature);
  return checkVersions(*fields, verdict) && checkDigestAlgorithms((*fields)[1], digest, verdict) &&
         checkSignatureAlgorithm(signature, digest, ds, verdict);
}

void checkSignature(CMS_ContentInfo* cms, PassiveAuthVerdict& verdict) {
  const unsigned flags = CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY;
  verdict.signatureValid = CMS_verify(cms, nullptr, nullptr, nullptr, nullptr, flags) == 1;
  if (!verdict.signatureValid) {
    verdict.failures.push_back("EF.SOD signature does not verify (" + openSslError() + ")");
  }
}

void checkHashes(const LdsSecurityObject& object, const std::map<int, Bytes>& dataGroups,
                 PassiveAuthVerdict& verdict) {
  verdict.hashAlgorithm = object.hashAlgorithm;
  if (object.hashAlgorithm.empty()) {
    verdict.failures.push_back("EF.SOD: hash algorithm " + object.hashAlgorithmOid +
                               " not supported");
  }
  for (const auto& [number, expected] : object.dataGroupHashes) {
    const auto supplied = dataGroups.find(number);
    if (supplied == dataGroups.end()) {
      verdict.dataGroupHashes[number] = HashCheck::Missing;
      continue;
    }
    auto actual = object.hashAlgorithm.empty() ? Result<Bytes>(Error(Reason::NotSupported))
                                               : digest(object.hashAlgorithm, supplied->second);
    const bool ok = actual && *actual == expected;
    verdict.dataGroupHashes[number] = ok ? HashCheck::Ok : HashCheck::Mismatch;
    if (!ok) verdict.failures.push_back("DG" + std::to_string(number) + " hash mismatch");
  }
  for (const auto& [number, data] : dataGroups) {
    if (object.dataGroupHashes.count(number) == 0) {
      verdict.unlistedDataGroups.push_back(number);
      verdict.failures.push_back("DG" + std::to_string(number) + " is not covered by EF.SOD");
    }
  }
}

}  // namespace

bool PassiveAuthVerdict::passed() const {
  if (!sodParsed || !signatureValid || !chainValid || !notRevoked) return false;
  if (!unlistedDataGroups.empty()) return false;
  for (const auto& [number, check] : dataGroupHashes) {
    if (check == HashCheck::Mismatch) return false;
  }
  return failures.empty();
}

PassiveAuthVerdict verifyPassiveAuthentication(ByteView efSod,
                                               const std::map<int, Bytes>& dataGroups,
                                               const TrustStore& trust,
                                               const PassiveAuthOptions& options) {
  PassiveAuthVerdict verdict;
  ByteView contentInfo;
  Cms cms = parseSod(efSod, contentInfo, verdict);
  if (!cms) return verdict;
  auto object = parseContent(cms.get(), verdict);
  if (object) checkHashes(*object, dataGroups, verdict);
  X509* ds = signerCertificate(cms.get(), verdict);
  if (ds == nullptr) return verdict;
  verdict.sodParsed =
      object.has_value() && checkUnverifiedFields(contentInfo, cms.get(), ds, verdict);
  checkSignature(cms.get(), verdict);
  DocumentSignerCheck signer = checkDocumentSigner(ds, trust, options.verificationTime);
  verdict.chainValid = signer.chainValid;
  verdict.certificateExpired = signer.expired;
  verdict.revocation = signer.revocation;
  verdict.notRevoked = signer.revocation == RevocationStatus::Good ||
                       signer.revocation == RevocationStatus::NotChecked;
  verdict.failures.insert(verdict.failures.end(), signer.failures.begin(), signer.failures.end());
  return verdict;
}

}  // namespace onestop::emrtd
