#include "onestop/emrtd/dg2.hpp"

#include <gtest/gtest.h>

#include "corruption.hpp"

namespace onestop::emrtd {
namespace {

const Bytes kJpeg = hexBytes("FFD8FFE000104A46494600 0102 FFD9");
const Bytes kJp2 = hexBytes("0000000C6A5020200D0A870A 00000014 66747970");

// One face: facial information (20), `points` feature points, image information (12), image.
Bytes face(const Bytes& image, std::uint8_t dataType, std::uint16_t points = 0) {
  const std::size_t length = 20 + 8 * std::size_t{points} + 12 + image.size();
  Bytes out = bigEndian(length, 4);
  append(out, bigEndian(points, 2));
  append(out, hexBytes("01 02 03 000001 0000 010203 000000"));  // gender … pose uncertainty
  append(out, Bytes(8 * std::size_t{points}, 0x11));
  append(out, Bytes{0x01, dataType});
  append(out, bigEndian(480, 2));
  append(out, bigEndian(640, 2));
  append(out, hexBytes("01 02 0000 0000"));
  append(out, image);
  return out;
}

Bytes record(const std::vector<Bytes>& faces) {
  std::size_t length = 14;
  for (const Bytes& f : faces) length += f.size();
  Bytes out = hexBytes("46414300 30313000");  // "FAC\0" "010\0"
  append(out, bigEndian(length, 4));
  append(out, bigEndian(faces.size(), 2));
  for (const Bytes& f : faces) append(out, f);
  return out;
}

Bytes instance(const Bytes& facialRecord, Tag blockTag = 0x5F2E) {
  Bytes header = hexBytes("80020101 810102 87020101 88020008");  // version, face, ICAO, 19794-5
  Bytes body = encodeTlv(0xA1, header);
  append(body, encodeTlv(blockTag, facialRecord));
  return encodeTlv(0x7F60, body);
}

Bytes dg2(const std::vector<Bytes>& instances) {
  Bytes group = encodeTlv(0x02, Bytes{static_cast<std::uint8_t>(instances.size())});
  for (const Bytes& i : instances) append(group, i);
  return encodeTlv(0x75, encodeTlv(0x7F61, group));
}

void expectInvalid(const Result<Dg2>& parsed) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind("DG2: ", 0), 0u) << parsed.error().detail();
}

