#include "onestop/plugins/reader_connection.hpp"

#include "loaded_plugin.hpp"
#include "onestop/plugins/reader.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {

ReaderConnection::ReaderConnection(DeviceChannel channel, onestop_card* card,
                                   std::vector<std::uint8_t> atr)
    : channel_(std::move(channel)), card_(card), atr_(std::move(atr)) {}

ReaderConnection::~ReaderConnection() {
  (void)disconnect(Disposition::Leave);
}

bool ReaderConnection::isOpen() const {
  std::lock_guard lock(*channel_.mutex);
  return card_ != nullptr;
}

Result<ReaderFeatures> ReaderConnection::features() const {
  std::lock_guard lock(*channel_.mutex);
  return queryReaderFeatures(channel_);
}

Result<std::vector<std::uint8_t>> ReaderConnection::transmit(
    std::span<const std::uint8_t> command) {
  std::lock_guard lock(*channel_.mutex);
  if (card_ == nullptr) {
    return Error(Reason::InvalidState, "transmit on a closed connection to " + channel_.deviceId);
  }
  if (command.empty()) return Error(Reason::ValidationFailed, "empty command APDU");
  buffer_.resize(ONESTOP_TRANSMIT_RESPONSE_MIN);
  std::size_t length = buffer_.size();
  const auto& table = *channel_.plugin->tables().reader;
  const onestop_status s = channel_.plugin->call("reader.transmit", [&](void*) {
    return table.transmit(card_, command.data(), command.size(), buffer_.data(), &length);
  });
  if (s != ONESTOP_OK) return statusError(s, "reader.transmit", channel_.deviceId);
  if (length < 2 || length > buffer_.size()) {
    return Error(Reason::PluginFailed,
                 "reader.transmit on " + channel_.deviceId + " returned no status word");
  }
  return std::vector<std::uint8_t>(buffer_.begin(), buffer_.begin() + static_cast<long>(length));
}

Result<void> ReaderConnection::disconnect(Disposition disposition) {
  std::lock_guard lock(*channel_.mutex);
  if (card_ == nullptr) return Ok{};
  onestop_card* card = card_;
  card_ = nullptr;
  if (!channel_.plugin->untrack(card)) return Ok{};  // the host already closed it at shutdown
  const auto& table = *channel_.plugin->tables().reader;
  const std::uint32_t how =
      disposition == Disposition::Reset ? ONESTOP_RESET_CARD : ONESTOP_LEAVE_CARD;
  const onestop_status s = channel_.plugin->call(
      "reader.disconnect", [&](void*) { return table.disconnect(card, how); });
  if (s != ONESTOP_OK) return statusError(s, "reader.disconnect", channel_.deviceId);
  return Ok{};
}

}  // namespace onestop::plugins
