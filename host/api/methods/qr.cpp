// qr.*: decode the symbols of an image (qr.decode) and classify and parse a QR text from any
// source — a decoded image, a handheld scanner typing into the page (qr.parse).
#include <ctime>

#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/workflows/card_qr.hpp"
#include "onestop/workflows/online_verifier.hpp"
#include "qr_json.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json kindSchema() {
  return s::enumOf({"cccdCard", "vneidApp", "other"});
}

Json pointSchema() {
  return s::object({{"x", s::integer()}, {"y", s::integer()}}, {"x", "y"});
}

std::string rfc3339(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// What the issuer confirmed about an app QR; never more than it said.
Json appQrJson(const workflows::AppQrCheck& check) {
  Json confirmed = Json::object();
  if (check.idNumber) confirmed["idNumber"] = *check.idNumber;
  if (check.fullName) confirmed["fullName"] = *check.fullName;
  if (check.dateOfBirth) {
    const auto& d = *check.dateOfBirth;
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    confirmed["dateOfBirth"] = text;
  }
  Json out{{"status", workflows::onlineStatusName(check.status)}, {"confirmed", confirmed}};
  if (check.validUntil) out["validUntil"] = rfc3339(*check.validUntil);
  return out;
}

Result<Json> decode(ScanServices& scans, const Json& params, CallContext& context) {
  auto image = imageFromParams(scans, params);
  if (!image) return image.error();
  auto symbols = imaging::readBarcodes(image->bytes);
  if (!symbols) return symbols.error();
  if (symbols->empty()) return Error(Reason::QrNotFound, "no symbol in the image");
  Json out = Json::array();
  std::size_t cards = 0;
  for (const auto& symbol : *symbols) {
    const auto kind = symbol.format == "QRCode"
                          ? workflows::classifyQr(symbol.text, scans.online).kind
                          : workflows::QrKind::Other;
    if (kind != workflows::QrKind::Other) ++cards;
    out.push_back(Json{{"text", symbol.text},
                       {"format", symbol.format},
                       {"position", positionJson(symbol.position)},
                       {"kind", workflows::qrKindName(kind)}});
  }
  if (cards > 0) {
    // A card's or the app's QR carries the citizen's data: its release is on the record.
    auto audited = auditCardQr(scans, context.session, "qr.decode", "image:" + image->source,
                               std::to_string(symbols->size()) + " symbols; " +
                                   std::to_string(cards) + " identity QR codes");
    if (!audited) return audited.error();
  }
  return Json{{"symbols", std::move(out)}};
}

Result<Json> parse(ScanServices& scans, const Json& params, CallContext& context) {
  const auto& text = params["text"].get_ref<const std::string&>();
  auto classified = workflows::classifyQr(text, scans.online);
  switch (classified.kind) {
    case workflows::QrKind::CccdCard: {
      const auto& card = *classified.card;
      auto audited = auditCardQr(scans, context.session, "qr.parse", "text",
                                 std::string("card QR ") + qrGenerationName(card.generation));
      if (!audited) return audited.error();
      return Json{{"kind", "cccdCard"}, {"card", qrCardJson(card)}};
    }
    case workflows::QrKind::VneidApp: {
      if (scans.online == nullptr) return Error(Reason::NotSupported, "no online verifier");
      auto check = scans.online->checkAppQr(text);
      if (!check) return check.error();
      auto audited =
          auditCardQr(scans, context.session, "qr.parse", "text",
                      std::string("VNeID app QR; ") + workflows::onlineStatusName(check->status));
      if (!audited) return audited.error();
      return Json{{"kind", "vneidApp"}, {"appQr", appQrJson(*check)}};
    }
    case workflows::QrKind::Other:
      break;
  }
  context.errorDetails = Json{{"found", classified.notCardDetail}};
  return Error(Reason::QrNotCccd, classified.notCardDetail);
}

}  // namespace

void registerQrMethods(MethodRegistry& registry, ScanServices& scans) {
  registry.add(
      {"qr.decode", "qr",
       "Find and decode every QR code and barcode in an image (a blob or base64), each "
       "classified: the card's QR, the VNeID app's, or other.",
       s::object({{"blob", s::string("A blob id (a scanned page)")},
                  {"image", s::string("PNG, JPEG or PNM, base64")}}),
       s::object({{"symbols", s::arrayOf(s::object({{"text", s::string()},
                                                    {"format", s::string()},
                                                    {"position", s::arrayOf(pointSchema())},
                                                    {"kind", kindSchema()}},
                                                   {"text", "format", "position", "kind"}))}},
                 {"symbols"}),
       [&scans](const Json& params, CallContext& context) -> Result<Json> {
         return decode(scans, params, context);
       },
       /*longRunning=*/true});

  registry.add(
      {"qr.parse", "qr",
       "Classify and parse a QR text (decoded, or typed by a handheld scanner): the card's "
       "fields, or the issuer's answer for a VNeID app QR; anything else is QR_NOT_CCCD.",
       s::object({{"text", Json{{"type", "string"}, {"minLength", 1}, {"maxLength", 4096}}}},
                 {"text"}),
       s::object({{"kind", s::enumOf({"cccdCard", "vneidApp"})},
                  {"card", Json{{"type", "object"}}},
                  {"appQr", Json{{"type", "object"}}}},
                 {"kind"}),
       [&scans](const Json& params, CallContext& context) -> Result<Json> {
         return parse(scans, params, context);
       }});
}

}  // namespace onestop::api
