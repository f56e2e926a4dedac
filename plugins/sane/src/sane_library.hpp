// libsane is process-global: one sane_init … sane_exit bracket for everything in the process.
// Several plugin instances may live at once (the conformance checker loads the plugin more than
// once), so the bracket is reference-counted.
#pragma once

#include <mutex>
#include <string>

namespace onestop::sane {

class SaneSession {
 public:
  SaneSession();  // sane_init on the first session; StatusError(ONESTOP_E_IO) if it fails
  SaneSession(const SaneSession&) = delete;
  SaneSession& operator=(const SaneSession&) = delete;
  ~SaneSession();  // sane_exit when the last session goes

  // "1.2.1": the version libsane reported at init.
  [[nodiscard]] static std::string version();
};

// Serialises the library-wide calls (sane_get_devices, sane_open, sane_close): backends keep
// global device tables that these calls walk. Calls on one open handle (options, start, read)
// need no lock because one job owns its handle; sane_cancel is allowed from any thread.
std::mutex& saneGlobalMutex();

}  // namespace onestop::sane
