#include "procedure_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace onestop::procedures::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("onestop-procedures-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

HostDataPaths configPaths() {
  const fs::path config = ONESTOP_CONFIG_DIR;
  return {config / "admin-units", config / "holidays.json"};
}

std::shared_ptr<const HostData> hostData() {
  static const auto data = [] {
    auto loaded = HostData::load(configPaths());
    if (!loaded) throw std::runtime_error(loaded.error().detail());
    return std::move(loaded).value();
  }();
  return data;
}

void writeFile(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string manifestFor(const std::string& id) {
  Json m = {
      {"id", id},
      {"version", "1.0.0"},
      {"title", {{"vi", "Thử"}, {"en", "Test"}}},
      {"procedureCode", "0.000000"},
      {"legalBasis", Json::array({{{"text", "none"}, {"effectiveFrom", "2026-01-01"}}})},
      {"timeLimit", {{"workingDays", 3}}},
      {"fee", {{"inPerson", 0}, {"currency", "VND"}}},
      {"forms", Json::array({"CT01@116/2026"})},
      {"receipt", "CT04"},
      {"documents",
       Json::array(
           {{{"id", "ct01"}, {"title", {{"vi", "Tờ khai"}, {"en", "Form"}}}, {"required", true}}})},
      {"permissions", Json::array()}};
  return m.dump(2);
}

fs::path writeProcedure(const fs::path& root, const std::string& id,
                        const std::string& procedureLua) {
  const auto folder = root / id;
  writeFile(folder / "manifest.json", manifestFor(id));
  writeFile(folder / "procedure.lua", procedureLua);
  return folder;
}

std::string procedureWith(const std::string& prefillBody, const std::string& validateBody) {
  return "local P = {}\n"
         "P.fields = { { id = 'value', label = { vi = 'Giá trị', en = 'Value' }, type = 'text' } "
         "}\n"
         "function P.prefill(card, household, ctx)\n"
         "  return { value = (function()\n" +
         prefillBody +
         "\n  end)() }\n"
         "end\n"
         "function P.validate(form, ctx)\n" +
         validateBody +
         "\nend\n"
         "return P\n";
}

Result<Json> evalLua(const std::string& body, Limits limits) {
  TempDir dir;
  const auto folder = writeProcedure(dir.path(), "eval", procedureWith(body));
  auto procedure = LuaProcedure::load(folder, hostData(), limits);
  if (!procedure) return procedure.error();
  auto form = (*procedure)->prefill(nullptr, nullptr, Json::object());
  if (!form) return form.error();
  return form->value("value", Json());
}

}  // namespace onestop::procedures::testing
