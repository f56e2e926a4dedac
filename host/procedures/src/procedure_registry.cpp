#include "onestop/procedures/procedure_registry.hpp"

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "host_data.hpp"
#include "lua_procedure.hpp"

namespace onestop::procedures {
namespace {

namespace fs = std::filesystem;

// FNV-1a over every regular file's relative path and bytes, in path order: enough to notice
// an edit, an added or a removed file (not a security boundary).
std::uint64_t contentHash(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::uint64_t hash = 1469598103934665603ULL;
  const auto mix = [&hash](const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      hash ^= static_cast<unsigned char>(data[i]);
      hash *= 1099511628211ULL;
    }
  };
  for (const auto& file : files) {
    const auto name = fs::relative(file, folder, ec).string();
    mix(name.data(), name.size() + 1);
    std::ifstream in(file, std::ios::binary);
    char buffer[8192];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      mix(buffer, static_cast<std::size_t>(in.gcount()));
    }
  }
  return hash;
}

LoadProblem problemOf(const std::string& id, const Error& error) {
  return {id, std::string(reasonName(error.reason())), error.detail()};
}

class Registry final : public ProcedureRegistry {
 public:
  Registry(std::vector<fs::path> roots, std::shared_ptr<const HostData> data, Limits limits)
      : roots_(std::move(roots)), data_(std::move(data)), limits_(limits) {}

  ~Registry() override {
    {
      std::lock_guard lock(watchMutex_);
      stopping_ = true;
    }
    watchWake_.notify_all();
    if (watcher_.joinable()) watcher_.join();
  }

  [[nodiscard]] std::vector<std::shared_ptr<Procedure>> list() const override {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<Procedure>> out;
    for (const auto& [id, entry] : loaded_) out.push_back(entry.procedure);
    return out;
  }

  [[nodiscard]] Result<std::shared_ptr<Procedure>> find(const std::string& id) const override {
    std::lock_guard lock(mutex_);
    const auto it = loaded_.find(id);
    if (it == loaded_.end()) return Error(Reason::ProcedureNotFound, "no procedure " + id);
    return it->second.procedure;
  }

  ReloadReport reload() override {
    std::lock_guard passLock(reloadMutex_);  // one pass at a time; readers are not blocked
    ReloadReport report;
    std::map<std::string, fs::path> folders;
    for (const auto& root : roots_) {
      std::error_code ec;
      std::vector<fs::path> children;
      for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) children.push_back(it->path());
      }
      std::sort(children.begin(), children.end());
      for (const auto& child : children) {
        const auto id = child.filename().string();
        if (!folders.emplace(id, child).second) {
          report.problems.push_back(
              {id, "VALIDATION_FAILED", "the same id in two roots; the first root's copy is used"});
        }
      }
    }
    for (const auto& [id, folder] : folders) {
      const auto hash = contentHash(folder);
      {
        std::lock_guard lock(mutex_);
        const auto it = loaded_.find(id);
        if (it != loaded_.end() && it->second.hash == hash) {
          report.unchanged.push_back(id);
          continue;
        }
        const auto failed = failed_.find(id);
        if (failed != failed_.end() && failed->second.first == hash) {
          report.problems.push_back(failed->second.second);  // still broken, not re-run
          continue;
        }
      }
      auto procedure = LuaProcedure::load(folder, data_, limits_);  // outside the lock
      std::lock_guard lock(mutex_);
      if (!procedure) {
        const auto problem = problemOf(id, procedure.error());
        failed_[id] = {hash, problem};
        report.problems.push_back(problem);  // a previous good version keeps serving
        continue;
      }
      failed_.erase(id);
      loaded_[id] = {hash, std::move(procedure).value()};
      report.loaded.push_back(id);
    }
    std::lock_guard lock(mutex_);
    for (auto it = loaded_.begin(); it != loaded_.end();) {
      if (folders.count(it->first) == 0) {
        report.removed.push_back(it->first);
        it = loaded_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto it = failed_.begin(); it != failed_.end();) {
      it = folders.count(it->first) == 0 ? failed_.erase(it) : std::next(it);
    }
    problems_ = report.problems;
    return report;
  }

  [[nodiscard]] std::vector<LoadProblem> problems() const override {
    std::lock_guard lock(mutex_);
    return problems_;
  }

  void watch(std::chrono::milliseconds interval) override {
    std::lock_guard lock(watchMutex_);
    if (watcher_.joinable() || stopping_) return;
    watcher_ = std::thread([this, interval] {
      std::unique_lock wait(watchMutex_);
      while (!watchWake_.wait_for(wait, interval, [this] { return stopping_; })) {
        wait.unlock();
        reload();
        wait.lock();
      }
    });
  }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::shared_ptr<Procedure> procedure;
  };

  std::vector<fs::path> roots_;
  std::shared_ptr<const HostData> data_;
  Limits limits_;

  mutable std::mutex mutex_;  // loaded_, failed_, problems_
  std::map<std::string, Entry> loaded_;
  std::map<std::string, std::pair<std::uint64_t, LoadProblem>> failed_;
  std::vector<LoadProblem> problems_;

  std::mutex reloadMutex_;
  std::mutex watchMutex_;
  std::condition_variable watchWake_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace

Result<std::unique_ptr<ProcedureRegistry>> ProcedureRegistry::open(std::vector<fs::path> roots,
                                                                   HostDataPaths hostData,
                                                                   Limits limits) {
  auto data = HostData::load(hostData);
  if (!data) return data.error();
  auto registry = std::make_unique<Registry>(std::move(roots), std::move(data).value(), limits);
  registry->reload();
  return std::unique_ptr<ProcedureRegistry>(std::move(registry));
}

}  // namespace onestop::procedures
