#pragma once

#include <filesystem>

#include "lua_state.hpp"

namespace onestop::procedures {

// Turns a fresh state into the procedure sandbox (procedure-contract.md): base (without
// dofile, loadfile, load, warn; collectgarbage answers "count" only), string (without dump;
// its metatable hidden behind a sentinel), table, math, utf8, and a `require` that loads only
// `[a-z0-9_.]` module names as text .lua files from `folder`. No io, os, debug, package,
// coroutine. pcall/xpcall re-raise a tripped limit so that a script cannot swallow it, and
// setmetatable refuses __gc (finalizers run with hooks off, where no limit could stop them).
// Raises a Lua error on failure: call it inside runProtected.
void installSandbox(lua_State* L, const std::filesystem::path& folder);

// Reads a module or procedure file as text: refuses precompiled chunks ("\x1bLua") and files
// over 1 MiB. Raises a Lua error.
std::string readScriptFile(lua_State* L, const std::filesystem::path& file);

}  // namespace onestop::procedures
