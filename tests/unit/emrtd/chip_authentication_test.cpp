#include "onestop/emrtd/chip_authentication.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "fake_file_card.hpp"
#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/tlv.hpp"
#include "sm_chip.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::FakeCard;
using testing::SmChip;
using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

const Bytes kEfCom = hexBytes("60145F0104303130365F36063034303030305C026175");
const Bytes kOldEnc = hexBytes("00112233445566778899AABBCCDDEEFF");
const Bytes kOldMac = hexBytes("FFEEDDCCBBAA99887766554433221100");

Pkey generate(const char* curve) {
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve), EVP_PKEY_free);
}

Bytes spki(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(key, &der);
  Bytes out(der, der + size);
  OPENSSL_free(der);
  return out;
}

// The chip's side of CA, written with EVP_PKEY_fromdata / EVP_PKEY_derive on the chip's key.
class CaApplet final : public ApduChannel {
 public:
  CaApplet(FakeCard& files, EVP_PKEY* chipKey, std::string curve)
      : files_(files), chipKey_(chipKey), curve_(std::move(curve)) {}

  Result<ResponseApdu> send(const CommandApdu& c) override {
    if (c.ins == 0x22) {
      mse.push_back(c);
      if (c.p2 == 0xA6) derive(findTlv(c.data, {0x91}).value().value);
      return ResponseApdu{{}, 0x9000};
    }
    if (c.ins == 0x86) {
      derive(findTlv(c.data, {0x7C, 0x80}).value().value);
      return ResponseApdu{hexBytes("7C00"), 0x9000};
    }
    return files_.send(c);
  }
  [[nodiscard]] std::size_t maxResponseData() const override { return 231; }

  std::vector<CommandApdu> mse;
  std::optional<Bytes> pendingSecret;

 private:
  void derive(ByteView point) { pendingSecret = testing::ecdhSecret(chipKey_, curve_, point); }

  FakeCard& files_;
  EVP_PKEY* chipKey_;
  std::string curve_;
};

// Secure messaging around the applet; switches to the CA keys after answering the command
// that completed CA (under the old keys), as a chip does.
class CaChip final : public CardTransport {
 public:
  CaChip(CaApplet& applet, CipherAlgorithm oldCipher, CipherAlgorithm newCipher)
      : applet_(applet), newCipher_(newCipher) {
    sm_ = std::make_unique<SmChip>(applet_, oldCipher, kOldEnc, kOldMac,
                                   Bytes(blockSize(oldCipher), 0), 261, false);
  }
  Result<Bytes> transmit(const Bytes& command) override {
    Result<Bytes> out = Bytes{0x69, 0x88};
    try {
      out = sm_->transmit(command);
    } catch (const std::runtime_error&) {
      // SmChip decrypts before it checks the MAC: a command under other keys gets here.
    }
    if (out && switched_ && tamper && out->size() > 2) (*out)[out->size() - 3] ^= 0x01;
    if (applet_.pendingSecret) {
      const Bytes& k = *applet_.pendingSecret;
      sm_ = std::make_unique<SmChip>(applet_, newCipher_, deriveKey(k, newCipher_, KdfCounter::Enc),
                                     deriveKey(k, newCipher_, KdfCounter::Mac),
                                     Bytes(blockSize(newCipher_), 0), 261, false);
      applet_.pendingSecret.reset();
      switched_ = true;
    }
    return out;
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return 261; }
  [[nodiscard]] bool extendedLength() const override { return false; }
  bool tamper = false;

 private:
  CaApplet& applet_;
  CipherAlgorithm newCipher_;
  std::unique_ptr<SmChip> sm_;
  bool switched_ = false;
};

SecureChannel oldChannel(CardTransport& card, CipherAlgorithm cipher) {
  return SecureChannel(
      card, SecureMessaging::create(cipher, kOldEnc, kOldMac, Bytes(blockSize(cipher), 0)).value());
}

struct CaRig {
  FakeCard files;
  Pkey chipKey;
  std::unique_ptr<CaApplet> applet;
  std::unique_ptr<CaChip> chip;
  CaRig(const char* curve, CipherAlgorithm oldCipher, CipherAlgorithm newCipher)
      : chipKey(generate(curve)) {
    files.files[0x011E] = kEfCom;
    applet = std::make_unique<CaApplet>(files, chipKey.get(), curve);
    chip = std::make_unique<CaChip>(*applet, oldCipher, newCipher);
  }
};

