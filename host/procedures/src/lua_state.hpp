#pragma once

// The RAII layer over the Lua C API (no sol2): the state owner with its resource limits, a
// stack guard, and the protected call that turns every script fault into a typed Error.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <lua.hpp>

#include "onestop/common/result.hpp"
#include "onestop/procedures/procedure_registry.hpp"

namespace onestop::procedures {

// Which limit stopped the current call; sticky until the next call starts so that a script
// cannot swallow it with pcall (the sandbox's pcall re-raises it).
enum class Tripped { None, Instructions, WallTime, Memory, CallDepth };

// Owns one lua_State with a counting allocator (refuses beyond Limits::memoryBytes) and a
// count hook that enforces Limits::instructions and Limits::wallTime per call.
class LuaState {
 public:
  explicit LuaState(Limits limits);
  ~LuaState();
  LuaState(const LuaState&) = delete;
  LuaState& operator=(const LuaState&) = delete;

  [[nodiscard]] lua_State* get() const { return state_; }
  [[nodiscard]] const Limits& limits() const { return limits_; }
  [[nodiscard]] std::size_t bytesInUse() const { return bytesInUse_; }
  [[nodiscard]] Tripped tripped() const { return tripped_; }

  // Starts the budget of one call (instructions, deadline, trip flag).
  void beginCall();
  // Disarms the limits (between calls, e.g. while the host converts results).
  void endCall();

  // The LuaState that owns `L` (stored in the state's extra space).
  static LuaState& of(lua_State* L);

  // Raises the Lua error for the tripped limit again (used by the sandbox's pcall).
  [[noreturn]] static void raiseTripped(lua_State* L);

 private:
  static void* allocate(void* ud, void* ptr, std::size_t oldSize, std::size_t newSize);
  static void hook(lua_State* L, lua_Debug* ar);

  Limits limits_;
  lua_State* state_ = nullptr;
  std::size_t bytesInUse_ = 0;
  bool armed_ = false;
  std::uint64_t instructionsLeft_ = 0;
  std::chrono::steady_clock::time_point deadline_{};
  Tripped tripped_ = Tripped::None;
};

// Restores the stack top on scope exit, whatever happened in between.
class StackGuard {
 public:
  explicit StackGuard(lua_State* L) : state_(L), top_(lua_gettop(L)) {}
  ~StackGuard() { lua_settop(state_, top_); }
  StackGuard(const StackGuard&) = delete;
  StackGuard& operator=(const StackGuard&) = delete;
  [[nodiscard]] int top() const { return top_; }

 private:
  lua_State* state_;
  int top_;
};

// Calls the function below `nargs` arguments on the stack under the limits, leaving `nresults`
// values on success. Faults become Reason::ScriptError ("file:line: message") or
// Reason::ScriptLimit ("instructions", "time", "memory", "stack overflow"); the stack is then
// back to where it was before the function was pushed.
Result<void> callProtected(LuaState& state, int nargs, int nresults);

// Runs `body` inside lua_pcall under the limits (so that anything it pushes, converts or calls
// may raise a Lua error safely; Lua is compiled as C++, so the unwinding runs destructors).
// A std::exception escaping `body` becomes a Lua error with its what() text.
Result<void> runProtected(LuaState& state, const std::function<void(lua_State*)>& body);

// Loads a chunk from text only (mode "t": precompiled bytecode is refused) with the chunk name
// "@<displayName>" so that errors read "<displayName>:<line>: message". Pushes the function.
Result<void> loadText(lua_State* L, const std::string& code, const std::string& displayName);

}  // namespace onestop::procedures
