#include "virtual_reader.hpp"

#include "virtual_card_connection.hpp"

namespace onestop::simulator {

VirtualReader::VirtualReader(std::string id, sdk::Host host)
    : id_(std::move(id)), host_(host), slot_(std::make_shared<ReaderSlot>()) {}

sdk::Device VirtualReader::device() const {
  std::lock_guard lock(slot_->mutex);
  std::uint32_t flags = ONESTOP_DEVICE_FLAG_SIMULATED;
  if (slot_->card) flags |= ONESTOP_DEVICE_FLAG_CARD_PRESENT;
  return {ONESTOP_DEVICE_READER, id_, "onestop virtual reader " + id_, flags};
}

std::optional<std::string> VirtualReader::cardName() const {
  std::lock_guard lock(slot_->mutex);
  if (!slot_->card) return std::nullopt;
  return slot_->cardName;
}

nlohmann::json VirtualReader::cardStatus() const {
  std::lock_guard lock(slot_->mutex);
  if (!slot_->card) return nullptr;
  return slot_->card->status();
}

std::vector<std::uint8_t> VirtualReader::insert(std::string name, std::unique_ptr<CardModel> card,
                                                bool announce) {
  const bool hadCard = remove(announce);
  (void)hadCard;
  std::vector<std::uint8_t> atr = card->atr();
  {
    std::lock_guard lock(slot_->mutex);
    slot_->card = std::move(card);
    slot_->cardName = std::move(name);
    ++slot_->generation;
  }
  // Events go out without the slot lock: the host may call straight back into this reader.
  if (announce) host_.cardInserted(id_, atr);
  return atr;
}

bool VirtualReader::remove(bool announce) {
  {
    std::lock_guard lock(slot_->mutex);
    if (!slot_->card) return false;
    slot_->card.reset();
    slot_->cardName.clear();
    ++slot_->generation;
  }
  if (announce) host_.cardRemoved(id_);
  return true;
}

onestop_status VirtualReader::features(onestop_reader_features& out) const {
  out.max_command_apdu = 65544;  // extended length: 7-byte header + 65535 data + 2-byte Le
  out.max_response_apdu = 65538;
  out.extended_length = 1;
  out.pin_pad = 0;
  return ONESTOP_OK;
}

onestop_status VirtualReader::connect(std::unique_ptr<sdk::CardConnection>& connection,
                                      std::vector<std::uint8_t>& atr) {
  std::lock_guard lock(slot_->mutex);
  if (!slot_->card) return ONESTOP_E_NO_CARD;
  atr = slot_->card->atr();
  connection = std::make_unique<VirtualCardConnection>(slot_, slot_->generation);
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
