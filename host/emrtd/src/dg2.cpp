#include "onestop/emrtd/dg2.hpp"

#include <algorithm>
#include <string_view>

#include "onestop/emrtd/lds_file.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {
namespace {

constexpr std::string_view kName = "DG2";
constexpr Tag kGroupTemplate = 0x7F61;
constexpr Tag kInstanceCount = 0x02;
constexpr Tag kInformationTemplate = 0x7F60;
constexpr Tag kHeaderTemplate = 0xA1;
constexpr Tag kDataBlock = 0x5F2E;
constexpr Tag kDataBlockConstructed = 0x7F2E;
constexpr std::size_t kRecordHeaderSize = 14;
constexpr std::size_t kFacialInformationSize = 20;
constexpr std::size_t kFeaturePointSize = 8;
constexpr std::size_t kImageInformationSize = 12;

Error invalid(const std::string& what) {
  return detail::invalidStructure(kName, what);
}

// Big-endian reads that never pass the end; `failed` records an attempt to.
class Cursor {
 public:
  explicit Cursor(ByteView data) : data_(data) {}
  std::uint32_t number(std::size_t width) {
    if (!has(width)) return 0;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | data_[pos_++];
    return value;
  }
  ByteView bytes(std::size_t count) {
    if (!has(count)) return {};
    const ByteView out = data_.subspan(pos_, count);
    pos_ += count;
    return out;
  }
  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] std::size_t left() const { return data_.size() - pos_; }

 private:
  bool has(std::size_t count) {
    if (failed_ || count > left()) failed_ = true;
    return !failed_;
  }
  ByteView data_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

template <typename T>
T narrow(std::uint32_t value) {
  return static_cast<T>(value);
}

void readFacialInformation(Cursor& in, FaceImage& face) {
  face.featurePointCount = narrow<std::uint16_t>(in.number(2));
  face.gender = narrow<std::uint8_t>(in.number(1));
  face.eyeColour = narrow<std::uint8_t>(in.number(1));
  face.hairColour = narrow<std::uint8_t>(in.number(1));
  face.propertyMask = in.number(3);
  face.expression = narrow<std::uint16_t>(in.number(2));
  for (auto& angle : face.poseAngle) angle = narrow<std::uint8_t>(in.number(1));
  for (auto& angle : face.poseAngleUncertainty) angle = narrow<std::uint8_t>(in.number(1));
}

void readImageInformation(Cursor& in, FaceImage& face) {
  face.faceImageType = narrow<std::uint8_t>(in.number(1));
  face.imageDataType = narrow<std::uint8_t>(in.number(1));
  face.width = narrow<std::uint16_t>(in.number(2));
  face.height = narrow<std::uint16_t>(in.number(2));
  face.imageColourSpace = narrow<std::uint8_t>(in.number(1));
  face.sourceType = narrow<std::uint8_t>(in.number(1));
  face.deviceType = narrow<std::uint16_t>(in.number(2));
  face.quality = narrow<std::uint16_t>(in.number(2));
}

// One face: its length field counts the whole face (information blocks and image).
Result<FaceImage> readFace(Cursor& record) {
  const std::uint32_t length = record.number(4);
  if (record.failed()) return invalid("face record truncated");
  if (length < kFacialInformationSize + kImageInformationSize || length - 4 > record.left()) {
    return invalid("face record length " + std::to_string(length) + " does not fit");
  }
  Cursor in(record.bytes(length - 4));
  FaceImage face;
  readFacialInformation(in, face);
  const std::size_t pointBytes = std::size_t{face.featurePointCount} * kFeaturePointSize;
  const ByteView points = in.bytes(pointBytes);
  face.featurePoints.assign(points.begin(), points.end());
  readImageInformation(in, face);
  if (in.failed()) return invalid("face record shorter than its feature points and blocks");
  const ByteView image = in.bytes(in.left());
  if (image.empty()) return invalid("face without image data");
  face.image.assign(image.begin(), image.end());
  face.mimeType = imageMimeType(image);
  if (face.mimeType.empty()) {
    if (face.imageDataType == static_cast<std::uint8_t>(ImageDataType::Jpeg)) {
      face.mimeType = "image/jpeg";
    } else if (face.imageDataType == static_cast<std::uint8_t>(ImageDataType::Jpeg2000)) {
      face.mimeType = "image/jp2";
    } else {
      return invalid("image is neither JPEG nor JPEG 2000");
    }
  }
  return face;
}

// The record inside 7F2E: the value itself, or the value of an object inside it.
ByteView constructedRecord(ByteView value) {
  auto inner = parseTlvList(value);
  if (inner) {
    for (const Tlv& tlv : *inner) {
      if (tlv.value.size() >= 4 && tlv.value[0] == 'F' && tlv.value[1] == 'A' &&
          tlv.value[2] == 'C') {
        return tlv.value;
      }
    }
  }
  return value;
}

Result<BiometricInformation> readInstance(const Tlv& bit) {
  if (bit.tag != kInformationTemplate) return invalid("expected a 7F60 template");
  auto elements = detail::children(bit.value, kName);
  if (!elements) return elements.error();
  BiometricInformation out;
  const Tlv* header = nullptr;
  const Tlv* block = nullptr;
  for (const Tlv& e : *elements) {
    if (e.tag == kHeaderTemplate && header == nullptr) header = &e;
    if ((e.tag == kDataBlock || e.tag == kDataBlockConstructed) && block == nullptr) block = &e;
  }
  if (header == nullptr) return invalid("no biometric header template (A1)");
  if (block == nullptr) return invalid("no biometric data block (5F2E)");
  auto headerElements = detail::children(header->value, kName);
  if (!headerElements) return headerElements.error();
  for (const Tlv& e : *headerElements) out.header[e.tag] = Bytes(e.value.begin(), e.value.end());
  const ByteView record = block->tag == kDataBlock ? block->value : constructedRecord(block->value);
  auto parsed = parseFacialRecord(record);
  if (!parsed) return parsed.error();
  out.record = std::move(*parsed);
  return out;
}

}  // namespace

