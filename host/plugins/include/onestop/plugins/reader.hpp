#pragma once

#include <memory>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_channel.hpp"
#include "onestop/plugins/device_types.hpp"
#include "onestop/plugins/reader_connection.hpp"

namespace onestop::plugins {

// One smart-card reader of a loaded plugin.
class Reader {
 public:
  explicit Reader(DeviceChannel channel);

  [[nodiscard]] const std::string& deviceId() const { return channel_.deviceId; }
  // Defaults (short APDUs, no PIN pad) when the plugin does not implement features.
  [[nodiscard]] Result<ReaderFeatures> features() const;
  // NoCard when the reader is empty, DeviceNotFound when it is gone.
  [[nodiscard]] Result<std::shared_ptr<ReaderConnection>> connect();

 private:
  DeviceChannel channel_;
};

// Shared by Reader and ReaderConnection; the caller holds *channel.mutex.
Result<ReaderFeatures> queryReaderFeatures(const DeviceChannel& channel);

}  // namespace onestop::plugins