TEST(Dg2, ReadsAJpegFaceWithItsHeaderAndImageInformation) {
  auto parsed = parseDg2(dg2({instance(record({face(kJpeg, 0x00)}))}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  ASSERT_EQ(parsed->instances.size(), 1u);
  const BiometricInformation& info = parsed->instances[0];
  EXPECT_EQ(info.header.at(0x81), Bytes{0x02});
  EXPECT_EQ(info.header.at(0x88), hexBytes("0008"));
  EXPECT_EQ(info.record.version, "010");
  EXPECT_EQ(info.record.recordLength, 14 + 32 + kJpeg.size());
  ASSERT_EQ(info.record.faces.size(), 1u);
  const FaceImage& f = parsed->face();
  EXPECT_EQ(f.gender, 1);
  EXPECT_EQ(f.eyeColour, 2);
  EXPECT_EQ(f.hairColour, 3);
  EXPECT_EQ(f.propertyMask, 1u);
  EXPECT_EQ(f.poseAngle, (std::array<std::uint8_t, 3>{1, 2, 3}));
  EXPECT_EQ(f.imageDataType, static_cast<std::uint8_t>(ImageDataType::Jpeg));
  EXPECT_EQ(f.width, 480);
  EXPECT_EQ(f.height, 640);
  EXPECT_EQ(f.imageColourSpace, 1);
  EXPECT_EQ(f.image, kJpeg);
  EXPECT_EQ(f.mimeType, "image/jpeg");
}

TEST(Dg2, ReadsAJpeg2000FaceWithFeaturePoints) {
  auto parsed = parseDg2(dg2({instance(record({face(kJp2, 0x01, 2)}))}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(parsed->face().featurePointCount, 2);
  EXPECT_EQ(parsed->face().featurePoints, Bytes(16, 0x11));
  EXPECT_EQ(parsed->face().image, kJp2);
  EXPECT_EQ(parsed->face().mimeType, "image/jp2");
}

TEST(Dg2, DetectsTheImageTypeFromMagicBytesFirst) {
  EXPECT_EQ(imageMimeType(hexBytes("FF4FFF51 0000")), "image/jp2");
  EXPECT_EQ(imageMimeType(hexBytes("1234")), "");
  auto mislabelled = parseDg2(dg2({instance(record({face(kJpeg, 0x01)}))}));
  ASSERT_TRUE(mislabelled.ok()) << mislabelled.error().detail();
  EXPECT_EQ(mislabelled->face().mimeType, "image/jpeg");
  auto unknownMagic = parseDg2(dg2({instance(record({face(hexBytes("1234"), 0x01)}))}));
  ASSERT_TRUE(unknownMagic.ok()) << unknownMagic.error().detail();
  EXPECT_EQ(unknownMagic->face().mimeType, "image/jp2");
  expectInvalid(parseDg2(dg2({instance(record({face(hexBytes("1234"), 0x07)}))})));
}

TEST(Dg2, ReadsSeveralFacesAndInstances) {
  const Bytes two = record({face(kJpeg, 0x00), face(kJp2, 0x01)});
  auto parsed = parseDg2(dg2({instance(two), instance(record({face(kJpeg, 0x00)}))}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  ASSERT_EQ(parsed->instances.size(), 2u);
  ASSERT_EQ(parsed->instances[0].record.faces.size(), 2u);
  EXPECT_EQ(parsed->instances[0].record.faces[1].mimeType, "image/jp2");
}

TEST(Dg2, AcceptsAConstructedDataBlock) {
  const Bytes facial = record({face(kJpeg, 0x00)});
  auto direct = parseDg2(dg2({instance(facial, 0x7F2E)}));
  ASSERT_TRUE(direct.ok()) << direct.error().detail();
  EXPECT_EQ(direct->face().image, kJpeg);
  auto nested = parseDg2(dg2({instance(encodeTlv(0x81, facial), 0x7F2E)}));
  ASSERT_TRUE(nested.ok()) << nested.error().detail();
  EXPECT_EQ(nested->face().image, kJpeg);
}

TEST(Dg2, RejectsInconsistentCountsAndLengths) {
  const Bytes good = record({face(kJpeg, 0x00)});
  Bytes badFormat = good;
  badFormat[2] = 'X';
  expectInvalid(parseDg2(dg2({instance(badFormat)})));
  Bytes noFaces = good;
  noFaces[13] = 0;
  expectInvalid(parseDg2(dg2({instance(noFaces)})));
  Bytes twoFaces = good;
  twoFaces[13] = 2;
  expectInvalid(parseDg2(dg2({instance(twoFaces)})));
  Bytes longRecord = good;
  longRecord[11] = static_cast<std::uint8_t>(longRecord[11] + 1);
  expectInvalid(parseDg2(dg2({instance(longRecord)})));
  Bytes longFace = good;
  longFace[17] = static_cast<std::uint8_t>(longFace[17] + 1);
  expectInvalid(parseDg2(dg2({instance(longFace)})));
  Bytes manyPoints = good;
  manyPoints[19] = 0x40;
  expectInvalid(parseDg2(dg2({instance(manyPoints)})));
  Bytes countMismatch = dg2({instance(good)});
  countMismatch[7] = 2;
  expectInvalid(parseDg2(countMismatch));
}

TEST(Dg2, RejectsMissingTemplates) {
  expectInvalid(parseDg2(encodeTlv(0x75, Bytes{})));
  expectInvalid(parseDg2(encodeTlv(0x75, encodeTlv(0x7F61, Bytes{}))));
  expectInvalid(parseDg2(encodeTlv(0x75, encodeTlv(0x7F61, hexBytes("020101 7F6000")))));
  expectInvalid(parseDg2(dg2({encodeTlv(0x7F60, encodeTlv(0xA1, Bytes{}))})));
  expectInvalid(parseDg2(dg2({encodeTlv(0x7F60, encodeTlv(0x5F2E, record({face(kJpeg, 0)})))})));
}

TEST(Dg2, RejectsEveryTruncationOfTheFileAndTheRecord) {
  const Bytes facial = record({face(kJpeg, 0x00, 1)});
  const Bytes file = dg2({instance(facial)});
  for (std::size_t n = 0; n < file.size(); ++n) expectInvalid(parseDg2(ByteView(file.data(), n)));
  for (std::size_t n = 0; n < facial.size(); ++n) {
    EXPECT_FALSE(parseFacialRecord(ByteView(facial.data(), n)).ok()) << n;
  }
}

TEST(Dg2, SurvivesCorruptionOfEveryByte) {
  const Bytes file = dg2({instance(record({face(kJpeg, 0x00, 1), face(kJp2, 0x01)}))});
  testing::expectEveryCorruptionHandled(file, [](const Bytes& b) { return parseDg2(b); });
}

}  // namespace
}  // namespace onestop::emrtd
