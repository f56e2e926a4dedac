#include "onestop/plugins/plugin_host.hpp"

#include "device_cache.hpp"
#include "event_router.hpp"
#include "loaded_plugin.hpp"
#include "plugin_registry.hpp"
#include "refresh_worker.hpp"

namespace onestop::plugins {

struct PluginHost::Impl {
  explicit Impl(LogFunction logFunction)
      : log(std::move(logFunction)),
        router(
            cache, [this](const std::string& id) { refresher.request(id); }, log),
        registry(cache, router, log),
        refresher([this](const std::string& id) { refreshPlugin(id); }) {}

  void refreshPlugin(const std::string& pluginId);
  Result<DeviceChannel> channel(const std::string& deviceId, DeviceKind kind) const;

  LogFunction log;
  DeviceCache cache;
  EventRouter router;
  PluginRegistry registry;
  RefreshWorker refresher;  // last: its thread uses the members above
  std::mutex shutdownMutex;
  bool shutDown = false;
};

void PluginHost::Impl::refreshPlugin(const std::string& pluginId) {
  const auto plugin = registry.find(pluginId);
  if (!plugin) return;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto generation = cache.generation(pluginId);
    auto devices = plugin->enumerate();
    if (!devices) {
      if (log) log(LogLevel::Warning, "refresh of " + pluginId + ": " + devices.error().detail());
      return;
    }
    if (cache.replacePluginIf(pluginId, std::move(*devices), generation)) return;
  }
}

Result<DeviceChannel> PluginHost::Impl::channel(const std::string& deviceId,
                                                DeviceKind kind) const {
  const auto device = cache.find(deviceId);
  if (!device || device->kind != kind) {
    return Error(Reason::DeviceNotFound,
                 std::string("no ") + deviceKindName(kind) + " with id " + deviceId);
  }
  auto plugin = registry.find(device->pluginId);
  if (!plugin) return Error(Reason::DeviceNotFound, "plugin of " + deviceId + " is not loaded");
  auto mutex = plugin->deviceMutex(device->localId);
  return DeviceChannel{std::move(plugin), deviceId, device->localId, std::move(mutex)};
}

PluginHost::PluginHost(PluginHostOptions options) : impl_(std::make_unique<Impl>(options.log)) {
  impl_->registry.loadAll(options);
}

PluginHost::~PluginHost() {
  shutdown();
}

std::vector<DeviceSnapshot> PluginHost::devices() const {
  return impl_->cache.list();
}

std::vector<PluginReport> PluginHost::plugins() const {
  return impl_->registry.reports();
}

Result<std::string> PluginHost::control(const std::string& pluginId,
                                        const std::string& requestJson) {
  const auto plugin = impl_->registry.find(pluginId);
  if (!plugin) return Error(Reason::PluginNotFound, "no loaded plugin with id " + pluginId);
  return plugin->control(requestJson);
}

void PluginHost::setListener(Listener listener) {
  impl_->router.setListener(std::move(listener));
}

std::optional<DeviceSnapshot> PluginHost::device(const std::string& deviceId) const {
  return impl_->cache.find(deviceId);
}

void PluginHost::refresh() {
  for (const auto& plugin : impl_->registry.loaded()) impl_->refreshPlugin(plugin->id());
}

Result<std::shared_ptr<Reader>> PluginHost::reader(const std::string& deviceId) const {
  auto channel = impl_->channel(deviceId, DeviceKind::Reader);
  if (!channel) return channel.error();
  return std::make_shared<Reader>(std::move(*channel));
}

Result<std::shared_ptr<Scanner>> PluginHost::scanner(const std::string& deviceId) const {
  auto channel = impl_->channel(deviceId, DeviceKind::Scanner);
  if (!channel) return channel.error();
  return std::make_shared<Scanner>(std::move(*channel));
}

Result<std::shared_ptr<Printer>> PluginHost::printer(const std::string& deviceId) const {
  auto channel = impl_->channel(deviceId, DeviceKind::Printer);
  if (!channel) return channel.error();
  return std::make_shared<Printer>(std::move(*channel));
}

Result<std::shared_ptr<ReaderConnection>> PluginHost::connectReader(
    const std::string& deviceId) const {
  auto reader = this->reader(deviceId);
  if (!reader) return reader.error();
  return (*reader)->connect();
}

void PluginHost::shutdown() {
  std::lock_guard lock(impl_->shutdownMutex);
  if (impl_->shutDown) return;
  impl_->shutDown = true;
  impl_->refresher.stop();
  impl_->registry.shutdownAll();
}

}  // namespace onestop::plugins
