#include "plugin_loader.hpp"

#include <string>

#include "abi_tables.hpp"
#include "onestop/plugins/plugin_library.hpp"

namespace onestop::plugins {
namespace {

LoadRefused refused(LoadRefusal refusal, std::string detail, std::string abi = {}) {
  return LoadRefused{LoadFailure{refusal, std::move(detail)}, std::move(abi)};
}

// Calls the entry point; an exception counts as failure like NULL does.
const onestop_plugin_api* callEntry(onestop_plugin_entry_fn entry, bool& threw) {
  threw = false;
  try {
    return entry(ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR);
  } catch (...) {
    threw = true;
    return nullptr;
  }
}

}  // namespace

std::variant<LoadSuccess, LoadRefused> loadPlugin(const LoadRequest& request) {
  const auto file = request.folder / request.manifest.library;
  auto library = PluginLibrary::open(file);
  if (!library) return refused(LoadRefusal::LoadFailed, library.error().detail());

  const onestop_plugin_entry_fn entry = library->entry();
  if (entry == nullptr) {
    return refused(LoadRefusal::MissingSymbol,
                   file.filename().string() + " exports no " + ONESTOP_PLUGIN_ENTRY_SYMBOL);
  }
  bool threw = false;
  const onestop_plugin_api* table = callEntry(entry, threw);
  if (threw) return refused(LoadRefusal::EntryFailed, "onestop_plugin_entry threw an exception");
  if (table == nullptr)
    return refused(LoadRefusal::EntryFailed, "onestop_plugin_entry returned NULL");

  const std::string abi =
      std::to_string(table->header.abi_major) + "." + std::to_string(table->header.abi_minor);
  auto checked = checkPluginTables(table, request.manifest);
  if (auto* failure = std::get_if<LoadFailure>(&checked)) {
    return LoadRefused{*failure, abi};
  }

  auto binding = std::make_unique<HostBinding>(request.manifest.id, request.log, *request.router);
  auto plugin = std::make_shared<LoadedPlugin>(request.manifest, std::move(*library),
                                               std::get<PluginTables>(checked), std::move(binding),
                                               request.log);
  if (auto problem = plugin->init(request.config)) {
    return refused(LoadRefusal::InitFailed, *problem, abi);
  }
  return LoadSuccess{std::move(plugin)};
}

}  // namespace onestop::plugins
