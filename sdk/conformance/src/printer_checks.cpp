// Area "printer": capabilities, job state error paths and, with --print, one test document.
#include <cstring>
#include <string>

#include "check_context.hpp"
#include "onestop/plugins/status_mapping.hpp"
#include "probe.hpp"

namespace onestop::conformance {
namespace {

using plugins::statusName;

// A minimal one-page PDF with an empty page (no text, no citizen data).
constexpr const char kTestPdf[] =
    "%PDF-1.4\n"
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

void printTestPage(CheckContext& c, const std::string& area, const char* id) {
  const auto& p = *c.printer;
  onestop_print_options options{};
  options.struct_size = sizeof options;
  options.copies = 1;
  options.title = "onestop-plugin-check";
  char jobId[256] = {};
  const auto* pdf = reinterpret_cast<const std::uint8_t*>(kTestPdf);
  const onestop_status s =
      p.submit(c.instance, id, pdf, sizeof kTestPdf - 1, &options, jobId, sizeof jobId);
  const bool ok =
      s == ONESTOP_OK && std::memchr(jobId, '\0', sizeof jobId) != nullptr && jobId[0] != '\0';
  if (!c.report.expect(ok, area, "submit a one-page PDF gives a job id", statusName(s))) return;
  std::uint32_t state = 0;
  const onestop_status st = p.job_state(c.instance, id, jobId, &state);
  c.report.expect(
      st == ONESTOP_OK && state >= ONESTOP_PRINT_PENDING && state <= ONESTOP_PRINT_CANCELLED, area,
      "job_state of that job is an onestop_print_state",
      statusName(st) + ", state " + std::to_string(state));
  const std::string notPdf = "GIF89a not a pdf";
  char otherId[256] = {};
  const onestop_status refused =
      p.submit(c.instance, id, reinterpret_cast<const std::uint8_t*>(notPdf.data()), notPdf.size(),
               &options, otherId, sizeof otherId);
  c.report.expect(refused == ONESTOP_E_INVALID_ARGUMENT, area,
                  "submit of a document that is not a PDF gives ONESTOP_E_INVALID_ARGUMENT",
                  statusName(refused));
}

void checkPrinter(CheckContext& c, const onestop_device_info& device) {
  const std::string area = std::string("printer ") + device.id;
  const auto& p = *c.printer;
  if (p.capabilities == nullptr) {
    c.report.skip(area, "capabilities", "optional function not provided");
  } else {
    auto nullOut = probe([&] { return p.capabilities(c.instance, device.id, nullptr); });
    c.report.expect(nullOut.completed && nullOut.status == ONESTOP_E_INVALID_ARGUMENT, area,
                    "capabilities(out = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullOut));
    onestop_printer_caps caps{};
    caps.struct_size = sizeof caps;
    const onestop_status unknown = p.capabilities(c.instance, kUnknownDevice, &caps);
    c.report.expect(unknown == ONESTOP_E_NO_DEVICE, area,
                    "capabilities of an unknown printer gives ONESTOP_E_NO_DEVICE",
                    statusName(unknown));
    caps = {};
    caps.struct_size = sizeof caps;
    const onestop_status s = p.capabilities(c.instance, device.id, &caps);
    c.report.expect(s == ONESTOP_OK && caps.max_copies >= 1, area,
                    "capabilities succeed with max_copies >= 1", statusName(s));
  }
  std::uint32_t state = 0;
  const onestop_status unknownJob =
      p.job_state(c.instance, device.id, "onestop-check-no-job", &state);
  c.report.expect(unknownJob != ONESTOP_OK, area, "job_state of an unknown job is an error",
                  statusName(unknownJob));
  auto nullState = probe([&] { return p.job_state(c.instance, device.id, "x", nullptr); });
  c.report.expect(nullState.completed && nullState.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "job_state(state = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullState));
  if (c.options.print) {
    printTestPage(c, area, device.id);
  } else {
    c.report.skip(area, "print job", "pass --print to submit a test page");
  }
}

}  // namespace

void checkPrinters(CheckContext& c) {
  if (!c.printer) return;
  for (const auto* device : c.devicesOf(ONESTOP_DEVICE_PRINTER)) checkPrinter(c, *device);
}

}  // namespace onestop::conformance
