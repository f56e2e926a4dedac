#include "scan_params.hpp"

#include <algorithm>
#include <cmath>

#include "card_params.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/store/audit_log.hpp"

namespace onestop::api {
namespace {

std::uint32_t micrometres(const Json& millimetres) {
  return static_cast<std::uint32_t>(std::lround(millimetres.get<double>() * 1000.0));
}

}  // namespace

const char* scanModeName(plugins::ScanMode mode) {
  switch (mode) {
    case plugins::ScanMode::Color:
      return "color";
    case plugins::ScanMode::Gray:
      return "gray";
    case plugins::ScanMode::Lineart:
      return "lineart";
  }
  return "color";
}

const char* scanSourceName(plugins::ScanSource source) {
  return source == plugins::ScanSource::Adf ? "adf" : "flatbed";
}

Result<std::string> chooseScannerFor(ScanServices& scans, const Json& params,
                                     CallContext& context) {
  std::optional<std::string> requested;
  if (params.contains("scanner")) requested = params["scanner"].get<std::string>();
  std::vector<std::string> ambiguous;
  auto chosen = workflows::chooseScanner(scans.scanners.scanners(), requested, &ambiguous);
  if (!chosen && !ambiguous.empty()) context.errorDetails = Json{{"scanners", ambiguous}};
  return chosen;
}

Result<workflows::DocumentScanRequest> scanRequestFrom(ScanServices& scans,
                                                       const std::string& scannerId,
                                                       const Json& params) {
  workflows::DocumentScanRequest request;
  request.scannerId = scannerId;
  auto& options = request.options;
  const auto mode = params.value("mode", std::string("color"));
  options.mode = mode == "gray"      ? plugins::ScanMode::Gray
                 : mode == "lineart" ? plugins::ScanMode::Lineart
                                     : plugins::ScanMode::Color;
  options.source = params.value("source", std::string("flatbed")) == "adf"
                       ? plugins::ScanSource::Adf
                       : plugins::ScanSource::Flatbed;
  options.resolutionDpi = params.value("resolution", 300u);
  options.maxPages = params.value("pages", 0u);
  if (params.contains("area")) {
    const auto& area = params["area"];
    options.leftUm = micrometres(area["left"]);
    options.topUm = micrometres(area["top"]);
    options.widthUm = micrometres(area["width"]);
    options.heightUm = micrometres(area["height"]);
  }
  // Lossless for gray and lineart (fine print, stamps); JPEG for colour, a tenth of the size.
  const auto format = params.value(
      "format", std::string(options.mode == plugins::ScanMode::Color ? "jpeg" : "png"));
  request.encoding = format == "png" ? imaging::PageEncoding::Png : imaging::PageEncoding::Jpeg;

  auto caps = scans.scanners.capabilities(scannerId);
  if (!caps) {
    if (caps.error().reason() == Reason::NotSupported) return request;  // the plugin decides
    return caps.error();
  }
  const auto has = [](const auto& list, const auto& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (!caps->modes.empty() && !has(caps->modes, options.mode)) {
    return Error(Reason::ValidationFailed, scannerId + " has no mode " + mode);
  }
  if (!caps->sources.empty() && !has(caps->sources, options.source)) {
    return Error(Reason::ValidationFailed,
                 scannerId + " has no source " + scanSourceName(options.source));
  }
  if (!caps->resolutionsDpi.empty() && !has(caps->resolutionsDpi, options.resolutionDpi)) {
    std::string list;
    for (const auto dpi : caps->resolutionsDpi)
      list += (list.empty() ? "" : ", ") + std::to_string(dpi);
    return Error(Reason::ValidationFailed, scannerId + " scans at " + list + " dpi");
  }
  if (caps->maxWidthUm != 0 && caps->maxHeightUm != 0 &&
      (options.leftUm + options.widthUm > caps->maxWidthUm ||
       options.topUm + options.heightUm > caps->maxHeightUm)) {
    return Error(Reason::ValidationFailed, "area is outside the scanner's glass");
  }
  return request;
}

Result<void> auditScan(ScanServices& scans, const Session& session, const std::string& method,
                       const std::string& scannerId, const std::string& purpose, std::size_t pages,
                       const std::optional<Error>& error) {
  auto appended = scans.audit.append(
      auditRecord(session, method, "scanner:" + scannerId, {},
                  error ? std::string(reasonName(error->reason())) : std::string("OK"),
                  "purpose " + purpose + "; " + std::to_string(pages) + " pages"));
  if (!appended) return appended.error();
  return {};
}

}  // namespace onestop::api
