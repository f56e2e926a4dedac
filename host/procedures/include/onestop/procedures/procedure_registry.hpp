#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/common/result.hpp"

namespace onestop::procedures {

using Json = nlohmann::json;

// What one call into a script may use. Exceeding any of them is Reason::ScriptLimit.
struct Limits {
  std::uint64_t instructions = 20'000'000;          // counted by a VM hook
  std::chrono::milliseconds wallTime{100};          // per call, checked by the same hook
  std::size_t memoryBytes = std::size_t{32} << 20;  // the state's allocator refuses beyond it
};

// Data the onestop.* host API reads (administrative units, holidays); loaded once, shared.
struct HostDataPaths {
  std::filesystem::path adminUnitsDir;  // config/admin-units
  std::filesystem::path holidaysFile;   // config/holidays.json
};

// One loaded procedure: its manifest and its own sandboxed Lua state. Calls are serialised on
// the procedure (a Lua state is single-threaded). Every script fault is Reason::ScriptError or
// Reason::ScriptLimit with "file:line: message" in the detail; the state stays usable.
class Procedure {
 public:
  virtual ~Procedure() = default;
  [[nodiscard]] virtual const std::string& id() const = 0;
  [[nodiscard]] virtual const Json& manifest() const = 0;  // manifest.json as loaded
  [[nodiscard]] virtual const Json& fields() const = 0;    // P.fields as JSON
  [[nodiscard]] virtual const std::filesystem::path& folder() const = 0;

  // card / household may be null. Returns the form object.
  virtual Result<Json> prefill(const Json& card, const Json& household, const Json& ctx) = 0;
  // The list of problems (possibly empty).
  virtual Result<Json> validate(const Json& form, const Json& ctx) = 0;
  // P.documents(form, ctx), or manifest.documents when the script has none.
  virtual Result<Json> documents(const Json& form, const Json& ctx) = 0;
  // P.render(form, ctx): [{form, data}]; empty array when the script has none.
  virtual Result<Json> render(const Json& form, const Json& ctx) = 0;
  // P.receipt(form, ctx), or {} when the script has none.
  virtual Result<Json> receipt(const Json& form, const Json& ctx) = 0;
};

// A folder that failed to load, and why (the previous good version, if any, keeps serving).
struct LoadProblem {
  std::string id;      // folder name
  std::string reason;  // "SCRIPT_ERROR", "SCRIPT_LIMIT", "VALIDATION_FAILED"
  std::string detail;  // file:line: message (no citizen data: scripts are code, not data)
};

struct ReloadReport {
  std::vector<std::string> loaded;     // ids (re)loaded in this pass
  std::vector<std::string> unchanged;  // ids whose files did not change
  std::vector<std::string> removed;    // ids whose folder is gone
  std::vector<LoadProblem> problems;   // folders refused in this pass
};

// All procedures under the configured roots (each root holds <id>/ folders). Thread-safe.
class ProcedureRegistry {
 public:
  static Result<std::unique_ptr<ProcedureRegistry>> open(std::vector<std::filesystem::path> roots,
                                                         HostDataPaths hostData,
                                                         Limits limits = {});
  virtual ~ProcedureRegistry() = default;

  [[nodiscard]] virtual std::vector<std::shared_ptr<Procedure>> list() const = 0;
  // Reason::ProcedureNotFound when unknown.
  [[nodiscard]] virtual Result<std::shared_ptr<Procedure>> find(const std::string& id) const = 0;
  // Rescans the roots: loads new and changed folders (by content hash of their files), drops
  // removed ones; a folder that fails keeps its previous version serving.
  virtual ReloadReport reload() = 0;
  // The problems of the last pass (for procedures.list / admin display).
  [[nodiscard]] virtual std::vector<LoadProblem> problems() const = 0;
  // Polls the roots every `interval` on a thread of its own and reloads on change; stops with
  // the registry. Optional: the daemon starts it.
  virtual void watch(std::chrono::milliseconds interval) = 0;
};

// The normalised card record procedures receive (procedure-contract.md), built from the
// card.read `person` JSON (camelCase, dd/mm/yyyy dates).
Json cardRecordFromPerson(const Json& person, const std::string& source, bool verified);

}  // namespace onestop::procedures
