#include "chip_apdu.hpp"

namespace onestop::simulator::cccd {
namespace {

constexpr std::size_t kHeader = 4;

std::size_t shortNe(std::uint8_t le) {
  return le == 0 ? 256 : le;
}

std::size_t extendedNe(std::uint8_t high, std::uint8_t low) {
  const std::size_t value = (static_cast<std::size_t>(high) << 8) | low;
  return value == 0 ? 65536 : value;
}

}  // namespace

std::optional<ChipCommand> parseCommand(ByteView raw) {
  if (raw.size() < kHeader) return std::nullopt;
  ChipCommand command{raw[0], raw[1], raw[2], raw[3], {}, 0, false};
  const ByteView body = raw.subspan(kHeader);
  if (body.empty()) return command;  // case 1
  if (body.size() == 1) {            // case 2S
    command.ne = shortNe(body[0]);
    return command;
  }
  if (body[0] != 0) {  // case 3S / 4S: Lc in one byte
    const std::size_t lc = body[0];
    if (body.size() == 1 + lc) {
      command.data.assign(body.begin() + 1, body.end());
      return command;
    }
    if (body.size() == 2 + lc) {
      command.data.assign(body.begin() + 1, body.begin() + 1 + static_cast<std::ptrdiff_t>(lc));
      command.ne = shortNe(body.back());
      return command;
    }
    return std::nullopt;
  }
  // Extended length: 00 followed by two bytes of Lc or Le.
  command.extended = true;
  if (body.size() == 3) {  // case 2E
    command.ne = extendedNe(body[1], body[2]);
    return command;
  }
  if (body.size() < 3) return std::nullopt;
  const std::size_t lc = (static_cast<std::size_t>(body[1]) << 8) | body[2];
  if (lc == 0) return std::nullopt;
  if (body.size() == 3 + lc) {  // case 3E
    command.data.assign(body.begin() + 3, body.end());
    return command;
  }
  if (body.size() == 5 + lc) {  // case 4E
    command.data.assign(body.begin() + 3, body.begin() + 3 + static_cast<std::ptrdiff_t>(lc));
    command.ne = extendedNe(body[body.size() - 2], body[body.size() - 1]);
    return command;
  }
  return std::nullopt;
}

Bytes respond(ByteView data, std::uint16_t status) {
  Bytes out(data.begin(), data.end());
  out.push_back(static_cast<std::uint8_t>(status >> 8));
  out.push_back(static_cast<std::uint8_t>(status));
  return out;
}

Bytes respond(std::uint16_t status) {
  return respond({}, status);
}

}  // namespace onestop::simulator::cccd
