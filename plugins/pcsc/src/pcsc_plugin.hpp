// The "pcsc" plugin: one reader device per PC/SC reader (local id = the PC/SC reader name).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.hpp"
#include "pcsc_config.hpp"
#include "reader_monitor.hpp"

namespace onestop::pcsc {

class PcscPlugin final : public sdk::Plugin, public sdk::ReaderPlugin {
 public:
  PcscPlugin(sdk::Host host, std::string_view configJson);

  std::vector<sdk::Device> devices() override;
  onestop_status readerFeatures(const std::string& readerId, onestop_reader_features& out) override;
  onestop_status connect(const std::string& readerId,
                         std::unique_ptr<sdk::CardConnection>& connection,
                         std::vector<std::uint8_t>& atr) override;

 private:
  std::unique_ptr<ReaderMonitor> monitor_;
};

}  // namespace onestop::pcsc
