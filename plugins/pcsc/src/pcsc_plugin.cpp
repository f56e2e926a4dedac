#include "pcsc_plugin.hpp"

#include "pcsc_card_connection.hpp"
#include "reader_features.hpp"

namespace onestop::pcsc {

PcscPlugin::PcscPlugin(sdk::Host host, std::string_view configJson)
    : Plugin(host), monitor_(std::make_unique<ReaderMonitor>(host, parsePcscConfig(configJson))) {}

std::vector<sdk::Device> PcscPlugin::devices() {
  std::vector<sdk::Device> list;
  for (const auto& [name, state] : monitor_->readers()) {
    list.push_back({ONESTOP_DEVICE_READER, name, name,
                    state.cardPresent ? ONESTOP_DEVICE_FLAG_CARD_PRESENT : 0u});
  }
  return list;
}

onestop_status PcscPlugin::readerFeatures(const std::string& readerId,
                                          onestop_reader_features& out) {
  const auto state = monitor_->reader(readerId);
  if (!state) return ONESTOP_E_NO_DEVICE;
  const onestop_reader_features f = computeFeatures(queryReaderLimits(readerId), state->atr);
  out.max_command_apdu = f.max_command_apdu;
  out.max_response_apdu = f.max_response_apdu;
  out.extended_length = f.extended_length;
  out.pin_pad = 0;
  return ONESTOP_OK;
}

onestop_status PcscPlugin::connect(const std::string& readerId,
                                   std::unique_ptr<sdk::CardConnection>& connection,
                                   std::vector<std::uint8_t>& atr) {
  if (!monitor_->reader(readerId)) return ONESTOP_E_NO_DEVICE;
  return PcscCardConnection::open(host(), readerId, connection, atr);
}

}  // namespace onestop::pcsc
