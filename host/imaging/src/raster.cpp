#include "raster.hpp"

#include <openjpeg.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "onestop/common/error.hpp"

namespace onestop::imaging {
namespace {

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "JPEG 2000: " + what);
}

// One component's sample at image pixel (x, y), scaled to 0..255. Subsampled components cover
// the reference grid with steps dx, dy; the nearest sample is repeated (pixel replication is
// what opj_decompress does too, and a face image is never upsampled by more than 2).
class ComponentReader {
 public:
  ComponentReader(const opj_image_comp_t& component, const opj_image& image)
      : component_(component),
        imageX0_(image.x0),
        imageY0_(image.y0),
        offset_(component.sgnd ? std::int64_t{1} << (component.prec - 1) : 0),
        maxValue_((std::int64_t{1} << component.prec) - 1) {}

  [[nodiscard]] std::uint8_t at(std::uint32_t x, std::uint32_t y) const {
    const std::size_t cx = clampIndex((imageX0_ + x) / component_.dx, component_.x0, component_.w);
    const std::size_t cy = clampIndex((imageY0_ + y) / component_.dy, component_.y0, component_.h);
    const std::int64_t raw = component_.data[cy * component_.w + cx];
    const std::int64_t value = std::clamp<std::int64_t>(raw + offset_, 0, maxValue_);
    // Rounded rescale from 0..2^prec-1 to 0..255 (exact for 8 bits, widening for fewer).
    return static_cast<std::uint8_t>((value * 255 + maxValue_ / 2) / maxValue_);
  }

 private:
  static std::size_t clampIndex(std::uint64_t gridIndex, std::uint32_t origin, std::uint32_t size) {
    const std::uint64_t index = gridIndex > origin ? gridIndex - origin : 0;
    return static_cast<std::size_t>(std::min<std::uint64_t>(index, size - 1));
  }

  const opj_image_comp_t& component_;
  std::uint64_t imageX0_;
  std::uint64_t imageY0_;
  std::int64_t offset_;
  std::int64_t maxValue_;
};

std::uint8_t clampToByte(double value) {
  return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
}

// ITU-T T.871 (JFIF) full-range YCbCr to RGB, what sYCC in a JP2 colour box means.
void syccToRgb(std::uint8_t* pixel) {
  const double y = pixel[0];
  const double cb = pixel[1] - 128.0;
  const double cr = pixel[2] - 128.0;
  pixel[0] = clampToByte(y + 1.402 * cr);
  pixel[1] = clampToByte(y - 0.344136 * cb - 0.714136 * cr);
  pixel[2] = clampToByte(y + 1.772 * cb);
}

// A raw codestream carries no colour space; three components whose chroma is subsampled are
// YCbCr in practice (opj_decompress guesses the same way).
bool looksLikeYcc(const opj_image& image) {
  return image.numcomps >= 3 && image.comps[0].dx == 1 && image.comps[0].dy == 1 &&
         (image.comps[1].dx != 1 || image.comps[1].dy != 1 || image.comps[2].dx != 1 ||
          image.comps[2].dy != 1);
}

}  // namespace

Result<Raster> rasterFromOpenJpeg(const opj_image& image) {
  if (image.numcomps < 1 || image.numcomps > 4 || image.comps == nullptr) {
    return invalid(std::to_string(image.numcomps) + " components (1 to 4 supported)");
  }
  if (image.color_space == OPJ_CLRSPC_CMYK || image.color_space == OPJ_CLRSPC_EYCC) {
    return invalid("CMYK and e-YCC images are not supported");
  }
  if (image.x1 <= image.x0 || image.y1 <= image.y0) return invalid("empty image area");
  for (std::uint32_t i = 0; i < image.numcomps; ++i) {
    const opj_image_comp_t& component = image.comps[i];
    if (component.data == nullptr || component.w == 0 || component.h == 0) {
      return invalid("component " + std::to_string(i) + " was not decoded");
    }
    if (component.prec < 1 || component.prec > 16) {
      return invalid("component " + std::to_string(i) + " has " + std::to_string(component.prec) +
                     "-bit samples (1 to 16 supported)");
    }
    if (component.dx == 0 || component.dy == 0) {
      return invalid("component " + std::to_string(i) + " has a zero subsampling step");
    }
  }
  const bool ycc = image.color_space == OPJ_CLRSPC_SYCC ||
                   (image.color_space == OPJ_CLRSPC_UNSPECIFIED && looksLikeYcc(image));
  if (ycc && image.numcomps < 3) return invalid("sYCC image with fewer than 3 components");

  Raster raster;
  raster.width = static_cast<int>(image.x1 - image.x0);
  raster.height = static_cast<int>(image.y1 - image.y0);
  raster.channels = static_cast<int>(image.numcomps);
  std::vector<ComponentReader> readers;
  readers.reserve(image.numcomps);
  for (std::uint32_t i = 0; i < image.numcomps; ++i) readers.emplace_back(image.comps[i], image);

  const auto width = static_cast<std::uint32_t>(raster.width);
  const auto height = static_cast<std::uint32_t>(raster.height);
  raster.pixels.resize(std::size_t{width} * height * image.numcomps);
  std::uint8_t* out = raster.pixels.data();
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      std::uint8_t* pixel = out;
      for (const ComponentReader& reader : readers) *out++ = reader.at(x, y);
      if (ycc) syccToRgb(pixel);
    }
  }
  return raster;
}

}  // namespace onestop::imaging
