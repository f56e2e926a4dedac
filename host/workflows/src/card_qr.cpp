#include "onestop/workflows/card_qr.hpp"

#include <algorithm>
#include <utility>

#include "onestop/workflows/online_verifier.hpp"

namespace onestop::workflows {
namespace {

constexpr std::string_view kNotCccdPrefix = "QR_NOT_CCCD: ";
constexpr std::string_view kQrFormat = "QRCode";

// parseCccdQr's detail without its "QR_NOT_CCCD: " prefix, to be part of a longer sentence.
std::string whyNotCard(const Error& error) {
  std::string detail = error.detail();
  if (detail.starts_with(kNotCccdPrefix)) detail.erase(0, kNotCccdPrefix.size());
  return detail;
}

// "1 QRCode: a URL, not '|'-separated fields; 1 Code128": per format how many symbols, and for
// QR codes why each is not a card QR. Never the content: a foreign QR may carry anyone's data.
std::string describeSymbols(const std::vector<imaging::DecodedBarcode>& symbols) {
  struct FormatSummary {
    std::size_t count = 0;
    std::vector<std::string> reasons;  // distinct, in order of appearance
  };
  std::vector<std::pair<std::string, FormatSummary>> formats;  // in order of appearance
  for (const auto& symbol : symbols) {
    auto it = std::find_if(formats.begin(), formats.end(),
                           [&](const auto& entry) { return entry.first == symbol.format; });
    if (it == formats.end()) it = formats.insert(formats.end(), {symbol.format, {}});
    ++it->second.count;
    if (symbol.format != kQrFormat) continue;
    const auto parsed = cccd::parseCccdQr(symbol.text);
    const std::string reason = parsed ? std::string("a card QR") : whyNotCard(parsed.error());
    auto& reasons = it->second.reasons;
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
      reasons.push_back(reason);
    }
  }
  std::string out;
  for (const auto& [format, summary] : formats) {
    if (!out.empty()) out += "; ";
    out += std::to_string(summary.count) + " " + format;
    for (std::size_t i = 0; i < summary.reasons.size(); ++i) {
      out += (i == 0 ? ": " : " / ") + summary.reasons[i];
    }
  }
  return out;
}

}  // namespace

const char* qrKindName(QrKind kind) {
  switch (kind) {
    case QrKind::CccdCard:
      return "cccdCard";
    case QrKind::VneidApp:
      return "vneidApp";
    case QrKind::Other:
      return "other";
  }
  return "other";
}

QrClassification classifyQr(std::string_view text, const OnlineVerifier* verifier) {
  QrClassification result;
  auto card = cccd::parseCccdQr(text);
  if (card) {
    result.kind = QrKind::CccdCard;
    result.card = std::move(card).value();
    return result;
  }
  if (verifier != nullptr && verifier->recognizesAppQr(text)) {
    result.kind = QrKind::VneidApp;
    return result;
  }
  result.kind = QrKind::Other;
  result.notCardDetail = whyNotCard(card.error());
  return result;
}

Result<CardQrInImage> findCardQr(std::span<const std::uint8_t> image) {
  imaging::BarcodeOptions options;
  options.qrOnly = false;  // other symbols are reported in the QrNotCccd detail
  auto symbols = imaging::readBarcodes(image, options);
  if (!symbols) return symbols.error();
  if (symbols->empty()) {
    return Error(Reason::QrNotFound, "no QR code or barcode found in the image");
  }
  // QR codes first (the card's symbol), then any other symbol that happens to carry a payload.
  for (const bool wantQr : {true, false}) {
    for (const auto& symbol : *symbols) {
      if ((symbol.format == kQrFormat) != wantQr) continue;
      auto payload = cccd::parseCccdQr(symbol.text);
      if (!payload) continue;
      return CardQrInImage{std::move(payload).value(), symbol, symbols->size()};
    }
  }
  return Error(Reason::QrNotCccd,
               "no card QR among the symbols found: " + describeSymbols(*symbols));
}

}  // namespace onestop::workflows
