#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "host_data.hpp"
#include "lua_state.hpp"
#include "onestop/procedures/procedure_registry.hpp"

namespace onestop::procedures {

// One procedure folder loaded into its own sandboxed state. Calls are serialised by a mutex.
class LuaProcedure final : public Procedure {
 public:
  // Reads and checks manifest.json, builds the sandbox, runs procedure.lua once under the
  // limits and checks P (fields a list, prefill and validate functions; documents, render,
  // receipt functions when present).
  static Result<std::shared_ptr<LuaProcedure>> load(const std::filesystem::path& folder,
                                                    std::shared_ptr<const HostData> data,
                                                    Limits limits);

  [[nodiscard]] const std::string& id() const override { return id_; }
  [[nodiscard]] const Json& manifest() const override { return manifest_; }
  [[nodiscard]] const Json& fields() const override { return fields_; }
  [[nodiscard]] const std::filesystem::path& folder() const override { return folder_; }

  Result<Json> prefill(const Json& card, const Json& household, const Json& ctx) override;
  Result<Json> validate(const Json& form, const Json& ctx) override;
  Result<Json> documents(const Json& form, const Json& ctx) override;
  Result<Json> render(const Json& form, const Json& ctx) override;
  Result<Json> receipt(const Json& form, const Json& ctx) override;

  // For the test runner: runs `body` with the state and the stack index-free registry
  // reference of P, under the procedure's lock.
  void withState(const std::function<void(LuaState&, int procedureRef)>& body);

 private:
  LuaProcedure(std::filesystem::path folder, Json manifest, std::shared_ptr<const HostData> data,
               Limits limits);

  // P[member](args...) -> JSON; nullopt result when the member is absent and optional.
  Result<std::optional<Json>> call(const char* member, std::initializer_list<const Json*> args);

  std::filesystem::path folder_;
  std::string id_;
  Json manifest_;
  Json fields_;
  std::shared_ptr<const HostData> data_;  // the state's onestop.* reads it
  std::unique_ptr<LuaState> state_;
  int procedureRef_ = LUA_NOREF;
  std::mutex mutex_;
};

// Empty JSON objects become arrays (Lua cannot tell {} from []) where an array is expected.
void emptyObjectToArray(Json& value);

}  // namespace onestop::procedures
