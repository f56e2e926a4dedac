#include "onestop/emrtd/secure_messaging.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

SecureMessaging session(CipherAlgorithm algorithm, std::string_view kEnc, std::string_view kMac,
                        std::string_view ssc) {
  auto sm = SecureMessaging::create(algorithm, hexBytes(kEnc), hexBytes(kMac), hexBytes(ssc));
  if (!sm) throw std::runtime_error(sm.error().detail());
  return std::move(sm).value();
}

// ICAO 9303-11 Appendix D.4 session keys, SSC after BAC.
SecureMessaging appendixD(std::string_view ssc = "887022120C06C226") {
  return session(CipherAlgorithm::Des3, "979EC13B1CBFE9DCD01AB0FED307EAE5",
                 "F1CB1F1FB5ADF208806B89DC579DC1F8", ssc);
}

// PACE session keys of ICAO 9303-11 Appendix G.1; SSC starts at zero.
SecureMessaging appendixGAes128() {
  return session(CipherAlgorithm::Aes128, "F5F0E35C0D7161EE6724EE513A0D9A7F",
                 "FE251C7858B356B24514B3BD5F4297D1", "00000000000000000000000000000000");
}

std::string wrapped(SecureMessaging& sm, const CommandApdu& command) {
  auto out = sm.wrap(command);
  if (!out) return "error: " + out.error().detail();
  return toHex(*out);
}

