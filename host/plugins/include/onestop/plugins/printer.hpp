#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_channel.hpp"
#include "onestop/plugins/device_types.hpp"

namespace onestop::plugins {

// One printer of a loaded plugin. Every call is serialized with the printer's other calls.
class Printer {
 public:
  explicit Printer(DeviceChannel channel);

  [[nodiscard]] const std::string& deviceId() const { return channel_.deviceId; }
  [[nodiscard]] Result<PrinterCapabilities> capabilities() const;
  // Returns the plugin's job id. ValidationFailed when the document is not a PDF.
  [[nodiscard]] Result<std::string> submit(std::span<const std::uint8_t> pdf,
                                           const PrintOptions& options);
  [[nodiscard]] Result<PrintJobState> state(const std::string& jobId) const;
  Result<void> cancel(const std::string& jobId);

 private:
  DeviceChannel channel_;
};

}  // namespace onestop::plugins
