#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "onestop/common/result.hpp"

namespace onestop::daemon {

// The daemon's private runtime directory (0700): the bearer token (0600), the port and pid files.
// Every file is written to a temporary name and renamed, so a reader never sees half a file.
class RuntimeDir {
 public:
  static Result<RuntimeDir> prepare(const std::filesystem::path& dir);

  [[nodiscard]] const std::filesystem::path& path() const { return dir_; }
  // A fresh 256-bit token for this run.
  Result<std::string> writeNewToken() const;
  Result<void> writePort(std::uint16_t port) const;
  Result<void> writePid() const;
  // Removes what this run published; leaves the directory.
  void cleanup() const;

 private:
  explicit RuntimeDir(std::filesystem::path dir) : dir_(std::move(dir)) {}
  Result<void> publish(const char* name, const std::string& content, unsigned mode) const;

  std::filesystem::path dir_;
};

}  // namespace onestop::daemon
