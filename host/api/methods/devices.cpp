// devices.*: the device list and the device/card events.
#include "onestop/api/event_hub.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json deviceSchema() {
  return s::object({{"id", s::string("Global device id, \"<plugin>/<device>\"")},
                    {"kind", s::enumOf({"reader", "scanner", "printer"})},
                    {"name", s::string()},
                    {"plugin", s::string()},
                    {"simulated", s::boolean()},
                    {"cardPresent", s::boolean()}},
                   {"id", "kind", "name", "plugin", "simulated"});
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

}  // namespace

Json deviceJson(const plugins::DeviceSnapshot& device) {
  Json out{{"id", device.id},
           {"kind", plugins::deviceKindName(device.kind)},
           {"name", device.name},
           {"plugin", device.pluginId},
           {"simulated", device.simulated}};
  if (device.kind == plugins::DeviceKind::Reader) out["cardPresent"] = device.cardPresent;
  return out;
}

void publishDeviceEvent(EventHub& hub, const plugins::DeviceEvent& event) {
  using Kind = plugins::DeviceEvent::Kind;
  switch (event.kind) {
    case Kind::DeviceAdded:
      hub.publish("device.added", Json{{"device", deviceJson(event.device)}});
      return;
    case Kind::DeviceRemoved:
      hub.publish("device.removed", Json{{"device", deviceJson(event.device)}});
      return;
    case Kind::CardInserted:
      // The ATR identifies the card type, not the citizen, so it may be broadcast.
      hub.publish("card.inserted", Json{{"reader", event.device.id}, {"atr", hex(event.atr)}});
      return;
    case Kind::CardRemoved:
      hub.publish("card.removed", Json{{"reader", event.device.id}});
      return;
  }
}

void registerDeviceMethods(MethodRegistry& registry, const plugins::DeviceCatalog& catalog) {
  registry.add({"devices.list", "devices", "Readers, scanners and printers the plugins see now.",
                s::object({{"kind", s::enumOf({"reader", "scanner", "printer"})}}),
                s::object({{"devices", s::arrayOf(deviceSchema())}}, {"devices"}),
                [&catalog](const Json& params, CallContext&) -> Result<Json> {
                  const auto kind = params.value("kind", std::string());
                  Json devices = Json::array();
                  for (const auto& device : catalog.devices()) {
                    if (kind.empty() || kind == plugins::deviceKindName(device.kind)) {
                      devices.push_back(deviceJson(device));
                    }
                  }
                  return Json{{"devices", std::move(devices)}};
                }});

  registry.addEvent(
      {"device.added", "A device appeared.", s::object({{"device", deviceSchema()}}, {"device"})});
  registry.addEvent({"device.removed", "A device disappeared.",
                     s::object({{"device", deviceSchema()}}, {"device"})});
  registry.addEvent(
      {"card.inserted", "A card was placed on a reader.",
       s::object({{"reader", s::string()}, {"atr", s::string("ATR, hex")}}, {"reader", "atr"})});
  registry.addEvent(
      {"card.removed", "A card left a reader.", s::object({{"reader", s::string()}}, {"reader"})});
}

}  // namespace onestop::api
