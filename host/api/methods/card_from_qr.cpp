// card.readFromQr: read the chip with the key printed on the card as a QR code — scanned on the
// flatbed or given as an image — so staff type nothing. The read itself is card.read's.
#include "card_params.hpp"
#include "card_read_result.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/workflows/card_qr.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "onestop/workflows/document_scan.hpp"
#include "qr_json.hpp"
#include "scan_params.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

// The card scan: one flatbed page at 300 dpi, where a card QR's modules are 4–6 pixels wide.
// PNG, so the decoder sees exactly what the scanner saw.
constexpr std::uint32_t kCardScanDpi = 300;

struct CardImage {
  std::string source;  // "scan" | "blob" | "image"
  std::vector<std::uint8_t> bytes;
  Json scan;  // {blob, mime, width, height, resolution} when scanned
};

Result<CardImage> scanCard(ScanServices& scans, SessionCardRead& read, Session& session,
                           const std::string& scannerId) {
  read.progress("scanning");
  workflows::DocumentScanRequest request;
  request.scannerId = scannerId;
  request.options.mode = plugins::ScanMode::Color;
  request.options.source = plugins::ScanSource::Flatbed;
  request.options.resolutionDpi = kCardScanDpi;
  request.options.maxPages = 1;
  request.encoding = imaging::PageEncoding::Png;
  auto scan = workflows::DocumentScan::claim(scans.scanners, scans.claims, std::move(request));
  if (!scan) return scan.error();
  CardImage image{"scan", {}, nullptr};
  auto outcome = (*scan)->run([&](workflows::ScannedPage page) -> Result<void> {
    auto blob = scans.blobs.put(page.image.mime, page.image.data);
    if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
    image.scan = Json{{"blob", *blob},
                      {"mime", page.image.mime},
                      {"width", page.image.width},
                      {"height", page.image.height},
                      {"resolution", page.resolutionDpi}};
    image.bytes = std::move(page.image.data);
    return {};
  });
  auto audited =
      auditScan(scans, session, "card.readFromQr", scannerId, "card", outcome.pages, outcome.error);
  if (outcome.error) return *outcome.error;
  if (!audited) return audited.error();
  if (outcome.pages == 0) return Error(Reason::NoDocuments, "the scanner delivered no page");
  return image;
}

Result<Json> readFromQr(CardServices& cards, ScanServices& scans, const Json& params,
                        CallContext& context) {
  const std::string challenge = params.value("challenge", std::string());
  if (!challenge.empty()) {
    if (auto ok = workflows::validateChallenge(challenge); !ok) return ok.error();
  }
  auto& session = context.session;
  SessionCardRead read(cards, session, "card.readFromQr");

  Result<CardImage> image = Error(Reason::Internal);
  std::string subject;
  if (params.contains("blob") || params.contains("image")) {
    auto given = imageFromParams(scans, params);
    if (!given) return read.fail(given.error(), "image");
    subject = "image:" + given->source;
    image = CardImage{given->source, std::move(given->bytes), nullptr};
  } else {
    auto scanner = chooseScannerFor(scans, params, context);
    if (!scanner) return read.fail(scanner.error(), "scanner:auto");
    subject = "scanner:" + *scanner;
    image = scanCard(scans, read, session, *scanner);
    if (!image) return read.fail(image.error(), subject);
  }
  if (read.stopped()) return read.fail(Error(Reason::Cancelled, "card.cancel"), subject);

  read.progress("decodingQr");
  auto found = workflows::findCardQr(image->bytes);
  if (!found) {
    if (found.error().reason() == Reason::QrNotCccd) {
      context.errorDetails = Json{{"found", found.error().detail()}};
    }
    return read.fail(found.error(), subject);
  }

  workflows::CardReadInput input;
  if (params.contains("reader")) input.reader = params["reader"].get<std::string>();
  input.keys.today = today();
  input.keys.personal.push_back(cccd::keyDataFromQr(found->payload));
  input.challenge = challenge;
  input.waitForCard = std::chrono::seconds(params.value("waitForCardSeconds", 0));
  read.prepare(input);
  auto result = read.complete(cards.workflow.run(input), "reader:" + input.reader.value_or("auto"),
                              &found->payload);
  if (!result) return result;
  (*result)["qr"] = Json{{"source", image->source},
                         {"generation", qrGenerationName(found->payload.generation)},
                         {"fieldCount", found->payload.fieldCount},
                         {"symbolsFound", found->symbolsFound},
                         {"position", positionJson(found->symbol.position)}};
  if (!image->scan.is_null()) (*result)["scan"] = image->scan;
  return result;
}

Json params() {
  return s::object(
      {{"reader", s::string("Reader device id; omitted: the only reader, or the one with a card")},
       {"scanner", s::string("Scanner to scan the card on; omitted: the only scanner")},
       {"blob", s::string("A blob id of a card image, instead of scanning")},
       {"image", s::string("A card image, base64 (PNG, JPEG or PNM), instead of scanning")},
       {"challenge",
        s::string("The web app server's nonce, 16–128 of [A-Za-z0-9_-]: Active Authentication "
                  "signs SHA-256(challenge ‖ origin)")},
       {"waitForCardSeconds", Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 120}}}});
}

Json extraResult() {
  const Json point = s::object({{"x", s::integer()}, {"y", s::integer()}}, {"x", "y"});
  return Json{{"qr", s::object({{"source", s::enumOf({"scan", "blob", "image"})},
                                {"generation", s::enumOf({"2021", "2024", "unknown"})},
                                {"fieldCount", s::integer()},
                                {"symbolsFound", s::integer()},
                                {"position", s::arrayOf(point)}},
                               {"source", "generation", "fieldCount", "symbolsFound", "position"})},
              {"scan", s::object({{"blob", s::string()},
                                  {"mime", s::string()},
                                  {"width", s::integer()},
                                  {"height", s::integer()},
                                  {"resolution", s::integer()}},
                                 {"blob", "mime", "width", "height", "resolution"})}};
}

}  // namespace

void registerCardFromQrMethods(MethodRegistry& registry, CardServices& cards, ScanServices& scans) {
  registry.add({"card.readFromQr", "card",
                "Scan the card (or take an image of it), decode its QR code, derive the chip's key "
                "from it and read and verify the chip, comparing the chip with the QR "
                "(QR_MISMATCH). card.progress adds the states scanning and decodingQr.",
                params(), cardReadResultSchema(extraResult()),
                [&cards, &scans](const Json& p, CallContext& context) -> Result<Json> {
                  return readFromQr(cards, scans, p, context);
                },
                /*longRunning=*/true});
}

}  // namespace onestop::api
