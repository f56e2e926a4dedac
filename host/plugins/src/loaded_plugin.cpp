#include "loaded_plugin.hpp"

#include <algorithm>
#include <cstring>

#include "onestop/plugins/device_id.hpp"
#include "onestop/plugins/device_kind.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {
namespace {

constexpr std::uint32_t kMaxDevices = 256;
constexpr int kEnumerateAttempts = 3;

}  // namespace

LoadedPlugin::LoadedPlugin(Manifest manifest, PluginLibrary library, PluginTables tables,
                           std::unique_ptr<HostBinding> binding, LogFunction log)
    : manifest_(std::move(manifest)),
      library_(std::move(library)),
      tables_(tables),
      binding_(std::move(binding)),
      log_(std::move(log)) {}

LoadedPlugin::~LoadedPlugin() {
  shutdown();
}

std::optional<std::string> LoadedPlugin::init(const std::string& configJson) {
  onestop_status status = ONESTOP_E_INTERNAL;
  try {
    status = tables_.plugin.init(binding_->api(), configJson.c_str(), &instance_);
  } catch (...) {
    return std::string("init threw an exception");
  }
  if (status != ONESTOP_OK) return "init returned " + statusName(status);
  initialised_ = true;
  return std::nullopt;
}

void LoadedPlugin::log(LogLevel level, std::string message) const {
  if (log_) log_(level, std::move(message));
}

void LoadedPlugin::logThrow(const char* operation) const noexcept {
  try {
    log(LogLevel::Error, "plugin " + id() + ": " + operation + " threw; treated as INTERNAL");
  } catch (...) {
  }
}

std::optional<DeviceSnapshot> LoadedPlugin::snapshot(const onestop_device_info& raw) const {
  onestop_device_info info = raw;
  info.id[ONESTOP_ID_MAX - 1] = '\0';
  info.name[ONESTOP_NAME_MAX - 1] = '\0';
  const auto kind = deviceKindFromAbi(info.kind);
  const bool served = kind && ((*kind == DeviceKind::Reader && tables_.reader) ||
                               (*kind == DeviceKind::Scanner && tables_.scanner) ||
                               (*kind == DeviceKind::Printer && tables_.printer));
  if (info.id[0] == '\0' || !served) {
    log(LogLevel::Warning, "plugin " + id() +
                               " reported a device without id or of a kind it "
                               "has no table for; ignored");
    return std::nullopt;
  }
  DeviceSnapshot d;
  d.pluginId = id();
  d.localId = info.id;
  d.id = makeDeviceId(d.pluginId, d.localId);
  d.kind = *kind;
  d.name = info.name[0] != '\0' ? std::string(info.name) : d.localId;
  d.cardPresent = *kind == DeviceKind::Reader && (info.flags & ONESTOP_DEVICE_FLAG_CARD_PRESENT);
  d.simulated = (info.flags & ONESTOP_DEVICE_FLAG_SIMULATED) != 0;
  return d;
}

Result<std::vector<DeviceSnapshot>> LoadedPlugin::enumerate() {
  std::lock_guard lock(pluginMutex_);
  const auto fn = tables_.plugin.enumerate;
  for (int attempt = 0; attempt < kEnumerateAttempts; ++attempt) {
    std::uint32_t count = 0;
    onestop_status s = call("enumerate", [&](void* p) { return fn(p, nullptr, &count); });
    if (s != ONESTOP_OK && s != ONESTOP_E_BUFFER_TOO_SMALL) {
      return statusError(s, "enumerate", id());
    }
    if (count > kMaxDevices) return Error(Reason::PluginFailed, id() + " reports too many devices");
    std::vector<onestop_device_info> infos(count);
    std::uint32_t got = count;
    if (count > 0) {
      s = call("enumerate", [&](void* p) { return fn(p, infos.data(), &got); });
      if (s == ONESTOP_E_BUFFER_TOO_SMALL) continue;  // a device arrived in between
      if (s != ONESTOP_OK) return statusError(s, "enumerate", id());
    }
    std::vector<DeviceSnapshot> devices;
    for (std::uint32_t i = 0; i < std::min(got, count); ++i) {
      auto d = snapshot(infos[i]);
      if (!d) continue;
      const bool duplicate = std::any_of(devices.begin(), devices.end(),
                                         [&](const DeviceSnapshot& o) { return o.id == d->id; });
      if (!duplicate) devices.push_back(std::move(*d));
    }
    return devices;
  }
  return Error(Reason::PluginFailed, id() + ": the device list kept changing during enumerate");
}

Result<std::string> LoadedPlugin::control(const std::string& requestJson) {
  const auto fn = tables_.plugin.control;
  if (fn == nullptr) return Error(Reason::NotSupported, "plugin " + id() + " has no control");
  std::lock_guard lock(pluginMutex_);
  std::string buffer(ONESTOP_CONTROL_RESPONSE_MIN, '\0');
  std::size_t length = buffer.size();
  const onestop_status s =
      call("control", [&](void* p) { return fn(p, requestJson.c_str(), buffer.data(), &length); });
  if (s == ONESTOP_E_BUFFER_TOO_SMALL) {
    return Error(Reason::PluginFailed, "control response of " + id() + " exceeds 64 KiB");
  }
  std::string text(buffer.data(), strnlen(buffer.data(), std::min(length, buffer.size())));
  if (s != ONESTOP_OK) {
    return Error(reasonForStatus(s),
                 text.empty() ? "control on " + id() + ": " + statusName(s) : text);
  }
  return text;
}

std::shared_ptr<std::mutex> LoadedPlugin::deviceMutex(const std::string& localId) {
  std::lock_guard lock(locksMutex_);
  auto& m = deviceLocks_[localId];
  if (!m) m = std::make_shared<std::mutex>();
  return m;
}

void LoadedPlugin::track(onestop_card* card) {
  std::lock_guard lock(handlesMutex_);
  cards_.insert(card);
}

bool LoadedPlugin::untrack(onestop_card* card) {
  std::lock_guard lock(handlesMutex_);
  return cards_.erase(card) > 0;
}

void LoadedPlugin::track(onestop_scan_job* job) {
  std::lock_guard lock(handlesMutex_);
  jobs_.insert(job);
}

bool LoadedPlugin::untrack(onestop_scan_job* job) {
  std::lock_guard lock(handlesMutex_);
  return jobs_.erase(job) > 0;
}

void LoadedPlugin::closeHandles() {
  std::lock_guard lock(handlesMutex_);
  for (onestop_card* card : cards_) {
    try {
      tables_.reader->disconnect(card, ONESTOP_LEAVE_CARD);
    } catch (...) {
      logThrow("reader.disconnect");
    }
  }
  for (onestop_scan_job* job : jobs_) {
    try {
      tables_.scanner->finish(job);
    } catch (...) {
      logThrow("scanner.finish");
    }
  }
  cards_.clear();
  jobs_.clear();
}

void LoadedPlugin::shutdown() {
  std::call_once(shutdownOnce_, [this] {
    if (initialised_) {
      if (tables_.scanner && tables_.scanner->cancel != nullptr) {
        std::lock_guard lock(handlesMutex_);  // a job's owner cannot finish it meanwhile
        for (onestop_scan_job* job : jobs_) {
          (void)call("scanner.cancel", [&](void*) { return tables_.scanner->cancel(job); });
        }
      }
      gate_.close();
      closeHandles();
      try {
        tables_.plugin.shutdown(instance_);
      } catch (...) {
        logThrow("shutdown");
      }
      instance_ = nullptr;
    } else {
      gate_.close();
    }
    binding_->close();
    library_.unload();
  });
}

}  // namespace onestop::plugins
