#include "jpeg_codec.hpp"

// jpeglib.h needs FILE and size_t declared before it.
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <jpeglib.h>

#include "onestop/common/error.hpp"
#include "resample.hpp"

namespace onestop::imaging {
namespace {

// libjpeg reports errors through error_exit, which by default prints and calls exit(). This
// manager jumps back to the caller instead and keeps the message for the error detail.
struct JumpingErrorManager {
  jpeg_error_mgr base{};
  std::jmp_buf jump{};
  char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void jumpOnError(j_common_ptr info) {
  auto* manager = reinterpret_cast<JumpingErrorManager*>(info->err);
  manager->base.format_message(info, manager->message);
  std::longjmp(manager->jump, 1);
}

// Warnings (level -1) mean corrupt data: a truncated scan, bad Huffman codes. A page with a grey
// band where the data ended must not reach a case file, so they are errors here. Trace messages
// (levels ≥ 0) are dropped: nothing is ever printed.
void failOnWarning(j_common_ptr info, int level) {
  if (level < 0) jumpOnError(info);
}

void printNothing(j_common_ptr /*info*/) {}

void useJumpingErrors(JumpingErrorManager& manager) {
  jpeg_std_error(&manager.base);
  manager.base.error_exit = jumpOnError;
  manager.base.emit_message = failOnWarning;
  manager.base.output_message = printNothing;
}

// The libjpeg state lives in plain structs set up before setjmp, so longjmp skips no C++
// destructor; the objects with destructors (Raster, vectors) are declared outside the
// jump region by the callers below.
bool decodeInto(std::span<const std::uint8_t> jpeg, const PageLimits& limits, bool gray,
                Raster& raster, std::string& error) {
  jpeg_decompress_struct info{};
  JumpingErrorManager manager;
  useJumpingErrors(manager);
  info.err = &manager.base;
  if (setjmp(manager.jump) != 0) {
    jpeg_destroy_decompress(&info);
    error = manager.message;
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, jpeg.data(), static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&info, TRUE);
  if (static_cast<long>(info.image_width) > limits.maxWidth ||
      static_cast<long>(info.image_height) > limits.maxHeight) {
    jpeg_destroy_decompress(&info);
    error = "the page is larger than allowed";
    return false;
  }
  if (info.num_components == 1 || (gray && info.jpeg_color_space == JCS_YCbCr)) {
    info.out_color_space = JCS_GRAYSCALE;
  } else if (info.jpeg_color_space == JCS_YCbCr || info.jpeg_color_space == JCS_RGB) {
    info.out_color_space = JCS_RGB;
  } else {
    jpeg_destroy_decompress(&info);
    error = "only gray and colour (YCbCr, RGB) JPEGs are supported";
    return false;
  }
  jpeg_start_decompress(&info);
  raster.width = static_cast<int>(info.output_width);
  raster.height = static_cast<int>(info.output_height);
  raster.channels = info.output_components;
  const std::size_t stride =
      std::size_t{info.output_width} * static_cast<std::size_t>(info.output_components);
  raster.pixels.resize(stride * info.output_height);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = raster.pixels.data() + stride * info.output_scanline;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

bool encodeInto(const Raster& raster, int quality, unsigned char*& output, unsigned long& size,
                std::string& error) {
  jpeg_compress_struct info{};
  JumpingErrorManager manager;
  useJumpingErrors(manager);
  info.err = &manager.base;
  if (setjmp(manager.jump) != 0) {
    jpeg_destroy_compress(&info);
    error = manager.message;
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, &output, &size);
  info.image_width = static_cast<JDIMENSION>(raster.width);
  info.image_height = static_cast<JDIMENSION>(raster.height);
  info.input_components = raster.channels;
  info.in_color_space = raster.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  jpeg_start_compress(&info, TRUE);
  const std::size_t stride =
      static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
  while (info.next_scanline < info.image_height) {
    // libjpeg's API takes non-const rows but only reads them when compressing.
    auto* row = const_cast<JSAMPLE*>(raster.pixels.data() + stride * info.next_scanline);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

}  // namespace

Result<Raster> decodeJpeg(std::span<const std::uint8_t> jpeg, const PageLimits& limits, bool gray) {
  if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) {
    return Error(Reason::ImageInvalid, "JPEG: no start-of-image marker");
  }
  Raster raster;
  std::string error;
  if (!decodeInto(jpeg, limits, gray, raster, error)) {
    return Error(Reason::ImageInvalid, "JPEG: " + error);
  }
  // An RGB-coded JPEG has no luma channel to read alone: converted after decoding.
  if (gray && raster.channels == 3) return toGray(raster);
  return raster;
}

Result<std::vector<std::uint8_t>> encodeJpeg(const Raster& raster, int quality) {
  if ((raster.channels != 1 && raster.channels != 3) || raster.width <= 0 || raster.height <= 0 ||
      raster.pixels.size() != static_cast<std::size_t>(raster.width) *
                                  static_cast<std::size_t>(raster.height) *
                                  static_cast<std::size_t>(raster.channels)) {
    return Error(Reason::Internal, "JPEG: only a consistent gray or RGB raster can be encoded");
  }
  unsigned char* output = nullptr;
  unsigned long size = 0;
  std::string error;
  const bool encoded = encodeInto(raster, quality, output, size, error);
  std::vector<std::uint8_t> bytes;
  if (encoded) bytes.assign(output, output + size);
  std::free(output);  // NOLINT(cppcoreguidelines-no-malloc): jpeg_mem_dest allocates with malloc
  if (!encoded) return Error(Reason::Internal, "JPEG: cannot encode (" + error + ")");
  return bytes;
}

}  // namespace onestop::imaging
