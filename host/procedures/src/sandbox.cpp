#include "sandbox.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include <Poco/Logger.h>

namespace onestop::procedures {
namespace {

constexpr std::uintmax_t kMaxScriptBytes = std::uintmax_t{1} << 20;
constexpr std::size_t kMaxPrintBytes = 200;

// Globals a script may see from the base library (procedure-contract.md).
const std::set<std::string_view> kKeptBaseNames = {
    "assert", "error",        "ipairs",       "next", "pairs",    "pcall",  "xpcall",
    "select", "tonumber",     "tostring",     "type", "rawequal", "rawlen", "rawget",
    "rawset", "setmetatable", "getmetatable", "_G",   "_VERSION"};

bool validModuleName(std::string_view name) {
  if (name.empty() || name.size() > 100 || name.front() == '.' || name.back() == '.') return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// pcall / xpcall: the library's own, then re-raise when a limit tripped meanwhile.
int guardedPcall(lua_State* L) {
  const int base = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, base, LUA_MULTRET);
  if (LuaState::of(L).tripped() != Tripped::None) LuaState::raiseTripped(L);
  return lua_gettop(L);
}

// xpcall(f, handler, ...) without handing `handler` to Lua as the message handler: Lua would
// call it from inside our count hook when a limit trips, where hooks are off, so a looping
// handler could never be stopped. Here the handler runs after the unwinding, as a normal call
// under the limits. (Without the debug library a handler cannot inspect the failed stack, so
// nothing observable is lost.)
int guardedXpcall(lua_State* L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  const int nargs = lua_gettop(L) - 2;
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 1);  // f, handler, f, args...
  const int status = lua_pcall(L, nargs, LUA_MULTRET, 0);
  if (LuaState::of(L).tripped() != Tripped::None) LuaState::raiseTripped(L);
  if (status == LUA_OK) {
    lua_pushboolean(L, 1);
    lua_replace(L, 1);  // true, handler, results... -> drop the handler
    lua_remove(L, 2);
    return lua_gettop(L);
  }
  lua_pushvalue(L, 2);
  lua_insert(L, -2);  // handler, error
  const int handled = lua_pcall(L, 1, 1, 0);
  if (LuaState::of(L).tripped() != Tripped::None) LuaState::raiseTripped(L);
  (void)handled;  // an error in the handler is returned as the message, as Lua does
  lua_pushboolean(L, 0);
  lua_insert(L, -2);
  return 2;
}

int guardedSetmetatable(lua_State* L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    if (lua_getfield(L, 2, "__gc") != LUA_TNIL) {
      return luaL_error(L, "setmetatable: __gc is not allowed in procedures");
    }
    lua_pop(L, 1);
  }
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

int countOnlyCollectgarbage(lua_State* L) {
  const char* option = luaL_optstring(L, 1, "count");
  if (std::string_view(option) != "count") {
    return luaL_error(L, "collectgarbage: only \"count\" is allowed");
  }
  lua_pushnumber(L, static_cast<lua_Number>(LuaState::of(L).bytesInUse()) / 1024.0);
  return 1;
}

int hostPrint(lua_State* L) {
  std::string line;
  const int n = lua_gettop(L);
  for (int i = 1; i <= n && line.size() < kMaxPrintBytes; ++i) {
    if (i > 1) line += '\t';
    const int type = lua_type(L, i);
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
      line += lua_tostring(L, i);  // converts a number in place: harmless, we own the args
    } else if (type == LUA_TBOOLEAN) {
      line += lua_toboolean(L, i) != 0 ? "true" : "false";
    } else {
      line += luaL_typename(L, i);
    }
  }
  if (line.size() > kMaxPrintBytes) line.resize(kMaxPrintBytes);
  Poco::Logger::get("onestop.procedures").debug("script: " + line);
  return 0;
}

int sentinelNewindex(lua_State* L) {
  return luaL_error(L, "the string metatable is protected");
}

