// The RAII binding layer: state owner, stack guard, JSON <-> Lua, protected calls.
#include <gtest/gtest.h>

#include "lua_json.hpp"
#include "lua_state.hpp"

namespace onestop::procedures {
namespace {

// Runs `code` (a chunk returning one value) and converts its result to JSON.
Result<Json> run(LuaState& state, const std::string& code) {
  Json out;
  auto done = runProtected(state, [&](lua_State* L) {
    luaL_openlibs(L);
    if (luaL_loadbufferx(L, code.data(), code.size(), "@chunk.lua", "t") != LUA_OK) lua_error(L);
    lua_call(L, 0, 1);
    out = toJson(L, -1, "result");
  });
  if (!done) return done.error();
  return out;
}

TEST(StackGuard, RestoresTheTopWhateverWasPushed) {
  LuaState state(Limits{});
  lua_State* L = state.get();
  lua_pushinteger(L, 1);
  {
    StackGuard guard(L);
    lua_pushinteger(L, 2);
    lua_pushinteger(L, 3);
    EXPECT_EQ(lua_gettop(L), 3);
  }
  EXPECT_EQ(lua_gettop(L), 1);
  {
    StackGuard guard(L);
    lua_settop(L, 0);
  }
  EXPECT_EQ(lua_gettop(L), 1);
}

TEST(LuaJson, RoundTripsNestedValues) {
  LuaState state(Limits{});
  const Json in = {{"name", "Nguyễn Văn An"},
                   {"age", 31},
                   {"ratio", 0.5},
                   {"ok", true},
                   {"rows", Json::array({{{"a", 1}}, {{"a", 2}}})}};
  Json out;
  auto done = runProtected(state, [&](lua_State* L) {
    pushJson(L, in);
    out = toJson(L, -1, "value");
  });
  ASSERT_TRUE(done) << done.error().detail();
  EXPECT_EQ(out, in);
}

TEST(LuaJson, SequenceIsArrayEmptyTableIsObjectAndNullMembersVanish) {
  LuaState state(Limits{});
  auto seq = run(state, "return {10, 20, 30}");
  ASSERT_TRUE(seq);
  EXPECT_EQ(*seq, Json::array({10, 20, 30}));
  auto empty = run(state, "return {}");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->is_object());
  EXPECT_TRUE(empty->empty());
  Json out;
  ASSERT_TRUE(runProtected(state, [&](lua_State* L) {
    pushJson(L, Json{{"a", nullptr}, {"b", 1}});
    out = toJson(L, -1, "value");
  }));
  EXPECT_EQ(out, (Json{{"b", 1}}));
}

TEST(LuaJson, RefusesWhatJsonCannotHoldAsScriptError) {
  LuaState state(Limits{});
  const std::pair<const char*, const char*> cases[] = {
      {"return {f = function() end}", "result.f: function"},
      {"local t = {} t.self = t return t", "cycle"},
      {"return {1, 2, nil, 4}", "holes"},
      {"return {1, x = 2}", "mixes"},
      {"return {[true] = 1}", "keys must be"},
      {"return {n = 0/0}", "NaN"},
      {"return {s = '\\xff\\xfe'}", "UTF-8"},
      {"return {co = io.stdout}", "userdata"},
  };
  for (const auto& [code, fragment] : cases) {
    auto result = run(state, code);
    ASSERT_FALSE(result) << code;
    EXPECT_EQ(result.error().reason(), Reason::ScriptError) << code;
    EXPECT_NE(result.error().detail().find(fragment), std::string::npos)
        << code << " -> " << result.error().detail();
  }
}

TEST(LuaJson, DepthCapAppliesBothWays) {
  LuaState state(Limits{});
  auto deep = run(state, "local t = {} for i = 1, 100 do t = {t} end return t");
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.error().detail().find("nested too deeply"), std::string::npos);
  Json nested = Json::array();
  for (int i = 0; i < 100; ++i) nested = Json::array({nested});
  auto pushed = runProtected(state, [&](lua_State* L) { pushJson(L, nested); });
  ASSERT_FALSE(pushed);
  EXPECT_EQ(pushed.error().reason(), Reason::ScriptError);
}

TEST(CallProtected, MapsErrorsToFileLineMessage) {
  LuaState state(Limits{});
  auto result = run(state, "local x = 1\nerror('boom')");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().reason(), Reason::ScriptError);
  EXPECT_EQ(result.error().detail(), "chunk.lua:2: boom");
  auto nonString = run(state, "error({})");
  ASSERT_FALSE(nonString);
  EXPECT_EQ(nonString.error().detail(), "(error object is a table value)");
}

TEST(CallProtected, LimitsAreScriptLimitAndTheStateStaysUsable) {
  LuaState state(Limits{100'000, std::chrono::milliseconds(1000), std::size_t{8} << 20});
  auto loop = run(state, "local n = 0 while true do n = n + 1 end");
  ASSERT_FALSE(loop);
  EXPECT_EQ(loop.error().reason(), Reason::ScriptLimit);
  EXPECT_EQ(loop.error().detail(), "instructions");
  auto memory = run(state, "return string.rep('x', 64 * 1024 * 1024)");
  ASSERT_FALSE(memory);
  EXPECT_EQ(memory.error().reason(), Reason::ScriptLimit);
  EXPECT_EQ(memory.error().detail(), "memory");
  auto fine = run(state, "return 6 * 7");
  ASSERT_TRUE(fine) << fine.error().detail();
  EXPECT_EQ(*fine, 42);
  EXPECT_EQ(lua_gettop(state.get()), 0);
}

TEST(LoadText, RefusesBytecode) {
  LuaState state(Limits{});
  std::string bytecode;
  ASSERT_TRUE(runProtected(state, [&](lua_State* L) {
    luaL_openlibs(L);
    luaL_loadstring(L, "return 1");
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "dump");
    lua_pushvalue(L, -3);
    lua_call(L, 1, 1);
    bytecode = lua_tostring(L, -1);
  }));
  ASSERT_EQ(bytecode[0], '\x1b');
  auto loaded = loadText(state.get(), bytecode, "evil.lua");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().reason(), Reason::ScriptError);
  EXPECT_NE(loaded.error().detail().find("binary"), std::string::npos) << loaded.error().detail();
}

}  // namespace
}  // namespace onestop::procedures
