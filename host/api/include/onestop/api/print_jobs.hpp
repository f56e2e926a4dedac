#pragma once
// The print jobs of the API: which session submitted which job to which printer, so
// print.status and print.cancel answer only the submitting session, and its state as last seen.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "onestop/plugins/device_types.hpp"

namespace onestop::api {

class PrintJobs {
 public:
  struct Job {
    std::string id;  // "print-<n>": the API's id, not the plugin's
    std::uint64_t sessionId = 0;
    std::string printerId;
    std::string pluginJobId;
    plugins::PrintJobState state = plugins::PrintJobState::Pending;
  };

  std::string add(std::uint64_t sessionId, std::string printerId, std::string pluginJobId);
  void setState(const std::string& id, plugins::PrintJobState state);
  // Unknown, or another session's: nullopt.
  std::optional<Job> find(std::uint64_t sessionId, const std::string& id) const;

 private:
  mutable std::mutex mutex_;
  std::uint64_t next_ = 0;
  std::map<std::string, Job> jobs_;
};

}  // namespace onestop::api
