// The simulator's one export: onestop_plugin_entry for the "simulator" plugin id.
#include "onestop/plugin.hpp"
#include "simulator_plugin.hpp"

ONESTOP_DECLARE_PLUGIN(onestop::simulator::SimulatorPlugin, "simulator")
