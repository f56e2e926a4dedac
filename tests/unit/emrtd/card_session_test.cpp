#include "onestop/emrtd/card_session.hpp"

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fake_file_card.hpp"
#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/tlv.hpp"
#include "pace_chip.hpp"
#include "sm_chip.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::FakeCard;

// ICAO 9303-11 Appendix D: the BAC exchange for this MRZ and these nonces, and its session.
constexpr std::string_view kMrz = "L898902C<369080619406236";
constexpr std::string_view kWrongMrz = "L898902C<369080619406237";
constexpr std::string_view kBacRandom = "781723860C06C2260B795240CB7049B01C19B33E32804F0B";
constexpr std::string_view kMutualAuthenticate =
    "008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD"
    "90A728";
constexpr std::string_view kMutualAnswer =
    "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000";
constexpr std::string_view kCan = "123456";
// SET { PACEInfo { id-PACE-ECDH-GM-AES-CBC-CMAC-128, 2, 13 } }
constexpr std::string_view kCardAccess = "31143012060A04007F0007020204020202010202010D";

Bytes status(std::uint16_t sw) {
  return {static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw & 0xFF)};
}

// The eMRTD application behind secure messaging: SELECT by AID, INTERNAL AUTHENTICATE signed
// with an EC key (r ‖ s), everything else from the file system.
class Applet final : public ApduChannel {
 public:
  FakeCard files;
  EVP_PKEY* aaKey = nullptr;
  EVP_PKEY* caKey = nullptr;
  std::optional<Bytes> caSecret;  // set by GENERAL AUTHENTICATE, taken by the chip
  Result<ResponseApdu> send(const CommandApdu& c) override {
    if (c.ins == 0xA4 && c.p1 == 0x04) return ResponseApdu{{}, 0x9000};
    if (c.ins == 0x22 && caKey != nullptr) return ResponseApdu{{}, 0x9000};
    if (c.ins == 0x86 && caKey != nullptr) {
      caSecret = derive(findTlv(c.data, {0x7C, 0x80}).value().value);
      return ResponseApdu{hexBytes("7C00"), 0x9000};
    }
    if (c.ins == 0x88 && aaKey != nullptr) return ResponseApdu{sign(c.data), 0x9000};
    return files.send(c);
  }
  [[nodiscard]] std::size_t maxResponseData() const override { return 65536; }

 private:
  Bytes derive(ByteView point) const { return testing::ecdhSecret(caKey, "prime256v1", point); }

  Bytes sign(const Bytes& challenge) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, aaKey);
    std::size_t size = 0;
    EVP_DigestSign(ctx, nullptr, &size, challenge.data(), challenge.size());
    Bytes der(size);
    EVP_DigestSign(ctx, der.data(), &size, challenge.data(), challenge.size());
    EVP_MD_CTX_free(ctx);
    const unsigned char* p = der.data();
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(size));
    Bytes out(64);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), out.data(), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), out.data() + 32, 32);
    ECDSA_SIG_free(sig);
    return out;
  }
};

// A whole chip: the MF with EF.CardAccess, BAC (Appendix D) or PACE, then secure messaging
// around the applet. Counts every APDU and can lose the card at APDU `removeAt`.
class Chip final : public CardTransport {
 public:
  explicit Chip(bool pace) : pace_(pace) {
    if (pace) mf_.files[0x011C] = hexBytes(kCardAccess);
  }
  Applet applet;
  std::size_t removeAt = static_cast<std::size_t>(-1);
  std::size_t transmits = 0;
  std::size_t authenticationAttempts = 0;

