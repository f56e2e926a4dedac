#include "jpeg2000_decoder.hpp"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "onestop/common/error.hpp"
#include "onestop/imaging/image_format.hpp"

namespace onestop::imaging {
namespace {

// The bytes OpenJPEG reads through its stream callbacks.
struct MemorySource {
  std::span<const std::uint8_t> bytes;
  std::size_t position = 0;
};

OPJ_SIZE_T readFromMemory(void* buffer, OPJ_SIZE_T size, void* user) {
  auto* source = static_cast<MemorySource*>(user);
  const std::size_t left = source->bytes.size() - source->position;
  if (left == 0) return static_cast<OPJ_SIZE_T>(-1);  // OpenJPEG's end-of-stream value
  const std::size_t count = std::min<std::size_t>(size, left);
  std::memcpy(buffer, source->bytes.data() + source->position, count);
  source->position += count;
  return count;
}

OPJ_OFF_T skipInMemory(OPJ_OFF_T offset, void* user) {
  auto* source = static_cast<MemorySource*>(user);
  const auto left = static_cast<OPJ_OFF_T>(source->bytes.size() - source->position);
  const auto current = static_cast<OPJ_OFF_T>(source->position);
  const OPJ_OFF_T step = std::clamp<OPJ_OFF_T>(offset, -current, left);
  source->position = static_cast<std::size_t>(current + step);
  return step;
}

OPJ_BOOL seekInMemory(OPJ_OFF_T offset, void* user) {
  auto* source = static_cast<MemorySource*>(user);
  if (offset < 0 || static_cast<std::uint64_t>(offset) > source->bytes.size()) return OPJ_FALSE;
  source->position = static_cast<std::size_t>(offset);
  return OPJ_TRUE;
}

// Keeps OpenJPEG quiet: the first error message becomes the failure detail, warnings and
// information are dropped (a hostile file could otherwise flood the daemon's stderr).
void recordError(const char* message, void* user) {
  auto* firstError = static_cast<std::string*>(user);
  if (!firstError->empty() || message == nullptr) return;
  std::string text(message, strnlen(message, 200));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  *firstError = text.empty() ? "decoder error" : text;
}
void ignoreMessage(const char* /*message*/, void* /*user*/) {}

struct CodecDeleter {
  void operator()(opj_codec_t* codec) const { opj_destroy_codec(codec); }
};
struct StreamDeleter {
  void operator()(opj_stream_t* stream) const { opj_stream_destroy(stream); }
};
struct ImageDeleter {
  void operator()(opj_image_t* image) const { opj_image_destroy(image); }
};

Error invalid(const std::string& what, const std::string& decoderMessage = {}) {
  std::string detail = "JPEG 2000: " + what;
  if (!decoderMessage.empty()) detail += " (" + decoderMessage + ")";
  return Error(Reason::ValidationFailed, std::move(detail));
}

// A raw codestream starts with SOC (FF 4F); anything else sniffed as JPEG 2000 is a JP2 file.
bool isJp2File(std::span<const std::uint8_t> encoded) {
  return !(encoded.size() >= 2 && encoded[0] == 0xFF && encoded[1] == 0x4F);
}

}  // namespace

Result<Raster> decodeJpeg2000(std::span<const std::uint8_t> encoded, const ImageLimits& limits) {
  if (sniffFormat(encoded) != ImageFormat::Jpeg2000) return invalid("no JP2 or codestream magic");
  MemorySource source{encoded, 0};
  std::string firstError;

  std::unique_ptr<opj_codec_t, CodecDeleter> codec(
      opj_create_decompress(isJp2File(encoded) ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
  if (!codec) return Error(Reason::Internal, "JPEG 2000: cannot create an OpenJPEG decoder");
  opj_set_error_handler(codec.get(), recordError, &firstError);
  opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
  opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
  opj_dparameters_t parameters;
  opj_set_default_decoder_parameters(&parameters);
  if (!opj_setup_decoder(codec.get(), &parameters) ||
      !opj_decoder_set_strict_mode(codec.get(), OPJ_TRUE)) {
    return Error(Reason::Internal, "JPEG 2000: cannot set up the OpenJPEG decoder");
  }

  std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(64 * 1024, OPJ_TRUE));
  if (!stream) return Error(Reason::Internal, "JPEG 2000: cannot create an OpenJPEG stream");
  opj_stream_set_user_data(stream.get(), &source, nullptr);
  opj_stream_set_user_data_length(stream.get(), encoded.size());
  opj_stream_set_read_function(stream.get(), readFromMemory);
  opj_stream_set_skip_function(stream.get(), skipInMemory);
  opj_stream_set_seek_function(stream.get(), seekInMemory);

  opj_image_t* rawImage = nullptr;
  const bool headerRead = opj_read_header(stream.get(), codec.get(), &rawImage) != OPJ_FALSE;
  std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
  if (!headerRead || !image) return invalid("malformed header", firstError);

  // Checked before decoding: the pixel buffers OpenJPEG allocates follow these numbers.
  const std::uint64_t width = image->x1 > image->x0 ? image->x1 - image->x0 : 0;
  const std::uint64_t height = image->y1 > image->y0 ? image->y1 - image->y0 : 0;
  if (width == 0 || height == 0) return invalid("empty image area");
  if (width > static_cast<std::uint64_t>(std::max(limits.maxWidth, 0)) ||
      height > static_cast<std::uint64_t>(std::max(limits.maxHeight, 0))) {
    return invalid(std::to_string(width) + " x " + std::to_string(height) +
                   " pixels is larger than allowed");
  }
  if (image->numcomps < 1 || image->numcomps > 4) {
    return invalid(std::to_string(image->numcomps) + " components (1 to 4 supported)");
  }

  if (!opj_decode(codec.get(), stream.get(), image.get())) {
    return invalid("cannot decode the image", firstError);
  }
  if (!opj_end_decompress(codec.get(), stream.get())) {
    return invalid("malformed end of stream", firstError);
  }
  return rasterFromOpenJpeg(*image);
}

}  // namespace onestop::imaging
