#include "onestop/api/print_jobs.hpp"

namespace onestop::api {

namespace {
// A counter prints a few hundred jobs a day; the oldest beyond this are forgotten.
constexpr std::size_t kKeptJobs = 1000;
}  // namespace

std::string PrintJobs::add(std::uint64_t sessionId, std::string printerId,
                           std::string pluginJobId) {
  std::lock_guard lock(mutex_);
  const auto id = "print-" + std::to_string(++next_);
  jobs_[id] = Job{id, sessionId, std::move(printerId), std::move(pluginJobId)};
  while (jobs_.size() > kKeptJobs) {
    // Ids grow with time, but compare as text: find the smallest number instead.
    auto oldest = jobs_.begin();
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
      if (it->first.size() < oldest->first.size() ||
          (it->first.size() == oldest->first.size() && it->first < oldest->first)) {
        oldest = it;
      }
    }
    jobs_.erase(oldest);
  }
  return id;
}

void PrintJobs::setState(const std::string& id, plugins::PrintJobState state) {
  std::lock_guard lock(mutex_);
  if (auto it = jobs_.find(id); it != jobs_.end()) it->second.state = state;
}

std::optional<PrintJobs::Job> PrintJobs::find(std::uint64_t sessionId,
                                              const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.sessionId != sessionId) return std::nullopt;
  return it->second;
}

}  // namespace onestop::api
