#include "onestop/plugins/status_mapping.hpp"

#include <cstdio>
#include <string>

namespace onestop::plugins {

Reason reasonForStatus(onestop_status status) {
  switch (status) {
    case ONESTOP_E_NO_CARD:
      return Reason::NoCard;
    case ONESTOP_E_CARD_REMOVED:
      return Reason::CardRemoved;
    case ONESTOP_E_NO_DEVICE:
      return Reason::DeviceNotFound;
    case ONESTOP_E_DEVICE_BUSY:
      return Reason::DeviceBusy;
    case ONESTOP_E_TIMEOUT:
      return Reason::Timeout;
    case ONESTOP_E_CANCELLED:
      return Reason::Cancelled;
    case ONESTOP_E_JAMMED:
      return Reason::ScannerJammed;
    case ONESTOP_E_COVER_OPEN:
      return Reason::CoverOpen;
    case ONESTOP_E_NO_DOCUMENTS:
      return Reason::NoDocuments;
    case ONESTOP_E_PRINTER_STOPPED:
      return Reason::PrinterStopped;
    case ONESTOP_E_NOT_SUPPORTED:
      return Reason::NotSupported;
    case ONESTOP_E_INVALID_ARGUMENT:
      // The host validates its own arguments, so what a plugin rejects is the caller's input
      // (a document that is not a PDF, an unknown job id, a malformed control request).
      return Reason::ValidationFailed;
    case ONESTOP_E_IO:
      return Reason::IoError;
    case ONESTOP_OK:  // not a failure: a caller bug to ask
      return Reason::Internal;
    default:
      break;
  }
  if (status >= ONESTOP_E_VENDOR_BASE) return Reason::IoError;
  // ONESTOP_E_INTERNAL, ONESTOP_E_BUFFER_TOO_SMALL (the host always offers enough),
  // ONESTOP_E_NO_MORE_PAGES out of place, and codes this host does not know.
  return Reason::PluginFailed;
}

std::string statusName(onestop_status status) {
  switch (status) {
    case ONESTOP_OK:
      return "ONESTOP_OK";
    case ONESTOP_E_INVALID_ARGUMENT:
      return "ONESTOP_E_INVALID_ARGUMENT";
    case ONESTOP_E_BUFFER_TOO_SMALL:
      return "ONESTOP_E_BUFFER_TOO_SMALL";
    case ONESTOP_E_NOT_SUPPORTED:
      return "ONESTOP_E_NOT_SUPPORTED";
    case ONESTOP_E_NO_DEVICE:
      return "ONESTOP_E_NO_DEVICE";
    case ONESTOP_E_NO_CARD:
      return "ONESTOP_E_NO_CARD";
    case ONESTOP_E_CARD_REMOVED:
      return "ONESTOP_E_CARD_REMOVED";
    case ONESTOP_E_DEVICE_BUSY:
      return "ONESTOP_E_DEVICE_BUSY";
    case ONESTOP_E_TIMEOUT:
      return "ONESTOP_E_TIMEOUT";
    case ONESTOP_E_IO:
      return "ONESTOP_E_IO";
    case ONESTOP_E_CANCELLED:
      return "ONESTOP_E_CANCELLED";
    case ONESTOP_E_JAMMED:
      return "ONESTOP_E_JAMMED";
    case ONESTOP_E_COVER_OPEN:
      return "ONESTOP_E_COVER_OPEN";
    case ONESTOP_E_NO_DOCUMENTS:
      return "ONESTOP_E_NO_DOCUMENTS";
    case ONESTOP_E_NO_MORE_PAGES:
      return "ONESTOP_E_NO_MORE_PAGES";
    case ONESTOP_E_PRINTER_STOPPED:
      return "ONESTOP_E_PRINTER_STOPPED";
    case ONESTOP_E_INTERNAL:
      return "ONESTOP_E_INTERNAL";
    default:
      break;
  }
  char text[48];
  if (status >= ONESTOP_E_VENDOR_BASE) {
    std::snprintf(text, sizeof text, "ONESTOP_E_VENDOR+0x%x",
                  static_cast<unsigned>(status - ONESTOP_E_VENDOR_BASE));
  } else {
    std::snprintf(text, sizeof text, "status %d", static_cast<int>(status));
  }
  return text;
}

Error statusError(onestop_status status, std::string_view operation, std::string_view deviceId,
                  std::source_location where) {
  std::string detail(operation);
  if (!deviceId.empty()) detail.append(" on ").append(deviceId);
  detail.append(": ").append(statusName(status));
  return Error(reasonForStatus(status), std::move(detail), where);
}

}  // namespace onestop::plugins
