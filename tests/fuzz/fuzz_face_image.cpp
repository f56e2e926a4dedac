// libFuzzer target: the DG2 face image on its way to the browser (host/imaging): JPEG and PNG
// header checks, and JPEG 2000 decoding with OpenJPEG plus PNG encoding.
#include <cstddef>
#include <cstdint>

#include "onestop/imaging/browser_image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Smaller than the production limits: a hostile 4096 × 4096 header would make every
  // execution decode 64 MB of samples and starve the search; the code paths are the same.
  const onestop::imaging::ImageLimits limits{1024, 1024, std::size_t{1} << 20};
  if (auto image = onestop::imaging::toBrowserImage({data, size}, limits)) {
    // What reaches the browser is never empty and never larger than the limits allow.
    if (image->data.empty() || image->width > limits.maxWidth || image->height > limits.maxHeight) {
      __builtin_trap();
    }
  }
  return 0;
}
