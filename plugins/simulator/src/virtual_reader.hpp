#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "card_model.hpp"
#include "onestop/plugin.hpp"
#include "reader_slot.hpp"

namespace onestop::simulator {

// A contactless reader whose card is put in and taken out by control commands. Raises
// CARD_INSERTED (with the ATR) and CARD_REMOVED through the host.
class VirtualReader {
 public:
  VirtualReader(std::string id, sdk::Host host);

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] sdk::Device device() const;
  // The name of the inserted card model, if any.
  [[nodiscard]] std::optional<std::string> cardName() const;
  // The inserted model's own status (see CardModel::status), null when the reader is empty.
  [[nodiscard]] nlohmann::json cardStatus() const;

  // Puts a card in (taking out the one there, with its event); returns the new card's ATR.
  std::vector<std::uint8_t> insert(std::string name, std::unique_ptr<CardModel> card,
                                   bool announce = true);
  // Takes the card out; false when the reader was empty.
  bool remove(bool announce = true);

  onestop_status features(onestop_reader_features& out) const;
  onestop_status connect(std::unique_ptr<sdk::CardConnection>& connection,
                         std::vector<std::uint8_t>& atr);

 private:
  std::string id_;
  sdk::Host host_;
  std::shared_ptr<ReaderSlot> slot_;
};

}  // namespace onestop::simulator
