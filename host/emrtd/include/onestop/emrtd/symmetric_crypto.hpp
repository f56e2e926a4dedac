#pragma once

#include <cstddef>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// Thin wrappers over OpenSSL EVP for the symmetric primitives of ICAO 9303-11. None pads on
// its own: callers pad with padIso9797Method2. A wrong key or data length, or an OpenSSL
// failure, is Reason::Internal (a bug or exhaustion, not a card fault).

// ISO/IEC 9797-1 padding method 2: 80, then 00 up to a multiple of `block` (always adds a byte).
Bytes padIso9797Method2(ByteView data, std::size_t block);
// Removes that padding; anything else (no 80, non-zero after it) is Reason::ValidationFailed.
Result<Bytes> unpadIso9797Method2(ByteView data);

// Two-key 3DES (16-byte key K1‖K2) in CBC mode; data a multiple of 8 bytes.
Result<Bytes> tdesCbcEncrypt(ByteView key, ByteView iv, ByteView data);
Result<Bytes> tdesCbcDecrypt(ByteView key, ByteView iv, ByteView data);

// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, 16-byte key K1‖K2, over data that is
// already padded: single-DES CBC with K1, then decrypt with K2 and encrypt with K1. Single DES
// is 3DES-EDE with K‖K, so OpenSSL's legacy provider is not needed.
Result<Bytes> retailMac(ByteView key, ByteView paddedData);

// AES (key of 16, 24 or 32 bytes) in CBC mode; data a multiple of 16 bytes.
Result<Bytes> aesCbcEncrypt(ByteView key, ByteView iv, ByteView data);
Result<Bytes> aesCbcDecrypt(ByteView key, ByteView iv, ByteView data);
// One block in ECB mode (the SM IV is E(K_enc, SSC)).
Result<Bytes> aesEncryptBlock(ByteView key, ByteView block);
// AES-CMAC (NIST SP 800-38B), all 16 bytes; ICAO truncates it to 8.
Result<Bytes> aesCmac(ByteView key, ByteView data);

}  // namespace onestop::emrtd
