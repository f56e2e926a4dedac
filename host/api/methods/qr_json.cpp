#include "qr_json.hpp"

#include <cstdio>

#include "card_params.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/common/base64.hpp"
#include "onestop/store/audit_log.hpp"

namespace onestop::api {
namespace {

std::string isoDate(cccd::Date date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

Result<ImageInput> imageFromParams(ScanServices& scans, const Json& params) {
  const bool hasBlob = params.contains("blob");
  const bool hasImage = params.contains("image");
  if (hasBlob == hasImage) {
    return Error(Reason::ValidationFailed, "give exactly one of blob and image");
  }
  if (hasBlob) {
    auto blob = scans.blobs.get(params["blob"].get<std::string>());
    if (!blob) return Error(Reason::BlobNotFound, "no such blob (expired?)");
    return ImageInput{"blob", std::move(blob->bytes)};
  }
  const auto& text = params["image"].get_ref<const std::string&>();
  if (text.size() > scans.maxImageBase64Bytes) {
    return Error(
        Reason::ImageInvalid,
        "image is larger than " + std::to_string(scans.maxImageBase64Bytes) + " base64 characters");
  }
  auto bytes = base64Decode(text);
  if (!bytes) return Error(Reason::ImageInvalid, "image is not valid base64");
  return ImageInput{"image", std::move(bytes).value()};
}

const char* qrGenerationName(cccd::CardGeneration generation) {
  switch (generation) {
    case cccd::CardGeneration::Cccd2021:
      return "2021";
    case cccd::CardGeneration::CanCuoc2024:
      return "2024";
    case cccd::CardGeneration::Unknown:
      return "unknown";
  }
  return "unknown";
}

Json positionJson(const std::array<imaging::ImagePoint, 4>& corners) {
  Json out = Json::array();
  for (const auto& point : corners) out.push_back(Json{{"x", point.x}, {"y", point.y}});
  return out;
}

Json qrCardJson(const cccd::QrPayload& payload) {
  Json findings = Json::array();
  for (const auto& finding : payload.idFindings) {
    findings.push_back(
        Json{{"check", std::string(cccd::idCheckName(finding.check))}, {"detail", finding.detail}});
  }
  return Json{{"generation", qrGenerationName(payload.generation)},
              {"fieldCount", payload.fieldCount},
              {"idNumber", payload.idNumber},
              {"oldIdNumber", payload.oldIdNumber},
              {"fullName", payload.fullName},
              {"dateOfBirth", isoDate(payload.dateOfBirth)},
              {"sex", payload.sex == cccd::Sex::Male ? "M" : "F"},
              {"address", payload.address},
              {"dateOfIssue", isoDate(payload.dateOfIssue)},
              {"extraFields", payload.extraFields},
              {"idFindings", findings}};
}

Result<void> auditCardQr(ScanServices& scans, const Session& session, const std::string& method,
                         const std::string& subject, const std::string& detail) {
  auto appended = scans.audit.append(auditRecord(session, method, subject, {"qr"}, "OK", detail));
  if (!appended) return appended.error();
  return {};
}

}  // namespace onestop::api
