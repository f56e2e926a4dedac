#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {

// EF.DG2 (ICAO 9303-10 §4.7.2, ISO/IEC 7816-11 and ISO/IEC 19794-5:2005):
//   75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E record (or 7F2E { … record … }) }, … } }
// The image is not decoded: JPEG 2000 to PNG conversion is a separate step.

// Image data type of the image information block.
enum class ImageDataType : std::uint8_t { Jpeg = 0x00, Jpeg2000 = 0x01 };

// One face of a facial record: the facial information block (20 bytes), the image information
// block (12 bytes) and the image.
struct FaceImage {
  std::uint16_t featurePointCount = 0;
  std::uint8_t gender = 0;
  std::uint8_t eyeColour = 0;
  std::uint8_t hairColour = 0;
  std::uint32_t propertyMask = 0;  // 3 bytes
  std::uint16_t expression = 0;
  std::array<std::uint8_t, 3> poseAngle{};  // yaw, pitch, roll
  std::array<std::uint8_t, 3> poseAngleUncertainty{};
  Bytes featurePoints;  // 8 bytes per feature point, as stored

  std::uint8_t faceImageType = 0;
  std::uint8_t imageDataType = 0;  // ImageDataType, or another value as stored
  std::uint16_t width = 0;
  std::uint16_t height = 0;
  std::uint8_t imageColourSpace = 0;
  std::uint8_t sourceType = 0;
  std::uint16_t deviceType = 0;
  std::uint16_t quality = 0;

  Bytes image;
  // "image/jpeg" or "image/jp2": from the magic bytes, else from the image data type.
  std::string mimeType;
};

// The ISO/IEC 19794-5 facial record: "FAC\0" header, version ("010"), record length, faces.
struct FacialRecord {
  std::string version;
  std::uint32_t recordLength = 0;
  std::vector<FaceImage> faces;  // as many as the header's number of faces (at least one)
};

// One biometric information template (7F60): its header template (A1) and its record.
struct BiometricInformation {
  std::map<Tag, Bytes> header;  // A1 elements: 80 version, 81 type, 87 format owner, 88 type …
  FacialRecord record;
};

struct Dg2 {
  std::vector<BiometricInformation> instances;  // as many as the 02 count says
  // The first face of the first instance (a parsed DG2 always has one).
  [[nodiscard]] const FaceImage& face() const { return instances.front().record.faces.front(); }
};

// The whole file. Any malformed, truncated or inconsistent part (counts, lengths, "FAC\0", an
// image that is neither JPEG nor JPEG 2000) is Reason::ValidationFailed ("DG2: ...").
Result<Dg2> parseDg2(ByteView file);

// The facial record alone (the value of 5F2E).
Result<FacialRecord> parseFacialRecord(ByteView record);

// "image/jpeg" (FF D8 FF), "image/jp2" (JP2 signature box or FF 4F FF 51 codestream), else "".
std::string imageMimeType(ByteView image);

}  // namespace onestop::emrtd
