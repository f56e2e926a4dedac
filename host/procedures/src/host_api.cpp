#include "host_api.hpp"

#include <cmath>

#include <Poco/Logger.h>

#include "onestop/cccd/unicode_text.hpp"

namespace onestop::procedures {
namespace hostapi {
namespace {

const char kHostDataKey = 0;
constexpr std::size_t kMaxLogBytes = 200;

// onestop.money.format(amount, lang?): "20.000 đồng" / "20,000 VND".
int moneyFormat(lua_State* L) {
  if (!lua_isinteger(L, 1)) {
    const lua_Number n = luaL_checknumber(L, 1);
    if (n != std::floor(n)) return luaL_argerror(L, 1, "amount must be a whole number of đồng");
  }
  const lua_Integer amount =
      lua_isinteger(L, 1) ? lua_tointeger(L, 1) : static_cast<lua_Integer>(lua_tonumber(L, 1));
  const std::string_view lang = luaL_optstring(L, 2, "vi");
  if (lang != "vi" && lang != "en") return luaL_argerror(L, 2, "language must be \"vi\" or \"en\"");
  const char separator = lang == "vi" ? '.' : ',';
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  if (amount < 0) grouped.insert(grouped.begin(), '-');
  grouped += lang == "vi" ? " đồng" : " VND";
  lua_pushlstring(L, grouped.data(), grouped.size());
  return 1;
}

// onestop.problem(field, code, vi, en, severity?)
int problem(lua_State* L) {
  luaL_checkstring(L, 1);
  luaL_checkstring(L, 2);
  luaL_checkstring(L, 3);
  luaL_checkstring(L, 4);
  const std::string_view severity = luaL_optstring(L, 5, "error");
  if (severity != "error" && severity != "warning") {
    return luaL_argerror(L, 5, "severity must be \"error\" or \"warning\"");
  }
  lua_createtable(L, 0, 5);
  const char* keys[] = {"field", "code", "vi", "en"};
  for (int i = 0; i < 4; ++i) {
    lua_pushvalue(L, i + 1);
    lua_setfield(L, -2, keys[i]);
  }
  lua_pushlstring(L, severity.data(), severity.size());
  lua_setfield(L, -2, "severity");
  return 1;
}

// onestop.log(msg): debug level, 200 bytes at most (scripts must not log citizen data; the
// cap limits the harm if one does).
int log(lua_State* L) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  std::string line(text, std::min(length, kMaxLogBytes));
  Poco::Logger::get("onestop.procedures").debug("script: " + line);
  return 0;
}

}  // namespace

const HostData& data(lua_State* L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kHostDataKey);
  const auto* d = static_cast<const HostData*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  if (d == nullptr) luaL_error(L, "host data missing");
  return *d;
}

std::string_view checkText(lua_State* L, int arg) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, arg, &length);
  const std::string_view view(text, length);
  if (cccd::firstInvalidUtf8(view)) luaL_argerror(L, arg, "not valid UTF-8");
  return view;
}

int pushFailure(lua_State* L, const char* code) {
  lua_pushnil(L);
  lua_pushstring(L, code);
  return 2;
}

}  // namespace hostapi

void installHostApi(lua_State* L, const HostData& data) {
  lua_pushlightuserdata(L, const_cast<HostData*>(&data));  // NOLINT: read-only use
  lua_rawsetp(L, LUA_REGISTRYINDEX, &hostapi::kHostDataKey);

  lua_newtable(L);
  lua_pushliteral(L, "1");
  lua_setfield(L, -2, "version");
  hostapi::setFunction<hostapi::problem>(L, "problem");
  hostapi::setFunction<hostapi::log>(L, "log");

  lua_newtable(L);
  hostapi::setFunction<hostapi::moneyFormat>(L, "format");
  lua_setfield(L, -2, "money");

  lua_newtable(L);
  hostapi::installDate(L);
  lua_setfield(L, -2, "date");
  lua_newtable(L);
  hostapi::installText(L);
  lua_setfield(L, -2, "text");
  hostapi::installIdentity(L);  // adds id, phone, email to the onestop table itself
  lua_newtable(L);
  hostapi::installUnits(L);
  lua_setfield(L, -2, "units");
  lua_setglobal(L, "onestop");
}

}  // namespace onestop::procedures
