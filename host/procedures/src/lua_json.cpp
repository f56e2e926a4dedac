#include "lua_json.hpp"

#include <cmath>
#include <set>
#include <vector>

#include "onestop/cccd/unicode_text.hpp"

namespace onestop::procedures {
namespace {

using Json = nlohmann::json;

struct PushBudget {
  std::size_t elements = 0;
};

void push(lua_State* L, const Json& value, int depth, PushBudget& budget) {
  if (depth > kMaxJsonDepth) luaL_error(L, "value nested deeper than %d levels", kMaxJsonDepth);
  if (++budget.elements > kMaxJsonElements) luaL_error(L, "value has too many elements");
  if (!lua_checkstack(L, 3)) luaL_error(L, "stack overflow while converting a value");
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      lua_pushnil(L);
      return;
    case Json::value_t::boolean:
      lua_pushboolean(L, value.get<bool>() ? 1 : 0);
      return;
    case Json::value_t::number_integer:
      lua_pushinteger(L, value.get<lua_Integer>());
      return;
    case Json::value_t::number_unsigned: {
      const auto n = value.get<std::uint64_t>();
      if (n <= static_cast<std::uint64_t>(LUA_MAXINTEGER)) {
        lua_pushinteger(L, static_cast<lua_Integer>(n));
      } else {
        lua_pushnumber(L, static_cast<lua_Number>(n));
      }
      return;
    }
    case Json::value_t::number_float:
      lua_pushnumber(L, value.get<double>());
      return;
    case Json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      lua_pushlstring(L, s.data(), s.size());
      return;
    }
    case Json::value_t::binary:
      luaL_error(L, "binary values cannot cross to a script");
      return;
    case Json::value_t::array: {
      lua_createtable(L, static_cast<int>(value.size()), 0);
      lua_Integer i = 0;
      for (const auto& item : value) {
        push(L, item, depth + 1, budget);
        lua_rawseti(L, -2, ++i);
      }
      return;
    }
    case Json::value_t::object: {
      lua_createtable(L, 0, static_cast<int>(value.size()));
      for (const auto& [key, item] : value.items()) {
        if (item.is_null()) continue;
        lua_pushlstring(L, key.data(), key.size());
        push(L, item, depth + 1, budget);
        lua_rawset(L, -3);
      }
      return;
    }
  }
}

struct Walk {
  lua_State* L;
  std::set<const void*> open;  // tables on the current path: a repeat is a cycle
  std::size_t elements = 0;
};

[[noreturn]] void refuse(lua_State* L, const std::string& path, const char* why) {
  luaL_error(L, "%s: %s", path.c_str(), why);
  std::abort();
}

Json convert(Walk& walk, int index, const std::string& path, int depth);

Json convertTable(Walk& walk, int index, const std::string& path, int depth) {
  lua_State* L = walk.L;
  const void* identity = lua_topointer(L, index);
  if (walk.open.count(identity) != 0) refuse(L, path, "table refers to itself (cycle)");
  if (depth > kMaxJsonDepth) refuse(L, path, "nested too deeply");
  walk.open.insert(identity);
  if (!lua_checkstack(L, 4)) refuse(L, path, "stack overflow while converting");

  // First pass: classify the keys without calling any metamethod (lua_next is raw).
  lua_Integer count = 0;
  lua_Integer maxIndex = 0;
  bool stringKeys = false;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pop(L, 1);
    ++count;
    if (lua_type(L, -1) == LUA_TSTRING) {
      stringKeys = true;
    } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
      maxIndex = std::max(maxIndex, lua_tointeger(L, -1));
    } else {
      lua_pop(L, 1);
      refuse(L, path, "table keys must be strings or 1..n");
    }
  }
  Json out;
  if (count == 0) {
    out = Json::object();
  } else if (!stringKeys) {
    if (maxIndex != count) refuse(L, path, "array has holes (keys must be exactly 1..n)");
    out = Json::array();
    for (lua_Integer i = 1; i <= count; ++i) {
      lua_rawgeti(L, index, i);
      out.push_back(convert(walk, lua_gettop(L), path + "[" + std::to_string(i) + "]", depth + 1));
      lua_pop(L, 1);
    }
  } else {
    if (maxIndex != 0) refuse(L, path, "table mixes array items and named keys");
    out = Json::object();
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
      std::size_t length = 0;
      const char* key = lua_tolstring(L, -2, &length);  // a string already: no conversion
      std::string name(key, length);
      out[name] = convert(walk, lua_gettop(L), path + "." + name, depth + 1);
      lua_pop(L, 1);
    }
  }
  walk.open.erase(identity);
  return out;
}

Json convert(Walk& walk, int index, const std::string& path, int depth) {
  lua_State* L = walk.L;
  if (++walk.elements > kMaxJsonElements) refuse(L, path, "value has too many elements");
  switch (lua_type(L, index)) {
    case LUA_TNIL:
      return nullptr;
    case LUA_TBOOLEAN:
      return lua_toboolean(L, index) != 0;
    case LUA_TNUMBER: {
      if (lua_isinteger(L, index)) return static_cast<std::int64_t>(lua_tointeger(L, index));
      const double n = lua_tonumber(L, index);
      if (!std::isfinite(n)) refuse(L, path, "number is NaN or infinite");
      return n;
    }
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(L, index, &length);
      std::string value(text, length);
      if (cccd::firstInvalidUtf8(value)) refuse(L, path, "string is not valid UTF-8");
      return value;
    }
    case LUA_TTABLE:
      return convertTable(walk, index, path, depth);
    default:
      break;
  }
  refuse(L, path, (std::string(luaL_typename(L, index)) + " values cannot leave a script").c_str());
}

}  // namespace

void pushJson(lua_State* L, const Json& value) {
  PushBudget budget;
  push(L, value, 0, budget);
}

Json toJson(lua_State* L, int index, const std::string& what) {
  Walk walk{L, {}, 0};
  return convert(walk, lua_absindex(L, index), what, 0);
}

}  // namespace onestop::procedures
