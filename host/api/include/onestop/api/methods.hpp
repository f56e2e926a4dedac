#pragma once

#include <chrono>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"

namespace onestop::plugins {
class DeviceCatalog;
struct DeviceEvent;
struct DeviceSnapshot;
}  // namespace onestop::plugins

namespace onestop::api {

class EventHub;

struct ProductInfo {
  std::string version;
  std::chrono::system_clock::time_point startedAt;
};

// One function per domain file under host/api/methods/.
void registerSystemMethods(MethodRegistry& registry, const ProductInfo& product,
                           const plugins::DeviceCatalog& catalog);
void registerDeviceMethods(MethodRegistry& registry, const plugins::DeviceCatalog& catalog);
void registerEventMethods(MethodRegistry& registry);
void registerAdminMethods(MethodRegistry& registry, plugins::DeviceCatalog& catalog);
// rpc.discover reads the registry it is registered in, so register it last.
void registerRpcMethods(MethodRegistry& registry, const ProductInfo& product);

// Everything above, in order: what the daemon and the tests both assemble.
void registerAllMethods(MethodRegistry& registry, const ProductInfo& product,
                        plugins::DeviceCatalog& catalog);

// The wire shape of a device, shared by devices.list and the device events.
Json deviceJson(const plugins::DeviceSnapshot& device);
// Turns a plugin-host event into the API notification for subscribed sessions.
void publishDeviceEvent(EventHub& hub, const plugins::DeviceEvent& event);

}  // namespace onestop::api
