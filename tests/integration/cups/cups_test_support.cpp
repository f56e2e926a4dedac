#include "cups_test_support.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cups/cups.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

namespace onestop::cups::testing {

std::vector<std::uint8_t> pdfWithText(const std::string& text) {
  std::vector<std::uint8_t> out;
  auto write = [](void* closure, const unsigned char* data, unsigned int length) {
    auto* bytes = static_cast<std::vector<std::uint8_t>*>(closure);
    bytes->insert(bytes->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
  };
  // A4 in points.
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, &out, 595.0, 842.0);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 24.0);
  cairo_move_to(cr, 72.0, 144.0);
  cairo_show_text(cr, text.c_str());
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

std::optional<RecordedJob> recordedJob(int jobId) {
  ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                   "/jobs/%d", jobId);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
               cupsUser());
  std::unique_ptr<ipp_t, void (*)(ipp_t*)> answer(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"),
                                                  ippDelete);
  if (!answer || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) return std::nullopt;
  RecordedJob job;
  auto text = [&](const char* name) -> std::string {
    ipp_attribute_t* a = ippFindAttribute(answer.get(), name, IPP_TAG_ZERO);
    const char* value = a != nullptr ? ippGetString(a, 0, nullptr) : nullptr;
    return value != nullptr ? value : "";
  };
  if (ipp_attribute_t* a = ippFindAttribute(answer.get(), "job-state", IPP_TAG_ENUM)) {
    job.state = ippGetInteger(a, 0);
  }
  if (ipp_attribute_t* a = ippFindAttribute(answer.get(), "copies", IPP_TAG_INTEGER)) {
    job.copies = ippGetInteger(a, 0);
  }
  job.name = text("job-name");
  job.sides = text("sides");
  job.media = text("media");
  return job;
}

std::string pdfText(const std::filesystem::path& pdf) {
  const std::string command = "pdftotext '" + pdf.string() + "' - 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return "";
  std::string text;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, n);
  return text;
}

void CupsPluginTest::SetUp() {
  // No skip: a scheduler that cannot start fails the test with the reason and the logs.
  fixture_ = std::make_unique<onestop::testing::CupsFixture>();
  plugins::PluginHostOptions options;
  options.directories = {cupsPluginDir()};
  options.log = logs_.function();
  host_ = std::make_unique<plugins::PluginHost>(options);
  host_->setListener(events_.listener());
}

void CupsPluginTest::TearDown() {
  host_.reset();
  if (HasFailure() && fixture_) std::cerr << fixture_->logTail() << logs_.all();
  fixture_.reset();
}

std::shared_ptr<plugins::Printer> CupsPluginTest::printer() {
  auto p = host_->printer(deviceId());
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().detail()) << logs_.all();
  return p.ok() ? *p : nullptr;
}

plugins::PrintJobState CupsPluginTest::waitForFinalState(const std::string& jobId,
                                                         std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  plugins::PrintJobState last = plugins::PrintJobState::Pending;
  auto p = printer();
  while (p) {
    auto state = p->state(jobId);
    if (!state.ok()) {
      ADD_FAILURE() << state.error().detail();
      break;
    }
    last = *state;
    if (last != plugins::PrintJobState::Pending && last != plugins::PrintJobState::Printing) break;
    if (std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return last;
}

}  // namespace onestop::cups::testing