  Result<Bytes> transmit(const Bytes& command) override {
    if (transmits++ >= removeAt) return Error(Reason::CardRemoved, "removed");
    if (sm_) {
      auto answer = sm_->transmit(command);
      if (applet.caSecret) {  // CA done: the next command is under the new keys
        const Bytes k = *applet.caSecret;
        applet.caSecret.reset();
        startSm(CipherAlgorithm::Aes128, deriveKey(k, CipherAlgorithm::Aes128, KdfCounter::Enc),
                deriveKey(k, CipherAlgorithm::Aes128, KdfCounter::Mac), Bytes(16, 0));
      }
      return answer;
    }
    const std::uint8_t ins = command[1];
    if (ins == 0xA4 && command[2] == 0x04) return status(pace_ ? 0x6982 : 0x9000);
    if (ins == 0xA4 || ins == 0xB0) {
      auto parsed = CommandApdu{command[0], command[1], command[2], command[3], {}, 0};
      if (ins == 0xA4) parsed.data.assign(command.begin() + 5, command.begin() + 7);
      if (ins == 0xB0) parsed.ne = command[4] == 0 ? 256 : command[4];
      auto answer = mf_.send(parsed).value();
      return answer.encode();
    }
    if (!pace_ && ins == 0x84) return hexBytes("4608F919887022129000");
    if (!pace_ && ins == 0x82) {
      ++authenticationAttempts;
      if (toHex(command) != kMutualAuthenticate) return status(0x6300);
      startSm(CipherAlgorithm::Des3, hexBytes("979EC13B1CBFE9DCD01AB0FED307EAE5"),
              hexBytes("F1CB1F1FB5ADF208806B89DC579DC1F8"), hexBytes("887022120C06C226"));
      return hexBytes(kMutualAnswer);
    }
    if (pace_ && ins == 0x22) {
      ++authenticationAttempts;
      paceChip_ = std::make_unique<testing::PaceChip>(NID_brainpoolP256r1, CipherAlgorithm::Aes128,
                                                      Bytes(kCan.begin(), kCan.end()));
    }
    if (pace_ && paceChip_ && (ins == 0x22 || ins == 0x86)) {
      auto answer = paceChip_->transmit(command);
      if (!paceChip_->kMac.empty()) {
        startSm(CipherAlgorithm::Aes128, paceChip_->kEnc, paceChip_->kMac, Bytes(16, 0));
      }
      return answer;
    }
    return status(0x6D00);
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return 261; }
  [[nodiscard]] bool extendedLength() const override { return false; }

 private:
  void startSm(CipherAlgorithm algorithm, Bytes kEnc, Bytes kMac, Bytes ssc) {
    sm_ = std::make_unique<testing::SmChip>(applet, algorithm, std::move(kEnc), std::move(kMac),
                                            std::move(ssc), 261, false);
  }
  bool pace_;
  FakeCard mf_;
  std::unique_ptr<testing::SmChip> sm_;
  std::unique_ptr<testing::PaceChip> paceChip_;
};

// DG14 with one ECDH key (keyId 1) and ChipAuthenticationInfo id-CA-ECDH-AES-CBC-CMAC-128.
Bytes dg14(EVP_PKEY* caKey) {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(caKey, &der);
  const Bytes spki(der, der + size);
  OPENSSL_free(der);
  Bytes publicKeyInfo = encodeTlv(0x06, hexBytes("04007F000702020102"));
  append(publicKeyInfo, spki);
  append(publicKeyInfo, hexBytes("020101"));
  Bytes caInfo = encodeTlv(0x06, hexBytes("04007F00070202030202"));
  append(caInfo, hexBytes("020101020101"));
  Bytes infos = encodeTlv(0x30, publicKeyInfo);
  append(infos, encodeTlv(0x30, caInfo));
  return encodeTlv(0x6E, encodeTlv(0x31, infos));
}

struct Rig {
  testing::Key aaKey = testing::makeEcKey("prime256v1");
  testing::Key caKey = testing::makeEcKey("prime256v1");
  std::map<int, Bytes> groups;
  Bytes sod;
  TrustStore trust;

  Rig() {
    const auto& pki = testing::testPki();
    groups = pki.dataGroups;
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(aaKey.get(), &der);
    groups[15] = encodeTlv(0x6F, Bytes(der, der + size));
    OPENSSL_free(der);
    groups[14] = dg14(caKey.get());
    sod = testing::makeEfSod(pki.ds.get(), pki.dsKey.get(), groups);
    if (!trust.addCertificates(testing::certificateDer(pki.csca.get()))) std::abort();
  }

  void load(Chip& chip) {
    chip.applet.aaKey = aaKey.get();
    chip.applet.caKey = caKey.get();
    chip.applet.files.files[0x011E] = hexBytes("60145F0104303130365F36063034303030305C026175");
    for (const auto& [n, bytes] : groups) {
      chip.applet.files.files[static_cast<std::uint16_t>(0x0100 + n)] = bytes;
    }
    chip.applet.files.files[0x011D] = sod;
  }

  CardReadRequest request(std::vector<AccessKey> keys) const {
    CardReadRequest r;
    r.keys = std::move(keys);
    r.activeAuthenticationChallenge = hexBytes("0102030405060708");
    r.trust = &trust;
    return r;
  }
};

AccessKey mrz(std::string_view value) {
  return {AccessKey::Kind::Mrz, std::string(value)};
}
AccessKey can(std::string_view value) {
  return {AccessKey::Kind::Can, std::string(value)};
}

Bytes bacRandom(std::size_t attempts) {
  Bytes out;
  for (std::size_t i = 0; i < attempts; ++i) append(out, hexBytes(kBacRandom));
  return out;
}

