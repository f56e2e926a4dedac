#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace onestop::api {

// Large binaries (scanned pages, PDFs) handed to the page by id. Memory only, so a citizen's
// document never reaches the disk unencrypted; every blob expires.
class BlobStore {
 public:
  using Clock = std::chrono::steady_clock;
  struct Blob {
    std::string mime;
    std::vector<std::uint8_t> bytes;
    Clock::time_point expires;
  };

  explicit BlobStore(std::chrono::seconds ttl, std::size_t maxTotalBytes = 256u << 20u)
      : ttl_(ttl), maxTotalBytes_(maxTotalBytes) {}

  // Returns the new blob's unguessable id (128 random bits, hex), or nullopt when the store is
  // full even after dropping expired blobs.
  std::optional<std::string> put(std::string mime, std::vector<std::uint8_t> bytes);
  std::optional<Blob> get(const std::string& id);
  bool erase(const std::string& id);
  std::size_t purgeExpired();
  [[nodiscard]] std::size_t size() const;

  // Tests move time instead of sleeping.
  void setClockForTesting(Clock::time_point (*now)()) { now_ = now; }

 private:
  std::size_t purgeExpiredLocked();

  std::chrono::seconds ttl_;
  std::size_t maxTotalBytes_;
  std::size_t totalBytes_ = 0;
  Clock::time_point (*now_)() = &Clock::now;
  mutable std::mutex mutex_;
  std::map<std::string, Blob> blobs_;
};

}  // namespace onestop::api
