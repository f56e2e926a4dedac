#pragma once

#include <string>
#include <vector>

namespace onestop::ctl {

// `onestopctl procedure test <dir> [--today yyyy-mm-dd] [--config-dir DIR]` and
// `onestopctl procedure check <dir> [--config-dir DIR]`: run a procedure folder's own tests or
// report what is wrong with it, locally (no daemon). `args` starts after "procedure".
// Returns the exit code: 0 all passed / nothing wrong, 1 failures or problems, 64 usage,
// 78 host data (config/admin-units, config/holidays.json) unusable.
int runProcedureCommand(const std::vector<std::string>& args);

}  // namespace onestop::ctl