std::string imageMimeType(ByteView image) {
  static constexpr std::uint8_t kJpeg[] = {0xFF, 0xD8, 0xFF};
  static constexpr std::uint8_t kJp2[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50,
                                          0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};
  static constexpr std::uint8_t kJ2k[] = {0xFF, 0x4F, 0xFF, 0x51};
  const auto startsWith = [image](ByteView magic) {
    return image.size() >= magic.size() && std::equal(magic.begin(), magic.end(), image.begin());
  };
  if (startsWith(kJpeg)) return "image/jpeg";
  if (startsWith(kJp2) || startsWith(kJ2k)) return "image/jp2";
  return {};
}

Result<FacialRecord> parseFacialRecord(ByteView record) {
  Cursor in(record);
  const ByteView format = in.bytes(4);
  const ByteView version = in.bytes(4);
  const std::uint32_t recordLength = in.number(4);
  const std::uint32_t faceCount = in.number(2);
  if (in.failed()) return invalid("facial record header truncated");
  if (format[0] != 'F' || format[1] != 'A' || format[2] != 'C' || format[3] != 0) {
    return invalid("facial record does not start with \"FAC\\0\"");
  }
  if (version[3] != 0) return invalid("malformed facial record version");
  if (recordLength < kRecordHeaderSize || recordLength > record.size()) {
    return invalid("record length " + std::to_string(recordLength) + " does not fit the " +
                   std::to_string(record.size()) + " bytes");
  }
  if (faceCount == 0) return invalid("facial record without a face");
  FacialRecord out;
  out.version.assign(version.begin(), version.begin() + 3);
  out.recordLength = recordLength;
  Cursor faces(record.subspan(kRecordHeaderSize, recordLength - kRecordHeaderSize));
  for (std::uint32_t i = 0; i < faceCount; ++i) {
    auto face = readFace(faces);
    if (!face) return face.error();
    out.faces.push_back(std::move(*face));
  }
  if (faces.left() != 0) return invalid("bytes left after the last face");
  return out;
}

Result<Dg2> parseDg2(ByteView file) {
  auto outer = detail::wholeObject(file, lds::dataGroup(2)->tag, kName);
  if (!outer) return outer.error();
  auto group = detail::wholeObject(outer->value, kGroupTemplate, kName);
  if (!group) return group.error();
  auto elements = detail::children(group->value, kName);
  if (!elements) return elements.error();
  if (elements->empty() || (*elements)[0].tag != kInstanceCount ||
      (*elements)[0].value.size() != 1) {
    return invalid("no instance count (02)");
  }
  const std::size_t count = (*elements)[0].value[0];
  if (count == 0 || elements->size() != count + 1) {
    return invalid("instance count " + std::to_string(count) + " does not match the " +
                   std::to_string(elements->size() - 1) + " templates");
  }
  Dg2 out;
  for (std::size_t i = 1; i < elements->size(); ++i) {
    auto instance = readInstance((*elements)[i]);
    if (!instance) return instance.error();
    out.instances.push_back(std::move(*instance));
  }
  return out;
}

}  // namespace onestop::emrtd
