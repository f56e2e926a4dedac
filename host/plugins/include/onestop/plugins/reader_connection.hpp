#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/plugin.h"
#include "onestop/plugins/device_channel.hpp"
#include "onestop/plugins/device_types.hpp"

namespace onestop::plugins {

// An open connection to the card in one reader. Every call is serialized with the reader's other
// calls. The destructor disconnects (leaving the card) if disconnect() was not called.
class ReaderConnection {
 public:
  ReaderConnection(DeviceChannel channel, onestop_card* card, std::vector<std::uint8_t> atr);
  ReaderConnection(const ReaderConnection&) = delete;
  ReaderConnection& operator=(const ReaderConnection&) = delete;
  ~ReaderConnection();

  [[nodiscard]] const std::string& deviceId() const { return channel_.deviceId; }
  [[nodiscard]] const std::vector<std::uint8_t>& atr() const { return atr_; }
  [[nodiscard]] bool isOpen() const;

  [[nodiscard]] Result<ReaderFeatures> features() const;
  // Sends one command APDU; the response includes SW1 SW2. CardRemoved once the card has left.
  [[nodiscard]] Result<std::vector<std::uint8_t>> transmit(std::span<const std::uint8_t> command);
  Result<void> disconnect(Disposition disposition = Disposition::Leave);

 private:
  DeviceChannel channel_;
  onestop_card* card_;  // guarded by *channel_.mutex; nullptr once disconnected
  std::vector<std::uint8_t> atr_;
  std::vector<std::uint8_t> buffer_;  // response buffer, guarded by *channel_.mutex
};

}  // namespace onestop::plugins
