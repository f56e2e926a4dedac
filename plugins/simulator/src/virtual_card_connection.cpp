#include "virtual_card_connection.hpp"

namespace onestop::simulator {

VirtualCardConnection::VirtualCardConnection(std::shared_ptr<ReaderSlot> slot,
                                             std::uint64_t generation)
    : slot_(std::move(slot)), generation_(generation) {}

onestop_status VirtualCardConnection::transmit(std::span<const std::uint8_t> command,
                                               std::vector<std::uint8_t>& response) {
  std::lock_guard lock(slot_->mutex);
  if (!slot_->card || slot_->generation != generation_) return ONESTOP_E_CARD_REMOVED;
  response = slot_->card->transmit(command);
  return ONESTOP_OK;
}

onestop_status VirtualCardConnection::disconnect(onestop_disposition disposition) {
  std::lock_guard lock(slot_->mutex);
  if (disposition == ONESTOP_RESET_CARD && slot_->card && slot_->generation == generation_) {
    slot_->card->reset();
  }
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
