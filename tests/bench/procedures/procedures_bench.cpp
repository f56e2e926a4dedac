// onestop_procedures_bench [iterations]: the cost of the sandbox on a realistic call.
//
// Method. One procedure (pure Lua: string handling, a loop over the fields, pattern checks; no
// onestop.* so that the plain state can run it unchanged) is loaded twice: as a LuaProcedure
// (sandbox, limits, guarded pcall) and into a plain luaL_newstate with all standard libraries.
// Each iteration is prefill(card) then validate(form), inputs pushed from JSON and results
// converted back to JSON on both sides. Best of 5 runs of N iterations each (the minimum is the
// least disturbed by the other processes on a shared machine); CPU time of this thread.
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "lua_json.hpp"
#include "lua_procedure.hpp"
#include "lua_state.hpp"

namespace {

namespace fs = std::filesystem;
using onestop::procedures::Json;

const char* kProcedure = R"LUA(
local P = {}
P.fields = {}
for i = 1, 20 do
  P.fields[i] = { id = "field_" .. i, label = { vi = "Trường " .. i, en = "Field " .. i },
                  type = (i % 5 == 0) and "phone" or "text", required = (i % 2 == 0) }
end
local function clean(s) return (s or ""):gsub("^%s+", ""):gsub("%s+$", "") end
function P.prefill(card, household, ctx)
  local form = {}
  for i, f in ipairs(P.fields) do
    form[f.id] = clean(card.full_name) .. " " .. i
  end
  form.field_5 = "0912 345 678"
  local dob = card.date_of_birth or ""
  local y, m, d = dob:match("^(%d+)-(%d+)-(%d+)$")
  form.date_text = (d or "") .. "/" .. (m or "") .. "/" .. (y or "")
  form.members = {}
  for i = 1, 5 do form.members[i] = { full_name = card.full_name, relation = "con" } end
  return form
end
function P.validate(form, ctx)
  local problems = {}
  for _, f in ipairs(P.fields) do
    local v = form[f.id]
    if f.required and (v == nil or v == "") then
      problems[#problems + 1] = { field = f.id, code = "REQUIRED", severity = "error", vi = "Thiếu", en = "Missing" }
    elseif f.type == "phone" and not v:gsub("[%s%.%-]", ""):match("^0%d%d%d%d%d%d%d%d%d$") then
      problems[#problems + 1] = { field = f.id, code = "PHONE_INVALID", severity = "error", vi = "Sai", en = "Bad" }
    elseif utf8.len(v) > 100 then
      problems[#problems + 1] = { field = f.id, code = "TOO_LONG", severity = "error", vi = "Dài", en = "Long" }
    end
  end
  return problems
end
return P
)LUA";

const Json kCard = {{"full_name", "  Nguyễn Văn Thử  "},
                    {"date_of_birth", "1995-06-15"},
                    {"id_number", "001095012345"}};
const Json kCtx = {{"today", "2026-11-23"}};

double cpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

template <typename F>
double bestOf(int runs, int iterations, F&& once) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    const double start = cpuMs();
    for (int i = 0; i < iterations; ++i) once();
    best = std::min(best, cpuMs() - start);
  }
  return best / iterations;
}

// The plain state: stock allocator, every library, no hook, no guard; same JSON conversion.
class PlainState {
 public:
  PlainState() : L_(luaL_newstate()) {
    luaL_openlibs(L_);
    if (luaL_loadstring(L_, kProcedure) != LUA_OK || lua_pcall(L_, 0, 1, 0) != LUA_OK) {
      throw std::runtime_error(lua_tostring(L_, -1));
    }
    ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  }
  ~PlainState() { lua_close(L_); }
  PlainState(const PlainState&) = delete;
  PlainState& operator=(const PlainState&) = delete;

