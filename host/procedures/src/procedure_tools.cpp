#include "onestop/procedures/procedure_tools.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "host_data.hpp"
#include "lua_json.hpp"
#include "lua_procedure.hpp"
#include "sandbox.hpp"

namespace onestop::procedures {

extern const char* const kTestHarnessLua;

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> testFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder / "tests", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".lua") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string describe(const Error& error) {
  if (error.reason() == Reason::ScriptLimit) return "SCRIPT_LIMIT: " + error.detail();
  return error.detail();
}

// Registry references released on scope exit.
class Refs {
 public:
  explicit Refs(lua_State* L) : state_(L) {}
  ~Refs() {
    for (const int ref : refs_) luaL_unref(state_, LUA_REGISTRYINDEX, ref);
  }
  Refs(const Refs&) = delete;
  Refs& operator=(const Refs&) = delete;
  int take(lua_State* L) {
    refs_.push_back(luaL_ref(L, LUA_REGISTRYINDEX));
    return refs_.back();
  }

 private:
  lua_State* state_;
  std::vector<int> refs_;
};

std::string displayName(const fs::path& file) {
  return "tests/" + file.filename().string();
}

// Loads a test file as text and gives its chunk an environment made by the harness factory.
Result<void> prepareFile(LuaState& state, int factoryRef, const fs::path& file, const Json& ctx,
                         Refs& refs, int& chunkRef, int& testsRef) {
  return runProtected(state, [&](lua_State* L) {
    const std::string code = readScriptFile(L, file);
    const std::string chunkName = "@" + displayName(file);
    if (luaL_loadbufferx(L, code.data(), code.size(), chunkName.c_str(), "t") != LUA_OK) {
      lua_error(L);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, factoryRef);
    pushJson(L, ctx);
    lua_call(L, 1, 2);     // chunk, env, tests
    lua_pushvalue(L, -2);  // env
    if (lua_setupvalue(L, -4, 1) == nullptr) luaL_error(L, "test chunk has no _ENV");
    testsRef = refs.take(L);  // pops tests
    lua_pop(L, 1);            // env
    chunkRef = refs.take(L);  // pops the chunk
  });
}

void runFile(LuaState& state, int factoryRef, const fs::path& file, const Json& ctx,
             std::ostream& out, TestRunSummary& summary) {
  lua_State* L = state.get();
  StackGuard guard(L);
  Refs refs(L);
  const std::string display = displayName(file);
  int chunkRef = LUA_NOREF;
  int testsRef = LUA_NOREF;
  if (auto prepared = prepareFile(state, factoryRef, file, ctx, refs, chunkRef, testsRef);
      !prepared) {
    ++summary.failed;
    out << "FAIL " << display << ": (load): " << describe(prepared.error()) << '\n';
    return;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, chunkRef);
  if (auto ran = callProtected(state, 0, 0); !ran) {
    ++summary.failed;
    out << "FAIL " << display << ": (file): " << describe(ran.error()) << '\n';
    return;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, testsRef);
  const int tests = lua_gettop(L);
  const auto count = static_cast<lua_Integer>(lua_rawlen(L, tests));
  for (lua_Integer i = 1; i <= count; ++i) {
    lua_rawgeti(L, tests, i);
    lua_pushliteral(L, "name");
    lua_rawget(L, -2);
    const std::string name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    lua_pop(L, 1);
    lua_pushliteral(L, "fn");
    lua_rawget(L, -2);
    lua_remove(L, -2);
    if (auto ran = callProtected(state, 0, 0); ran) {
      ++summary.passed;
      out << "ok " << display << ": " << name << '\n';
    } else {
      ++summary.failed;
      out << "FAIL " << display << ": " << name << ": " << describe(ran.error()) << '\n';
    }
  }
}

const std::set<std::string_view> kFieldTypes = {
    "text", "date", "select", "phone", "email", "id_number", "textarea", "boolean", "table"};

bool hasLabel(const Json& field) {
  const auto it = field.find("label");
  return it != field.end() && it->is_object() && it->contains("vi") && (*it)["vi"].is_string() &&
         it->contains("en") && (*it)["en"].is_string();
}