void expectFullRead(const CardReadResult& result, const Rig& rig) {
  EXPECT_EQ(result.files.at("EF.DG1"), rig.groups.at(1));
  EXPECT_EQ(result.files.at("EF.DG2"), rig.groups.at(2));
  EXPECT_EQ(result.files.at("EF.DG13"), rig.groups.at(13));
  EXPECT_EQ(result.files.at("EF.DG15"), rig.groups.at(15));
  EXPECT_EQ(result.files.at("EF.SOD"), rig.sod);
  EXPECT_EQ(result.files.at("EF.DG14"), rig.groups.at(14));
  EXPECT_EQ(result.chipAuthentication, CheckOutcome::Passed) << result.chipAuthenticationDetail;
  EXPECT_EQ(result.activeAuthentication, CheckOutcome::Passed) << result.activeAuthenticationDetail;
  EXPECT_EQ(result.activeAuthenticationSignature.size(), 64U);
  ASSERT_TRUE(result.passiveAuthentication.has_value());
  EXPECT_TRUE(result.passiveAuthentication->passed());
  EXPECT_FALSE(result.failedState.has_value());
}

TEST(CardSession, FullBacReadIsVerified) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  FixedRandomSource random(bacRandom(1));
  std::vector<CardReadState> states;
  auto request = rig.request({mrz(kMrz)});
  request.onProgress = [&](const CardReadProgress& p) {
    if (states.empty() || states.back() != p.state) states.push_back(p.state);
  };
  auto result = readCard(chip, random, request);
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, AuthenticationMethod::Bac);
  EXPECT_EQ(result->keyIndex, 0U);
  expectFullRead(*result, rig);
  const std::vector<CardReadState> expected = {
      CardReadState::ReadCardAccess,        CardReadState::Select,
      CardReadState::Authenticate,          CardReadState::ReadFile,
      CardReadState::ChipAuthentication,    CardReadState::ActiveAuthentication,
      CardReadState::PassiveAuthentication, CardReadState::Done};
  EXPECT_EQ(states, expected);
}

TEST(CardSession, FullPaceReadWithCan) {
  Rig rig;
  Chip chip(true);
  rig.load(chip);
  OpenSslRandomSource random;
  auto result = readCard(chip, random, rig.request({can(kCan)}));
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, AuthenticationMethod::Pace);
  EXPECT_EQ(result->cardAccess, hexBytes(kCardAccess));
  expectFullRead(*result, rig);
}

TEST(CardSession, WrongCansThenTheRightOneReportsItsIndex) {
  Rig rig;
  Chip chip(true);
  rig.load(chip);
  OpenSslRandomSource random;
  auto result = readCard(chip, random, rig.request({can("000000"), can("111111"), can(kCan)}));
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->keyIndex, 2U);
  EXPECT_EQ(chip.authenticationAttempts, 3U);
}

TEST(CardSession, WrongMrzThenTheRightOneOverBac) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  FixedRandomSource random(bacRandom(2));
  auto result = readCard(chip, random, rig.request({mrz(kWrongMrz), can(kCan), mrz(kMrz)}));
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, AuthenticationMethod::Bac);
  EXPECT_EQ(result->keyIndex, 2U);  // the CAN was skipped: BAC cannot use it
  EXPECT_EQ(chip.authenticationAttempts, 2U);
}

TEST(CardSession, AllKeysWrongIsAccessKeyRejectedWithinTheAttemptBound) {
  Rig rig;
  Chip chip(true);
  rig.load(chip);
  OpenSslRandomSource random;
  auto request = rig.request({can("1"), can("2"), can("3"), can("4"), can(kCan)});
  request.maxAuthenticationAttempts = 3;
  auto result = readCard(chip, random, request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(result.error().detail().find("Authenticate"), std::string::npos);
  EXPECT_EQ(chip.authenticationAttempts, 3U);
}

TEST(CardSession, CardRemovedAtEveryApduIsReportedWithTheState) {
  for (const bool pace : {false, true}) {
    Rig rig;
    Chip whole(pace);
    rig.load(whole);
    OpenSslRandomSource anyRandom;
    FixedRandomSource first(bacRandom(1));
    auto full = readCard(whole, pace ? static_cast<RandomSource&>(anyRandom) : first,
                         rig.request({pace ? can(kCan) : mrz(kMrz)}));
    ASSERT_TRUE(full.ok()) << full.error().detail();
    ASSERT_GT(whole.transmits, 10U);
    for (std::size_t cut = 0; cut < whole.transmits; ++cut) {
      Chip chip(pace);
      rig.load(chip);
      chip.removeAt = cut;
      FixedRandomSource random(bacRandom(1));
      auto result = readCard(chip, pace ? static_cast<RandomSource&>(anyRandom) : random,
                             rig.request({pace ? can(kCan) : mrz(kMrz)}));
      ASSERT_FALSE(result.ok()) << "cut " << cut;
      EXPECT_EQ(result.error().reason(), Reason::CardRemoved) << "cut " << cut;
      EXPECT_NE(result.error().detail().find(": "), std::string::npos);
    }
  }
}

TEST(CardSession, CancellationStopsBeforeTheNextApdu) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  FixedRandomSource random(bacRandom(1));
  auto request = rig.request({mrz(kMrz)});
  bool stop = false;
  request.cancelled = [&] { return stop; };
  request.onProgress = [&](const CardReadProgress& p) {
    if (p.state == CardReadState::ReadFile && p.file == std::string("EF.DG2")) stop = true;
  };
  auto result = readCard(chip, random, request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::Cancelled);
  EXPECT_EQ(result.error().detail().rfind("ReadFile: ", 0), 0U);
}

