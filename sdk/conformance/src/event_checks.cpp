// Area "events": every event and log line the plugin raised during the run was well-formed.
#include "check_context.hpp"

namespace onestop::conformance {

void checkEvents(CheckContext& c) {
  const std::string area = "events";
  const auto events = c.host.events();
  c.report.pass(area, std::to_string(events.size()) + " event(s), " +
                          std::to_string(c.host.logLines()) + " log line(s) received");
  const auto violations = c.host.violations();
  std::string first = violations.empty() ? "" : violations.front();
  if (violations.size() > 1) first += " (and " + std::to_string(violations.size() - 1) + " more)";
  c.report.expect(violations.empty(), area, "events and log lines follow the ABI", first);

  bool known = true;
  std::string unknownId;
  for (const auto& e : events) {
    if (e.kind == ONESTOP_EVENT_DEVICE_ADDED || e.deviceId.empty()) continue;
    bool found = false;
    for (const auto& d : c.devices) found = found || e.deviceId == d.id;
    if (!found) {
      known = false;
      unknownId = e.deviceId;
    }
  }
  c.report.expect(known, area, "events name devices that enumerate reported",
                  "unknown device " + unknownId);
}

}  // namespace onestop::conformance
