// Area "reader": features, connect, transmit, disconnect on every reader, with their error paths.
#include <cstring>
#include <vector>

#include "check_context.hpp"
#include "onestop/plugins/status_mapping.hpp"
#include "probe.hpp"

namespace onestop::conformance {
namespace {

using plugins::statusName;

// SELECT by DF name with an empty AID: every card answers it with some status word.
const std::vector<std::uint8_t> kSelect{0x00, 0xA4, 0x04, 0x00, 0x00};

void checkFeatures(CheckContext& c, const std::string& area, const char* id) {
  const auto features = c.reader->features;
  if (features == nullptr) {
    c.report.skip(area, "features", "optional function not provided");
    return;
  }
  auto nullOut = probe([&] { return features(c.instance, id, nullptr); });
  c.report.expect(nullOut.completed && nullOut.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "features(out = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullOut));
  onestop_reader_features f{};
  f.struct_size = sizeof f;
  const onestop_status unknown = features(c.instance, kUnknownDevice, &f);
  c.report.expect(unknown == ONESTOP_E_NO_DEVICE, area,
                  "features of an unknown reader gives ONESTOP_E_NO_DEVICE", statusName(unknown));

  struct {
    onestop_reader_features f;
    unsigned char guard[16];
  } shortOut{};
  std::memset(&shortOut, 0xA5, sizeof shortOut);
  shortOut.f.struct_size = 8;  // a caller that knows only max_command_apdu
  const onestop_status s = features(c.instance, id, &shortOut.f);
  const auto* bytes = reinterpret_cast<const unsigned char*>(&shortOut);
  bool untouched = true;
  for (std::size_t i = 8; i < sizeof shortOut; ++i) untouched = untouched && bytes[i] == 0xA5;
  c.report.expect(s == ONESTOP_OK && untouched, area,
                  "features writes nothing at or beyond the caller's struct_size",
                  s == ONESTOP_OK ? "bytes past struct_size 8 were written" : statusName(s));
  f = {};
  f.struct_size = sizeof f;
  const onestop_status full = features(c.instance, id, &f);
  c.report.expect(full == ONESTOP_OK && (f.max_command_apdu == 0 || f.max_command_apdu >= 5), area,
                  "features succeeds with plausible sizes",
                  statusName(full) + ", max_command_apdu " + std::to_string(f.max_command_apdu));
}

void checkCard(CheckContext& c, const std::string& area, const char* id) {
  const auto& r = *c.reader;
  std::uint8_t atr[64];
  std::size_t atrLen = 1;
  onestop_card* card = nullptr;
  const onestop_status tooSmall = r.connect(c.instance, id, &card, atr, &atrLen);
  c.report.expect(tooSmall == ONESTOP_E_BUFFER_TOO_SMALL && atrLen >= 2 && card == nullptr, area,
                  "connect with a 1-byte ATR buffer gives ONESTOP_E_BUFFER_TOO_SMALL, no handle",
                  statusName(tooSmall) + ", need " + std::to_string(atrLen));
  if (tooSmall == ONESTOP_OK && card != nullptr) r.disconnect(card, ONESTOP_LEAVE_CARD);

  atrLen = sizeof atr;
  card = nullptr;
  const onestop_status s = r.connect(c.instance, id, &card, atr, &atrLen);
  if (!c.report.expect(s == ONESTOP_OK && card != nullptr, area, "connect to the card succeeds",
                       statusName(s))) {
    return;
  }
  c.report.expect(atrLen >= 2 && atrLen <= 33 && (atr[0] == 0x3B || atr[0] == 0x3F), area,
                  "the ATR is 2..33 bytes starting with 3B or 3F",
                  std::to_string(atrLen) + " bytes");

  std::vector<std::uint8_t> response(ONESTOP_TRANSMIT_RESPONSE_MIN);
  std::size_t length = response.size();
  const onestop_status t =
      r.transmit(card, kSelect.data(), kSelect.size(), response.data(), &length);
  c.report.expect(t == ONESTOP_OK && length >= 2 && length <= response.size(), area,
                  "transmit SELECT answers with at least SW1 SW2",
                  statusName(t) + ", " + std::to_string(length) + " bytes");
  auto nullCommand = probe([&] {
    std::size_t n = response.size();
    return r.transmit(card, nullptr, 5, response.data(), &n);
  });
  c.report.expect(nullCommand.completed && nullCommand.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "transmit(command = NULL) gives ONESTOP_E_INVALID_ARGUMENT",
                  describe(nullCommand));
  std::uint8_t one[1];
  std::size_t oneLen = sizeof one;
  const onestop_status small = r.transmit(card, kSelect.data(), kSelect.size(), one, &oneLen);
  c.report.expect(small == ONESTOP_E_BUFFER_TOO_SMALL && oneLen >= 2, area,
                  "transmit into a 1-byte buffer gives ONESTOP_E_BUFFER_TOO_SMALL and the need",
                  statusName(small) + ", need " + std::to_string(oneLen));
  const onestop_status d = r.disconnect(card, ONESTOP_RESET_CARD);
  c.report.expect(d == ONESTOP_OK, area, "disconnect succeeds", statusName(d));
}

void checkReader(CheckContext& c, const onestop_device_info& device) {
  const std::string area = std::string("reader ") + device.id;
  const auto& r = *c.reader;
  checkFeatures(c, area, device.id);

  onestop_card* card = nullptr;
  std::uint8_t atr[64];
  std::size_t atrLen = sizeof atr;
  const onestop_status unknown = r.connect(c.instance, kUnknownDevice, &card, atr, &atrLen);
  c.report.expect(unknown == ONESTOP_E_NO_DEVICE && card == nullptr, area,
                  "connect to an unknown reader gives ONESTOP_E_NO_DEVICE", statusName(unknown));
  if (unknown == ONESTOP_OK && card != nullptr) r.disconnect(card, ONESTOP_LEAVE_CARD);
  auto nullCard = probe([&] {
    std::size_t n = sizeof atr;
    return r.connect(c.instance, device.id, nullptr, atr, &n);
  });
  c.report.expect(nullCard.completed && nullCard.status == ONESTOP_E_INVALID_ARGUMENT, area,
                  "connect(card = NULL) gives ONESTOP_E_INVALID_ARGUMENT", describe(nullCard));
  auto nullDisconnect = probe([&] { return r.disconnect(nullptr, ONESTOP_LEAVE_CARD); });
  c.report.expect(nullDisconnect.completed && nullDisconnect.status == ONESTOP_E_INVALID_ARGUMENT,
                  area, "disconnect(NULL) gives ONESTOP_E_INVALID_ARGUMENT",
                  describe(nullDisconnect));

  if ((device.flags & ONESTOP_DEVICE_FLAG_CARD_PRESENT) != 0) {
    checkCard(c, area, device.id);
  } else {
    atrLen = sizeof atr;
    const onestop_status s = r.connect(c.instance, device.id, &card, atr, &atrLen);
    c.report.expect(s == ONESTOP_E_NO_CARD, area,
                    "connect to the empty reader gives ONESTOP_E_NO_CARD", statusName(s));
    if (s == ONESTOP_OK && card != nullptr) r.disconnect(card, ONESTOP_LEAVE_CARD);
    c.report.skip(area, "transmit", "no card in the reader (flag CARD_PRESENT not set)");
  }
}

}  // namespace

void checkReaders(CheckContext& c) {
  if (!c.reader) return;
  const auto readers = c.devicesOf(ONESTOP_DEVICE_READER);
  if (readers.empty()) c.report.skip("reader", "reader functions", "no reader enumerated");
  for (const auto* device : readers) checkReader(c, *device);
}

}  // namespace onestop::conformance
