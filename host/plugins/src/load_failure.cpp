#include "onestop/plugins/load_failure.hpp"

namespace onestop::plugins {

std::string_view loadRefusalName(LoadRefusal refusal) {
  switch (refusal) {
    case LoadRefusal::BadManifest:
      return "BAD_MANIFEST";
    case LoadRefusal::LoadFailed:
      return "LOAD_FAILED";
    case LoadRefusal::MissingSymbol:
      return "MISSING_SYMBOL";
    case LoadRefusal::AbiMismatch:
      return "ABI_MISMATCH";
    case LoadRefusal::EntryFailed:
      return "ENTRY_FAILED";
    case LoadRefusal::InitFailed:
      return "INIT_FAILED";
    case LoadRefusal::DuplicateId:
      return "DUPLICATE_ID";
    case LoadRefusal::IdMismatch:
      return "ID_MISMATCH";
    case LoadRefusal::Disabled:
      return "DISABLED";
  }
  return "LOAD_FAILED";
}

}  // namespace onestop::plugins