TEST(SecureMessaging, ReproducesAppendixDReadOfEfCom) {
  SecureMessaging sm = appendixD();

  EXPECT_EQ(wrapped(sm, apdu::selectByFid(0x011E)),
            "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
  auto selected = sm.unwrap(hexBytes("990290008E08FA855A5D4C50A8ED9000"));
  ASSERT_TRUE(selected.ok()) << selected.error().detail();
  EXPECT_EQ(selected->sw, 0x9000);
  EXPECT_TRUE(selected->data.empty());

  EXPECT_EQ(wrapped(sm, apdu::readBinary(0, 4)), "0CB000000D9701048E08ED6705417E96BA5500");
  auto head = sm.unwrap(hexBytes("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");

  EXPECT_EQ(wrapped(sm, apdu::readBinary(4, 0x12)), "0CB000040D9701128E082EA28A70F3C7B53500");
  auto rest = sm.unwrap(hexBytes(
      "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
  ASSERT_TRUE(rest.ok()) << rest.error().detail();
  EXPECT_EQ(toHex(rest->data), "04303130365F36063034303030305C026175");
  EXPECT_EQ(toHex(sm.ssc()), "887022120C06C22C");
}

// AES-256 vector of gmrtd's NfcSession test (an independent implementation).
TEST(SecureMessaging, ReproducesAes256ThirdPartyVector) {
  SecureMessaging sm = session(CipherAlgorithm::Aes256,
                               "74B94F408BBB2CD92571FD5B6370A94CCE7A2FA42AE3EB4DA47B97CE6EAA24C6",
                               "9E28D5D9FF1D979BE752E8926BF0E1D35A440FC0AEFC4AA3BC5610055AC8B113",
                               "00000000000000000000000000000020");
  EXPECT_EQ(wrapped(sm, apdu::selectByFid(0x011E)),
            "0CA4020C1D8711011D35E7EB510E21A0DD12380D9AD2B92D8E0828CB68B81D3FAFC000");
  EXPECT_TRUE(sm.unwrap(hexBytes("990290008E08E083EAA61ADABFCE9000")).ok());
  EXPECT_EQ(wrapped(sm, apdu::readBinary(0, 4)), "0CB000000D9701048E084AFC933E0CDBE5F000");
  auto head =
      sm.unwrap(hexBytes("871101D8059A9CF835105082CA2B1837E4AEC0990290008E08B36DB56761D706BB9000"));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60185F01");
  EXPECT_EQ(wrapped(sm, apdu::readBinary(4, 0x16)), "0CB000040D9701168E0811F7EFC907D1F27400");
  auto rest = sm.unwrap(hexBytes(
      "87210142E919C115FAF69350B01813D77A9E8D91912A7F717AFD073F199070E61B79C6990290008E083382E3D9"
      "83F441369000"));
  ASSERT_TRUE(rest.ok()) << rest.error().detail();
  EXPECT_EQ(toHex(rest->data), "04303130385F36063034303030305C06617563766D6E");
  EXPECT_EQ(toHex(sm.ssc()), "00000000000000000000000000000026");
}

// Vectors from tests/data/emrtd/make-sm-vectors.py (python3-cryptography).
TEST(SecureMessaging, ProtectsWithAes128CbcAndCmac) {
  SecureMessaging sm = appendixGAes128();
  EXPECT_EQ(wrapped(sm, apdu::selectByFid(0x011E)),
            "0CA4020C1D871101EE0E4724F4465C1BE9C2F73ABDD73A3D8E08835D1B54575C955F00");
  EXPECT_TRUE(sm.unwrap(hexBytes("990290008E08BEA7B381C494A0799000")).ok());
  EXPECT_EQ(wrapped(sm, apdu::readBinary(0, 4)), "0CB000000D9701048E08AA6BA54F44DF836400");
  auto head =
      sm.unwrap(hexBytes("871101645C0B1F998A088278D07942BBE94B60990290008E0894A33C6AA2D8CCC89000"));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  EXPECT_EQ(toHex(head->data), "60145F01");
}

TEST(SecureMessaging, UsesExtendedLengthForLargeReads) {
  SecureMessaging sm = appendixGAes128();
  sm.wrap(apdu::selectByFid(0x011E)).value();
  sm.unwrap(hexBytes("990290008E08BEA7B381C494A0799000")).value();
  sm.wrap(apdu::readBinary(0, 4)).value();
  sm.unwrap(hexBytes("871101645C0B1F998A088278D07942BBE94B60990290008E0894A33C6AA2D8CCC89000"))
      .value();
  EXPECT_EQ(wrapped(sm, apdu::readBinary(4, 1000)),
            "0CB0000400000E970203E88E087DABF4E937A790640000");
}

TEST(SecureMessaging, RefusesExtendedLengthWhenNotAllowedWithoutTouchingTheSsc) {
  SecureMessaging sm = appendixGAes128();
  auto out = sm.wrap(apdu::readBinary(0, 1000), false);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().reason(), Reason::NotSupported);
  EXPECT_EQ(toHex(sm.ssc()), "00000000000000000000000000000000");
  // 256 plain bytes need a protected response above 256 bytes: extended too.
  EXPECT_FALSE(sm.wrap(apdu::readBinary(0, 256), false).ok());
  EXPECT_TRUE(sm.wrap(apdu::readBinary(0, 223), false).ok());
}

TEST(SecureMessaging, AcceptsResponseWithoutDo99) {
  SecureMessaging sm = appendixD("887022120C06C22D");
  auto r = sm.unwrap(hexBytes("870901C7FDD6EE3D2B928D8E0808FCC5B8C45D3CD89000"));
  ASSERT_TRUE(r.ok()) << r.error().detail();
  EXPECT_EQ(r->sw, 0x9000);
  EXPECT_EQ(toHex(r->data), "0102030405");
}

TEST(SecureMessaging, TakesTheStatusWordFromDo99) {
  SecureMessaging sm = appendixD("887022120C06C22F");
  auto r = sm.unwrap(hexBytes("870901C93DF6043B89DA49990262828E082E73F780602C5ECF6282"));
  ASSERT_TRUE(r.ok()) << r.error().detail();
  EXPECT_EQ(r->sw, 0x6282);
  EXPECT_EQ(toHex(r->data), "3030305C026175");
}

TEST(SecureMessaging, UnwrapsProtectedErrorWithoutData) {
  SecureMessaging sm = appendixD("887022120C06C231");
  auto r = sm.unwrap(hexBytes("99026A828E08989CB1B998E0074F6A82"));
  ASSERT_TRUE(r.ok()) << r.error().detail();
  EXPECT_EQ(r->sw, 0x6A82);
  EXPECT_TRUE(r->data.empty());
}

TEST(SecureMessaging, RejectsResponseWithBadMac) {
  SecureMessaging sm = appendixD("887022120C06C227");
  auto r = sm.unwrap(hexBytes("990290008E08FA855A5D4C50A8EE9000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::IoError);
  EXPECT_NE(r.error().detail().find("MAC mismatch"), std::string::npos);
}

TEST(SecureMessaging, RejectsResponseWhenTheSscIsOutOfStep) {
  SecureMessaging sm = appendixD("887022120C06C228");  // one ahead of the card
  auto r = sm.unwrap(hexBytes("990290008E08FA855A5D4C50A8ED9000"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail().find("MAC mismatch"), std::string::npos);
}

TEST(SecureMessaging, RejectsChangedCryptogramThroughTheMac) {
  SecureMessaging sm = appendixD("887022120C06C229");
  auto r = sm.unwrap(hexBytes("8709019FF0EC34F9922652990290008E08AD55CC17140B2DED9000"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail().find("MAC mismatch"), std::string::npos);
}

TEST(SecureMessaging, PassesPlainErrorStatusThroughWithoutCountingIt) {
  SecureMessaging sm = appendixD("887022120C06C227");
  auto r = sm.unwrap(hexBytes("6988"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sw, 0x6988);
  EXPECT_EQ(toHex(sm.ssc()), "887022120C06C227");
}

TEST(SecureMessaging, RefusesUnprotectedSuccess) {
  SecureMessaging sm = appendixD();
  auto r = sm.unwrap(hexBytes("9000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::IoError);
}

TEST(SecureMessaging, RefusesMalformedDataObjects) {
  const char* cases[] = {
      "8709019FF0EC349000",  // truncated DO'87'
      "99029000"
      "9000",                            // no DO'8E'
      "990290008E07FA855A5D4C50A89000",  // MAC of 7 bytes
      "8E08FA855A5D4C50A8ED99029000"
      "9000",                                      // DO'99' after DO'8E'
      "5301008E08FA855A5D4C50A8ED9000",            // unknown data object
      "99029000990290008E08FA855A5D4C50A8ED9000",  // repeated DO'99'
      "80",                                        // no status word
  };
  for (const char* response : cases) {
    SecureMessaging sm = appendixD("887022120C06C227");
    auto r = sm.unwrap(hexBytes(response));
    EXPECT_FALSE(r.ok()) << response;
    if (!r.ok()) {
      EXPECT_EQ(r.error().reason(), Reason::IoError) << response;
      EXPECT_EQ(r.error().detail().find("MAC mismatch"), std::string::npos) << response;
    }
  }
}

TEST(SecureMessaging, IncrementsTheSscWithCarry) {
  SecureMessaging sm = appendixD("00000000000000FF");
  sm.wrap(apdu::getChallenge()).value();
  EXPECT_EQ(toHex(sm.ssc()), "0000000000000100");
  SecureMessaging wrapAround = appendixD("FFFFFFFFFFFFFFFF");
  wrapAround.wrap(apdu::getChallenge()).value();
  EXPECT_EQ(toHex(wrapAround.ssc()), "0000000000000000");
}

TEST(SecureMessaging, UsesDo85ForOddInstructions) {
  SecureMessaging sm = appendixD();
  const Bytes out = sm.wrap(apdu::readBinaryOdd(0x8000, 0x10)).value();
  EXPECT_EQ(out[1], 0xB1);
  EXPECT_EQ(out[5], 0x85);  // first data object: DO'85', no padding indicator
  EXPECT_EQ(out[6], 0x08);
}

TEST(SecureMessaging, RefusesWrongKeyOrSscSizes) {
  EXPECT_FALSE(
      SecureMessaging::create(CipherAlgorithm::Des3, Bytes(16, 1), Bytes(16, 2), Bytes(16, 0))
          .ok());
  EXPECT_FALSE(
      SecureMessaging::create(CipherAlgorithm::Aes128, Bytes(24, 1), Bytes(16, 2), Bytes(16, 0))
          .ok());
}

TEST(SecureMessaging, ComputesTheLargestPlainChunkForShortResponses) {
  // 256 response bytes: 3 (87 81 L) + 1 + cryptogram + 4 (DO'99') + 10 (DO'8E').
  EXPECT_EQ(appendixD().maxPlainResponse(256), 231U);
  EXPECT_EQ(appendixGAes128().maxPlainResponse(256), 223U);
  EXPECT_EQ(appendixGAes128().maxPlainResponse(14), 0U);
  // Extended: the DO'87' length takes 3 bytes.
  EXPECT_EQ(appendixGAes128().maxPlainResponse(65536), 65503U);
}

}  // namespace
}  // namespace onestop::emrtd
