#include "sane_job_setup.hpp"

#include <algorithm>
#include <cmath>

#include "sane_capabilities.hpp"
#include "sane_options.hpp"
#include "sane_scan_job.hpp"
#include "sane_status.hpp"

namespace onestop::sane {
namespace {

constexpr double kMmPerInch = 25.4;

class Setup {
 public:
  Setup(const JobStartContext& context, const std::string& device, SANE_Handle handle)
      : host_(context.host), device_(device), options_(handle) {}

  onestop_status apply(const onestop_scan_options& o, JobPlan& plan) {
    const DeviceChoices choices = readChoices(options_);
    if (auto s = setSource(choices, o.source); s != ONESTOP_OK) return s;
    if (auto s = setMode(choices, o.mode); s != ONESTOP_OK) return s;
    if (auto s = setResolution(o.resolution_dpi, plan); s != ONESTOP_OK) return s;
    return setArea(o, plan);
  }

 private:
  onestop_status refuse(const std::string& why) {
    host_.log(ONESTOP_LOG_WARNING, "scan on " + device_ + " refused: " + why);
    return ONESTOP_E_INVALID_ARGUMENT;
  }

  // A standard option the device refused: INVAL means the value, anything else the device.
  onestop_status failed(const char* option, SANE_Status s) {
    host_.log(ONESTOP_LOG_WARNING, "setting " + std::string(option) + " on " + device_ +
                                       " failed: " + saneStatusName(s));
    return s == SANE_STATUS_INVAL ? ONESTOP_E_INVALID_ARGUMENT : statusForSane(s);
  }

  onestop_status setSource(const DeviceChoices& c, std::uint32_t source) {
    const bool adf = source == ONESTOP_SCAN_SOURCE_ADF;
    if (!adf && source != 0 && source != ONESTOP_SCAN_SOURCE_FLATBED)
      return refuse("unknown source");
    if (!c.hasSourceOption) return adf ? refuse("the device has no document feeder") : ONESTOP_OK;
    const auto& spelling = adf ? c.adfSource : c.flatbedSource;
    if (!spelling)
      return refuse(adf ? "the device has no document feeder" : "the device has no flatbed");
    // Set the source first: backends change the geometry ranges with it.
    const SANE_Status s = options_.setText(SANE_NAME_SCAN_SOURCE, *spelling);
    return s == SANE_STATUS_GOOD ? ONESTOP_OK : failed("source", s);
  }

  onestop_status setMode(const DeviceChoices& c, std::uint32_t mode) {
    std::optional<std::string> spelling;
    int depth = 8;
    switch (mode) {
      case ONESTOP_SCAN_MODE_GRAY:
        spelling = c.grayMode;
        break;
      case ONESTOP_SCAN_MODE_LINEART:
        spelling = c.lineartMode;
        if (!spelling && c.lineartByDepth) {
          spelling = c.grayMode;
          depth = 1;
        }
        break;
      case 0:
      case ONESTOP_SCAN_MODE_COLOR:
        spelling = c.colorMode;
        if (!spelling && mode == 0) spelling = c.grayMode;
        break;
      default:
        return refuse("unknown mode");
    }
    const bool hasModeOption = c.colorMode || c.grayMode || c.lineartMode;
    if (!spelling) return hasModeOption ? refuse("the device lacks that mode") : ONESTOP_OK;
    if (SANE_Status s = options_.setText(SANE_NAME_SCAN_MODE, *spelling); s != SANE_STATUS_GOOD) {
      return failed("mode", s);
    }
    // Backends keep the depth between jobs (a lineart job leaves 1 behind): set it every time when
    // the device offers the one wanted. A dedicated lineart mode brings its own depth.
    if (mode == ONESTOP_SCAN_MODE_LINEART && c.lineartMode) return ONESTOP_OK;
    if (const auto f = options_.find(SANE_NAME_BIT_DEPTH)) {
      const auto list = wordListValues(*f->descriptor);
      if (list && std::find(list->begin(), list->end(), double(depth)) != list->end()) {
        if (SANE_Status s = options_.setNumber(SANE_NAME_BIT_DEPTH, depth); s != SANE_STATUS_GOOD) {
          return failed("depth", s);
        }
      }
    }
    return ONESTOP_OK;
  }

