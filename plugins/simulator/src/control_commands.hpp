#pragma once

#include <string>
#include <string_view>

#include "onestop/plugin.h"
#include "simulator_devices.hpp"

namespace onestop::simulator {

// The simulator's control requests (JSON in, JSON out):
//   {"command":"insertCard","reader":"reader-0","card":"echo"} → {"reader":…,"card":…,"atr":"3B…"}
//     "card" is a model ("echo"), a card folder under the config's "cards" ("an-2021"), or
//     "cccd" with "folder":"/abs/path" naming any card folder.
//   {"command":"removeCard","reader":"reader-0"}              → {"reader":…,"removed":true|false}
//   {"command":"setScannerFault","scanner":"scanner-0","fault":"jammed"|"coverOpen"|"none"}
//   {"command":"status"} → {"readers":[{"id":…,"card":…|null,"cardStatus":{…}|null}],
//                           "cardModels":[…],"cards":"<dir>",
//                           "scanImages":…,"printOutput":…}
// "reader"/"scanner" default to the first device. Failures answer {"error":"…"} with
// ONESTOP_E_INVALID_ARGUMENT (bad JSON, unknown command, card model or fault) or
// ONESTOP_E_NO_DEVICE (unknown reader or scanner).
onestop_status runControlCommand(const SimulatorDevices& devices, std::string_view request,
                                 std::string& response);

}  // namespace onestop::simulator
