#include "sane_status.hpp"

namespace onestop::sane {

onestop_status statusForSane(SANE_Status status, ScanPoint point) {
  switch (status) {
    case SANE_STATUS_GOOD:
      return ONESTOP_OK;
    case SANE_STATUS_JAMMED:
      return ONESTOP_E_JAMMED;
    case SANE_STATUS_COVER_OPEN:
      return ONESTOP_E_COVER_OPEN;
    case SANE_STATUS_DEVICE_BUSY:
      return ONESTOP_E_DEVICE_BUSY;
    case SANE_STATUS_CANCELLED:
      return ONESTOP_E_CANCELLED;
    case SANE_STATUS_NO_DOCS:
      return point == ScanPoint::BeforeFirstPage ? ONESTOP_E_NO_DOCUMENTS : ONESTOP_E_NO_MORE_PAGES;
    default:
      return ONESTOP_E_IO;
  }
}

std::string saneStatusName(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_GOOD:
      return "SANE_STATUS_GOOD";
    case SANE_STATUS_UNSUPPORTED:
      return "SANE_STATUS_UNSUPPORTED";
    case SANE_STATUS_CANCELLED:
      return "SANE_STATUS_CANCELLED";
    case SANE_STATUS_DEVICE_BUSY:
      return "SANE_STATUS_DEVICE_BUSY";
    case SANE_STATUS_INVAL:
      return "SANE_STATUS_INVAL";
    case SANE_STATUS_EOF:
      return "SANE_STATUS_EOF";
    case SANE_STATUS_JAMMED:
      return "SANE_STATUS_JAMMED";
    case SANE_STATUS_NO_DOCS:
      return "SANE_STATUS_NO_DOCS";
    case SANE_STATUS_COVER_OPEN:
      return "SANE_STATUS_COVER_OPEN";
    case SANE_STATUS_IO_ERROR:
      return "SANE_STATUS_IO_ERROR";
    case SANE_STATUS_NO_MEM:
      return "SANE_STATUS_NO_MEM";
    case SANE_STATUS_ACCESS_DENIED:
      return "SANE_STATUS_ACCESS_DENIED";
  }
  return "SANE_STATUS(" + std::to_string(static_cast<int>(status)) + ")";
}

}  // namespace onestop::sane