const Bytes kCaAes128 = hexBytes("04007F000702020302 02");

TEST(ChipAuthentication, AesWithP256SwitchesTheChannelToTheNewKeys) {
  CaRig s("P-256", CipherAlgorithm::Aes128, CipherAlgorithm::Aes128);
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel, {spki(s.chipKey.get()), kCaAes128, {}});
  ASSERT_TRUE(probe.ok()) << probe.error().detail();
  EXPECT_EQ(probe->sw, 0x9000);
  ASSERT_EQ(s.applet->mse.size(), 1U);
  EXPECT_EQ(toHex(s.applet->mse[0].encode()), "002241A40C800A04007F00070202030202");
  EXPECT_EQ(toHex(channel.session().ssc()), "00000000000000000000000000000002");
  auto head = channel.send(apdu::readBinary(0, 4));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");
}

TEST(ChipAuthentication, BrainpoolExplicitParametersWithKeyIdAndAes256) {
  CaRig s("brainpoolP256r1", CipherAlgorithm::Aes128, CipherAlgorithm::Aes256);
  ASSERT_EQ(EVP_PKEY_set_utf8_string_param(s.chipKey.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                           OSSL_PKEY_EC_ENCODING_EXPLICIT),
            1);
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel,
                                {spki(s.chipKey.get()), hexBytes("04007F00070202030204"), {0x07}});
  ASSERT_TRUE(probe.ok()) << probe.error().detail();
  EXPECT_EQ(toHex(s.applet->mse.at(0).data), "800A04007F00070202030204840107");
  EXPECT_EQ(channel.session().algorithm(), CipherAlgorithm::Aes256);
  EXPECT_TRUE(channel.send(apdu::readBinary(0, 4)).ok());
}

TEST(ChipAuthentication, Version1Uses3desAndMseSetKat) {
  CaRig s("P-256", CipherAlgorithm::Des3, CipherAlgorithm::Des3);
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Des3);
  auto probe = authenticateChip(*s.chip, channel,
                                {spki(s.chipKey.get()), hexBytes("04007F000702020302"), {}});
  ASSERT_TRUE(probe.ok()) << probe.error().detail();
  ASSERT_EQ(s.applet->mse.size(), 1U);
  EXPECT_EQ(s.applet->mse[0].p2, 0xA6);
  EXPECT_EQ(toHex(channel.session().ssc()), "0000000000000002");
  auto head = channel.send(apdu::readBinary(0, 4));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");
}

TEST(ChipAuthentication, ChipWithoutTheDg14PrivateKeyIsNotGenuine) {
  CaRig s("P-256", CipherAlgorithm::Aes128, CipherAlgorithm::Aes128);
  Pkey other = generate("P-256");
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel, {spki(other.get()), kCaAes128, {}});
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().reason(), Reason::CardNotGenuine);
  EXPECT_NE(probe.error().detail().find("6988"), std::string::npos);
}

TEST(ChipAuthentication, AnswerWithBadMacUnderTheNewKeysIsNotGenuine) {
  CaRig s("P-256", CipherAlgorithm::Aes128, CipherAlgorithm::Aes128);
  s.chip->tamper = true;
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel, {spki(s.chipKey.get()), kCaAes128, {}});
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().reason(), Reason::CardNotGenuine);
  EXPECT_EQ(channel.session().algorithm(), CipherAlgorithm::Aes128);
  EXPECT_EQ(toHex(channel.session().ssc()), "00000000000000000000000000000004");  // old one
}

TEST(ChipAuthentication, DhAndUnknownProtocolsAreNotSupported) {
  CaRig s("P-256", CipherAlgorithm::Aes128, CipherAlgorithm::Aes128);
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel,
                                {spki(s.chipKey.get()), hexBytes("04007F00070202030102"), {}});
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().reason(), Reason::NotSupported);
  EXPECT_TRUE(s.applet->mse.empty());
}

TEST(ChipAuthentication, MalformedPublicKeyIsValidationFailed) {
  CaRig s("P-256", CipherAlgorithm::Aes128, CipherAlgorithm::Aes128);
  SecureChannel channel = oldChannel(*s.chip, CipherAlgorithm::Aes128);
  auto probe = authenticateChip(*s.chip, channel, {hexBytes("3003020100"), kCaAes128, {}});
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().reason(), Reason::ValidationFailed);
}

}  // namespace
}  // namespace onestop::emrtd
