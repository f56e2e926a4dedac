#include "onestop/emrtd/symmetric_crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>
#include <string>

namespace onestop::emrtd {
namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
using Mac = std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)>;
using MacCtx = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

Error internal(const std::string& what) {
  return Error(Reason::Internal, "crypto: " + what);
}

const EVP_CIPHER* aesCipher(std::size_t keySize, bool cbc) {
  switch (keySize) {
    case 16:
      return cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
    case 24:
      return cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
    case 32:
      return cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
    default:
      return nullptr;
  }
}

// One pass of a block cipher without padding.
Result<Bytes> run(const EVP_CIPHER* cipher, ByteView key, ByteView iv, ByteView data,
                  bool encrypt) {
  if (cipher == nullptr) return internal("unsupported key length " + std::to_string(key.size()));
  const auto block = static_cast<std::size_t>(EVP_CIPHER_get_block_size(cipher));
  if (key.size() != static_cast<std::size_t>(EVP_CIPHER_get_key_length(cipher))) {
    return internal("key of " + std::to_string(key.size()) + " bytes");
  }
  const auto ivLength = static_cast<std::size_t>(EVP_CIPHER_get_iv_length(cipher));
  if (iv.size() != ivLength) return internal("IV of " + std::to_string(iv.size()) + " bytes");
  if (data.size() % block != 0) return internal("data not a multiple of the block size");
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx || EVP_CipherInit_ex2(ctx.get(), cipher, key.data(), ivLength ? iv.data() : nullptr,
                                 encrypt ? 1 : 0, nullptr) != 1) {
    return internal("cipher init failed");
  }
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  Bytes out(data.size() + block);
  int written = 0;
  int tail = 0;
  if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                       static_cast<int>(data.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + written, &tail) != 1) {
    return internal("cipher update failed");
  }
  out.resize(static_cast<std::size_t>(written + tail));
  return out;
}

Bytes repeatKey(ByteView half) {
  Bytes key(half.begin(), half.end());
  append(key, half);
  return key;
}

}  // namespace

Bytes padIso9797Method2(ByteView data, std::size_t block) {
  Bytes out(data.begin(), data.end());
  out.push_back(0x80);
  while (out.size() % block != 0) out.push_back(0x00);
  return out;
}

Result<Bytes> unpadIso9797Method2(ByteView data) {
  std::size_t end = data.size();
  while (end > 0 && data[end - 1] == 0x00) --end;
  if (end == 0 || data[end - 1] != 0x80) {
    return Error(Reason::ValidationFailed, "padding: no ISO/IEC 9797-1 method 2 marker");
  }
  return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

Result<Bytes> tdesCbcEncrypt(ByteView key, ByteView iv, ByteView data) {
  return run(EVP_des_ede_cbc(), key, iv, data, true);
}

Result<Bytes> tdesCbcDecrypt(ByteView key, ByteView iv, ByteView data) {
  return run(EVP_des_ede_cbc(), key, iv, data, false);
}

Result<Bytes> retailMac(ByteView key, ByteView paddedData) {
  if (key.size() != 16) return internal("retail MAC key must be 16 bytes");
  if (paddedData.empty() || paddedData.size() % 8 != 0) {
    return internal("retail MAC data must be padded to 8 bytes");
  }
  const Bytes k1 = repeatKey(key.first(8));
  const Bytes k2 = repeatKey(key.subspan(8, 8));
  const Bytes zeroIv(8, 0);
  auto chain = run(EVP_des_ede_cbc(), k1, zeroIv, paddedData, true);
  if (!chain) return chain.error();
  const ByteView last = ByteView(*chain).last(8);
  auto step2 = run(EVP_des_ede_ecb(), k2, {}, last, false);
  if (!step2) return step2.error();
  return run(EVP_des_ede_ecb(), k1, {}, *step2, true);
}

Result<Bytes> aesCbcEncrypt(ByteView key, ByteView iv, ByteView data) {
  return run(aesCipher(key.size(), true), key, iv, data, true);
}

Result<Bytes> aesCbcDecrypt(ByteView key, ByteView iv, ByteView data) {
  return run(aesCipher(key.size(), true), key, iv, data, false);
}

Result<Bytes> aesEncryptBlock(ByteView key, ByteView block) {
  if (block.size() != 16) return internal("AES block must be 16 bytes");
  return run(aesCipher(key.size(), false), key, {}, block, true);
}

Result<Bytes> aesCmac(ByteView key, ByteView data) {
  const char* cipherName = nullptr;
  switch (key.size()) {
    case 16:
      cipherName = "AES-128-CBC";
      break;
    case 24:
      cipherName = "AES-192-CBC";
      break;
    case 32:
      cipherName = "AES-256-CBC";
      break;
    default:
      return internal("CMAC key of " + std::to_string(key.size()) + " bytes");
  }
  Mac mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr), &EVP_MAC_free);
  if (!mac) return internal("CMAC not available");
  MacCtx ctx(EVP_MAC_CTX_new(mac.get()), &EVP_MAC_CTX_free);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipherName), 0),
      OSSL_PARAM_construct_end()};
  Bytes out(16);
  std::size_t written = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1 || written != 16) {
    return internal("CMAC failed");
  }
  return out;
}

}  // namespace onestop::emrtd
