// onestop.text: Vietnamese text through ICU (text_tools).
#include "host_api.hpp"
#include "text_tools.hpp"

namespace onestop::procedures::hostapi {
namespace {

void pushResult(lua_State* L, const Result<std::string>& result) {
  if (!result) {
    luaL_error(L, "text: %s", result.error().detail().c_str());
    return;
  }
  lua_pushlstring(L, result->data(), result->size());
}

template <Result<std::string> (*F)(std::string_view)>
int transform(lua_State* L) {
  pushResult(L, F(checkText(L, 1)));
  return 1;
}

int trim(lua_State* L) {
  const std::string out = text::trim(checkText(L, 1));
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

int length(lua_State* L) {
  const auto n = text::length(checkText(L, 1));
  if (!n) return luaL_error(L, "text: %s", n.error().detail().c_str());
  lua_pushinteger(L, static_cast<lua_Integer>(*n));
  return 1;
}

int equalsLoose(lua_State* L) {
  const auto a = text::fold(checkText(L, 1));
  const auto b = text::fold(checkText(L, 2));
  if (!a || !b) return luaL_error(L, "text: cannot fold");
  lua_pushboolean(L, *a == *b ? 1 : 0);
  return 1;
}

}  // namespace

void installText(lua_State* L) {
  setFunction<transform<text::nfc>>(L, "nfc");
  setFunction<transform<text::upper>>(L, "upper");
  setFunction<transform<text::lower>>(L, "lower");
  setFunction<transform<text::titleCase>>(L, "title_case");
  setFunction<transform<text::fold>>(L, "fold");
  setFunction<equalsLoose>(L, "equals_loose");
  setFunction<trim>(L, "trim");
  setFunction<length>(L, "length");
}

}  // namespace onestop::procedures::hostapi