  onestop_status setResolution(std::uint32_t wanted, JobPlan& plan) {
    const double dpi = wanted != 0 ? wanted : 300;
    for (const char* name :
         {SANE_NAME_SCAN_RESOLUTION, SANE_NAME_SCAN_X_RESOLUTION, SANE_NAME_SCAN_Y_RESOLUTION}) {
      const auto f = options_.find(name);
      if (!f) continue;
      const SANE_Status s = options_.setNumber(name, nearestAllowed(*f->descriptor, dpi));
      if (s != SANE_STATUS_GOOD) return failed(name, s);
      if (name == std::string_view(SANE_NAME_SCAN_Y_RESOLUTION)) continue;
      plan.resolutionDpi =
          static_cast<std::uint32_t>(std::lround(options_.number(name).value_or(dpi)));
      if (name == std::string_view(SANE_NAME_SCAN_RESOLUTION)) break;  // one option for both axes
    }
    if (plan.resolutionDpi == 0) plan.resolutionDpi = static_cast<std::uint32_t>(dpi);
    return ONESTOP_OK;
  }

  onestop_status setArea(const onestop_scan_options& o, JobPlan& plan) {
    const auto limits = readAreaLimits(options_);
    if (!limits) return ONESTOP_OK;  // a device without geometry options scans what it scans
    const double unit = mmPerUnit(*limits, plan.resolutionDpi);  // mm per option unit
    auto toUnits = [&](std::uint32_t um) { return um / 1000.0 / unit; };
    const double x0 = std::clamp(limits->xMin + toUnits(o.left_um), limits->xMin, limits->xMax);
    const double y0 = std::clamp(limits->yMin + toUnits(o.top_um), limits->yMin, limits->yMax);
    const double x1 =
        o.width_um == 0 ? limits->xMax : std::min(limits->xMax, x0 + toUnits(o.width_um));
    const double y1 =
        o.height_um == 0 ? limits->yMax : std::min(limits->yMax, y0 + toUnits(o.height_um));
    if (x1 <= x0 || y1 <= y0) return refuse("the scan area is empty or outside the scanner's area");
    const std::pair<const char*, double> corners[] = {{SANE_NAME_SCAN_TL_X, x0},
                                                      {SANE_NAME_SCAN_TL_Y, y0},
                                                      {SANE_NAME_SCAN_BR_X, x1},
                                                      {SANE_NAME_SCAN_BR_Y, y1}};
    for (const auto& [name, value] : corners) {
      const auto f = options_.find(name);
      if (!f) continue;
      const SANE_Status s = options_.setNumber(name, nearestAllowed(*f->descriptor, value));
      if (s != SANE_STATUS_GOOD) return failed(name, s);
    }
    // The largest frame this device could honestly send: its whole area in 16-bit RGB, plus
    // a few lines of slack for backends that round up.
    const double inchesWide = (limits->xMax - limits->xMin) * unit / kMmPerInch;
    const double inchesHigh = (limits->yMax - limits->yMin) * unit / kMmPerInch;
    const double pixels =
        (inchesWide * plan.resolutionDpi + 64) * (inchesHigh * plan.resolutionDpi + 64);
    plan.maxFrameBytes = static_cast<std::uint64_t>(
        std::min<double>(pixels * 6, static_cast<double>(kMaxPageBytes)));
    return ONESTOP_OK;
  }

  sdk::Host host_;
  std::string device_;
  SaneOptions options_;
};

}  // namespace

onestop_status startSaneJob(const JobStartContext& context, const std::string& device,
                            const onestop_scan_options& options,
                            std::unique_ptr<sdk::ScanJob>& job) {
  if (!context.busy->claim(device)) return ONESTOP_E_DEVICE_BUSY;
  auto claim = std::make_unique<DeviceClaim>(context.busy, device);
  std::unique_ptr<OpenDevice> open;
  if (const SANE_Status s = OpenDevice::open(device, open); s != SANE_STATUS_GOOD) {
    context.host.log(ONESTOP_LOG_WARNING, "sane_open " + device + " failed: " + saneStatusName(s));
    return statusForSane(s);
  }
  if (context.rememberCapabilities) context.rememberCapabilities(readCapabilities(open->handle()));
  JobPlan plan;
  plan.adf = options.source == ONESTOP_SCAN_SOURCE_ADF;
  plan.maxPages = options.max_pages;
  Setup setup(context, device, open->handle());
  if (const onestop_status s = setup.apply(options, plan); s != ONESTOP_OK) return s;
  if (const onestop_status s =
          context.vendorOptions->apply(device, SaneOptions(open->handle()), context.host);
      s != ONESTOP_OK) {
    return s;
  }
  job = std::make_unique<SaneScanJob>(context.host, context.session, std::move(claim),
                                      std::move(open), plan);
  return ONESTOP_OK;
}

}  // namespace onestop::sane
