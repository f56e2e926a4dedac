#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace onestop::imaging {

// The encodings a DG2 face image (ISO/IEC 19794-5) arrives in, plus PNG, which is what a
// decoded JPEG 2000 is handed to the browser as.
enum class ImageFormat { Jpeg, Jpeg2000, Png, Unknown };

// From the magic bytes only: JPEG (FF D8 FF), JPEG 2000 as a JP2 file (signature box) or a raw
// codestream (FF 4F FF 51), PNG (its 8-byte signature). Anything else is Unknown.
ImageFormat sniffFormat(std::span<const std::uint8_t> bytes);

// "JPEG", "JPEG 2000", "PNG", "unknown": for details and logs.
std::string_view formatName(ImageFormat format);

}  // namespace onestop::imaging
