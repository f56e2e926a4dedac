#pragma once
// The QR code printed on a card, found in an image or typed by a handheld scanner, classified
// and parsed (issue 5): the key to the chip with nothing typed by staff.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/cccd/qr_payload.hpp"
#include "onestop/common/result.hpp"
#include "onestop/imaging/barcode_reader.hpp"

namespace onestop::workflows {

class OnlineVerifier;

enum class QrKind {
  CccdCard,  // the QR printed on a 2021 CCCD or a 2024 căn cước
  VneidApp,  // the VNeID app's QR, recognised only by a verifier that knows its format
  Other,     // anything else (URLs, foreign text, bank QR codes …)
};
const char* qrKindName(QrKind kind);  // "cccdCard", "vneidApp", "other"

struct QrClassification {
  QrKind kind = QrKind::Other;
  std::optional<cccd::QrPayload> card;  // with QrKind::CccdCard
  std::string notCardDetail;  // why it is not a card QR ("a URL, not '|'-separated fields")
};

// A text from a handheld scanner or a decoded symbol. The VNeID app QR's format is not public:
// only `verifier` (may be null) may claim a text as one; it is never guessed here.
QrClassification classifyQr(std::string_view text, const OnlineVerifier* verifier);

struct CardQrInImage {
  cccd::QrPayload payload;
  imaging::DecodedBarcode symbol;
  std::size_t symbolsFound = 0;  // all symbols in the image, the card QR included
};

// Finds the card QR among all symbols in an image (a card scan or an A4 page with a card on
// it). No symbol: Reason::QrNotFound. Symbols but none a card QR: Reason::QrNotCccd with a detail
// that says what was found (kinds and formats, never the content). Bad image: ImageInvalid.
Result<CardQrInImage> findCardQr(std::span<const std::uint8_t> image);

}  // namespace onestop::workflows
