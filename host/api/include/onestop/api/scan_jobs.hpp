#pragma once
// The scan jobs of the API: which session started which job, so scan.cancel stops only the
// caller's own jobs, a session runs a bounded number at once, and a closing session's jobs stop.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/workflows/document_scan.hpp"

namespace onestop::api {

class ScanJobs {
 public:
  struct Job {
    std::string jobId;
    std::uint64_t sessionId = 0;
    std::unique_ptr<workflows::DocumentScan> scan;
  };

  explicit ScanJobs(std::size_t maxPerSession = 2) : maxPerSession_(maxPerSession) {}

  // TooManyRequests when the session already runs maxPerSession jobs (the scan is dropped,
  // which releases its scanner).
  Result<std::shared_ptr<Job>> add(std::uint64_t sessionId,
                                   std::unique_ptr<workflows::DocumentScan> scan);
  void remove(const std::string& jobId);
  // False when the job is unknown, another session's or already finished.
  bool cancel(std::uint64_t sessionId, const std::string& jobId);
  // Every running job of the session (it closed); returns how many were cancelled.
  std::size_t cancelSession(std::uint64_t sessionId);

 private:
  std::size_t maxPerSession_;
  std::mutex mutex_;
  std::uint64_t nextId_ = 0;
  std::map<std::string, std::shared_ptr<Job>> running_;
};

}  // namespace onestop::api
