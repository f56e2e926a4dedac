#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace onestop::simulator {

// The simulator's section of the daemon config (all fields optional):
//   {"readers": 1, "insertedCard": "echo", "scanImages": "<dir>", "printOutput": "<dir>",
//    "cards": "<dir>", "glass": "an-2021"}
struct SimulatorConfig {
  int readers = 1;                    // 0..8 virtual readers: reader-0, reader-1, …
  std::string insertedCard;           // card model in reader-0 at start; empty: none
  std::filesystem::path scanImages;   // default: <plugin folder>/data/scan
  std::filesystem::path printOutput;  // default: <temp>/onestop-simulator-print
  std::filesystem::path cards;  // card folders for "cccd" chips; default: <plugin folder>/cards
  std::string glass;  // card folder on the scanner's glass at start (placeOnGlass); empty: none
};

// Throws sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT) for malformed JSON or a field of the wrong
// type or range; init then fails.
SimulatorConfig parseSimulatorConfig(std::string_view json, const std::filesystem::path& pluginDir);

}  // namespace onestop::simulator
