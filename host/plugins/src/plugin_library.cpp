#include "onestop/plugins/plugin_library.hpp"

#include <boost/dll/shared_library.hpp>
#include <string>
#include <system_error>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif

namespace onestop::plugins {
namespace {

// Boost.DLL reports only "bad file descriptor"; the dynamic loader still holds the real reason
// ("undefined symbol: …", "invalid ELF header") for this thread.
std::string loaderMessage(const std::error_code& ec) {
#if !defined(_WIN32)
  if (const char* text = dlerror(); text != nullptr) return text;
#endif
  return ec.message();
}

}  // namespace

struct PluginLibrary::Impl {
  boost::dll::shared_library library;
};

PluginLibrary::PluginLibrary(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PluginLibrary::PluginLibrary(PluginLibrary&& other) noexcept = default;
PluginLibrary& PluginLibrary::operator=(PluginLibrary&& other) noexcept = default;
PluginLibrary::~PluginLibrary() = default;

Result<PluginLibrary> PluginLibrary::open(const std::filesystem::path& file) {
  std::error_code exists;
  if (!std::filesystem::is_regular_file(file, exists)) {
    return Error(Reason::PluginFailed, "no library file " + file.string());
  }
  auto impl = std::make_unique<Impl>();
  std::error_code ec;
  // RTLD_NOW: unresolved symbols fail here, not in the middle of a card read.
  // RTLD_LOCAL: one plugin's symbols never satisfy another's.
  impl->library.load(file, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec || !impl->library.is_loaded()) {
    return Error(Reason::PluginFailed, "cannot load " + file.string() + ": " + loaderMessage(ec));
  }
  return PluginLibrary(std::move(impl));
}

onestop_plugin_entry_fn PluginLibrary::entry() const {
  if (!loaded() || !impl_->library.has(ONESTOP_PLUGIN_ENTRY_SYMBOL)) return nullptr;
  using EntryFunction = const onestop_plugin_api*(std::uint16_t, std::uint16_t);
  return &impl_->library.get<EntryFunction>(ONESTOP_PLUGIN_ENTRY_SYMBOL);
}

bool PluginLibrary::loaded() const {
  return impl_ && impl_->library.is_loaded();
}

void PluginLibrary::unload() noexcept {
  if (impl_) impl_->library.unload();
}

}  // namespace onestop::plugins
