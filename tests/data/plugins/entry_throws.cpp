// A plugin whose entry point throws a C++ exception across the C boundary (which the ABI forbids):
// the host must catch it and refuse the plugin with ENTRY_FAILED.
#include <stdexcept>

#include "onestop/plugin.h"

extern "C" ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(
    uint16_t /*host_abi_major*/, uint16_t /*host_abi_minor*/) {
  throw std::runtime_error("fixture: the entry point throws");
}
