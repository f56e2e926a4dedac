#include "qr_modules.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

#include "onestop/common/error.hpp"

namespace onestop::forms {

Result<QrModules> encodeQr(const std::string& text, const std::string& path) {
  try {
    // Width and height 0: the writer returns one pixel per module, with our margin of 0.
    const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                        .setEncoding(ZXing::CharacterSet::UTF8)
                                        .setEccLevel(4)
                                        .setMargin(0)
                                        .encode(text, 0, 0);
    QrModules modules;
    modules.size = matrix.width();
    modules.dark.resize(static_cast<std::size_t>(matrix.width()) *
                        static_cast<std::size_t>(matrix.height()));
    for (int y = 0; y < matrix.height(); ++y) {
      for (int x = 0; x < matrix.width(); ++x) {
        modules.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(modules.size) +
                     static_cast<std::size_t>(x)] = matrix.get(x, y);
      }
    }
    return modules;
  } catch (const std::exception& error) {
    return Error(Reason::ValidationFailed,
                 path + ": cannot be encoded as a QR code (" + std::string(error.what()) + ")");
  }
}

}  // namespace onestop::forms
