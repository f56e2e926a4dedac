#include "lua_state.hpp"

#include <cstdlib>
#include <new>

namespace onestop::procedures {
namespace {

// The hook runs every this many VM instructions: often enough to stop a loop within
// microseconds, rarely enough that the clock read costs nothing measurable.
constexpr int kHookInterval = 1000;
// Lua-to-Lua calls use no C stack; Lua's own limit (LUAI_MAXSTACK, a million slots) is reached
// only after tens of megabytes of stack copying. Procedures never recurse this deep: stop early.
constexpr int kMaxCallDepth = 10'000;
// One allocation larger than this share of the memory cap is refused at once: building a
// huge string by doubling would otherwise spend its time copying megabytes inside C code,
// where the hook cannot run.
constexpr std::size_t kLargestBlockShare = 4;

std::string limitName(Tripped tripped) {
  switch (tripped) {
    case Tripped::Instructions:
      return "instructions";
    case Tripped::WallTime:
      return "time";
    case Tripped::Memory:
      return "memory";
    case Tripped::CallDepth:
      return "stack overflow";
    case Tripped::None:
      break;
  }
  return "limit";
}

std::string errorText(lua_State* L, int index) {
  if (lua_type(L, index) == LUA_TSTRING) return lua_tostring(L, index);
  // Never call __tostring here: it would run script code outside the budget.
  return std::string("(error object is a ") + luaL_typename(L, index) + " value)";
}

}  // namespace

LuaState::LuaState(Limits limits) : limits_(limits) {
  state_ = lua_newstate(&LuaState::allocate, this);
  if (state_ == nullptr) throw std::bad_alloc();
  lua_sethook(state_, &LuaState::hook, LUA_MASKCOUNT, kHookInterval);
}

LuaState::~LuaState() {
  if (state_ != nullptr) lua_close(state_);
}

LuaState& LuaState::of(lua_State* L) {
  void* ud = nullptr;
  lua_getallocf(L, &ud);
  return *static_cast<LuaState*>(ud);
}

void LuaState::beginCall() {
  tripped_ = Tripped::None;
  instructionsLeft_ = limits_.instructions;
  deadline_ = std::chrono::steady_clock::now() + limits_.wallTime;
  armed_ = true;
}

void LuaState::endCall() {
  armed_ = false;
}

void* LuaState::allocate(void* ud, void* ptr, std::size_t oldSize, std::size_t newSize) {
  auto* self = static_cast<LuaState*>(ud);
  // For a new block Lua passes the object's type in oldSize, not a size.
  const std::size_t previous = ptr == nullptr ? 0 : oldSize;
  if (newSize == 0) {
    std::free(ptr);  // NOLINT(cppcoreguidelines-no-malloc): lua_Alloc contract
    self->bytesInUse_ -= previous;
    return nullptr;
  }
  if (newSize > previous && (self->bytesInUse_ - previous + newSize > self->limits_.memoryBytes ||
                             newSize > self->limits_.memoryBytes / kLargestBlockShare)) {
    if (self->armed_) self->tripped_ = Tripped::Memory;
    return nullptr;  // Lua collects garbage, retries once, then raises LUA_ERRMEM
  }
  void* block = std::realloc(ptr, newSize);  // NOLINT(cppcoreguidelines-no-malloc)
  if (block == nullptr) return nullptr;
  self->bytesInUse_ = self->bytesInUse_ - previous + newSize;
  return block;
}

void LuaState::hook(lua_State* L, lua_Debug* /*ar*/) {
  auto& self = of(L);
  if (!self.armed_) return;
  if (self.tripped_ != Tripped::None) raiseTripped(L);
  if (self.instructionsLeft_ <= static_cast<std::uint64_t>(kHookInterval)) {
    self.tripped_ = Tripped::Instructions;
  } else {
    self.instructionsLeft_ -= kHookInterval;
    if (std::chrono::steady_clock::now() >= self.deadline_) self.tripped_ = Tripped::WallTime;
  }
  lua_Debug frame;
  if (self.tripped_ == Tripped::None && lua_getstack(L, kMaxCallDepth, &frame) != 0) {
    self.tripped_ = Tripped::CallDepth;
  }
  if (self.tripped_ != Tripped::None) raiseTripped(L);
}

void LuaState::raiseTripped(lua_State* L) {
  luaL_error(L, "SCRIPT_LIMIT: %s", limitName(of(L).tripped_).c_str());
  std::abort();  // luaL_error does not return
}

Result<void> callProtected(LuaState& state, int nargs, int nresults) {
  lua_State* L = state.get();
  state.beginCall();
  const int status = lua_pcall(L, nargs, nresults, 0);
  state.endCall();
  if (status == LUA_OK) return Ok{};
  std::string message = status == LUA_ERRMEM ? "not enough memory" : errorText(L, -1);
  lua_pop(L, 1);
  if (state.tripped() != Tripped::None) {
    return Error(Reason::ScriptLimit, limitName(state.tripped()));
  }
  if (status == LUA_ERRMEM) return Error(Reason::ScriptLimit, "memory");
  if (status == LUA_ERRERR || message.find("stack overflow") != std::string::npos) {
    return Error(Reason::ScriptLimit, "stack overflow: " + message);
  }
  if (status != LUA_ERRRUN) return Error(Reason::ScriptError, "host function failed: " + message);
  return Error(Reason::ScriptError, message);
}

namespace {

int trampoline(lua_State* L) {
  const auto* body = static_cast<const std::function<void(lua_State*)>*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  std::string failure;
  try {
    (*body)(L);
  } catch (const std::exception& e) {  // Lua's own errors are not std::exception: they pass
    failure = e.what();
  }
  if (!failure.empty()) luaL_error(L, "host: %s", failure.c_str());
  return 0;
}

}  // namespace

Result<void> runProtected(LuaState& state, const std::function<void(lua_State*)>& body) {
  lua_State* L = state.get();
  if (!lua_checkstack(L, 2)) return Error(Reason::ScriptLimit, "stack overflow");
  lua_pushcfunction(L, &trampoline);
  lua_pushlightuserdata(L, const_cast<std::function<void(lua_State*)>*>(&body));  // NOLINT
  return callProtected(state, 1, 0);
}

Result<void> loadText(lua_State* L, const std::string& code, const std::string& displayName) {
  const std::string chunkName = "@" + displayName;
  const int status = luaL_loadbufferx(L, code.data(), code.size(), chunkName.c_str(), "t");
  if (status == LUA_OK) return Ok{};
  std::string message = status == LUA_ERRMEM ? "not enough memory" : errorText(L, -1);
  lua_pop(L, 1);
  if (status == LUA_ERRMEM) return Error(Reason::ScriptLimit, "memory");
  return Error(Reason::ScriptError, message);
}

}  // namespace onestop::procedures
