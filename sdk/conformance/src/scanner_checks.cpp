// Area "scanner": capabilities and, with --scan, a one-page job and a cancelled job.
#include <cstring>

#include "check_context.hpp"
#include "onestop/plugins/status_mapping.hpp"
#include "probe.hpp"

namespace onestop::conformance {
namespace {

using plugins::statusName;

onestop_scan_options optionsFor(const onestop_scanner_caps& caps) {
  onestop_scan_options o{};
  o.struct_size = sizeof o;
  o.mode =
      (caps.modes & ONESTOP_SCAN_MODE_GRAY) != 0 ? ONESTOP_SCAN_MODE_GRAY : ONESTOP_SCAN_MODE_COLOR;
  o.source = (caps.sources & ONESTOP_SCAN_SOURCE_ADF) != 0 ? ONESTOP_SCAN_SOURCE_ADF
                                                           : ONESTOP_SCAN_SOURCE_FLATBED;
  o.resolution_dpi = caps.resolution_count > 0 ? caps.resolutions[0] : 150;
  o.max_pages = 1;
  return o;
}

void scanOnePage(CheckContext& c, const std::string& area, const char* id,
                 const onestop_scan_options& options) {
  const auto& s = *c.scanner;
  onestop_scan_job* job = nullptr;
  const onestop_status started = s.start(c.instance, id, &options, &job);
  if (!c.report.expect(started == ONESTOP_OK && job != nullptr, area,
                       "start a one-page job succeeds", statusName(started))) {
    return;
  }
  onestop_scan_page page{};
  page.struct_size = sizeof page;
  const onestop_status first = s.next_page(job, &page);
  const bool pageOk = first == ONESTOP_OK && page.data != nullptr && page.data_len > 0 &&
                      std::memchr(page.mime, '\0', sizeof page.mime) != nullptr &&
                      page.mime[0] != '\0';
  c.report.expect(pageOk, area, "next_page gives a page with data and a MIME type",
                  statusName(first));
  if (first == ONESTOP_OK) s.release_page(job, &page);
  page = {};
  page.struct_size = sizeof page;
  const onestop_status second = s.next_page(job, &page);
  c.report.expect(second == ONESTOP_E_NO_MORE_PAGES, area,
                  "max_pages 1: the second next_page gives ONESTOP_E_NO_MORE_PAGES",
                  statusName(second));
  if (second == ONESTOP_OK) s.release_page(job, &page);
  s.finish(job);

  if (s.cancel == nullptr) {
    c.report.skip(area, "cancel", "optional function not provided");
    return;
  }
  onestop_scan_options all = options;
  all.max_pages = 0;
  job = nullptr;
  if (s.start(c.instance, id, &all, &job) != ONESTOP_OK || job == nullptr) {
    c.report.fail(area, "start a second job after finish", "refused");
    return;
  }
  const onestop_status cancelled = s.cancel(job);
  page = {};
  page.struct_size = sizeof page;
  const onestop_status after = s.next_page(job, &page);
  c.report.expect(cancelled == ONESTOP_OK && after == ONESTOP_E_CANCELLED, area,
                  "after cancel, next_page gives ONESTOP_E_CANCELLED",
                  statusName(cancelled) + " / " + statusName(after));
  if (after == ONESTOP_OK) s.release_page(job, &page);
  s.finish(job);
}

void checkScanner(CheckContext& c, const onestop_device_info& device) {
  const std::string area = std::string("scanner ") + device.id;
  const auto& s = *c.scanner;
  onestop_scanner_caps caps{};
  caps.struct_size = sizeof caps;
  if (s.capabilities == nullptr) {
    c.report.skip(area, "capabilities", "optional function not provided");
    caps.modes = ONESTOP_SCAN_MODE_COLOR;
    caps.sources = ONESTOP_SCAN_SOURCE_FLATBED;
  } else {
    auto nullOut = probe([&] { return s.capabilities(c.instance, device.id, nullptr); });
    c.report.expect(nullOut.completed && nullOut.status == ONESTOP_E_INVALID_ARGUMENT, area,
                    "capabilities(out = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullOut));
    const onestop_status unknown = s.capabilities(c.instance, kUnknownDevice, &caps);
    c.report.expect(unknown == ONESTOP_E_NO_DEVICE, area,
                    "capabilities of an unknown scanner gives ONESTOP_E_NO_DEVICE",
                    statusName(unknown));
    caps = {};
    caps.struct_size = sizeof caps;
    const onestop_status st = s.capabilities(c.instance, device.id, &caps);
    c.report.expect(
        st == ONESTOP_OK && caps.modes != 0 && caps.sources != 0 && caps.resolution_count <= 16,
        area, "capabilities name modes, sources and at most 16 resolutions", statusName(st));
  }
  auto nullOptions = probe([&] {
    onestop_scan_job* job = nullptr;
    return s.start(c.instance, device.id, nullptr, &job);
  });
  c.report.expect(nullOptions.completed && nullOptions.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "start(options = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullOptions));
  const onestop_scan_options options = optionsFor(caps);
  onestop_scan_job* job = nullptr;
  const onestop_status unknown = s.start(c.instance, kUnknownDevice, &options, &job);
  c.report.expect(unknown == ONESTOP_E_NO_DEVICE, area,
                  "start on an unknown scanner gives ONESTOP_E_NO_DEVICE", statusName(unknown));
  if (unknown == ONESTOP_OK && job != nullptr) s.finish(job);
  if (c.options.scan) {
    scanOnePage(c, area, device.id, options);
  } else {
    c.report.skip(area, "scan job", "pass --scan to run one");
  }
}

}  // namespace

void checkScanners(CheckContext& c) {
  if (!c.scanner) return;
  for (const auto* device : c.devicesOf(ONESTOP_DEVICE_SCANNER)) checkScanner(c, *device);
}

}  // namespace onestop::conformance
