#include "onestop/emrtd/pace.hpp"

#include <gtest/gtest.h>
#include <openssl/obj_mac.h>

#include <string>
#include <vector>

#include "apdu_replay.hpp"
#include "fake_file_card.hpp"
#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "pace_chip.hpp"
#include "sm_chip.hpp"

namespace onestop::emrtd {
namespace {

using testing::ApduScript;
using testing::ReplayTransport;

// ICAO 9303-11 Appendix G.1: MRZ_information of T22000129 / 640812 / 101031.
const PacePassword kAppendixGMrz{PacePasswordType::Mrz, "T22000129364081251010318"};

ApduScript appendixG() {
  return testing::loadApduScript("apdu/icao-9303-appendix-g/pace-ecdh-gm-mrz.apdu").value();
}

// Answers with the recorded responses in order, whatever the commands are (for runs whose
// commands differ from the recording, such as a wrong password).
class AnsweringCard final : public CardTransport {
 public:
  explicit AnsweringCard(std::vector<Bytes> answers) : answers_(std::move(answers)) {}
  Result<Bytes> transmit(const Bytes& command) override {
    sent.push_back(command);
    if (sent.size() > answers_.size()) return Error(Reason::IoError, "no more answers");
    return answers_[sent.size() - 1];
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return 261; }
  [[nodiscard]] bool extendedLength() const override { return false; }
  std::vector<Bytes> sent;

