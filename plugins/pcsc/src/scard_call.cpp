#include "scard_call.hpp"

#include <PCSC/pcsclite.h>

#include <algorithm>

namespace onestop::pcsc {
namespace {

ScardResult result(LONG code) {
  return {code, toStatus(code)};
}

}  // namespace

onestop_status toStatus(LONG code) {
  switch (code) {
    case SCARD_S_SUCCESS:
      return ONESTOP_OK;
    case SCARD_W_REMOVED_CARD:
      return ONESTOP_E_CARD_REMOVED;
    case SCARD_E_NO_SMARTCARD:
      return ONESTOP_E_NO_CARD;
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
      return ONESTOP_E_NO_DEVICE;
    case SCARD_E_SHARING_VIOLATION:
      return ONESTOP_E_DEVICE_BUSY;
    case SCARD_E_TIMEOUT:
      return ONESTOP_E_TIMEOUT;
    default:
      return ONESTOP_E_IO;
  }
}

bool ScardResult::serviceLost() const {
  return code == SCARD_E_NO_SERVICE || code == SCARD_E_SERVICE_STOPPED ||
         code == SCARD_F_COMM_ERROR || code == SCARD_E_INVALID_HANDLE;
}

std::string ScardResult::text() const {
  const char* s = pcsc_stringify_error(code);
  return s != nullptr ? std::string(s) : std::string("PC/SC error");
}

ScardResult ScardContext::establish() {
  release();
  SCARDCONTEXT h = 0;
  const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &h);
  if (rv == SCARD_S_SUCCESS) {
    handle_ = h;
    valid_ = true;
  }
  return result(rv);
}

void ScardContext::release() {
  if (!valid_) return;
  (void)SCardReleaseContext(handle_);  // frees the client side even when pcscd is gone
  valid_ = false;
  handle_ = 0;
}

ScardResult ScardContext::listReaders(std::vector<std::string>& names) const {
  names.clear();
  DWORD len = 0;
  LONG rv = SCardListReaders(handle_, nullptr, nullptr, &len);
  if (rv == SCARD_E_NO_READERS_AVAILABLE) return result(SCARD_S_SUCCESS);
  if (rv != SCARD_S_SUCCESS) return result(rv);
  std::vector<char> buffer(len + 1, '\0');
  rv = SCardListReaders(handle_, nullptr, buffer.data(), &len);
  if (rv == SCARD_E_NO_READERS_AVAILABLE) return result(SCARD_S_SUCCESS);
  if (rv != SCARD_S_SUCCESS) return result(rv);
  buffer.back() = '\0';
  for (const char* p = buffer.data(); *p != '\0'; p += std::char_traits<char>::length(p) + 1) {
    names.emplace_back(p);
  }
  return result(rv);
}

ScardResult ScardContext::getStatusChange(DWORD timeoutMs,
                                          std::vector<SCARD_READERSTATE>& states) const {
  return result(
      SCardGetStatusChange(handle_, timeoutMs, states.data(), static_cast<DWORD>(states.size())));
}

ScardResult ScardContext::cancel() const {
  return result(SCardCancel(handle_));
}

ScardResult ScardCard::connect(const ScardContext& context, const std::string& reader,
                               DWORD shareMode, DWORD protocols) {
  (void)disconnect(SCARD_LEAVE_CARD);
  SCARDHANDLE h = 0;
  DWORD active = 0;
  const LONG rv = SCardConnect(context.handle(), reader.c_str(), shareMode, protocols, &h, &active);
  if (rv == SCARD_S_SUCCESS) {
    handle_ = h;
    protocol_ = active;
    valid_ = true;
  }
  return result(rv);
}

ScardResult ScardCard::reconnect(DWORD initialization) {
  DWORD active = 0;
  const LONG rv = SCardReconnect(handle_, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                                 initialization, &active);
  if (rv == SCARD_S_SUCCESS) protocol_ = active;
  return result(rv);
}

ScardResult ScardCard::transmit(std::span<const std::uint8_t> command,
                                std::vector<std::uint8_t>& response) {
  const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0   ? SCARD_PCI_T0
                                : protocol_ == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1
                                                                 : SCARD_PCI_RAW;
  response.assign(MAX_BUFFER_SIZE_EXTENDED, 0);
  DWORD len = static_cast<DWORD>(response.size());
  const LONG rv = SCardTransmit(handle_, pci, command.data(), static_cast<DWORD>(command.size()),
                                nullptr, response.data(), &len);
  response.resize(rv == SCARD_S_SUCCESS ? std::min<std::size_t>(len, response.size()) : 0);
  return result(rv);
}

ScardResult ScardCard::atr(std::vector<std::uint8_t>& atr) const {
  atr.assign(MAX_ATR_SIZE, 0);
  DWORD atrLen = static_cast<DWORD>(atr.size());
  DWORD state = 0;
  DWORD protocol = 0;
  DWORD nameLen = 0;
  const LONG rv = SCardStatus(handle_, nullptr, &nameLen, &state, &protocol, atr.data(), &atrLen);
  atr.resize(rv == SCARD_S_SUCCESS ? std::min<std::size_t>(atrLen, atr.size()) : 0);
  return result(rv);
}

ScardResult ScardCard::getAttrib(DWORD attribute, std::vector<std::uint8_t>& value) const {
  value.assign(256, 0);
  DWORD len = static_cast<DWORD>(value.size());
  const LONG rv = SCardGetAttrib(handle_, attribute, value.data(), &len);
  value.resize(rv == SCARD_S_SUCCESS ? std::min<std::size_t>(len, value.size()) : 0);
  return result(rv);
}

ScardResult ScardCard::control(DWORD code, std::span<const std::uint8_t> in,
                               std::vector<std::uint8_t>& out) const {
  out.assign(MAX_BUFFER_SIZE, 0);
  DWORD len = 0;
  const LONG rv = SCardControl(handle_, code, in.data(), static_cast<DWORD>(in.size()), out.data(),
                               static_cast<DWORD>(out.size()), &len);
  out.resize(rv == SCARD_S_SUCCESS ? std::min<std::size_t>(len, out.size()) : 0);
  return result(rv);
}

ScardResult ScardCard::disconnect(DWORD disposition) {
  if (!valid_) return result(SCARD_S_SUCCESS);
  valid_ = false;
  return result(SCardDisconnect(handle_, disposition));
}

}  // namespace onestop::pcsc
