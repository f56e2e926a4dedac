// onestop.units: provinces and communes after 01/07/2025 (config/admin-units).
#include <optional>

#include "host_api.hpp"
#include "lua_json.hpp"

namespace onestop::procedures::hostapi {
namespace {

void pushOrNil(lua_State* L, const Json* value) {
  if (value == nullptr) {
    lua_pushnil(L);
  } else {
    pushJson(L, *value);
  }
}

// The public shape of a province (merged_from stays inside: a list for the console).
Json provinceView(const Json& p) {
  return Json{{"code", p["code"]},
              {"name", p["name"]},
              {"short", p["short"]},
              {"kind", p["kind"]},
              {"merged_from", p["merged_from"]}};
}

int provinces(lua_State* L) {
  Json list = Json::array();
  for (const auto& p : data(L).provinces()) list.push_back(provinceView(p));
  pushJson(L, list);
  return 1;
}

int province(lua_State* L) {
  pushOrNil(L, data(L).province(checkText(L, 1)));
  return 1;
}

int wards(lua_State* L) {
  pushJson(L, data(L).wardsOf(std::string(luaL_checkstring(L, 1))));
  return 1;
}

int ward(lua_State* L) {
  const std::string_view key = checkText(L, 1);
  std::optional<std::string> provinceCode;
  if (!lua_isnoneornil(L, 2)) provinceCode = luaL_checkstring(L, 2);
  pushOrNil(L, data(L).ward(key, provinceCode));
  return 1;
}

// old_to_new(old_ward_name, old_district_name?, old_province_name): the district is accepted
// for the contract's shape but the source data has none (see config/admin-units/README.md).
int oldToNew(lua_State* L) {
  const std::string_view oldWard = checkText(L, 1);
  if (!lua_isnoneornil(L, 2)) checkText(L, 2);
  const std::string_view oldProvince = checkText(L, 3);
  const auto found = data(L).oldToNew(oldWard, oldProvince);
  if (!found) {
    lua_pushnil(L);
  } else {
    pushJson(L, *found);
  }
  return 1;
}

std::string optionalField(lua_State* L, const char* name) {
  std::string out;
  if (lua_getfield(L, 1, name) != LUA_TNIL) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, -1, &length);
    out.assign(text, length);
  }
  lua_pop(L, 1);
  return out;
}

// format_address{house, street, hamlet, ward_code}: the two-level address, no district.
int formatAddress(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const std::string wardCode = optionalField(L, "ward_code");
  const Json* w = wardCode.empty() ? nullptr : data(L).ward(wardCode, std::nullopt);
  if (!wardCode.empty() && w == nullptr) return luaL_argerror(L, 1, "unknown ward_code");
  std::string out;
  const auto append = [&out](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
  };
  append(optionalField(L, "house"));
  append(optionalField(L, "street"));
  append(optionalField(L, "hamlet"));
  if (w != nullptr) {
    append((*w)["name"].get<std::string>());
    if (const Json* p = data(L).province((*w)["province_code"].get<std::string>())) {
      append((*p)["name"].get<std::string>());
    }
  }
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

}  // namespace

void installUnits(lua_State* L) {
  setFunction<provinces>(L, "provinces");
  setFunction<province>(L, "province");
  setFunction<wards>(L, "wards");
  setFunction<ward>(L, "ward");
  setFunction<oldToNew>(L, "old_to_new");
  setFunction<formatAddress>(L, "format_address");
}

}  // namespace onestop::procedures::hostapi
