#include "onestop/emrtd/document_signer_check.hpp"

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>
#include <set>

namespace onestop::emrtd {
namespace {

using Store = std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)>;
using StoreCtx = std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)>;

bool isCrlError(int error) {
  switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
    case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN:
    case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION:
    case X509_V_ERR_DIFFERENT_CRL_SCOPE:
    case X509_V_ERR_CRL_PATH_VALIDATION_ERROR:
    case X509_V_ERR_CERT_REVOKED:
      return true;
    default:
      return false;
  }
}

// Verification callback: note the error and carry on, so one run reports everything.
int collectErrors(int ok, X509_STORE_CTX* ctx) {
  if (ok == 0) {
    auto* errors = static_cast<std::vector<int>*>(X509_STORE_CTX_get_app_data(ctx));
    errors->push_back(X509_STORE_CTX_get_error(ctx));
  }
  return 1;
}

std::vector<int> verificationErrors(X509* ds, const TrustStore& trust,
                                    std::optional<std::time_t> at) {
  std::vector<int> errors;
  Store store(trust.newX509Store(), &X509_STORE_free);
  StoreCtx ctx(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
  if (!store || !ctx || X509_STORE_CTX_init(ctx.get(), store.get(), ds, nullptr) != 1) {
    return {X509_V_ERR_OUT_OF_MEM};
  }
  X509_STORE_CTX_set_app_data(ctx.get(), &errors);
  X509_STORE_CTX_set_verify_cb(ctx.get(), collectErrors);
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_ANY);
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  if (trust.crlCount() != 0) X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK);
  if (at) X509_VERIFY_PARAM_set_time(param, *at);
  if (X509_verify_cert(ctx.get()) != 1 && errors.empty()) {
    const int error = X509_STORE_CTX_get_error(ctx.get());
    errors.push_back(error == X509_V_OK ? X509_V_ERR_UNSPECIFIED : error);
  }
  ERR_clear_error();
  return errors;
}

}  // namespace

DocumentSignerCheck checkDocumentSigner(X509* ds, const TrustStore& trust,
                                        std::optional<std::time_t> at) {
  DocumentSignerCheck out;
  bool revoked = false;
  bool crlTrouble = false;
  out.chainValid = true;
  std::set<int> seen;
  for (const int error : verificationErrors(ds, trust, at)) {
    if (!seen.insert(error).second) continue;
    if (error == X509_V_ERR_CERT_REVOKED) {
      revoked = true;
    } else if (isCrlError(error)) {
      crlTrouble = true;
    } else {
      out.chainValid = false;
      out.expired = out.expired || error == X509_V_ERR_CERT_HAS_EXPIRED ||
                    error == X509_V_ERR_CERT_NOT_YET_VALID;
      out.failures.push_back(std::string("DS certificate chain: ") +
                             X509_verify_cert_error_string(error));
    }
  }
  if (trust.crlCount() == 0) {
    out.revocation = RevocationStatus::NotChecked;
  } else if (revoked) {
    out.revocation = RevocationStatus::Revoked;
    out.failures.push_back("DS certificate is revoked");
  } else if (crlTrouble || !out.chainValid) {
    out.revocation = RevocationStatus::Unknown;
    out.failures.push_back("DS revocation status unknown: no usable CRL of its issuer");
  } else {
    out.revocation = RevocationStatus::Good;
  }
  return out;
}

}  // namespace onestop::emrtd
