// Admin-written procedures through a real onestopd: the SDK's example procedure loads from a
// folder of the admin's, a broken edit is reported while the previous version keeps serving,
// the watcher picks up a change by itself, and a hostile script is stopped with a typed error
// while the daemon keeps serving.
#include <thread>

#include "procedure_test_support.hpp"

namespace onestop::testing {
namespace {

const fs::path kSource = ONESTOP_SOURCE_DIR;
const fs::path kStage = ONESTOP_STAGE_DIR;

fs::path makeTempDir(const std::string& name) {
  auto dir = fs::temp_directory_path() /
             (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  fs::create_directories(dir);
  return dir;
}

// The test daemon's config with a second procedures root, watched every 200 ms.
std::string configWithRoot(const fs::path& root, const fs::path& dir) {
  std::ifstream in(DaemonProcess::testConfig());
  auto config = Json::parse(in);
  config["procedures"] = {{"dirs", {(kStage / "lib/onestop/procedures").string(), root.string()}},
                          {"watchIntervalMs", 200}};
  const auto file = dir / "onestopd.json";
  std::ofstream(file) << config.dump(2);
  return file.string();
}

fs::path theSdkExample() {
  for (const auto& entry : fs::directory_iterator(kSource / "sdk/lua/examples")) {
    if (fs::exists(entry.path() / "manifest.json")) return entry.path();
  }
  return {};
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::trunc) << text;
}

const char* kHostileManifest = R"({
  "id": "hostile", "version": "1.0.0",
  "title": {"vi": "Thủ tục thử nghiệm", "en": "Test procedure"},
  "procedureCode": "0.000000", "legalBasis": [], "timeLimit": {"workingDays": 1},
  "fee": {"inPerson": 0, "online": 0, "currency": "VND"}, "forms": [], "receipt": "CT04",
  "documents": [], "permissions": []
})";

const char* kHostileScript = R"(local P = {}
P.fields = { { id = "x", label = { vi = "x", en = "x" }, type = "text" } }
function P.prefill(card, household, ctx)
  if ctx.case_id == nil then while true do end end
  return {}
end
function P.validate(form, ctx) return {} end
return P
)";

class ProcedureRoots : public ProcedureApi {
 protected:
  ProcedureRoots() : ProcedureApi(prepare()) {}
  static std::string prepare() {
    root() = makeTempDir("onestop-procedures");
    const auto example = theSdkExample();
    if (!example.empty()) {
      fs::copy(example, root() / example.filename(), fs::copy_options::recursive);
    }
    fs::create_directories(root() / "hostile");
    write(root() / "hostile/manifest.json", kHostileManifest);
    write(root() / "hostile/procedure.lua", kHostileScript);
    return configWithRoot(root(), makeTempDir("onestop-config"));
  }
  static fs::path& root() {
    static fs::path dir;
    return dir;
  }
};

TEST_F(ProcedureRoots, TheSdkExampleLoadsAndABrokenEditKeepsTheOldVersionServing) {
  const auto example = theSdkExample();
  ASSERT_FALSE(example.empty()) << "sdk/lua/examples has no procedure";
  const auto id = example.filename().string();
  auto client = connect();
  const auto listed = *client->call("procedures.list");
  ASSERT_TRUE(listed.contains("result")) << listed.dump();
  EXPECT_NE(listed.dump().find("\"id\":\"" + id + "\""), std::string::npos) << listed.dump();
  ASSERT_TRUE((*client->call("procedures.get", {{"id", id}})).contains("result"));

  const auto script = root() / id / "procedure.lua";
  const std::string good = readText(script);
  write(script, good + "\nthis is not lua\n");
  auto admin = connect(false);
  const auto broken = *admin->call("procedures.reload");
  ASSERT_TRUE(broken.contains("result")) << broken.dump();
  // The watcher may have seen the edit first: then procedures.list carries the problem.
  Json problems = broken["result"]["problems"];
  if (problems.empty()) problems = (*client->call("procedures.list"))["result"]["problems"];
  bool reported = false;
  for (const auto& problem : problems) {
    if (problem["id"] == id) {
      reported = true;
      EXPECT_EQ(problem["reason"], "SCRIPT_ERROR");
      EXPECT_NE(problem["detail"].get<std::string>().find("procedure.lua:"), std::string::npos)
          << problem.dump();
    }
  }
  EXPECT_TRUE(reported) << broken.dump();
  // The previous version still serves.
  EXPECT_TRUE((*client->call("cases.create", {{"procedure", id}})).contains("result"));

  // Fixed: loaded again, by this call or already by the watcher.
  write(script, good);
  const auto fixed = *admin->call("procedures.reload");
  ASSERT_TRUE(fixed.contains("result")) << fixed.dump();
  EXPECT_EQ(fixed["result"]["problems"], Json::array()) << fixed.dump();
  EXPECT_EQ((*client->call("procedures.list"))["result"]["problems"], Json::array());

  // The watcher notices a new version without being asked.
  const auto manifestFile = root() / id / "manifest.json";
  std::ifstream manifestIn(manifestFile);
  auto manifest = Json::parse(manifestIn);
  manifest["version"] = "9.9.9";
  write(manifestFile, manifest.dump(2));
  std::string seen;
  for (int i = 0; i < 40 && seen != "9.9.9"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto one = *client->call("procedures.get", {{"id", id}});
    seen = one["result"]["manifest"].value("version", "");
  }
  EXPECT_EQ(seen, "9.9.9");
}

TEST_F(ProcedureRoots, AHostileScriptIsStoppedWithATypedErrorAndTheDaemonServes) {
  auto client = connect();
  const auto started = std::chrono::steady_clock::now();
  const auto looped = *client->call("cases.create", {{"procedure", "hostile"}});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(reasonOf(looped), "SCRIPT_LIMIT") << looped.dump();
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  EXPECT_TRUE((*client->call("procedures.list")).contains("result"));
  EXPECT_TRUE((*client->call("system.health")).contains("result"));
}

}  // namespace
}  // namespace onestop::testing