  Json call(const char* member, const Json& a, const Json& b) {
    lua_pushcfunction(L_, &PlainState::invoke);
    lua_pushlightuserdata(L_, this);
    lua_pushstring(L_, member);
    lua_pushlightuserdata(L_, const_cast<Json*>(&a));
    lua_pushlightuserdata(L_, const_cast<Json*>(&b));
    if (lua_pcall(L_, 4, 0, 0) != LUA_OK) throw std::runtime_error(lua_tostring(L_, -1));
    return result_;
  }

 private:
  static int invoke(lua_State* L) {
    auto* self = static_cast<PlainState*>(lua_touserdata(L, 1));
    const char* member = lua_tostring(L, 2);
    const auto* a = static_cast<const Json*>(lua_touserdata(L, 3));
    const auto* b = static_cast<const Json*>(lua_touserdata(L, 4));
    lua_rawgeti(L, LUA_REGISTRYINDEX, self->ref_);
    lua_getfield(L, -1, member);
    onestop::procedures::pushJson(L, *a);
    lua_pushnil(L);
    onestop::procedures::pushJson(L, *b);
    if (std::string_view(member) == "validate") lua_remove(L, -2);  // validate(form, ctx)
    lua_call(L, std::string_view(member) == "validate" ? 2 : 3, 1);
    self->result_ = onestop::procedures::toJson(L, -1, "result");
    return 0;
  }

  lua_State* L_;
  int ref_ = LUA_NOREF;
  Json result_;
};

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::stoi(argv[1]) : 2000;
  const fs::path dir = fs::temp_directory_path() / "onestop-procedures-bench";
  fs::remove_all(dir);
  fs::create_directories(dir / "bench");
  std::ofstream(dir / "bench" / "procedure.lua") << kProcedure;
  std::ofstream(dir / "bench" / "manifest.json") << Json{
      {"id", "bench"},
      {"version", "1"},
      {"title", {{"vi", "Đo"}, {"en", "Bench"}}},
      {"procedureCode", "0"},
      {"legalBasis", Json::array()},
      {"timeLimit", Json::object()},
      {"fee", Json::object()},
      {"forms", Json::array()},
      {"documents", Json::array()}}.dump();
  const fs::path config = ONESTOP_CONFIG_DIR;
  auto data =
      onestop::procedures::HostData::load({config / "admin-units", config / "holidays.json"});
  if (!data) {
    std::cerr << data.error().detail() << '\n';
    return 1;
  }
  auto procedure = onestop::procedures::LuaProcedure::load(dir / "bench", *data, {});
  if (!procedure) {
    std::cerr << procedure.error().detail() << '\n';
    return 1;
  }
  PlainState plain;

  // Both sides must compute the same thing.
  const Json sandboxForm = *(*procedure)->prefill(kCard, nullptr, kCtx);
  const Json plainForm = plain.call("prefill", kCard, kCtx);
  Json plainProblems = plain.call("validate", plainForm, kCtx);
  onestop::procedures::emptyObjectToArray(plainProblems);
  if (sandboxForm != plainForm || *(*procedure)->validate(sandboxForm, kCtx) != plainProblems) {
    std::cerr << "the two states disagree\n";
    return 1;
  }

  const double sandboxMs = bestOf(5, iterations, [&] {
    auto form = (*procedure)->prefill(kCard, nullptr, kCtx);
    auto problems = (*procedure)->validate(*form, kCtx);
    if (!problems) std::abort();
  });
  const double plainMs = bestOf(5, iterations, [&] {
    const Json form = plain.call("prefill", kCard, kCtx);
    const Json problems = plain.call("validate", form, kCtx);
    if (!problems.is_array()) std::abort();
  });
  const double ratio = sandboxMs / plainMs;
  std::cout << Json{{"iterations", iterations},
                    {"sandboxMicrosecondsPerCall", sandboxMs * 1000.0},
                    {"plainMicrosecondsPerCall", plainMs * 1000.0},
                    {"ratio", ratio},
                    {"goal", 1.3},
                    {"met", ratio <= 1.3}}
                   .dump(2)
            << '\n';
  fs::remove_all(dir);
  return ratio <= 1.3 ? 0 : 2;
}
