#include "sane_library.hpp"

#include <sane/sane.h>

#include <cstdio>

#include "onestop/plugin.hpp"
#include "sane_status.hpp"

namespace onestop::sane {
namespace {

int gUsers = 0;             // guarded by saneGlobalMutex()
SANE_Int gVersionCode = 0;  // guarded by saneGlobalMutex()

}  // namespace

std::mutex& saneGlobalMutex() {
  static std::mutex mutex;
  return mutex;
}

SaneSession::SaneSession() {
  std::lock_guard lock(saneGlobalMutex());
  if (gUsers == 0) {
    // No authorisation callback: the plugin serves local scanners, never asks for passwords.
    const SANE_Status s = sane_init(&gVersionCode, nullptr);
    if (s != SANE_STATUS_GOOD) {
      throw sdk::StatusError(ONESTOP_E_IO, "sane_init failed: " + saneStatusName(s));
    }
  }
  ++gUsers;
}

SaneSession::~SaneSession() {
  std::lock_guard lock(saneGlobalMutex());
  if (--gUsers == 0) sane_exit();
}

std::string SaneSession::version() {
  std::lock_guard lock(saneGlobalMutex());
  char text[32];
  std::snprintf(text, sizeof text, "%d.%d.%d", SANE_VERSION_MAJOR(gVersionCode),
                SANE_VERSION_MINOR(gVersionCode), SANE_VERSION_BUILD(gVersionCode));
  return text;
}

}  // namespace onestop::sane
