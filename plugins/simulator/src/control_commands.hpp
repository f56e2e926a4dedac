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
//   {"command":"setScannerFault","scanner":"scanner-0",
//    "fault":"jammed"|"coverOpen"|"busy"|"io"|"noDocuments"|"none"}
//     → every later start fails with JAMMED, COVER_OPEN, DEVICE_BUSY, IO, NO_DOCUMENTS (ADF
//     only: an empty feeder) until "none"
//   {"command":"placeOnGlass","scanner":"scanner-0","card":"an-2021"} → {"scanner":…,"glass":…}
//     flatbed scans give that card folder's glass-<dpi>dpi.png nearest the requested dpi
//   {"command":"clearGlass","scanner":"scanner-0"} → {"scanner":…,"glass":null}
//   {"command":"setPrinterFault","printer":"printer-0",
//    "fault":"stopped"|"missing"|"jobFailed"|"none"|null}   ("printerFault" is the same command)
//     → {"printer":…,"fault":…|null}: later submits give PRINTER_STOPPED, every call NO_DEVICE,
//     or jobs that end FAILED, until "none"/null
//   {"command":"status"} → {"readers":[{"id":…,"card":…|null,"cardStatus":{…}|null}],
//                           "cardModels":[…],"cards":"<dir>",
//                           "scanImages":…,"glass":"an-2021"|null,"printOutput":…,
//                           "printerFault":"stopped"|…|null}
// "reader"/"scanner" default to the first device. Failures answer {"error":"…"} with
// ONESTOP_E_INVALID_ARGUMENT (bad JSON, unknown command, card model or fault, a card folder
// without glass scans) or
// ONESTOP_E_NO_DEVICE (unknown reader, scanner or printer).
onestop_status runControlCommand(const SimulatorDevices& devices, std::string_view request,
                                 std::string& response);

}  // namespace onestop::simulator
