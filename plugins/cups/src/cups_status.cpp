#include "cups_status.hpp"

namespace onestop::cups {

onestop_status statusForIpp(ipp_status_t status) {
  if (status <= IPP_STATUS_OK_EVENTS_COMPLETE) return ONESTOP_OK;
  switch (status) {
    case IPP_STATUS_ERROR_NOT_FOUND:
    case IPP_STATUS_ERROR_GONE:
      return ONESTOP_E_NO_DEVICE;
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
      return ONESTOP_E_PRINTER_STOPPED;
    case IPP_STATUS_ERROR_BUSY:
      return ONESTOP_E_DEVICE_BUSY;
    case IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED:
    case IPP_STATUS_ERROR_DOCUMENT_FORMAT_ERROR:
    case IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES:
    case IPP_STATUS_ERROR_BAD_REQUEST:
    case IPP_STATUS_ERROR_REQUEST_VALUE:
      return ONESTOP_E_INVALID_ARGUMENT;
    case IPP_STATUS_ERROR_TIMEOUT:
      return ONESTOP_E_TIMEOUT;
    default:
      return ONESTOP_E_IO;
  }
}

std::optional<onestop_print_state> printStateForJobState(int jobState) {
  switch (jobState) {
    case IPP_JSTATE_PENDING:
    case IPP_JSTATE_HELD:
      return ONESTOP_PRINT_PENDING;
    case IPP_JSTATE_PROCESSING:
    case IPP_JSTATE_STOPPED:
      return ONESTOP_PRINT_PRINTING;
    case IPP_JSTATE_COMPLETED:
      return ONESTOP_PRINT_COMPLETED;
    case IPP_JSTATE_ABORTED:
      return ONESTOP_PRINT_FAILED;
    case IPP_JSTATE_CANCELED:
      return ONESTOP_PRINT_CANCELLED;
    default:
      return std::nullopt;
  }
}

bool isFinalJobState(int jobState) {
  return jobState >= IPP_JSTATE_CANCELED;
}

std::string ippStatusName(ipp_status_t status) {
  return ippErrorString(status);
}

}  // namespace onestop::cups
