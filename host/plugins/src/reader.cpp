#include "onestop/plugins/reader.hpp"

#include "loaded_plugin.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {
namespace {

constexpr std::size_t kAtrCapacity = 64;  // ISO 7816-3 ATRs have at most 33 bytes

}  // namespace

Result<ReaderFeatures> queryReaderFeatures(const DeviceChannel& channel) {
  ReaderFeatures features;
  const auto& table = *channel.plugin->tables().reader;
  if (table.features == nullptr) return features;
  onestop_reader_features raw{};
  raw.struct_size = sizeof raw;
  const onestop_status s = channel.plugin->call(
      "reader.features", [&](void* p) { return table.features(p, channel.localId.c_str(), &raw); });
  if (s != ONESTOP_OK) return statusError(s, "reader.features", channel.deviceId);
  if (raw.max_command_apdu != 0) features.maxCommandApdu = raw.max_command_apdu;
  if (raw.max_response_apdu != 0) features.maxResponseApdu = raw.max_response_apdu;
  features.extendedLength = raw.extended_length != 0;
  features.pinPad = raw.pin_pad != 0;
  return features;
}

Reader::Reader(DeviceChannel channel) : channel_(std::move(channel)) {}

Result<ReaderFeatures> Reader::features() const {
  std::lock_guard lock(*channel_.mutex);
  return queryReaderFeatures(channel_);
}

Result<std::shared_ptr<ReaderConnection>> Reader::connect() {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().reader;
  onestop_card* card = nullptr;
  std::vector<std::uint8_t> atr(kAtrCapacity);
  std::size_t atrLen = atr.size();
  const onestop_status s = channel_.plugin->call("reader.connect", [&](void* p) {
    return table.connect(p, channel_.localId.c_str(), &card, atr.data(), &atrLen);
  });
  if (s != ONESTOP_OK) return statusError(s, "reader.connect", channel_.deviceId);
  if (card == nullptr || atrLen > atr.size()) {
    return Error(Reason::PluginFailed, "reader.connect on " + channel_.deviceId +
                                           " succeeded without a card handle or with a bad ATR");
  }
  atr.resize(atrLen);
  channel_.plugin->track(card);
  return std::make_shared<ReaderConnection>(channel_, card, std::move(atr));
}

}  // namespace onestop::plugins