TEST(CardSession, ProgressIsMonotonePerFile) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  FixedRandomSource random(bacRandom(1));
  auto request = rig.request({mrz(kMrz)});
  std::map<std::string, std::pair<std::size_t, std::size_t>> last;
  std::size_t reports = 0;
  request.onProgress = [&](const CardReadProgress& p) {
    if (p.state != CardReadState::ReadFile || p.totalBytes == 0) return;
    auto& [done, total] = last[p.file];
    EXPECT_GE(p.bytesRead, done) << p.file;
    EXPECT_LE(p.bytesRead, p.totalBytes) << p.file;
    if (total != 0) {
      EXPECT_EQ(p.totalBytes, total) << p.file;
    }
    done = p.bytesRead;
    total = p.totalBytes;
    ++reports;
  };
  auto result = readCard(chip, random, request);
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_GT(reports, last.size());
  for (const auto& [name, progress] : last) {
    EXPECT_EQ(progress.first, progress.second) << name;
    EXPECT_EQ(progress.second, result->files.at(name).size()) << name;
  }
}

TEST(CardSession, ChipRefusingChipAuthenticationIsReportedNotThrown) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  chip.applet.caKey = nullptr;  // the chip answers MSE:Set AT with 6D00
  FixedRandomSource random(bacRandom(1));
  auto request = rig.request({mrz(kMrz)});
  request.trust = nullptr;
  auto result = readCard(chip, random, request);
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->chipAuthentication, CheckOutcome::Failed);
  EXPECT_EQ(result->failedState, CardReadState::ChipAuthentication);
  EXPECT_EQ(result->activeAuthentication, CheckOutcome::NotPerformed);
  EXPECT_FALSE(result->passiveAuthentication.has_value());
}

TEST(CardSession, TamperedDataGroupFailsPassiveAuthentication) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  chip.applet.files.files[0x0102].back() ^= 0x01;
  FixedRandomSource random(bacRandom(1));
  auto result = readCard(chip, random, rig.request({mrz(kMrz)}));
  ASSERT_TRUE(result.ok()) << result.error().detail();
  ASSERT_TRUE(result->passiveAuthentication.has_value());
  EXPECT_FALSE(result->passiveAuthentication->passed());
  EXPECT_EQ(result->passiveAuthentication->dataGroupHashes.at(2), HashCheck::Mismatch);
  EXPECT_EQ(result->failedState, CardReadState::PassiveAuthentication);
  EXPECT_EQ(result->chipAuthentication, CheckOutcome::Passed);
}

TEST(CardSession, ActiveAuthenticationIsSkippedWithoutAChallenge) {
  Rig rig;
  Chip chip(false);
  rig.load(chip);
  FixedRandomSource random(bacRandom(1));
  auto request = rig.request({mrz(kMrz)});
  request.activeAuthenticationChallenge.clear();
  auto result = readCard(chip, random, request);
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->activeAuthentication, CheckOutcome::NotPerformed);
  EXPECT_TRUE(result->activeAuthenticationSignature.empty());
  EXPECT_FALSE(result->failedState.has_value());
}

TEST(CardSession, StateNamesAreDistinct) {
  EXPECT_STREQ(cardReadStateName(CardReadState::Authenticate), "Authenticate");
  EXPECT_STREQ(cardReadStateName(CardReadState::PassiveAuthentication), "PassiveAuthentication");
}

}  // namespace
}  // namespace onestop::emrtd
