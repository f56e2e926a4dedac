#pragma once

// The onestop.* table scripts see (procedure-contract.md), split by area into host_api_*.cpp.

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <lua.hpp>

#include "host_data.hpp"

namespace onestop::procedures {

// Creates the global `onestop` with every sub-table. `data` must outlive the state.
// Raises a Lua error on failure (call inside runProtected).
void installHostApi(lua_State* L, const HostData& data);

namespace hostapi {

void installDate(lua_State* L);      // onestop.date   (table on the stack top)
void installText(lua_State* L);      // onestop.text
void installIdentity(lua_State* L);  // onestop.id, onestop.phone, onestop.email
void installUnits(lua_State* L);     // onestop.units

const HostData& data(lua_State* L);

// A host C++ exception must not cross lua_pcall as a foreign exception: turn it into a Lua
// error (Lua's own errors are not std::exception and pass through untouched).
template <lua_CFunction F>
int guarded(lua_State* L) {
  std::string failure;
  try {
    return F(L);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  return luaL_error(L, "host: %s", failure.c_str());
}

// Registers `F` (guarded) as field `name` of the table at the stack top.
template <lua_CFunction F>
void setFunction(lua_State* L, const char* name) {
  lua_pushcfunction(L, &guarded<F>);
  lua_setfield(L, -2, name);
}

// A string argument that must be valid UTF-8 (raises otherwise).
std::string_view checkText(lua_State* L, int arg);

// Pushes nil and a reason code: the "parse" failure convention.
int pushFailure(lua_State* L, const char* code);

using Date = std::chrono::year_month_day;
std::optional<Date> parseIso(std::string_view text);
std::string toIso(Date date);
Date checkIso(lua_State* L, int arg);  // raises unless "yyyy-mm-dd" of a real date

}  // namespace hostapi
}  // namespace onestop::procedures