 private:
  std::vector<Bytes> answers_;
};

std::vector<Bytes> appendixGAnswers(std::size_t count) {
  std::vector<Bytes> out;
  for (const auto& step : appendixG().steps) {
    if (out.size() < count) out.push_back(step.response);
  }
  return out;
}

TEST(Pace, ReplaysAppendixG1ByteForByte) {
  ApduScript script = appendixG();
  FixedRandomSource random(script.random);
  ReplayTransport card(std::move(script));

  auto session = performPace(card, random, PaceParameters{}, kAppendixGMrz);
  ASSERT_TRUE(session.ok()) << session.error().detail();
  EXPECT_EQ(session->algorithm(), CipherAlgorithm::Aes128);
  EXPECT_EQ(toHex(session->ssc()), std::string(32, '0'));
  EXPECT_EQ(random.remaining(), 0U);

  // K_enc and K_mac are the example's if the protected exchanges replay byte for byte.
  SecureChannel channel(card, std::move(session).value());
  auto select = channel.send(apdu::selectByFid(0x011E));
  ASSERT_TRUE(select.ok()) << select.error().detail();
  EXPECT_EQ(select->sw, 0x9000);
  auto head = channel.send(apdu::readBinary(0, 4));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");
  EXPECT_TRUE(card.verify());
}

TEST(Pace, SendsTheDomainParameterIdWhenAsked) {
  ApduScript script = appendixG();
  script.steps[0].command = hexBytes("0022C1A412800A04007F0007020204020283010184010D");
  script.steps.resize(5);
  FixedRandomSource random(script.random);
  ReplayTransport card(std::move(script));
  PaceParameters parameters;
  parameters.sendDomainParameterId = true;
  auto session = performPace(card, random, parameters, kAppendixGMrz);
  ASSERT_TRUE(session.ok()) << session.error().detail();
  EXPECT_TRUE(card.verify());
}

// A fresh run against the chip-side fake; the session must read EF.COM through the chip's keys.
void runAgainstChip(int nid, const PaceParameters& parameters, const PacePassword& password) {
  const Bytes f = password.type == PacePasswordType::Mrz ? paceMrzPassword(password.value)
                                                         : paceCanPassword(password.value);
  testing::PaceChip chip(nid, parameters.cipher, f);
  OpenSslRandomSource random;
  auto session = performPace(chip, random, parameters, password);
  ASSERT_TRUE(session.ok()) << session.error().detail();
  ASSERT_FALSE(chip.kMac.empty());
  testing::FakeCard files;
  files.files[0x011E] = hexBytes("60145F0104303130365F36063034303030305C026175");
  testing::SmChip sm(files, parameters.cipher, chip.kEnc, chip.kMac, Bytes(16, 0), 261, false);
  SecureChannel channel(sm, std::move(session).value());
  ASSERT_TRUE(channel.send(apdu::selectByFid(0x011E)).ok());
  auto head = channel.send(apdu::readBinary(0, 4));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");
}

TEST(Pace, NistP256WithCanAgainstTheChip) {
  PaceParameters parameters;
  parameters.domainParameterId = 12;
  runAgainstChip(NID_X9_62_prime256v1, parameters, {PacePasswordType::Can, "123456"});
}

TEST(Pace, BrainpoolP256r1WithAes256AndMrzAgainstTheChip) {
  PaceParameters parameters;
  parameters.cipher = CipherAlgorithm::Aes256;
  runAgainstChip(NID_brainpoolP256r1, parameters, kAppendixGMrz);
}

TEST(Pace, BrainpoolP384r1WithAes192AgainstTheChip) {
  PaceParameters parameters;
  parameters.cipher = CipherAlgorithm::Aes192;
  parameters.domainParameterId = 16;
  runAgainstChip(NID_brainpoolP384r1, parameters, {PacePasswordType::Can, "654321"});
}

TEST(Pace, WrongCanAgainstTheChipIsAccessKeyRejected) {
  testing::PaceChip chip(NID_brainpoolP256r1, CipherAlgorithm::Aes128, paceCanPassword("123456"));
  OpenSslRandomSource random;
  auto session = performPace(chip, random, PaceParameters{}, {PacePasswordType::Can, "123457"});
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(session.error().detail().find("6300"), std::string::npos);
}

TEST(Pace, WrongCanIsAccessKeyRejectedWhenTheCardTokenDoesNotVerify) {
  // The card answers as in G.1, but with the CAN "123456" the nonce, the mapped generator and
  // so the session keys differ: the card's token cannot verify.
  AnsweringCard card(appendixGAnswers(5));
  FixedRandomSource random(appendixG().random);
  auto session =
      performPace(card, random, PaceParameters{}, PacePassword{PacePasswordType::Can, "123456"});
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  ASSERT_EQ(card.sent.size(), 5U);
  EXPECT_EQ(toHex(card.sent[0]), "0022C1A40F800A04007F00070202040202830102");
  EXPECT_NE(card.sent[3], appendixG().steps[3].command);  // another mapped generator
}

TEST(Pace, WrongCanRefusedWith63CxIsAccessKeyRejected) {
  std::vector<Bytes> answers = appendixGAnswers(4);
  answers.push_back(hexBytes("63C2"));
  AnsweringCard card(std::move(answers));
  FixedRandomSource random(appendixG().random);
  auto session =
      performPace(card, random, PaceParameters{}, PacePassword{PacePasswordType::Can, "123456"});
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(session.error().detail().find("63C2"), std::string::npos);
}

TEST(Pace, CardPointOffTheCurveIsRefused) {
  std::vector<Bytes> answers = appendixGAnswers(3);
  answers[2].at(10) ^= 0x01;  // one bit of PK_Map,IC's x-coordinate
  AnsweringCard card(std::move(answers));
  FixedRandomSource random(appendixG().random);
  auto session = performPace(card, random, PaceParameters{}, kAppendixGMrz);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(card.sent.size(), 3U);
}

TEST(Pace, MseRefusalIsAStatusError) {
  AnsweringCard card({hexBytes("6A80")});
  FixedRandomSource random(appendixG().random);
  auto session = performPace(card, random, PaceParameters{}, kAppendixGMrz);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::IoError);
  EXPECT_NE(session.error().detail().find("MSE:Set AT"), std::string::npos);
}

TEST(Pace, UnknownDomainParametersAreNotSupported) {
  AnsweringCard card({});
  FixedRandomSource random({});
  PaceParameters parameters;
  parameters.domainParameterId = 2;  // a DH group
  auto session = performPace(card, random, parameters, kAppendixGMrz);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::NotSupported);
  EXPECT_TRUE(card.sent.empty());
}

TEST(Pace, OidsFollowTheCipher) {
  EXPECT_EQ(toHex(paceEcdhGmOid(CipherAlgorithm::Aes128)), "04007F00070202040202");
  EXPECT_EQ(toHex(paceEcdhGmOid(CipherAlgorithm::Aes192)), "04007F00070202040203");
  EXPECT_EQ(toHex(paceEcdhGmOid(CipherAlgorithm::Aes256)), "04007F00070202040204");
}

}  // namespace
}  // namespace onestop::emrtd
