#include "lua_procedure.hpp"

#include "host_api.hpp"
#include "lua_json.hpp"
#include "manifest.hpp"
#include "sandbox.hpp"

namespace onestop::procedures {
namespace {

constexpr const char* kRequiredFunctions[] = {"prefill", "validate"};
constexpr const char* kOptionalFunctions[] = {"documents", "render", "receipt"};

// type=table fields hold lists of rows: an empty one arrives as {} and must leave as [].
void normaliseForm(Json& form, const Json& fields) {
  if (!form.is_object()) return;
  for (const auto& field : fields) {
    if (!field.is_object() || field.value("type", "") != "table") continue;
    const auto id = field.value("id", "");
    if (form.contains(id)) emptyObjectToArray(form[id]);
  }
}

}  // namespace

void emptyObjectToArray(Json& value) {
  if (value.is_object() && value.empty()) value = Json::array();
}

LuaProcedure::LuaProcedure(std::filesystem::path folder, Json manifest,
                           std::shared_ptr<const HostData> data, Limits limits)
    : folder_(std::move(folder)),
      id_(manifest["id"].get<std::string>()),
      manifest_(std::move(manifest)),
      data_(std::move(data)),
      state_(std::make_unique<LuaState>(limits)) {}

Result<std::shared_ptr<LuaProcedure>> LuaProcedure::load(const std::filesystem::path& folder,
                                                         std::shared_ptr<const HostData> data,
                                                         Limits limits) {
  auto manifest = readManifest(folder);
  if (!manifest) return manifest.error();
  std::shared_ptr<LuaProcedure> p(
      new LuaProcedure(folder, std::move(manifest).value(), std::move(data), limits));
  LuaState& state = *p->state_;
  const HostData& hostData = *p->data_;
  Json fields;
  int ref = LUA_NOREF;
  auto loaded = runProtected(state, [&](lua_State* L) {
    installSandbox(L, folder);
    installHostApi(L, hostData);
    const std::string code = readScriptFile(L, folder / "procedure.lua");
    if (luaL_loadbufferx(L, code.data(), code.size(), "@procedure.lua", "t") != LUA_OK) {
      lua_error(L);
    }
    lua_call(L, 0, 1);
    if (!lua_istable(L, -1)) luaL_error(L, "procedure.lua must return the procedure table P");
    for (const char* name : kRequiredFunctions) {
      if (lua_getfield(L, -1, name) != LUA_TFUNCTION) {
        luaL_error(L, "procedure.lua: P.%s must be a function", name);
      }
      lua_pop(L, 1);
    }
    for (const char* name : kOptionalFunctions) {
      const int type = lua_getfield(L, -1, name);
      if (type != LUA_TNIL && type != LUA_TFUNCTION) {
        luaL_error(L, "procedure.lua: P.%s must be a function when present", name);
      }
      lua_pop(L, 1);
    }
    if (lua_getfield(L, -1, "fields") != LUA_TTABLE) {
      luaL_error(L, "procedure.lua: P.fields must be a list of fields");
    }
    fields = toJson(L, -1, "P.fields");
    lua_pop(L, 1);
    emptyObjectToArray(fields);
    if (!fields.is_array()) luaL_error(L, "procedure.lua: P.fields must be a list of fields");
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!fields[i].is_object() || !fields[i].contains("id") || !fields[i]["id"].is_string()) {
        luaL_error(L, "procedure.lua: P.fields[%d] needs a string id", static_cast<int>(i + 1));
      }
    }
    ref = luaL_ref(L, LUA_REGISTRYINDEX);
  });
  if (!loaded) return loaded.error();
  p->fields_ = std::move(fields);
  p->procedureRef_ = ref;
  return p;
}

Result<std::optional<Json>> LuaProcedure::call(const char* member,
                                               std::initializer_list<const Json*> args) {
  std::lock_guard lock(mutex_);
  lua_State* L = state_->get();
  StackGuard guard(L);
  std::optional<Json> out;
  auto done = runProtected(*state_, [&](lua_State* S) {
    lua_rawgeti(S, LUA_REGISTRYINDEX, procedureRef_);
    if (lua_getfield(S, -1, member) == LUA_TNIL) return;
    for (const Json* arg : args) pushJson(S, arg == nullptr ? Json() : *arg);
    lua_call(S, static_cast<int>(args.size()), 1);
    out = toJson(S, -1, std::string("P.") + member + " result");
  });
  if (!done) return done.error();
  return out;
}

Result<Json> LuaProcedure::prefill(const Json& card, const Json& household, const Json& ctx) {
  auto result = call("prefill", {&card, &household, &ctx});
  if (!result) return result.error();
  Json form = result->value_or(Json::object());
  if (form.is_null()) form = Json::object();
  if (!form.is_object()) return Error(Reason::ScriptError, "P.prefill must return a table");
  normaliseForm(form, fields_);
  return form;
}

Result<Json> LuaProcedure::validate(const Json& form, const Json& ctx) {
  auto result = call("validate", {&form, &ctx});
  if (!result) return result.error();
  Json problems = result->value_or(Json::array());
  if (problems.is_null()) problems = Json::array();
  emptyObjectToArray(problems);
  if (!problems.is_array()) return Error(Reason::ScriptError, "P.validate must return a list");
  for (const auto& p : problems) {
    if (!p.is_object() || !p.contains("code") || !p["code"].is_string()) {
      return Error(Reason::ScriptError, "P.validate: each problem needs a string code");
    }
  }
  return problems;
}

Result<Json> LuaProcedure::documents(const Json& form, const Json& ctx) {
  auto result = call("documents", {&form, &ctx});
  if (!result) return result.error();
  if (!result->has_value()) return manifest_.value("documents", Json::array());
  Json list = std::move(**result);
  emptyObjectToArray(list);
  if (!list.is_array()) return Error(Reason::ScriptError, "P.documents must return a list");
  return list;
}

Result<Json> LuaProcedure::render(const Json& form, const Json& ctx) {
  auto result = call("render", {&form, &ctx});
  if (!result) return result.error();
  Json list = result->value_or(Json::array());
  emptyObjectToArray(list);
  if (!list.is_array()) return Error(Reason::ScriptError, "P.render must return a list");
  return list;
}

Result<Json> LuaProcedure::receipt(const Json& form, const Json& ctx) {
  auto result = call("receipt", {&form, &ctx});
  if (!result) return result.error();
  Json data = result->value_or(Json::object());
  if (data.is_array() && data.empty()) data = Json::object();
  if (!data.is_object()) return Error(Reason::ScriptError, "P.receipt must return a table");
  return data;
}

void LuaProcedure::withState(const std::function<void(LuaState&, int)>& body) {
  std::lock_guard lock(mutex_);
  StackGuard guard(state_->get());
  body(*state_, procedureRef_);
}

}  // namespace onestop::procedures
