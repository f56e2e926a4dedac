#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/plugins/device_catalog.hpp"

namespace onestop::api::testing {

class RecordingSink : public MessageSink {
 public:
  void send(const std::string& text) override {
    std::lock_guard lock(mutex_);
    frames_.push_back(text);
  }
  std::vector<std::string> frames() const {
    std::lock_guard lock(mutex_);
    return frames_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> frames_;
};

class FakeCatalog : public plugins::DeviceCatalog {
 public:
  std::vector<plugins::DeviceSnapshot> devicesList;
  std::vector<plugins::PluginReport> reports;
  std::vector<std::pair<std::string, std::string>> controlCalls;
  Result<std::string> controlReply = std::string("{}");

  std::vector<plugins::DeviceSnapshot> devices() const override { return devicesList; }
  std::vector<plugins::PluginReport> plugins() const override { return reports; }
  Result<std::string> control(const std::string& pluginId, const std::string& request) override {
    controlCalls.emplace_back(pluginId, request);
    return controlReply;
  }
  void setListener(Listener listener) override { listener_ = std::move(listener); }

 private:
  Listener listener_;
};

inline std::shared_ptr<Session> makeSession(std::uint64_t id, std::shared_ptr<RecordingSink> sink,
                                            std::vector<std::string> families = {"*"},
                                            std::string origin = "http://app.test") {
  return std::make_shared<Session>(id, std::move(origin), std::move(families), std::move(sink));
}

inline plugins::DeviceSnapshot simulatorReader(bool cardPresent = false) {
  plugins::DeviceSnapshot d;
  d.id = "simulator/reader-0";
  d.pluginId = "simulator";
  d.localId = "reader-0";
  d.kind = plugins::DeviceKind::Reader;
  d.name = "Simulated reader";
  d.cardPresent = cardPresent;
  d.simulated = true;
  return d;
}

}  // namespace onestop::api::testing
