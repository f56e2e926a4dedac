#include "onestop/common/reason.hpp"

#include <array>
#include <utility>

namespace onestop {
namespace {

constexpr std::array<std::pair<Reason, std::string_view>, std::size(kAllReasons)> kNames{{
    {Reason::Internal, "INTERNAL"},
    {Reason::InvalidState, "INVALID_STATE"},
    {Reason::ValidationFailed, "VALIDATION_FAILED"},
    {Reason::UnsupportedApiVersion, "UNSUPPORTED_API_VERSION"},
    {Reason::NotSupported, "NOT_SUPPORTED"},
    {Reason::OriginForbidden, "ORIGIN_FORBIDDEN"},
    {Reason::PermissionDenied, "PERMISSION_DENIED"},
    {Reason::TooManyRequests, "TOO_MANY_REQUESTS"},
    {Reason::DeviceNotFound, "DEVICE_NOT_FOUND"},
    {Reason::NoReader, "NO_READER"},
    {Reason::NoCard, "NO_CARD"},
    {Reason::CardRemoved, "CARD_REMOVED"},
    {Reason::DeviceBusy, "DEVICE_BUSY"},
    {Reason::Timeout, "TIMEOUT"},
    {Reason::Cancelled, "CANCELLED"},
    {Reason::IoError, "IO_ERROR"},
    {Reason::ScannerJammed, "SCANNER_JAMMED"},
    {Reason::CoverOpen, "COVER_OPEN"},
    {Reason::NoDocuments, "NO_DOCUMENTS"},
    {Reason::PluginFailed, "PLUGIN_FAILED"},
    {Reason::PluginNotFound, "PLUGIN_NOT_FOUND"},
    {Reason::AccessKeyRejected, "ACCESS_KEY_REJECTED"},
    {Reason::CardNotGenuine, "CARD_NOT_GENUINE"},
    {Reason::BlobNotFound, "BLOB_NOT_FOUND"},
    {Reason::ScriptError, "SCRIPT_ERROR"},
    {Reason::ScriptLimit, "SCRIPT_LIMIT"},
    {Reason::ReaderAmbiguous, "READER_AMBIGUOUS"},
    {Reason::StorageFailed, "STORAGE_FAILED"},
    {Reason::QrNotFound, "QR_NOT_FOUND"},
    {Reason::QrNotCccd, "QR_NOT_CCCD"},
    {Reason::ImageInvalid, "IMAGE_INVALID"},
    {Reason::ProcedureNotFound, "PROCEDURE_NOT_FOUND"},
    {Reason::CaseNotFound, "CASE_NOT_FOUND"},
    {Reason::FormNotFound, "FORM_NOT_FOUND"},
    {Reason::PrinterStopped, "PRINTER_STOPPED"},
    {Reason::PrintFailed, "PRINT_FAILED"},
    {Reason::JobNotFound, "JOB_NOT_FOUND"},
}};

}  // namespace

std::string_view reasonName(Reason reason) {
  for (const auto& [r, name] : kNames) {
    if (r == reason) return name;
  }
  return "INTERNAL";
}

std::optional<Reason> reasonFromName(std::string_view name) {
  for (const auto& [r, n] : kNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

}  // namespace onestop
