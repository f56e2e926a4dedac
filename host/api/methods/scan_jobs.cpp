#include "onestop/api/scan_jobs.hpp"

#include <algorithm>
#include <vector>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/random_source.hpp"

namespace onestop::api {

Result<std::shared_ptr<ScanJobs::Job>> ScanJobs::add(
    std::uint64_t sessionId, std::unique_ptr<workflows::DocumentScan> scan) {
  // Unguessable, like read ids: a job id seen by one page is useless to another.
  emrtd::OpenSslRandomSource random;
  auto nonce = random.generate(8);
  std::lock_guard lock(mutex_);
  const auto ofSession = std::count_if(running_.begin(), running_.end(), [&](const auto& entry) {
    return entry.second->sessionId == sessionId;
  });
  if (static_cast<std::size_t>(ofSession) >= maxPerSession_) {
    return Error(Reason::TooManyRequests,
                 "at most " + std::to_string(maxPerSession_) + " scans per session");
  }
  auto job = std::make_shared<Job>();
  job->jobId =
      "scan-" + std::to_string(++nextId_) + "-" + (nonce ? emrtd::toHex(*nonce) : std::string("0"));
  job->sessionId = sessionId;
  job->scan = std::move(scan);
  running_[job->jobId] = job;
  return job;
}

void ScanJobs::remove(const std::string& jobId) {
  std::lock_guard lock(mutex_);
  running_.erase(jobId);
}

bool ScanJobs::cancel(std::uint64_t sessionId, const std::string& jobId) {
  std::shared_ptr<Job> job;
  {
    std::lock_guard lock(mutex_);
    const auto it = running_.find(jobId);
    if (it == running_.end() || it->second->sessionId != sessionId) return false;
    job = it->second;
  }
  return job->scan->cancel();  // outside the lock: the plugin's cancel may take a moment
}

std::size_t ScanJobs::cancelSession(std::uint64_t sessionId) {
  std::vector<std::shared_ptr<Job>> jobs;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, job] : running_) {
      if (job->sessionId == sessionId) jobs.push_back(job);
    }
  }
  std::size_t count = 0;
  for (const auto& job : jobs) count += job->scan->cancel() ? 1u : 0u;
  return count;
}

}  // namespace onestop::api
