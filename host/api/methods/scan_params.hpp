#pragma once
// Shared by scan.* and card.readFromQr: the scanner choice with its error details, the scan
// options from params, and the audit record of a scan.
#include <optional>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"
#include "onestop/common/result.hpp"
#include "onestop/workflows/document_scan.hpp"

namespace onestop::api {

struct ScanServices;
class Session;

const char* scanModeName(plugins::ScanMode mode);        // "color" | "gray" | "lineart"
const char* scanSourceName(plugins::ScanSource source);  // "flatbed" | "adf"

// The scanner named, or the only one; several: ValidationFailed with details.scanners [ids]
// put into the call's error details.
Result<std::string> chooseScannerFor(ScanServices& scans, const Json& params, CallContext& context);

// scan.start's params → the request of a DocumentScan, checked against the scanner's
// capabilities when it reports them (a mode, source or resolution it lacks: ValidationFailed).
Result<workflows::DocumentScanRequest> scanRequestFrom(ScanServices& scans,
                                                       const std::string& scannerId,
                                                       const Json& params);

// The audit record of a scan: the scanner, the purpose and the page count, never an image.
Result<void> auditScan(ScanServices& scans, const Session& session, const std::string& method,
                       const std::string& scannerId, const std::string& purpose, std::size_t pages,
                       const std::optional<Error>& error);

}  // namespace onestop::api
