// One open card: its own PC/SC context (a context is not shared between threads) and a shared
// T=0|T=1 handle. Transmit uses the PCI of the active protocol; after SCARD_W_RESET_CARD (another
// application reset the card) it reconnects, leaving the card, and sends the command once more.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "onestop/plugin.hpp"
#include "scard_call.hpp"

namespace onestop::pcsc {

class PcscCardConnection final : public sdk::CardConnection {
 public:
  // Connects to the card in reader; on failure returns the status and leaves connection empty.
  static onestop_status open(const sdk::Host& host, const std::string& reader,
                             std::unique_ptr<sdk::CardConnection>& connection,
                             std::vector<std::uint8_t>& atr);

  onestop_status transmit(std::span<const std::uint8_t> command,
                          std::vector<std::uint8_t>& response) override;
  onestop_status disconnect(onestop_disposition disposition) override;

 private:
  explicit PcscCardConnection(sdk::Host host) : host_(host) {}

  sdk::Host host_;
  ScardContext context_;  // declared first: destroyed after card_
  ScardCard card_;
};

}  // namespace onestop::pcsc
