// The generated test cards (tests/data/cards) turned into evidence bundles, as a card read of
// them would record: EF.SOD and the data groups as files, and optionally an Active
// Authentication signature made here with the card's own AA key.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/workflows/evidence.hpp"

namespace onestop::testing {

std::filesystem::path cardDir(const std::string& card);

// card.json: printed fields, QR text, expected verdicts.
nlohmann::json cardTruth(const std::string& card);

// The card's files without AA; challenge and origin are recorded as given.
workflows::Evidence cardEvidence(const std::string& card, const std::string& challenge = {},
                                 const std::string& origin = {});

// True when the card's AA key is an EC key (ECDSA r ‖ s over SHA-256 can be made here).
bool hasEcActiveAuthenticationKey(const std::string& card);

// Signs activeAuthenticationChallenge(challenge, origin) with the card's EC AA key, as the chip
// would, and records challenge and signature in `evidence`.
void signActiveAuthentication(workflows::Evidence& evidence, const std::string& card,
                              const std::string& challenge, const std::string& origin);

// The CSCA and its CRL (trust/ of the card set).
emrtd::TrustStore cardTrustStore();

}  // namespace onestop::testing
