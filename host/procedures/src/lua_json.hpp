#pragma once

// JSON <-> Lua values for everything that crosses the host/script boundary.
//
// Arrays vs objects: a Lua table whose keys are exactly 1..n (n >= 1) becomes a JSON array; a
// table with string keys becomes an object; an EMPTY table becomes {} (Lua cannot tell them
// apart) and the caller turns it into [] where the schema says array (lists of problems,
// documents, type=table fields). Tables mixing both kinds of keys, non-string keys, functions,
// userdata, threads, cycles, NaN/infinity and invalid UTF-8 are refused. JSON null becomes nil
// (an object member with a null value is left out).
//
// Both functions RAISE Lua errors (they run inside runProtected/callProtected), so a refusal
// becomes Reason::ScriptError with the path of the bad value, e.g. "result.members[2].x".

#include <string>

#include <lua.hpp>
#include <nlohmann/json.hpp>

namespace onestop::procedures {

// How deep and how large one converted value may be, in either direction.
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonElements = 200'000;

void pushJson(lua_State* L, const nlohmann::json& value);
nlohmann::json toJson(lua_State* L, int index, const std::string& what);

}  // namespace onestop::procedures
