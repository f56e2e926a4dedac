#include "pcsc_card_connection.hpp"

namespace onestop::pcsc {

onestop_status PcscCardConnection::open(const sdk::Host& host, const std::string& reader,
                                        std::unique_ptr<sdk::CardConnection>& connection,
                                        std::vector<std::uint8_t>& atr) {
  std::unique_ptr<PcscCardConnection> c(new PcscCardConnection(host));
  ScardResult r = c->context_.establish();
  if (!r.ok()) {
    host.log(ONESTOP_LOG_WARNING, "pcsc: connect: no PC/SC context: " + r.text());
    return r.serviceLost() ? ONESTOP_E_NO_DEVICE : r.status;
  }
  r = c->card_.connect(c->context_, reader, SCARD_SHARE_SHARED,
                       SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1);
  if (!r.ok()) {
    host.log(ONESTOP_LOG_DEBUG, "pcsc: connect failed: " + r.text());
    // At connect time "the card was removed" and "the card is mute" both mean: no usable card.
    if (r.status == ONESTOP_E_CARD_REMOVED || r.code == SCARD_W_UNRESPONSIVE_CARD ||
        r.code == SCARD_W_UNPOWERED_CARD) {
      return ONESTOP_E_NO_CARD;
    }
    return r.serviceLost() ? ONESTOP_E_NO_DEVICE : r.status;
  }
  r = c->card_.atr(atr);
  if (!r.ok()) return r.status;
  connection = std::move(c);
  return ONESTOP_OK;
}

onestop_status PcscCardConnection::transmit(std::span<const std::uint8_t> command,
                                            std::vector<std::uint8_t>& response) {
  if (!card_.valid()) return ONESTOP_E_CARD_REMOVED;
  ScardResult r = card_.transmit(command, response);
  if (r.code == SCARD_W_RESET_CARD) {
    host_.log(ONESTOP_LOG_INFO, "pcsc: card was reset by another application; reconnecting");
    const ScardResult re = card_.reconnect(SCARD_LEAVE_CARD);
    if (!re.ok()) return re.status;
    r = card_.transmit(command, response);
  }
  if (!r.ok()) host_.log(ONESTOP_LOG_DEBUG, "pcsc: transmit failed: " + r.text());
  return r.status;
}

onestop_status PcscCardConnection::disconnect(onestop_disposition disposition) {
  const ScardResult r =
      card_.disconnect(disposition == ONESTOP_RESET_CARD ? SCARD_RESET_CARD : SCARD_LEAVE_CARD);
  context_.release();
  // A card that left, or a pcscd that went away, still frees the connection.
  return r.ok() || r.status == ONESTOP_E_CARD_REMOVED || r.serviceLost() ? ONESTOP_OK : r.status;
}

}  // namespace onestop::pcsc
