#pragma once

#include <memory>
#include <string>

#include "onestop/plugins/plugin_host.hpp"
#include "plugin_test_support.hpp"

namespace onestop::plugins::testing {

// A PluginHost with only the staged simulator, printing into a temp folder.
class SimulatorHost {
 public:
  explicit SimulatorHost(const std::string& extraConfig = "") {
    PluginHostOptions options = optionsFor({simulatorDir()}, log_.function());
    std::string config = R"({"printOutput":")" + printDir_.path().string() + "\"";
    if (!extraConfig.empty()) config += "," + extraConfig;
    options.config["simulator"] = config + "}";
    host_ = std::make_unique<PluginHost>(options);
    host_->setListener(events_.listener());
  }

  PluginHost& host() { return *host_; }
  EventCapture& events() { return events_; }
  LogCapture& log() { return log_; }
  const std::filesystem::path& printDir() const { return printDir_.path(); }

 private:
  TempDir printDir_;
  LogCapture log_;
  EventCapture events_;
  std::unique_ptr<PluginHost> host_;
};

}  // namespace onestop::plugins::testing
