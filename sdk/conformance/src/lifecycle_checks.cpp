// Areas "init", "enumerate", "control", "shutdown": the plugin-wide functions.
#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "check_context.hpp"
#include "onestop/plugins/status_mapping.hpp"
#include "probe.hpp"

namespace onestop::conformance {
namespace {

using plugins::statusName;

constexpr std::uint32_t kMaxDevices = 256;
constexpr std::uint32_t kKnownFlags =
    ONESTOP_DEVICE_FLAG_CARD_PRESENT | ONESTOP_DEVICE_FLAG_SIMULATED;

bool terminated(const char* text, std::size_t capacity) {
  return std::memchr(text, '\0', capacity) != nullptr;
}

bool hasTable(const CheckContext& c, std::uint32_t kind) {
  return (kind == ONESTOP_DEVICE_READER && c.reader) ||
         (kind == ONESTOP_DEVICE_SCANNER && c.scanner) ||
         (kind == ONESTOP_DEVICE_PRINTER && c.printer);
}

void checkDeviceEntries(CheckContext& c) {
  const std::string area = "enumerate";
  std::set<std::string> ids;
  bool wellFormed = true;
  std::string problem;
  for (const auto& d : c.devices) {
    if (!terminated(d.id, sizeof d.id) || !terminated(d.name, sizeof d.name) || d.id[0] == '\0') {
      wellFormed = false;
      problem = "an id or name is empty or not NUL-terminated";
      continue;
    }
    if (!ids.insert(d.id).second) {
      wellFormed = false;
      problem = "id " + std::string(d.id) + " is reported twice";
    }
    if (!hasTable(c, d.kind)) {
      wellFormed = false;
      problem = std::string(d.id) + " has kind " + std::to_string(d.kind) + " with no table for it";
    }
    if ((d.flags & ~kKnownFlags) != 0 ||
        ((d.flags & ONESTOP_DEVICE_FLAG_CARD_PRESENT) != 0 && d.kind != ONESTOP_DEVICE_READER)) {
      wellFormed = false;
      problem = std::string(d.id) + " has unknown flags or CARD_PRESENT on a non-reader";
    }
  }
  c.report.expect(wellFormed, area, "entries have unique, terminated ids, valid kinds and flags",
                  problem);
}

}  // namespace

bool checkInit(CheckContext& c) {
  const std::string area = "init";
  const auto init = c.table.init;
  void* unused = nullptr;
  auto nullHost = probe([&] { return init(nullptr, c.options.config.c_str(), &unused); });
  c.report.expect(nullHost.completed && nullHost.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "init(host = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullHost));
  auto nullOut = probe([&] { return init(c.host.api(), c.options.config.c_str(), nullptr); });
  c.report.expect(nullOut.completed && nullOut.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "init(plugin = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullOut));
  onestop_status s = ONESTOP_E_INTERNAL;
  try {
    s = init(c.host.api(), c.options.config.c_str(), &c.instance);
  } catch (...) {
    c.report.fail(area, "init returns without throwing", "it threw");
    return false;
  }
  c.initialised = s == ONESTOP_OK;
  return c.report.expect(c.initialised, area, "init with config " + c.options.config + " succeeds",
                         statusName(s));
}

void checkEnumerate(CheckContext& c) {
  const std::string area = "enumerate";
  const auto enumerate = c.table.enumerate;
  auto nullCount = probe([&] { return enumerate(c.instance, nullptr, nullptr); });
  c.report.expect(nullCount.completed && nullCount.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "count = NULL gives ONESTOP_E_INVALID_ARGUMENT", describe(nullCount));
  std::uint32_t count = 0;
  const onestop_status query = enumerate(c.instance, nullptr, &count);
  if (!c.report.expect(query == ONESTOP_OK && count <= kMaxDevices, area,
                       "size query (devices = NULL) gives ONESTOP_OK and the count",
                       statusName(query) + ", count " + std::to_string(count))) {
    return;
  }
  c.report.pass(area, std::to_string(count) + " device(s)");
  if (count > 0) {
    // One entry short, followed by guard entries that must stay untouched.
    constexpr std::uint32_t kGuard = 4;
    std::vector<onestop_device_info> buffer(count - 1 + kGuard);
    std::memset(buffer.data(), 0xA5, buffer.size() * sizeof buffer[0]);
    const std::vector<onestop_device_info> pristine = buffer;
    std::uint32_t small = count - 1;
    const onestop_status s = enumerate(c.instance, buffer.data(), &small);
    c.report.expect(s == ONESTOP_E_BUFFER_TOO_SMALL && small == count, area,
                    "an array one entry short gives ONESTOP_E_BUFFER_TOO_SMALL and the need",
                    statusName(s) + ", count " + std::to_string(small));
    const bool untouched = std::memcmp(buffer.data() + (count - 1), pristine.data() + (count - 1),
                                       kGuard * sizeof buffer[0]) == 0;
    c.report.expect(untouched, area, "nothing is written past a too-small array",
                    "the plugin wrote past *count entries");
  }
  c.devices.assign(count, onestop_device_info{});
  std::uint32_t got = count;
  const onestop_status full = enumerate(c.instance, c.devices.data(), &got);
  c.report.expect(full == ONESTOP_OK && got == count, area, "a large enough array is filled",
                  statusName(full) + ", count " + std::to_string(got));
  c.devices.resize(std::min(got, count));
  checkDeviceEntries(c);
}

void checkControl(CheckContext& c) {
  const std::string area = "control";
  if (c.table.control == nullptr) {
    c.report.skip(area, "control", "optional function not provided");
    return;
  }
  const auto control = c.table.control;
  std::size_t len = 0;
  auto nullRequest = probe([&] { return control(c.instance, nullptr, nullptr, &len); });
  c.report.expect(nullRequest.completed && nullRequest.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "request = NULL gives ONESTOP_E_INVALID_ARGUMENT", describe(nullRequest));
  std::vector<char> response(ONESTOP_CONTROL_RESPONSE_MIN, '\x5A');
  std::size_t length = response.size();
  const onestop_status s = control(c.instance, "this is not JSON", response.data(), &length);
  c.report.expect(s == ONESTOP_E_INVALID_ARGUMENT || s == ONESTOP_E_NOT_SUPPORTED, area,
                  "a malformed request gives ONESTOP_E_INVALID_ARGUMENT", statusName(s));
  c.report.expect(length < response.size() && response[length] == '\0', area,
                  "the response is NUL-terminated at *response_len",
                  "*response_len " + std::to_string(length));
}

void checkShutdown(CheckContext& c) {
  const std::string area = "shutdown";
  try {
    c.table.shutdown(c.instance);
    c.report.pass(area, "shutdown returns");
  } catch (...) {
    c.report.fail(area, "shutdown returns without throwing", "it threw");
  }
  c.host.markShutDown();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  c.report.expect(c.host.callsAfterShutdown() == 0, area, "no emit or log after shutdown returned",
                  std::to_string(c.host.callsAfterShutdown()) + " call(s)");
}

}  // namespace onestop::conformance
