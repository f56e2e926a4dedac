#pragma once

#include <filesystem>

#include "onestop/common/result.hpp"
#include "onestop/procedures/procedure_registry.hpp"

namespace onestop::procedures {

// Reads <folder>/manifest.json and checks it (procedure-contract.md): id ([a-z0-9-]+, equal to
// the folder name), version, title{vi,en}, procedureCode, legalBasis[{text,effectiveFrom}],
// timeLimit{}, fee{}, forms[string], documents[{id,title,required}] are required; receipt
// (string) and permissions (array) are optional. A fault is Reason::ValidationFailed whose
// detail names the key ("manifest.json: title.en: must be a string").
Result<Json> readManifest(const std::filesystem::path& folder);

}  // namespace onestop::procedures
