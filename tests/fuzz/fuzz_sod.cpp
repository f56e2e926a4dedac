// libFuzzer target: EF.SOD. The same bytes go to the LDSSecurityObject parser (the signed
// content alone) and to the whole passive authentication (CMS SignedData, signature, chain,
// CRL, data-group hashes), against a trust store built once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>

#include "onestop/emrtd/lds_security_object.hpp"
#include "onestop/emrtd/passive_auth.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "test_pki.hpp"

namespace {

using onestop::emrtd::Bytes;
using onestop::emrtd::TrustStore;

// The unit tests' throw-away CSCA, plus the generated test cards' CSCA and CRL when scripts/fuzz
// points ONESTOP_FUZZ_TRUST_DIR at them, so seeds from those cards reach the chain checks.
const TrustStore& trustStore() {
  static const TrustStore store = [] {
    TrustStore built;
    const auto& pki = onestop::emrtd::testing::testPki();
    (void)built.addCertificates(onestop::emrtd::testing::certificateDer(pki.csca.get()));
    if (const char* directory = std::getenv("ONESTOP_FUZZ_TRUST_DIR")) {
      (void)built.addDirectory(directory);
    }
    return built;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const onestop::emrtd::ByteView input(data, size);
  (void)onestop::emrtd::parseLdsSecurityObject(input);
  static const std::map<int, Bytes>& dataGroups = onestop::emrtd::testing::testPki().dataGroups;
  const onestop::emrtd::PassiveAuthVerdict verdict =
      onestop::emrtd::verifyPassiveAuthentication(input, dataGroups, trustStore());
  // A verdict that passes needs a signature by a trusted key over these exact data groups.
  if (verdict.passed() && !verdict.sodParsed) __builtin_trap();
  return 0;
}
