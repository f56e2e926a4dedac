#include "onestop/emrtd/bytes.hpp"

#include <openssl/crypto.h>

#include <stdexcept>

namespace onestop::emrtd {
namespace {

constexpr char kDigits[] = "0123456789ABCDEF";

int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool isSeparator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':';
}

}  // namespace

std::string toHex(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0F]);
  }
  return out;
}

Result<Bytes> fromHex(std::string_view text) {
  Bytes out;
  out.reserve(text.size() / 2);
  int high = -1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (isSeparator(c)) {
      if (high >= 0) {
        return Error(Reason::ValidationFailed,
                     "hex: separator inside a byte at position " + std::to_string(i));
      }
      continue;
    }
    const int value = nibble(c);
    if (value < 0) {
      return Error(Reason::ValidationFailed,
                   "hex: invalid character at position " + std::to_string(i));
    }
    if (high < 0) {
      high = value;
    } else {
      out.push_back(static_cast<std::uint8_t>((high << 4) | value));
      high = -1;
    }
  }
  if (high >= 0) return Error(Reason::ValidationFailed, "hex: odd number of digits");
  return out;
}

Bytes hexBytes(std::string_view text) {
  auto parsed = fromHex(text);
  if (!parsed) throw std::invalid_argument("hexBytes: " + parsed.error().detail());
  return std::move(parsed).value();
}

void append(Bytes& out, ByteView tail) {
  out.insert(out.end(), tail.begin(), tail.end());
}

void wipe(Bytes& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

Bytes bigEndian(std::uint64_t value, std::size_t width) {
  Bytes out(width, 0);
  for (std::size_t i = 0; i < width && i < 8; ++i) {
    out[width - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
  }
  return out;
}

}  // namespace onestop::emrtd
