// The IPP requests the plugin makes, through libcups's default connection: the scheduler named by
// CUPS_SERVER (or client.conf, or the local default socket). libcups keeps that connection per
// thread, so these functions are safe to call from the host's threads at once.
//
// Each returns the ABI status for the IPP answer (cups_status.hpp); `detail` receives the
// scheduler's own message for the log (queue names, job ids and statuses, never document data).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "job_options.hpp"
#include "onestop/plugin.h"
#include "queue_attributes.hpp"

namespace onestop::cups {

struct QueueEntry {
  std::string name;  // the queue name: the plugin's device id
  std::string info;  // printer-info, "" when unset
};

struct JobInfo {
  int state = 0;      // IPP job-state
  std::string queue;  // the queue the job belongs to (from job-printer-uri)
};

// CUPS's own rule for queue names: 1–127 bytes, printable, none of space / \ ? ' " #.
bool validQueueName(std::string_view name);

// The server's queues (cupsGetDests2): no lpoptions instances and no network printers found by
// DNS-SD that have no queue yet (they cannot take a Create-Job).
onestop_status listQueues(std::vector<QueueEntry>& out, std::string& detail);

// Get-Printer-Attributes of one queue; ONESTOP_E_NO_DEVICE when it does not exist.
onestop_status getQueueAttributes(const std::string& queue, QueueAttributes& out,
                                  std::string& detail);

// Create-Job with the attributes, then Send-Document with the PDF (application/pdf). On a failed
// send the created job is cancelled, so nothing half-sent stays queued.
onestop_status printPdf(const std::string& queue, const std::string& title,
                        const JobAttributes& attributes, std::span<const std::uint8_t> pdf,
                        int& jobId, std::string& detail);

// Get-Job-Attributes; ONESTOP_E_NO_DEVICE when the scheduler does not know the job.
onestop_status getJobInfo(int jobId, JobInfo& out, std::string& detail);

// Cancel-Job.
onestop_status cancelCupsJob(const std::string& queue, int jobId, std::string& detail);

// The scheduler libcups talks to ("/run/cups/cups.sock", "localhost:631").
std::string serverName();

}  // namespace onestop::cups
