#include "event_router.hpp"

#include <exception>

namespace onestop::plugins {

EventRouter::EventRouter(DeviceCache& cache, RefreshRequest requestRefresh, LogFunction log)
    : cache_(cache), requestRefresh_(std::move(requestRefresh)), log_(std::move(log)) {}

void EventRouter::setListener(DeviceCatalog::Listener listener) {
  auto shared =
      listener ? std::make_shared<const DeviceCatalog::Listener>(std::move(listener)) : nullptr;
  std::lock_guard lock(mutex_);
  listener_ = std::move(shared);
}

void EventRouter::route(const std::string& pluginId, const PluginEvent& event) {
  DeviceCache::Applied applied = cache_.apply(pluginId, event);
  if (applied.needsRefresh && requestRefresh_) requestRefresh_(pluginId);

  std::shared_ptr<const DeviceCatalog::Listener> listener;
  {
    std::lock_guard lock(mutex_);
    listener = listener_;
  }
  if (!listener) return;
  DeviceEvent out;
  out.kind = event.kind;
  out.device = std::move(applied.device);
  if (event.kind == DeviceEvent::Kind::CardInserted) out.atr = event.data;
  try {
    (*listener)(out);
  } catch (const std::exception& e) {
    if (log_) log_(LogLevel::Error, std::string("device event listener threw: ") + e.what());
  } catch (...) {
    if (log_) log_(LogLevel::Error, "device event listener threw");
  }
}

}  // namespace onestop::plugins
