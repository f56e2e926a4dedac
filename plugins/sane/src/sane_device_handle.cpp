#include "sane_device_handle.hpp"

#include "sane_library.hpp"

namespace onestop::sane {

bool BusyDevices::claim(const std::string& device) {
  std::lock_guard lock(mutex_);
  return busy_.insert(device).second;
}

void BusyDevices::release(const std::string& device) {
  std::lock_guard lock(mutex_);
  busy_.erase(device);
}

SANE_Status OpenDevice::open(const std::string& name, std::unique_ptr<OpenDevice>& out) {
  SANE_Handle handle = nullptr;
  std::lock_guard lock(saneGlobalMutex());
  const SANE_Status s = sane_open(name.c_str(), &handle);
  if (s == SANE_STATUS_GOOD) out.reset(new OpenDevice(handle));
  return s;
}

OpenDevice::~OpenDevice() {
  // sane_cancel ends any scan in progress (a no-op when none is); the standard wants it before
  // sane_close so the device is left ready for the next frontend.
  sane_cancel(handle_);
  std::lock_guard lock(saneGlobalMutex());
  sane_close(handle_);
}

}  // namespace onestop::sane
