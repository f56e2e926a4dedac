#pragma once
// Shared by qr.* and card.readFromQr: the image a call names (a blob or base64), the wire
// shapes of a card QR and a symbol's position, and the audit record of a card QR's use.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "onestop/api/json.hpp"
#include "onestop/cccd/qr_payload.hpp"
#include "onestop/common/result.hpp"
#include "onestop/imaging/barcode_reader.hpp"

namespace onestop::api {

struct ScanServices;
class Session;

struct ImageInput {
  std::string source;  // "blob" | "image"
  std::vector<std::uint8_t> bytes;
};

// Exactly one of params.blob (BlobNotFound when unknown or expired) and params.image (base64 up
// to the WebSocket's message size; bad base64 is ImageInvalid). Neither or both:
// ValidationFailed.
Result<ImageInput> imageFromParams(ScanServices& scans, const Json& params);

const char* qrGenerationName(cccd::CardGeneration generation);  // "2021" | "2024" | "unknown"
Json positionJson(const std::array<imaging::ImagePoint, 4>& corners);
// qr.parse's `card`: every field of the payload, dates as yyyy-mm-dd, sex as M/F.
Json qrCardJson(const cccd::QrPayload& payload);

// The record of a card QR read or parsed: method, where it came from, the fields released
// ("qr"), never their values.
Result<void> auditCardQr(ScanServices& scans, const Session& session, const std::string& method,
                         const std::string& subject, const std::string& detail);

}  // namespace onestop::api
