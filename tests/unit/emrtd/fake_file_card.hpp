#pragma once

// Test support: an LDS file system behind an ApduChannel, for LdsReader tests.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::testing {

// A card's file system behind a plain channel: SELECT by FID, READ BINARY (B0 by offset or
// SFI, B1 with DO'54'/DO'53'). It records every command.
class FakeCard final : public ApduChannel {
 public:
  std::map<std::uint16_t, Bytes> files;
  std::map<std::uint16_t, std::uint16_t> selectStatus;  // FID -> SW instead of 9000
  std::size_t channelLimit = 231;                       // what the channel claims (reader + SM)
  std::size_t cardLimit = 0;  // 0 = none; above it: 6700, or 6Cxx if exactLength
  bool exactLength = false;
  std::optional<std::size_t> removeAt;  // command index at which the card disappears
  std::vector<CommandApdu> sent;

  Result<ResponseApdu> send(const CommandApdu& c) override {
    if (removeAt && sent.size() == *removeAt) return Error(Reason::CardRemoved, "removed");
    sent.push_back(c);
    if (c.ins == 0xA4) return select(c);
    if (c.ins == 0xB0 || c.ins == 0xB1) return read(c);
    return ResponseApdu{{}, 0x6D00};
  }
  [[nodiscard]] std::size_t maxResponseData() const override { return channelLimit; }

  std::size_t reads() const {
    std::size_t n = 0;
    for (const auto& c : sent) n += (c.ins == 0xB0 || c.ins == 0xB1) ? 1 : 0;
    return n;
  }

 private:
  std::optional<std::uint16_t> current_;

  ResponseApdu select(const CommandApdu& c) {
    const auto fid = static_cast<std::uint16_t>((c.data[0] << 8) | c.data[1]);
    if (auto it = selectStatus.find(fid); it != selectStatus.end()) return {{}, it->second};
    if (!files.count(fid)) return {{}, 0x6A82};
    current_ = fid;
    return {{}, 0x9000};
  }

  ResponseApdu read(const CommandApdu& c) {
    std::size_t offset = 0;
    std::size_t ne = c.ne;
    if (c.ins == 0xB1) {
      for (std::size_t i = 2; i < c.data.size(); ++i) offset = (offset << 8) | c.data[i];
    } else if (c.p1 & 0x80) {
      current_ = static_cast<std::uint16_t>(0x0100 + (c.p1 & 0x1F));
      if (c.p1 == 0x9E) current_ = 0x011E;
      if (!files.count(*current_)) return {{}, 0x6A82};
      offset = c.p2;
    } else {
      offset = static_cast<std::size_t>((c.p1 << 8) | c.p2);
    }
    if (!current_) return {{}, 0x6986};
    if (cardLimit != 0 && ne > cardLimit) {
      return {
          {},
          exactLength ? static_cast<std::uint16_t>(0x6C00 | (cardLimit & 0xFF)) : kSwWrongLength};
    }
    const Bytes& file = files[*current_];
    if (offset > file.size()) return {{}, 0x6B00};
    std::size_t payload = c.ins == 0xB1 ? (ne > 4 ? ne - 4 : 0) : ne;
    const std::size_t n = std::min(payload, file.size() - offset);
    Bytes data(file.begin() + static_cast<std::ptrdiff_t>(offset),
               file.begin() + static_cast<std::ptrdiff_t>(offset + n));
    const std::uint16_t sw = n < payload ? kSwEndOfFile : kSwSuccess;
    if (c.ins == 0xB1) data = encodeTlv(0x53, data);
    return {data, sw};
  }
};

}  // namespace onestop::emrtd::testing
