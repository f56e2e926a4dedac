#include "jpeg2000_encoder.hpp"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace onestop::imaging::testing {
namespace {

struct MemorySink {
  std::vector<std::uint8_t> bytes;
  std::size_t position = 0;
};

OPJ_SIZE_T writeToMemory(void* buffer, OPJ_SIZE_T size, void* user) {
  auto* sink = static_cast<MemorySink*>(user);
  if (sink->position + size > sink->bytes.size()) sink->bytes.resize(sink->position + size);
  std::memcpy(sink->bytes.data() + sink->position, buffer, size);
  sink->position += size;
  return size;
}

OPJ_OFF_T skipInSink(OPJ_OFF_T offset, void* user) {
  auto* sink = static_cast<MemorySink*>(user);
  const auto target = static_cast<OPJ_OFF_T>(sink->position) + offset;
  if (target < 0) return -1;
  sink->position = static_cast<std::size_t>(target);
  if (sink->position > sink->bytes.size()) sink->bytes.resize(sink->position);
  return offset;
}

OPJ_BOOL seekInSink(OPJ_OFF_T offset, void* user) {
  auto* sink = static_cast<MemorySink*>(user);
  if (offset < 0) return OPJ_FALSE;
  sink->position = static_cast<std::size_t>(offset);
  if (sink->position > sink->bytes.size()) sink->bytes.resize(sink->position);
  return OPJ_TRUE;
}

void ignoreMessage(const char* /*message*/, void* /*user*/) {}

OPJ_COLOR_SPACE openJpegColourSpace(ColourSpace colourSpace) {
  switch (colourSpace) {
    case ColourSpace::Srgb:
      return OPJ_CLRSPC_SRGB;
    case ColourSpace::Gray:
      return OPJ_CLRSPC_GRAY;
    case ColourSpace::Sycc:
      return OPJ_CLRSPC_SYCC;
    case ColourSpace::Unspecified:
      break;
  }
  return OPJ_CLRSPC_UNSPECIFIED;
}

}  // namespace

std::vector<std::uint8_t> encodeJpeg2000(const Jpeg2000Spec& spec) {
  std::vector<opj_image_cmptparm_t> parameters(static_cast<std::size_t>(spec.components));
  for (int c = 0; c < spec.components; ++c) {
    opj_image_cmptparm_t& p = parameters[static_cast<std::size_t>(c)];
    std::memset(&p, 0, sizeof p);
    p.dx = static_cast<OPJ_UINT32>(c == 0 ? 1 : spec.chromaStepX);
    p.dy = static_cast<OPJ_UINT32>(c == 0 ? 1 : spec.chromaStepY);
    p.w =
        static_cast<OPJ_UINT32>((spec.width + static_cast<int>(p.dx) - 1) / static_cast<int>(p.dx));
    p.h = static_cast<OPJ_UINT32>((spec.height + static_cast<int>(p.dy) - 1) /
                                  static_cast<int>(p.dy));
    p.prec = static_cast<OPJ_UINT32>(spec.precision);
    p.sgnd = spec.isSigned ? 1U : 0U;
  }
  std::unique_ptr<opj_image_t, decltype(&opj_image_destroy)> image(
      opj_image_create(static_cast<OPJ_UINT32>(spec.components), parameters.data(),
                       openJpegColourSpace(spec.colourSpace)),
      &opj_image_destroy);
  if (!image) return {};
  image->x0 = 0;
  image->y0 = 0;
  image->x1 = static_cast<OPJ_UINT32>(spec.width);
  image->y1 = static_cast<OPJ_UINT32>(spec.height);
  for (int c = 0; c < spec.components; ++c) {
    opj_image_comp_t& component = image->comps[c];
    for (OPJ_UINT32 y = 0; y < component.h; ++y) {
      for (OPJ_UINT32 x = 0; x < component.w; ++x) {
        component.data[y * component.w + x] =
            spec.sample(c, static_cast<int>(x), static_cast<int>(y));
      }
    }
  }

  opj_cparameters_t encoder;
  opj_set_default_encoder_parameters(&encoder);
  encoder.tcp_numlayers = 1;
  encoder.tcp_rates[0] = spec.lossless ? 0.0F : 20.0F;
  encoder.cp_disto_alloc = 1;
  encoder.irreversible = spec.lossless ? 0 : 1;
  // Few resolutions: tiny test images cannot be split into the default 6.
  encoder.numresolution = std::min(3, spec.width < 8 || spec.height < 8 ? 1 : 3);
  encoder.tcp_mct = spec.components >= 3 && spec.colourSpace == ColourSpace::Srgb ? 1 : 0;

  std::unique_ptr<opj_codec_t, decltype(&opj_destroy_codec)> codec(
      opj_create_compress(spec.container == Container::Jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K),
      &opj_destroy_codec);
  opj_set_error_handler(codec.get(), ignoreMessage, nullptr);
  opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
  opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
  if (!opj_setup_encoder(codec.get(), &encoder, image.get())) return {};

  MemorySink sink;
  std::unique_ptr<opj_stream_t, decltype(&opj_stream_destroy)> stream(
      opj_stream_create(64 * 1024, OPJ_FALSE), &opj_stream_destroy);
  opj_stream_set_user_data(stream.get(), &sink, nullptr);
  opj_stream_set_write_function(stream.get(), writeToMemory);
  opj_stream_set_skip_function(stream.get(), skipInSink);
  opj_stream_set_seek_function(stream.get(), seekInSink);
  if (!opj_start_compress(codec.get(), image.get(), stream.get()) ||
      !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get())) {
    return {};
  }
  return sink.bytes;
}

}  // namespace onestop::imaging::testing
