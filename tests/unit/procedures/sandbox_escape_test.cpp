// The escape matrix: every way out of the sandbox or around its limits gives the typed error
// quickly, and the same Procedure object serves the next call.
#include <gtest/gtest.h>
#include <time.h>

#include <chrono>

#include "procedure_fixture.hpp"

namespace onestop::procedures {
namespace {

using testing::TempDir;

struct Escape {
  const char* name;
  const char* validateBody;
  Reason reason;
  const char* detailFragment;
};

const Escape kEscapes[] = {
    {"io", "return io.open('/etc/passwd')", Reason::ScriptError, "global 'io'"},
    {"os", "os.execute('true')", Reason::ScriptError, "global 'os'"},
    {"debug", "debug.sethook()", Reason::ScriptError, "global 'debug'"},
    {"package", "return package.loadlib('libc.so.6', 'system')", Reason::ScriptError,
     "global 'package'"},
    {"load", "return load('return 1')()", Reason::ScriptError, "global 'load'"},
    {"loadstring", "return loadstring('return 1')()", Reason::ScriptError, "global 'loadstring'"},
    {"dofile", "return dofile('/etc/passwd')", Reason::ScriptError, "global 'dofile'"},
    {"loadfile", "return loadfile('/etc/passwd')", Reason::ScriptError, "global 'loadfile'"},
    {"require os", "return require('os')", Reason::ScriptError, "not found"},
    {"require parent", "return require('../x')", Reason::ScriptError, "module name"},
    {"require absolute", "return require('/etc/passwd')", Reason::ScriptError, "module name"},
    {"string.dump", "return string.dump(function() end)", Reason::ScriptError, "dump"},
    {"bytecode module", "return require('evil')", Reason::ScriptError, "precompiled"},
    {"collectgarbage", "collectgarbage('stop')", Reason::ScriptError, "only \"count\""},
    {"coroutine", "return coroutine.wrap(function() end)", Reason::ScriptError,
     "global 'coroutine'"},
    {"string metatable", "getmetatable('').__index = function() return 'pwned' end",
     Reason::ScriptError, "protected"},
    {"__gc finalizer", "setmetatable({}, {__gc = function() while true do end end})",
     Reason::ScriptError, "__gc"},
    {"string.rep bomb", "return string.rep('x', 1 << 30)", Reason::ScriptLimit, "memory"},
    {"concat bomb", "local s = 'x' while true do s = s .. s end", Reason::ScriptLimit, "memory"},
    {"table growth", "local t = {} for i = 1, 1e9 do t[i] = i end", Reason::ScriptLimit, "memory"},
    {"infinite loop", "while true do end", Reason::ScriptLimit, ""},
    {"deep recursion", "local function f(n) return f(n + 1) + 1 end return f(1)",
     Reason::ScriptLimit, ""},
    {"pcall swallowing", "while true do pcall(function() while true do end end) end",
     Reason::ScriptLimit, ""},
    {"xpcall handler loop",
     "while true do xpcall(function() while true do end end, function() while true do end end) end",
     Reason::ScriptLimit, ""},
    // No coroutines: the same round-robin scheduling written with closures must still stop.
    {"coroutine-like scheduler",
     "local tasks = {} for i = 1, 3 do local n = 0 tasks[i] = function() n = n + 1 end end\n"
     "while true do for _, step in ipairs(tasks) do step() end end",
     Reason::ScriptLimit, ""},
    {"__tostring error object",
     "error(setmetatable({}, {__tostring = function() while true do end end}))",
     Reason::ScriptError, "error object is a table"},
};

double threadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

class SandboxEscape : public ::testing::TestWithParam<Escape> {};

TEST_P(SandboxEscape, GivesTheTypedErrorQuicklyAndTheProcedureStillServes) {
  const Escape& escape = GetParam();
  TempDir dir;
  const auto folder = testing::writeProcedure(
      dir.path(), "escape", testing::procedureWith("return 'alive'", escape.validateBody));
  testing::writeFile(folder / "evil.lua", std::string("\x1bLua\x54\x00 bytecode", 14));
  auto procedure = LuaProcedure::load(folder, testing::hostData(), Limits{});
  ASSERT_TRUE(procedure) << procedure.error().detail();

  for (int round = 0; round < 2; ++round) {  // a second time: nothing stuck from the first
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = threadCpuMs();
    auto result = (*procedure)->validate(Json::object(), Json::object());
    const double cpuMs = threadCpuMs() - cpuStart;
    const double wallMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wallStart)
            .count();
    ASSERT_FALSE(result) << escape.name << " was not stopped";
    EXPECT_EQ(result.error().reason(), escape.reason)
        << escape.name << ": " << result.error().detail();
    EXPECT_NE(result.error().detail().find(escape.detailFragment), std::string::npos)
        << escape.name << ": " << result.error().detail();
    // The budget is 100 ms of wall time: the CPU time spent must stay under it; the wall time
    // gets slack for a loaded machine (two shared cores) but proves nothing hangs.
    // The wall-time budget itself is 100 ms: a loop stopped by it ends one hook interval later.
    EXPECT_LT(cpuMs, 110.0) << escape.name;
    EXPECT_LT(wallMs, 250.0) << escape.name;

    auto form = (*procedure)->prefill(nullptr, nullptr, Json::object());
    ASSERT_TRUE(form) << escape.name << ": " << form.error().detail();
    EXPECT_EQ((*form)["value"], "alive");
  }
}

INSTANTIATE_TEST_SUITE_P(Matrix, SandboxEscape, ::testing::ValuesIn(kEscapes),
                         [](const ::testing::TestParamInfo<Escape>& param) {
                           std::string name;
                           for (const char c : std::string(param.param.name)) {
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

TEST(Sandbox, KeepsTheListedGlobalsAndStringMethods) {
  auto value = testing::evalLua(
      "local kept = {}\n"
      "for _, n in ipairs({'assert','error','ipairs','next','pairs','pcall','xpcall','select',\n"
      "  'tonumber','tostring','type','rawequal','rawlen','rawget','rawset','setmetatable',\n"
      "  'getmetatable','print','require','collectgarbage'}) do\n"
      "  kept[#kept + 1] = type(_G[n]) == 'function' and n or ('missing ' .. n) end\n"
      "return { kept = table.concat(kept, ','), upper = ('abc'):upper(),\n"
      "  count = type(collectgarbage('count')), rnd = math.random(1, 1),\n"
      "  utf = utf8.len('Việt'), dump = tostring(string.dump), mt = type(getmetatable('')),\n"
      "  rawequal = rawequal('a', 'a') }");
  ASSERT_TRUE(value) << value.error().detail();
  EXPECT_EQ((*value)["kept"].get<std::string>().find("missing"), std::string::npos)
      << (*value)["kept"];
  EXPECT_EQ((*value)["upper"], "ABC");
  EXPECT_EQ((*value)["count"], "number");
  EXPECT_EQ((*value)["rnd"], 1);
  EXPECT_EQ((*value)["utf"], 4);
  EXPECT_EQ((*value)["dump"], "nil");
  EXPECT_EQ((*value)["mt"], "table");  // the sentinel, not the real metatable
  EXPECT_EQ((*value)["rawequal"], true);
}

TEST(Sandbox, XpcallKeepsItsResultsAndCallsTheHandlerOnErrors) {
  auto value = testing::evalLua(
      "local ok1, a, b = xpcall(function(x, y) return x + y, 'two' end, print, 1, 2)\n"
      "local ok2, m = xpcall(function() error('boom', 0) end, function(e) return 'handled ' .. e "
      "end)\n"
      "return { ok1 = ok1, a = a, b = b, ok2 = ok2, m = m }");
  ASSERT_TRUE(value) << value.error().detail();
  EXPECT_EQ(*value,
            (Json{{"ok1", true}, {"a", 3}, {"b", "two"}, {"ok2", false}, {"m", "handled boom"}}));
}

TEST(Sandbox, RequireLoadsModulesOfTheFolderOnce) {
  TempDir dir;
  const auto folder = testing::writeProcedure(
      dir.path(), "req",
      testing::procedureWith("local a = require('lib.helper') local b = require('lib.helper')\n"
                             "return { same = rawequal(a, b), v = a.value }"));
  testing::writeFile(folder / "lib" / "helper.lua", "return { value = 7 }");
  auto procedure = LuaProcedure::load(folder, testing::hostData(), Limits{});
  ASSERT_TRUE(procedure) << procedure.error().detail();
  auto form = (*procedure)->prefill(nullptr, nullptr, Json::object());
  ASSERT_TRUE(form) << form.error().detail();
  EXPECT_EQ((*form)["value"]["same"], true);
  EXPECT_EQ((*form)["value"]["v"], 7);
}

TEST(Sandbox, LoadingAProcedureIsUnderTheLimitsToo) {
  TempDir dir;
  const auto folder = testing::writeProcedure(dir.path(), "slow", "while true do end");
  const auto start = std::chrono::steady_clock::now();
  auto procedure = LuaProcedure::load(folder, testing::hostData(), Limits{});
  ASSERT_FALSE(procedure);
  EXPECT_EQ(procedure.error().reason(), Reason::ScriptLimit);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace onestop::procedures
