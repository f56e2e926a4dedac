// The pcsc plugin's config: {"readerFilter": "<substring>"} (optional).
#pragma once

#include <string>
#include <string_view>

namespace onestop::pcsc {

struct PcscConfig {
  std::string readerFilter;  // only readers whose name contains it; empty: every reader

  [[nodiscard]] bool accepts(std::string_view readerName) const {
    return readerFilter.empty() || readerName.find(readerFilter) != std::string_view::npos;
  }
};

// Throws sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT) for malformed config.
PcscConfig parsePcscConfig(std::string_view json);

}  // namespace onestop::pcsc
