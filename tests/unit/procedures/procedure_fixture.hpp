#pragma once

// Shared helpers of the procedure engine tests: temporary procedure folders, the real host
// data from config/, and a one-shot "evaluate this Lua" through a real sandboxed procedure.

#include <filesystem>
#include <memory>
#include <string>

#include "host_data.hpp"
#include "lua_procedure.hpp"

namespace onestop::procedures::testing {

// A fresh directory under the temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

HostDataPaths configPaths();
std::shared_ptr<const HostData> hostData();

void writeFile(const std::filesystem::path& file, const std::string& text);
// A manifest.json valid for `id` (procedure-contract.md).
std::string manifestFor(const std::string& id);
// Writes <root>/<id>/manifest.json and procedure.lua; returns the folder.
std::filesystem::path writeProcedure(const std::filesystem::path& root, const std::string& id,
                                     const std::string& procedureLua);

// procedure.lua whose P.prefill returns { value = (function(card, household, ctx) BODY end)(...) }
// and whose P.validate runs VALIDATE_BODY (default: returns {}).
std::string procedureWith(const std::string& prefillBody,
                          const std::string& validateBody = "return {}");

// Loads a procedure running `body` in prefill and returns the value (or the error).
Result<Json> evalLua(const std::string& body, Limits limits = {});

}  // namespace onestop::procedures::testing
