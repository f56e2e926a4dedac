// The pcsc plugin's one export: onestop_plugin_entry for the "pcsc" plugin id.
#include "onestop/plugin.hpp"
#include "pcsc_plugin.hpp"

ONESTOP_DECLARE_PLUGIN(onestop::pcsc::PcscPlugin, "pcsc")
