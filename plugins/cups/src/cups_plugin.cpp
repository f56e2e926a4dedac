#include "cups_plugin.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "cups_client.hpp"
#include "cups_status.hpp"
#include "job_options.hpp"
#include "queue_attributes.hpp"

namespace onestop::cups {
namespace {

constexpr std::array<std::uint8_t, 5> kPdfMagic{'%', 'P', 'D', 'F', '-'};

bool isPdf(std::span<const std::uint8_t> document) {
  return document.size() >= kPdfMagic.size() &&
         std::equal(kPdfMagic.begin(), kPdfMagic.end(), document.begin());
}

// Job ids are CUPS's positive decimal job numbers.
bool parseJobId(const std::string& text, int& out) {
  const auto* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && at == end && out > 0;
}

}  // namespace

CupsPlugin::CupsPlugin(sdk::Host host, std::string_view /*configJson*/) : sdk::Plugin(host) {
  host.log(ONESTOP_LOG_INFO, "cups plugin talks to the scheduler at " + serverName());
}

std::vector<sdk::Device> CupsPlugin::devices() {
  std::vector<QueueEntry> queues;
  std::string detail;
  const onestop_status s = listQueues(queues, detail);
  std::vector<std::string> added, removed;
  std::vector<sdk::Device> out;
  {
    std::lock_guard lock(mutex_);
    if (s != ONESTOP_OK) {
      // No scheduler means no printers; said once per outage so polling does not flood the log.
      if (!unreachableLogged_) host().log(ONESTOP_LOG_WARNING, "cannot list queues: " + detail);
      unreachableLogged_ = true;
      queues.clear();
    } else {
      unreachableLogged_ = false;
    }
    std::set<std::string> now;
    for (const auto& q : queues) {
      now.insert(q.name);
      out.push_back({ONESTOP_DEVICE_PRINTER, q.name, q.info.empty() ? q.name : q.info, 0});
    }
    if (handedOut_) {
      std::set_difference(now.begin(), now.end(), listed_.begin(), listed_.end(),
                          std::back_inserter(added));
      std::set_difference(listed_.begin(), listed_.end(), now.begin(), now.end(),
                          std::back_inserter(removed));
    }
    listed_ = std::move(now);
    handedOut_ = true;
  }
  // Outside the lock: the host may call back into the plugin from an event.
  for (const auto& id : added) host().deviceAdded(ONESTOP_DEVICE_PRINTER, id);
  for (const auto& id : removed) host().deviceRemoved(ONESTOP_DEVICE_PRINTER, id);
  return out;
}

onestop_status CupsPlugin::failed(onestop_status status, std::string_view operation,
                                  const std::string& queue, const std::string& detail) const {
  host().log(status == ONESTOP_E_NO_DEVICE ? ONESTOP_LOG_INFO : ONESTOP_LOG_WARNING,
             std::string(operation) + " on queue " + queue + ": " + detail);
  return status;
}

onestop_status CupsPlugin::printerCapabilities(const std::string& printerId,
                                               onestop_printer_caps& out) {
  QueueAttributes queue;
  std::string detail;
  if (const onestop_status s = getQueueAttributes(printerId, queue, detail); s != ONESTOP_OK) {
    return failed(s, "capabilities", printerId, detail);
  }
  fillCapabilities(queue, out);
  return ONESTOP_OK;
}

onestop_status CupsPlugin::submit(const std::string& printerId, std::span<const std::uint8_t> pdf,
                                  const sdk::PrintOptions& options, std::string& jobId) {
  if (!isPdf(pdf)) return ONESTOP_E_INVALID_ARGUMENT;
  QueueAttributes queue;
  std::string detail;
  if (const onestop_status s = getQueueAttributes(printerId, queue, detail); s != ONESTOP_OK) {
    return failed(s, "submit", printerId, detail);
  }
  if (refusesWork(queue)) {
    return failed(ONESTOP_E_PRINTER_STOPPED, "submit", printerId,
                  queue.acceptingJobs ? "the queue is stopped" : "the queue rejects jobs");
  }
  const JobAttributes attributes = jobAttributes(options, queue);
  int cupsJobId = 0;
  if (const onestop_status s =
          printPdf(printerId, jobTitle(options.title), attributes, pdf, cupsJobId, detail);
      s != ONESTOP_OK) {
    return failed(s, "submit", printerId, detail);
  }
  jobId = std::to_string(cupsJobId);
  host().log(ONESTOP_LOG_DEBUG, "job " + jobId + " queued on " + printerId);
  return ONESTOP_OK;
}

onestop_status CupsPlugin::lookUpJob(const std::string& printerId, const std::string& jobId,
                                     int& cupsJobId, int& ippState) {
  if (!parseJobId(jobId, cupsJobId)) return ONESTOP_E_INVALID_ARGUMENT;
  JobInfo job;
  std::string detail;
  const onestop_status s = getJobInfo(cupsJobId, job, detail);
  if (s == ONESTOP_E_NO_DEVICE) {
    // The scheduler forgets the jobs of a queue it deletes: tell the two cases apart.
    QueueAttributes queue;
    const onestop_status q = getQueueAttributes(printerId, queue, detail);
    return q == ONESTOP_OK ? ONESTOP_E_INVALID_ARGUMENT : failed(q, "job", printerId, detail);
  }
  if (s != ONESTOP_OK) return failed(s, "job " + jobId, printerId, detail);
  if (job.queue != printerId) return ONESTOP_E_INVALID_ARGUMENT;
  ippState = job.state;
  return ONESTOP_OK;
}

onestop_status CupsPlugin::jobState(const std::string& printerId, const std::string& jobId,
                                    onestop_print_state& state) {
  int cupsJobId = 0, ippState = 0;
  if (const onestop_status s = lookUpJob(printerId, jobId, cupsJobId, ippState); s != ONESTOP_OK) {
    return s;
  }
  const auto mapped = printStateForJobState(ippState);
  if (!mapped) {
    host().log(ONESTOP_LOG_ERROR, "job " + jobId + " on " + printerId + " has unknown state " +
                                      std::to_string(ippState));
    return ONESTOP_E_IO;
  }
  state = *mapped;
  return ONESTOP_OK;
}

onestop_status CupsPlugin::cancelJob(const std::string& printerId, const std::string& jobId) {
  int cupsJobId = 0, ippState = 0;
  if (const onestop_status s = lookUpJob(printerId, jobId, cupsJobId, ippState); s != ONESTOP_OK) {
    return s;
  }
  if (isFinalJobState(ippState)) return ONESTOP_OK;  // a finished job stays as it ended
  std::string detail;
  const onestop_status s = cancelCupsJob(printerId, cupsJobId, detail);
  if (s == ONESTOP_OK) return ONESTOP_OK;
  // The job may have finished between the look-up and the cancel ("not possible").
  if (lookUpJob(printerId, jobId, cupsJobId, ippState) == ONESTOP_OK && isFinalJobState(ippState)) {
    return ONESTOP_OK;
  }
  return failed(s, "cancel job " + jobId, printerId, detail);
}

onestop_status CupsPlugin::control(std::string_view request, std::string& response) {
  using nlohmann::json;
  const json doc = json::parse(request.begin(), request.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("command", "") != "status") {
    response =
        json{{"error", "unknown request: the cups plugin answers {\"command\":\"status\"}"}}.dump();
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  std::vector<QueueEntry> queues;
  std::string detail;
  const onestop_status s = listQueues(queues, detail);
  json list = json::array();
  for (const auto& q : queues) {
    QueueAttributes attributes;
    std::string ignored;
    json entry{{"id", q.name}, {"name", q.info}};
    if (getQueueAttributes(q.name, attributes, ignored) == ONESTOP_OK) {
      entry["stopped"] = attributes.state == IPP_PSTATE_STOPPED;
      entry["acceptingJobs"] = attributes.acceptingJobs;
    }
    list.push_back(std::move(entry));
  }
  json answer{{"server", serverName()}, {"queues", list}};
  if (s != ONESTOP_OK) answer["error"] = detail;
  response = answer.dump();
  return ONESTOP_OK;
}

}  // namespace onestop::cups
