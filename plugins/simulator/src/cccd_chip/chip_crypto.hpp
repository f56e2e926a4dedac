#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {

// The block ciphers of ICAO 9303-11 secure messaging: 2-key 3DES (BAC, CA-3DES) and AES (PACE,
// CA-AES). Every function throws std::runtime_error when OpenSSL fails; the chip answers 6F00.
enum class SmCipher { Des3, Aes128, Aes192, Aes256 };

std::size_t blockSize(SmCipher cipher);
std::size_t keySize(SmCipher cipher);

Bytes randomBytes(std::size_t count);
Bytes digest(std::string_view name, ByteView data);  // "SHA1", "SHA256" …

// ISO/IEC 9797-1 padding method 2: 80 then zeros up to a whole block.
Bytes pad(ByteView data, std::size_t block);
// Nothing when the padding is malformed.
std::optional<Bytes> unpad(ByteView data);

// CBC without padding; `data` must be whole blocks.
Bytes cbcEncrypt(SmCipher cipher, ByteView key, ByteView iv, ByteView data);
Bytes cbcDecrypt(SmCipher cipher, ByteView key, ByteView iv, ByteView data);
Bytes aesEncryptBlock(ByteView key, ByteView block);

// ISO/IEC 9797-1 MAC algorithm 3 with DES (retail MAC) over already padded data.
Bytes retailMac(ByteView key, ByteView padded);
// Full 16-byte AES-CMAC.
Bytes aesCmac(ByteView key, ByteView data);

// ICAO 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c), 1 = ENC, 2 = MAC, 3 = PACE password.
enum class KdfCounter : std::uint8_t { Enc = 1, Mac = 2, Password = 3 };
Bytes deriveKey(ByteView secret, SmCipher cipher, KdfCounter counter);

// True when both are equally long and equal, in constant time.
bool sameBytes(ByteView a, ByteView b);

}  // namespace onestop::simulator::cccd
