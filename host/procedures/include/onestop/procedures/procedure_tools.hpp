#pragma once

// What `onestopctl procedure test|check` runs, without a daemon (procedure-contract.md).

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/procedures/procedure_registry.hpp"

namespace onestop::procedures {

struct TestRunOptions {
  std::string today = "2026-11-23";  // ctx.today; ctx.now is that day at 09:30 +07:00
  HostDataPaths hostData;
  // The registry's limits, with more wall time: tests run on loaded CI machines and a test
  // may call several members. A runaway test still stops within a second.
  Limits limits = {20'000'000, std::chrono::milliseconds(1000), std::size_t{32} << 20};
};

struct TestRunSummary {
  int passed = 0;
  int failed = 0;
  bool loaded = false;  // the procedure itself loaded (else every test counts as not run)
  // 0 only when the procedure loaded, every test passed and at least one ran.
  [[nodiscard]] int exitCode() const { return loaded && failed == 0 && passed > 0 ? 0 : 1; }
};

// Loads the procedure in its sandbox, then runs every tests/*.lua (sorted) in an environment
// of its own: the sandbox globals plus P, manifest, ctx, test(name, fn) and expect.*. Writes
// "ok <file>: <name>" / "FAIL <file>: <name>: <message>" per test and "N passed, M failed".
// Each test body runs under its own limits budget. An Error only for host faults (host data).
Result<TestRunSummary> runProcedureTests(const std::filesystem::path& folder,
                                         const TestRunOptions& options, std::ostream& out);

// The default ctx the test runner gives (also used by the benchmark and unit tests).
Json defaultTestContext(const std::string& today);

// Loads the procedure and reports what is wrong with it: the load error if any, then
// problems of P.fields (duplicate or missing ids, unknown types, labels without vi/en, select
// without options, table without columns) and test files that do not compile. Empty = fine.
Result<std::vector<LoadProblem>> checkProcedure(const std::filesystem::path& folder,
                                                const HostDataPaths& hostData);

}  // namespace onestop::procedures
