// The sane plugin's one export: onestop_plugin_entry for the "sane" plugin id.
#include "onestop/plugin.hpp"
#include "sane_plugin.hpp"

ONESTOP_DECLARE_PLUGIN(onestop::sane::SanePlugin, "sane")
