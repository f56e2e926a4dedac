#pragma once

#include <memory>

#include "onestop/plugin.hpp"
#include "reader_slot.hpp"

namespace onestop::simulator {

// A connection to the card that was in a virtual reader at connect time.
class VirtualCardConnection final : public sdk::CardConnection {
 public:
  VirtualCardConnection(std::shared_ptr<ReaderSlot> slot, std::uint64_t generation);

  onestop_status transmit(std::span<const std::uint8_t> command,
                          std::vector<std::uint8_t>& response) override;
  onestop_status disconnect(onestop_disposition disposition) override;

 private:
  std::shared_ptr<ReaderSlot> slot_;
  std::uint64_t generation_;
};

}  // namespace onestop::simulator
