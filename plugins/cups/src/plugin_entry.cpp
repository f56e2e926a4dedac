// The cups plugin's one export: onestop_plugin_entry for the "cups" plugin id.
#include "cups_plugin.hpp"
#include "onestop/plugin.hpp"

ONESTOP_DECLARE_PLUGIN(onestop::cups::CupsPlugin, "cups")
