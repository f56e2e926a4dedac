#pragma once

#include <optional>
#include <string_view>

namespace onestop {

// The API's machine-readable failure reasons. The list is part of the API spec (docs/api.md);
// codes, retriability and vi/en messages live in one table at the API edge (api/error_catalog).
enum class Reason {
  Internal,
  InvalidState,
  ValidationFailed,
  UnsupportedApiVersion,
  NotSupported,
  OriginForbidden,
  PermissionDenied,
  TooManyRequests,
  DeviceNotFound,
  NoReader,
  NoCard,
  CardRemoved,
  DeviceBusy,
  Timeout,
  Cancelled,
  IoError,
  ScannerJammed,
  CoverOpen,
  NoDocuments,
  PluginFailed,
  PluginNotFound,
  AccessKeyRejected,
  CardNotGenuine,
  BlobNotFound,
  ScriptError,
  ScriptLimit,
  ReaderAmbiguous,
  StorageFailed,
  QrNotFound,
  QrNotCccd,
  ImageInvalid,
  ProcedureNotFound,
  CaseNotFound,
  FormNotFound,
  PrinterStopped,
  PrintFailed,
  JobNotFound,
};

// Every reason, in declaration order (for tables, docs and exhaustive tests).
inline constexpr Reason kAllReasons[] = {
    Reason::Internal,         Reason::InvalidState,
    Reason::ValidationFailed, Reason::UnsupportedApiVersion,
    Reason::NotSupported,     Reason::OriginForbidden,
    Reason::PermissionDenied, Reason::TooManyRequests,
    Reason::DeviceNotFound,   Reason::NoReader,
    Reason::NoCard,           Reason::CardRemoved,
    Reason::DeviceBusy,       Reason::Timeout,
    Reason::Cancelled,        Reason::IoError,
    Reason::ScannerJammed,    Reason::CoverOpen,
    Reason::NoDocuments,      Reason::PluginFailed,
    Reason::PluginNotFound,   Reason::AccessKeyRejected,
    Reason::CardNotGenuine,   Reason::BlobNotFound,
    Reason::ScriptError,      Reason::ScriptLimit,
    Reason::ReaderAmbiguous,  Reason::StorageFailed,
    Reason::QrNotFound,       Reason::QrNotCccd,
    Reason::ImageInvalid,     Reason::ProcedureNotFound,
    Reason::CaseNotFound,     Reason::FormNotFound,
    Reason::PrinterStopped,   Reason::PrintFailed,
    Reason::JobNotFound,
};

// "CARD_REMOVED" for Reason::CardRemoved.
std::string_view reasonName(Reason reason);
std::optional<Reason> reasonFromName(std::string_view name);

}  // namespace onestop
