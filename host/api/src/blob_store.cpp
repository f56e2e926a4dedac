#include "onestop/api/blob_store.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace onestop::api {
namespace {

std::string randomId() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string id;
  for (const auto b : bytes) {
    id.push_back(kDigits[b >> 4u]);
    id.push_back(kDigits[b & 0xFu]);
  }
  return id;
}

}  // namespace

std::optional<std::string> BlobStore::put(std::string mime, std::vector<std::uint8_t> bytes) {
  std::lock_guard lock(mutex_);
  purgeExpiredLocked();
  if (totalBytes_ + bytes.size() > maxTotalBytes_) return std::nullopt;
  auto id = randomId();
  totalBytes_ += bytes.size();
  blobs_[id] = Blob{std::move(mime), std::move(bytes), now_() + ttl_};
  return id;
}

std::optional<BlobStore::Blob> BlobStore::get(const std::string& id) {
  std::lock_guard lock(mutex_);
  purgeExpiredLocked();
  const auto it = blobs_.find(id);
  if (it == blobs_.end()) return std::nullopt;
  return it->second;
}

bool BlobStore::erase(const std::string& id) {
  std::lock_guard lock(mutex_);
  const auto it = blobs_.find(id);
  if (it == blobs_.end()) return false;
  totalBytes_ -= it->second.bytes.size();
  blobs_.erase(it);
  return true;
}

std::size_t BlobStore::purgeExpired() {
  std::lock_guard lock(mutex_);
  return purgeExpiredLocked();
}

std::size_t BlobStore::purgeExpiredLocked() {
  const auto now = now_();
  std::size_t purged = 0;
  for (auto it = blobs_.begin(); it != blobs_.end();) {
    if (it->second.expires <= now) {
      totalBytes_ -= it->second.bytes.size();
      it = blobs_.erase(it);
      ++purged;
    } else {
      ++it;
    }
  }
  return purged;
}

std::size_t BlobStore::size() const {
  std::lock_guard lock(mutex_);
  return blobs_.size();
}

}  // namespace onestop::api
