// The registry: loading folders, manifest checks, reload by content hash, watch, threads.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "procedure_fixture.hpp"

namespace onestop::procedures {
namespace {

using testing::TempDir;

std::string returning(const std::string& value) {
  return testing::procedureWith("return '" + value + "'");
}

std::unique_ptr<ProcedureRegistry> open(const TempDir& dir) {
  auto registry = ProcedureRegistry::open({dir.path()}, testing::configPaths());
  if (!registry) throw std::runtime_error(registry.error().detail());
  return std::move(registry).value();
}

std::string prefillValue(ProcedureRegistry& registry, const std::string& id) {
  auto procedure = registry.find(id);
  if (!procedure) return "(" + procedure.error().detail() + ")";
  auto form = (*procedure)->prefill(nullptr, nullptr, Json::object());
  return form ? (*form)["value"].get<std::string>() : "(" + form.error().detail() + ")";
}

TEST(Registry, LoadsEveryFolderAndReportsBrokenOnes) {
  TempDir dir;
  testing::writeProcedure(dir.path(), "tot", returning("v1"));
  testing::writeProcedure(dir.path(), "hong", "return {}");  // no fields/prefill/validate
  auto registry = open(dir);
  EXPECT_EQ(registry->list().size(), 1U);
  EXPECT_EQ(prefillValue(*registry, "tot"), "v1");
  EXPECT_EQ(registry->find("khong-co").error().reason(), Reason::ProcedureNotFound);
  const auto problems = registry->problems();
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].id, "hong");
  EXPECT_EQ(problems[0].reason, "SCRIPT_ERROR");
  EXPECT_NE(problems[0].detail.find("P.prefill"), std::string::npos) << problems[0].detail;
}

TEST(Registry, ManifestFaultsNameTheKey) {
  const std::pair<std::function<void(Json&)>, std::string> cases[] = {
      {[](Json& m) { m.erase("version"); }, "version: is required"},
      {[](Json& m) { m["id"] = "other"; }, "id: must equal the folder name"},
      {[](Json& m) { m["title"]["en"] = 5; }, "title.en: must be a string"},
      {[](Json& m) { m["forms"] = "CT01"; }, "forms: must be an array"},
      {[](Json& m) { m["documents"][0].erase("required"); }, "documents[0].required: is required"},
  };
  for (const auto& [mutate, expected] : cases) {
    TempDir dir;
    const auto folder = testing::writeProcedure(dir.path(), "thu", returning("x"));
    Json manifest = Json::parse(testing::manifestFor("thu"));
    mutate(manifest);
    testing::writeFile(folder / "manifest.json", manifest.dump());
    auto registry = open(dir);
    const auto problems = registry->problems();
    ASSERT_EQ(problems.size(), 1U) << expected;
    EXPECT_EQ(problems[0].reason, "VALIDATION_FAILED");
    EXPECT_NE(problems[0].detail.find(expected), std::string::npos) << problems[0].detail;
  }
}

TEST(Registry, ReloadByContentHashKeepsTheOldVersionWhenTheNewOneFails) {
  TempDir dir;
  const auto folder = testing::writeProcedure(dir.path(), "doi", returning("v1"));
  auto registry = open(dir);
  ASSERT_EQ(prefillValue(*registry, "doi"), "v1");

  auto report = registry->reload();
  EXPECT_EQ(report.unchanged, std::vector<std::string>{"doi"});
  EXPECT_TRUE(report.loaded.empty());

  testing::writeFile(folder / "procedure.lua", "syntax error here (");
  report = registry->reload();
  ASSERT_EQ(report.problems.size(), 1U);
  EXPECT_EQ(report.problems[0].reason, "SCRIPT_ERROR");
  EXPECT_NE(report.problems[0].detail.find("procedure.lua:1:"), std::string::npos)
      << report.problems[0].detail;
  EXPECT_EQ(prefillValue(*registry, "doi"), "v1");  // the old version serves

  testing::writeFile(folder / "procedure.lua", returning("v2"));
  report = registry->reload();
  EXPECT_EQ(report.loaded, std::vector<std::string>{"doi"});
  EXPECT_TRUE(registry->problems().empty());
  EXPECT_EQ(prefillValue(*registry, "doi"), "v2");

  testing::writeFile(folder / "helper.lua", "return 1");  // any file counts
  EXPECT_EQ(registry->reload().loaded, std::vector<std::string>{"doi"});

  std::filesystem::remove_all(folder);
  report = registry->reload();
  EXPECT_EQ(report.removed, std::vector<std::string>{"doi"});
  EXPECT_EQ(registry->find("doi").error().reason(), Reason::ProcedureNotFound);
}

TEST(Registry, WatchPicksUpANewFolder) {
  TempDir dir;
  auto registry = open(dir);
  registry->watch(std::chrono::milliseconds(20));
  testing::writeProcedure(dir.path(), "moi", returning("new"));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!registry->find("moi") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(prefillValue(*registry, "moi"), "new");
}

TEST(Registry, CallsFromFourThreadsAreSerialisedPerProcedure) {
  TempDir dir;
  // Each call counts in a script global: lost updates would show a race on the Lua state.
  testing::writeProcedure(
      dir.path(), "dem",
      testing::procedureWith(
          "COUNT = (COUNT or 0) + 1 local x = 0 for i = 1, 2000 do x = x + i end "
          "return tostring(COUNT)",
          "return { onestop.problem('f', tostring(form.n), 'a', 'b') }"));
  auto registry = open(dir);
  auto procedure = registry->find("dem");
  ASSERT_TRUE(procedure);
  constexpr int kThreads = 4;
  constexpr int kCalls = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        auto problems = (*procedure)->validate(Json{{"n", t * 1000 + i}}, Json::object());
        if (!problems || (*problems)[0]["code"] != std::to_string(t * 1000 + i)) ++failures;
        if (!(*procedure)->prefill(nullptr, nullptr, Json::object())) ++failures;
        if (registry->list().empty()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto last = (*procedure)->prefill(nullptr, nullptr, Json::object());
  ASSERT_TRUE(last);
  EXPECT_EQ((*last)["value"], std::to_string(kThreads * kCalls + 1));
}

TEST(Registry, EmptyTablesBecomeArraysWhereTheSchemaSaysSo) {
  TempDir dir;
  testing::writeProcedure(
      dir.path(), "rong",
      "local P = {}\n"
      "P.fields = { { id = 'rows', label = { vi = 'Dòng', en = 'Rows' }, type = 'table', "
      "columns = {} }, { id = 'meta', label = { vi = 'M', en = 'M' }, type = 'text' } }\n"
      "function P.prefill() return { rows = {}, meta = {} } end\n"
      "function P.validate() return {} end\n"
      "function P.documents() return {} end\n"
      "return P\n");
  auto registry = open(dir);
  auto procedure = registry->find("rong");
  ASSERT_TRUE(procedure) << (registry->problems().empty() ? "" : registry->problems()[0].detail);
  auto form = (*procedure)->prefill(nullptr, nullptr, Json::object());
  ASSERT_TRUE(form);
  EXPECT_TRUE((*form)["rows"].is_array());
  EXPECT_TRUE((*form)["meta"].is_object());
  EXPECT_TRUE((*procedure)->validate(*form, Json::object())->is_array());
  EXPECT_TRUE((*procedure)->documents(*form, Json::object())->is_array());
  EXPECT_TRUE((*procedure)->render(*form, Json::object())->is_array());    // absent: []
  EXPECT_TRUE((*procedure)->receipt(*form, Json::object())->is_object());  // absent: {}
}

}  // namespace
}  // namespace onestop::procedures