int sandboxRequire(lua_State* L) {
  size_t length = 0;
  const char* raw = luaL_checklstring(L, 1, &length);
  const std::string name(raw, length);
  if (!validModuleName(name)) {
    return luaL_error(L, "require: module name must match [a-z0-9_.] (got an invalid name)");
  }
  // upvalue 1: the folder; upvalue 2: the cache of loaded modules.
  lua_settop(L, 1);
  const int cache = lua_upvalueindex(2);
  if (lua_getfield(L, cache, name.c_str()) != LUA_TNIL) {
    if (lua_type(L, -1) == LUA_TLIGHTUSERDATA) {
      return luaL_error(L, "require: circular require of '%s'", name.c_str());
    }
    return 1;
  }
  lua_pop(L, 1);
  std::string relative = name;
  for (char& c : relative) {
    if (c == '.') c = '/';
  }
  relative += ".lua";
  const std::filesystem::path folder(lua_tostring(L, lua_upvalueindex(1)));
  const auto file = folder / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return luaL_error(L, "require: module '%s' not found in the procedure folder", name.c_str());
  }
  const std::string code = readScriptFile(L, file);
  const std::string chunkName = "@" + relative;
  if (luaL_loadbufferx(L, code.data(), code.size(), chunkName.c_str(), "t") != LUA_OK) {
    return lua_error(L);
  }
  lua_pushlightuserdata(L, reinterpret_cast<void*>(&sandboxRequire));  // "loading" marker
  lua_setfield(L, cache, name.c_str());
  lua_pushstring(L, name.c_str());
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    // Forget the marker so that the next call may require the module again, then re-raise.
    lua_pushnil(L);
    lua_setfield(L, cache, name.c_str());
    if (LuaState::of(L).tripped() != Tripped::None) LuaState::raiseTripped(L);
    return lua_error(L);
  }
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, cache, name.c_str());
  return 1;
}

void openLibrary(lua_State* L, const char* name, lua_CFunction open) {
  luaL_requiref(L, name, open, 1);
  lua_pop(L, 1);
}

void wrapWithUpvalue(lua_State* L, const char* name, lua_CFunction wrapper) {
  lua_getglobal(L, name);
  lua_pushcclosure(L, wrapper, 1);
  lua_setglobal(L, name);
}

}  // namespace

std::string readScriptFile(lua_State* L, const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) luaL_error(L, "cannot read %s", file.filename().c_str());
  if (size > kMaxScriptBytes) luaL_error(L, "%s is larger than 1 MiB", file.filename().c_str());
  // read() into a sized string, not istreambuf_iterator: GCC 12 at -O2 flags the latter's
  // inlined streambuf access as a null dereference (-Wnull-dereference).
  std::ifstream in(file, std::ios::binary);
  std::string code(static_cast<std::size_t>(size), '\0');
  in.read(code.data(), static_cast<std::streamsize>(code.size()));
  if (!in) luaL_error(L, "cannot read %s", file.filename().c_str());
  if (!code.empty() && code[0] == LUA_SIGNATURE[0]) {
    luaL_error(L, "%s: precompiled (bytecode) chunks are not allowed", file.filename().c_str());
  }
  return code;
}

void installSandbox(lua_State* L, const std::filesystem::path& folder) {
  openLibrary(L, LUA_GNAME, luaopen_base);
  openLibrary(L, LUA_STRLIBNAME, luaopen_string);
  openLibrary(L, LUA_TABLIBNAME, luaopen_table);
  openLibrary(L, LUA_MATHLIBNAME, luaopen_math);
  openLibrary(L, LUA_UTF8LIBNAME, luaopen_utf8);

  // Drop every base function not on the list (dofile, loadfile, load, warn, ...).
  lua_pushglobaltable(L);
  std::vector<std::string> drop;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) continue;
    const std::string key = lua_tostring(L, -1);
    const bool library = key == LUA_STRLIBNAME || key == LUA_TABLIBNAME || key == LUA_MATHLIBNAME ||
                         key == LUA_UTF8LIBNAME;
    if (!library && kKeptBaseNames.count(key) == 0) drop.push_back(key);
  }
  for (const auto& key : drop) {
    lua_pushnil(L);
    lua_setfield(L, -2, key.c_str());
  }
  lua_pop(L, 1);

  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);

  wrapWithUpvalue(L, "pcall", guardedPcall);
  lua_register(L, "xpcall", guardedXpcall);
  wrapWithUpvalue(L, "setmetatable", guardedSetmetatable);
  lua_register(L, "collectgarbage", countOnlyCollectgarbage);
  lua_register(L, "print", hostPrint);

  // getmetatable("") answers a sentinel that refuses writes; the real metatable keeps
  // __index = string so that ("x"):upper() works.
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_newtable(L);           // sentinel
  lua_createtable(L, 0, 2);  // its metatable
  lua_pushcfunction(L, sentinelNewindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  const std::string folderText = folder.string();
  lua_pushlstring(L, folderText.data(), folderText.size());
  lua_newtable(L);
  lua_pushcclosure(L, sandboxRequire, 2);
  lua_setglobal(L, "require");
}

}  // namespace onestop::procedures
