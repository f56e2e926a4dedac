// The one place where onestop calls PC/SC (libpcsclite). Every SCard* function is wrapped here;
// each wrapper returns a ScardResult that carries the raw LONG and the onestop_status it maps to
// (mapping in toStatus, the only one). Handles are RAII: a ScardContext releases its context, a
// ScardCard disconnects, so no code path can leak a socket to pcscd.
#pragma once

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onestop/plugin.h"

namespace onestop::pcsc {

struct ScardResult {
  LONG code = SCARD_S_SUCCESS;
  onestop_status status = ONESTOP_OK;

  [[nodiscard]] bool ok() const { return code == SCARD_S_SUCCESS; }
  // pcscd went away (stopped, killed, socket closed): the context is dead and must be released.
  [[nodiscard]] bool serviceLost() const;
  // A short text for logs ("SCARD_E_NO_SERVICE" style, from pcsc_stringify_error).
  [[nodiscard]] std::string text() const;
};

// LONG return code → onestop_status. SCARD_W_REMOVED_CARD → CARD_REMOVED, SCARD_E_NO_SMARTCARD →
// NO_CARD, SCARD_E_UNKNOWN_READER / SCARD_E_READER_UNAVAILABLE → NO_DEVICE,
// SCARD_E_SHARING_VIOLATION → DEVICE_BUSY, SCARD_E_TIMEOUT → TIMEOUT, anything else → IO.
onestop_status toStatus(LONG code);

// One PC/SC context (SCardEstablishContext … SCardReleaseContext).
class ScardContext {
 public:
  ScardContext() = default;
  ScardContext(const ScardContext&) = delete;
  ScardContext& operator=(const ScardContext&) = delete;
  ~ScardContext() { release(); }

  ScardResult establish();
  void release();
  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] SCARDCONTEXT handle() const { return handle_; }

  // Readers pcscd knows; an empty list (not an error) when it has none.
  ScardResult listReaders(std::vector<std::string>& names) const;
  // states[i].szReader must stay valid during the call.
  ScardResult getStatusChange(DWORD timeoutMs, std::vector<SCARD_READERSTATE>& states) const;
  // Wakes a getStatusChange blocked on this context; safe from another thread.
  ScardResult cancel() const;

 private:
  SCARDCONTEXT handle_ = 0;
  bool valid_ = false;
};

// One card handle (SCardConnect … SCardDisconnect) on a context the caller keeps alive.
class ScardCard {
 public:
  ScardCard() = default;
  ScardCard(const ScardCard&) = delete;
  ScardCard& operator=(const ScardCard&) = delete;
  ~ScardCard() { (void)disconnect(SCARD_LEAVE_CARD); }

  // protocols: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, or 0 with SCARD_SHARE_DIRECT.
  ScardResult connect(const ScardContext& context, const std::string& reader, DWORD shareMode,
                      DWORD protocols);
  // After SCARD_W_RESET_CARD: re-synchronises the handle with the card.
  ScardResult reconnect(DWORD initialization);
  // Sends one APDU with the PCI of the active protocol; response gets data + SW1 SW2.
  ScardResult transmit(std::span<const std::uint8_t> command, std::vector<std::uint8_t>& response);
  ScardResult atr(std::vector<std::uint8_t>& atr) const;
  ScardResult getAttrib(DWORD attribute, std::vector<std::uint8_t>& value) const;
  // SCardControl with a reader control code (PC/SC part 10 features); out gets the reply.
  ScardResult control(DWORD code, std::span<const std::uint8_t> in,
                      std::vector<std::uint8_t>& out) const;
  ScardResult disconnect(DWORD disposition);
  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] DWORD protocol() const { return protocol_; }

 private:
  SCARDHANDLE handle_ = 0;
  DWORD protocol_ = 0;
  bool valid_ = false;
};

}  // namespace onestop::pcsc
