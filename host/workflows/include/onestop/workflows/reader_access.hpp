#pragma once
// What the card workflows need from the device layer: the readers and a connection to one.
// The plugin host implements it in production; tests may serve chip models directly.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/plugins/device_catalog.hpp"

namespace onestop::plugins {
class PluginHost;
}

namespace onestop::workflows {

class ReaderAccess {
 public:
  virtual ~ReaderAccess() = default;
  [[nodiscard]] virtual std::vector<plugins::DeviceSnapshot> readers() const = 0;
  // A transport to the card in the reader; NoCard, DeviceNotFound, DeviceBusy … otherwise.
  virtual Result<std::unique_ptr<emrtd::CardTransport>> connect(const std::string& readerId) = 0;
};

class PluginReaderAccess final : public ReaderAccess {
 public:
  explicit PluginReaderAccess(plugins::PluginHost& host) : host_(host) {}
  [[nodiscard]] std::vector<plugins::DeviceSnapshot> readers() const override;
  Result<std::unique_ptr<emrtd::CardTransport>> connect(const std::string& readerId) override;

 private:
  plugins::PluginHost& host_;
};

// The reader a read uses. With `requested`: that reader (DeviceNotFound when it is not one).
// Without: the only reader (NoReader when there is none); among several, the only one holding
// a card; several with cards is Reason::ReaderAmbiguous, whose detail lists their ids so the
// page can let staff choose.
Result<plugins::DeviceSnapshot> chooseReader(const std::vector<plugins::DeviceSnapshot>& readers,
                                             const std::optional<std::string>& requested);

}  // namespace onestop::workflows
