#include "cups_client.hpp"

#include <cups/cups.h>

#include <memory>

#include "cups_status.hpp"

namespace onestop::cups {
namespace {

struct IppDelete {
  void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using Ipp = std::unique_ptr<ipp_t, IppDelete>;

struct DestList {
  DestList() = default;
  DestList(const DestList&) = delete;
  DestList& operator=(const DestList&) = delete;
  ~DestList() { cupsFreeDests(count, dests); }
  int count = 0;
  cups_dest_t* dests = nullptr;
};

std::string printerUri(const std::string& queue) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                   "/printers/%s", queue.c_str());
  return uri;
}

std::string jobUri(int jobId) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                   "/jobs/%d", jobId);
  return uri;
}

// The last answer's status, with the scheduler's message for the log.
onestop_status lastStatus(std::string& detail) {
  const ipp_status_t status = cupsLastError();
  const char* message = cupsLastErrorString();
  detail = ippStatusName(status);
  if (message != nullptr && *message != '\0') detail += std::string(" (") + message + ")";
  return statusForIpp(status);
}

Ipp request(ipp_op_t operation, const char* uriName, const std::string& uri,
            std::initializer_list<const char*> wanted) {
  Ipp r(ippNewRequest(operation));
  ippAddString(r.get(), IPP_TAG_OPERATION, IPP_TAG_URI, uriName, nullptr, uri.c_str());
  ippAddString(r.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
               cupsUser());
  if (wanted.size() > 0) {
    ippAddStrings(r.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(wanted.size()), nullptr, wanted.begin());
  }
  return r;
}

// The queue name at the end of a printer URI ("ipp://localhost/printers/VPDF" → "VPDF").
std::string queueOfUri(const char* uri) {
  if (uri == nullptr) return {};
  char scheme[32], user[256], host[256], resource[1024];
  int port = 0;
  if (httpSeparateURI(HTTP_URI_CODING_ALL, uri, scheme, sizeof scheme, user, sizeof user, host,
                      sizeof host, &port, resource, sizeof resource) < HTTP_URI_STATUS_OK) {
    return {};
  }
  const std::string path(resource);
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool validQueueName(std::string_view name) {
  if (name.empty() || name.size() > 127) return false;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7f || c == '/' || c == '\\' || c == '?' || c == '\'' || c == '"' ||
        c == '#') {
      return false;
    }
  }
  return true;
}

onestop_status listQueues(std::vector<QueueEntry>& out, std::string& detail) {
  DestList list;
  list.count = cupsGetDests2(CUPS_HTTP_DEFAULT, &list.dests);
  if (list.count == 0) {
    // No queues is an answer too; only a failed request is an error.
    const onestop_status s = lastStatus(detail);
    if (s != ONESTOP_OK && cupsLastError() != IPP_STATUS_ERROR_NOT_FOUND) return s;
  }
  out.clear();
  for (int i = 0; i < list.count; ++i) {
    const cups_dest_t& d = list.dests[i];
    if (d.instance != nullptr || d.name == nullptr || !validQueueName(d.name)) continue;
    if (cupsGetOption("printer-uri-supported", d.num_options, d.options) == nullptr) continue;
    const char* info = cupsGetOption("printer-info", d.num_options, d.options);
    out.push_back({d.name, info != nullptr ? info : ""});
  }
  return ONESTOP_OK;
}

onestop_status getQueueAttributes(const std::string& queue, QueueAttributes& out,
                                  std::string& detail) {
  if (!validQueueName(queue)) {
    detail = "not a CUPS queue name";
    return ONESTOP_E_NO_DEVICE;
  }
  Ipp answer(cupsDoRequest(CUPS_HTTP_DEFAULT,
                           request(IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", printerUri(queue),
                                   {"printer-info", "printer-state", "printer-is-accepting-jobs",
                                    "color-supported", "sides-supported", "copies-supported"})
                               .release(),
                           "/"));
  if (const onestop_status s = lastStatus(detail); s != ONESTOP_OK) return s;
  out = parseQueueAttributes(answer.get());
  return ONESTOP_OK;
}

onestop_status printPdf(const std::string& queue, const std::string& title,
                        const JobAttributes& attributes, std::span<const std::uint8_t> pdf,
                        int& jobId, std::string& detail) {
  int count = 0;
  cups_option_t* options = nullptr;
  for (const auto& [name, value] : attributes) {
    count = cupsAddOption(name.c_str(), value.c_str(), count, &options);
  }
  jobId = cupsCreateJob(CUPS_HTTP_DEFAULT, queue.c_str(), title.c_str(), count, options);
  cupsFreeOptions(count, options);
  if (jobId <= 0) {
    const onestop_status s = lastStatus(detail);
    return s == ONESTOP_OK ? ONESTOP_E_IO : s;
  }
  const bool started = cupsStartDocument(CUPS_HTTP_DEFAULT, queue.c_str(), jobId, "document.pdf",
                                         CUPS_FORMAT_PDF, 1) == HTTP_STATUS_CONTINUE;
  bool sent = started;
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::size_t at = 0; sent && at < pdf.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, pdf.size() - at);
    sent = cupsWriteRequestData(CUPS_HTTP_DEFAULT, reinterpret_cast<const char*>(pdf.data() + at),
                                n) == HTTP_STATUS_CONTINUE;
  }
  // Once started, the request is always finished: that reads the scheduler's answer, which is
  // also where a refused document is reported.
  const bool finished =
      started && statusForIpp(cupsFinishDocument(CUPS_HTTP_DEFAULT, queue.c_str())) == ONESTOP_OK;
  onestop_status s = lastStatus(detail);
  if (sent && finished) return ONESTOP_OK;
  if (s == ONESTOP_OK) s = ONESTOP_E_IO;
  std::string ignored;
  (void)cancelCupsJob(queue, jobId, ignored);
  return s;
}

onestop_status getJobInfo(int jobId, JobInfo& out, std::string& detail) {
  Ipp answer(cupsDoRequest(
      CUPS_HTTP_DEFAULT,
      request(IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", jobUri(jobId), {"job-state", "job-printer-uri"})
          .release(),
      "/"));
  if (const onestop_status s = lastStatus(detail); s != ONESTOP_OK) return s;
  out = {};
  if (ipp_attribute_t* a = ippFindAttribute(answer.get(), "job-state", IPP_TAG_ENUM)) {
    out.state = ippGetInteger(a, 0);
  }
  if (ipp_attribute_t* a = ippFindAttribute(answer.get(), "job-printer-uri", IPP_TAG_URI)) {
    out.queue = queueOfUri(ippGetString(a, 0, nullptr));
  }
  return ONESTOP_OK;
}

onestop_status cancelCupsJob(const std::string& queue, int jobId, std::string& detail) {
  (void)cupsCancelJob2(CUPS_HTTP_DEFAULT, queue.c_str(), jobId, 0);
  return lastStatus(detail);
}

std::string serverName() {
  return cupsServer();
}

}  // namespace onestop::cups
