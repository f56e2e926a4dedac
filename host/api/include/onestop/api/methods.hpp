#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"

namespace onestop::plugins {
class DeviceCatalog;
struct DeviceEvent;
struct DeviceSnapshot;
}  // namespace onestop::plugins

namespace onestop::emrtd {
class TrustStore;
}
namespace onestop::store {
class AuditLog;
}
namespace onestop::workflows {
class CardReadWorkflow;
class OnlineVerifier;
}  // namespace onestop::workflows

namespace onestop::api {

class EventHub;
class CardReads;

// What card.*, eid.*, evidence.* and audit.* work with; owned by the daemon.
struct CardServices {
  workflows::CardReadWorkflow& workflow;
  std::shared_ptr<const emrtd::TrustStore> trust;
  workflows::OnlineVerifier* online = nullptr;  // none configured
  store::AuditLog& audit;
  CardReads& reads;
};

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
void registerCardMethods(MethodRegistry& registry, CardServices& services);
void registerEidMethods(MethodRegistry& registry, CardServices& services);
void registerAuditMethods(MethodRegistry& registry, store::AuditLog& audit);
// rpc.discover reads the registry it is registered in, so register it last.
void registerRpcMethods(MethodRegistry& registry, const ProductInfo& product);

// Everything above, in order: what the daemon and the tests both assemble. Without card
// services (unit tests of the protocol) the card, eid and audit families are left out.
void registerAllMethods(MethodRegistry& registry, const ProductInfo& product,
                        plugins::DeviceCatalog& catalog, CardServices* cards = nullptr);

// The wire shape of a device, shared by devices.list and the device events.
Json deviceJson(const plugins::DeviceSnapshot& device);
// Turns a plugin-host event into the API notification for subscribed sessions.
void publishDeviceEvent(EventHub& hub, const plugins::DeviceEvent& event);

}  // namespace onestop::api
