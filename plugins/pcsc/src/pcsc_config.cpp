#include "pcsc_config.hpp"

#include <nlohmann/json.hpp>

#include "onestop/plugin.hpp"

namespace onestop::pcsc {

PcscConfig parsePcscConfig(std::string_view json) {
  const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "pcsc config: not a JSON object");
  }
  PcscConfig config;
  if (const auto it = doc.find("readerFilter"); it != doc.end() && !it->is_null()) {
    if (!it->is_string()) {
      throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "pcsc config: readerFilter not a string");
    }
    config.readerFilter = it->get<std::string>();
  }
  return config;
}

}  // namespace onestop::pcsc