void checkFields(const Json& fields, const std::string& where, const std::string& id,
                 std::vector<LoadProblem>& problems) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& field = fields[i];
    const std::string path = where + "[" + std::to_string(i + 1) + "]";
    const auto add = [&](const std::string& what) {
      problems.push_back({id, "VALIDATION_FAILED", path + ": " + what});
    };
    if (!field.is_object() || !field.contains("id") || !field["id"].is_string()) {
      add("needs a string id");
      continue;
    }
    const auto fieldId = field["id"].get<std::string>();
    if (!seen.insert(fieldId).second) add("duplicate id '" + fieldId + "'");
    if (!hasLabel(field)) add("'" + fieldId + "' needs label {vi, en}");
    const auto type = field.value("type", std::string());
    if (kFieldTypes.count(type) == 0) add("'" + fieldId + "' has an unknown type '" + type + "'");
    if (type == "select" &&
        (!field.contains("options") || !field["options"].is_array() || field["options"].empty())) {
      add("'" + fieldId + "' (select) needs options");
    }
    if (type == "table") {
      if (!field.contains("columns") || !field["columns"].is_array()) {
        add("'" + fieldId + "' (table) needs columns");
      } else {
        checkFields(field["columns"], path + ".columns", id, problems);
      }
    }
  }
}

}  // namespace

Json defaultTestContext(const std::string& today) {
  return Json{{"today", today},
              {"now", today + "T09:30:00+07:00"},
              {"unit",
               {{"name", "Công an phường Cửa Nam"},
                {"province_code", "01"},
                {"ward_code", "00082"},
                {"address", "Phường Cửa Nam, Thành phố Hà Nội"},
                {"phone", "02400000000"}}},
              {"channel", "in_person"}};
}

Result<TestRunSummary> runProcedureTests(const fs::path& folder, const TestRunOptions& options,
                                         std::ostream& out) {
  auto data = HostData::load(options.hostData);
  if (!data) return data.error();
  TestRunSummary summary;
  auto procedure = LuaProcedure::load(folder, std::move(data).value(), options.limits);
  if (!procedure) {
    out << "FAIL procedure: " << reasonName(procedure.error().reason()) << ": "
        << procedure.error().detail() << '\n';
    out << "0 passed, 1 failed\n";
    summary.failed = 1;
    return summary;
  }
  summary.loaded = true;
  const Json ctx = defaultTestContext(options.today);
  const auto files = testFiles(folder);
  (*procedure)->withState([&](LuaState& state, int procedureRef) {
    lua_State* L = state.get();
    Refs refs(L);
    int factoryRef = LUA_NOREF;
    const Json& manifest = (*procedure)->manifest();
    auto harness = runProtected(state, [&](lua_State* S) {
      if (luaL_loadbufferx(S, kTestHarnessLua, std::char_traits<char>::length(kTestHarnessLua),
                           "@(test harness)", "t") != LUA_OK) {
        lua_error(S);
      }
      lua_rawgeti(S, LUA_REGISTRYINDEX, procedureRef);
      pushJson(S, manifest);
      lua_call(S, 2, 1);
      factoryRef = refs.take(S);
    });
    if (!harness) {
      ++summary.failed;
      out << "FAIL (test harness): " << describe(harness.error()) << '\n';
      return;
    }
    for (const auto& file : files) runFile(state, factoryRef, file, ctx, out, summary);
  });
  if (files.empty()) out << "no test files in " << (folder / "tests").string() << '\n';
  out << summary.passed << " passed, " << summary.failed << " failed\n";
  return summary;
}

Result<std::vector<LoadProblem>> checkProcedure(const fs::path& folder,
                                                const HostDataPaths& hostData) {
  auto data = HostData::load(hostData);
  if (!data) return data.error();
  std::vector<LoadProblem> problems;
  const auto id = folder.filename().string();
  auto procedure = LuaProcedure::load(folder, std::move(data).value(), Limits{});
  if (!procedure) {
    problems.push_back(
        {id, std::string(reasonName(procedure.error().reason())), procedure.error().detail()});
    return problems;
  }
  checkFields((*procedure)->fields(), "P.fields", id, problems);
  (*procedure)->withState([&](LuaState& state, int /*procedureRef*/) {
    for (const auto& file : testFiles(folder)) {
      auto compiled = runProtected(state, [&](lua_State* L) {
        const std::string code = readScriptFile(L, file);
        const std::string chunkName = "@" + displayName(file);
        if (luaL_loadbufferx(L, code.data(), code.size(), chunkName.c_str(), "t") != LUA_OK) {
          lua_error(L);
        }
      });
      if (!compiled) {
        problems.push_back(
            {id, std::string(reasonName(compiled.error().reason())), compiled.error().detail()});
      }
    }
  });
  if (testFiles(folder).empty()) {
    problems.push_back({id, "VALIDATION_FAILED", "no tests/*.lua: every procedure needs tests"});
  }
  return problems;
}

}  // namespace onestop::procedures
