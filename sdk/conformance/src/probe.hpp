#pragma once

#include <functional>
#include <string>

#include "onestop/plugin.h"

namespace onestop::conformance {

// The outcome of a call that may crash a nonconforming plugin (NULL arguments the ABI forbids):
// it runs in a forked child with a time limit, so a crash becomes a FAIL line, not our death.
struct ProbeResult {
  bool completed = false;  // the call returned
  onestop_status status = ONESTOP_OK;
  std::string problem;  // "crashed with signal 11", "threw", "timed out" …
};

ProbeResult probe(const std::function<onestop_status()>& call);

// "ONESTOP_E_NO_CARD" or the crash description.
std::string describe(const ProbeResult& result);

}  // namespace onestop::conformance
