#include "chip_crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace onestop::simulator::cccd {
namespace {

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct MacFree {
  void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string("chip crypto: ") + what);
}

const EVP_CIPHER* cbcCipher(SmCipher cipher) {
  switch (cipher) {
    case SmCipher::Des3:
      return EVP_des_ede_cbc();
    case SmCipher::Aes128:
      return EVP_aes_128_cbc();
    case SmCipher::Aes192:
      return EVP_aes_192_cbc();
    case SmCipher::Aes256:
      return EVP_aes_256_cbc();
  }
  fail("unknown cipher");
}

Bytes run(const EVP_CIPHER* type, ByteView key, ByteView iv, ByteView data, bool encrypt) {
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx ||
      EVP_CipherInit_ex(ctx.get(), type, nullptr, key.data(), iv.empty() ? nullptr : iv.data(),
                        encrypt ? 1 : 0) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1) {
    fail("cipher init");
  }
  Bytes out(data.size() + 32);
  int written = 0;
  int last = 0;
  if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                       static_cast<int>(data.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + written, &last) != 1) {
    fail("cipher update");
  }
  out.resize(static_cast<std::size_t>(written + last));
  return out;
}

}  // namespace

std::size_t blockSize(SmCipher cipher) {
  return cipher == SmCipher::Des3 ? 8 : 16;
}

std::size_t keySize(SmCipher cipher) {
  switch (cipher) {
    case SmCipher::Des3:
    case SmCipher::Aes128:
      return 16;
    case SmCipher::Aes192:
      return 24;
    case SmCipher::Aes256:
      return 32;
  }
  return 16;
}

Bytes randomBytes(std::size_t count) {
  Bytes out(count);
  if (count != 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) fail("RAND_bytes");
  return out;
}

Bytes digest(std::string_view name, ByteView data) {
  const std::string algorithm(name);
  Bytes out(EVP_MAX_MD_SIZE);
  unsigned int size = 0;
  const EVP_MD* md = EVP_get_digestbyname(algorithm.c_str());
  if (md == nullptr || EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1) {
    fail("digest");
  }
  out.resize(size);
  return out;
}

Bytes pad(ByteView data, std::size_t block) {
  Bytes out(data.begin(), data.end());
  out.push_back(0x80);
  while (out.size() % block != 0) out.push_back(0x00);
  return out;
}

std::optional<Bytes> unpad(ByteView data) {
  std::size_t end = data.size();
  while (end > 0 && data[end - 1] == 0x00) --end;
  if (end == 0 || data[end - 1] != 0x80) return std::nullopt;
  return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

Bytes cbcEncrypt(SmCipher cipher, ByteView key, ByteView iv, ByteView data) {
  return run(cbcCipher(cipher), key, iv, data, true);
}

Bytes cbcDecrypt(SmCipher cipher, ByteView key, ByteView iv, ByteView data) {
  return run(cbcCipher(cipher), key, iv, data, false);
}

Bytes aesEncryptBlock(ByteView key, ByteView block) {
  const EVP_CIPHER* type = key.size() == 32   ? EVP_aes_256_ecb()
                           : key.size() == 24 ? EVP_aes_192_ecb()
                                              : EVP_aes_128_ecb();
  return run(type, key, {}, block, true);
}

Bytes retailMac(ByteView key, ByteView padded) {
  if (key.size() != 16 || padded.empty() || padded.size() % 8 != 0) fail("retail MAC input");
  // Single DES with K1 is 3DES-EDE with K1 ‖ K1 (the middle decryption undoes the first step);
  // single DES itself lives in OpenSSL 3's legacy provider.
  Bytes k1k1(key.begin(), key.begin() + 8);
  append(k1k1, ByteView(key).first(8));
  const Bytes zero(8, 0);
  Bytes chain = zero;
  const std::size_t head = padded.size() - 8;
  if (head > 0) {
    const Bytes cbc = cbcEncrypt(SmCipher::Des3, k1k1, zero, padded.first(head));
    chain.assign(cbc.end() - 8, cbc.end());
  }
  for (std::size_t i = 0; i < 8; ++i) chain[i] ^= padded[head + i];
  // The last block goes through DES(K1)·DES⁻¹(K2)·DES(K1): 3DES-EDE with K1 ‖ K2.
  return run(EVP_des_ede_ecb(), key, {}, chain, true);
}

Bytes aesCmac(ByteView key, ByteView data) {
  std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
  if (!mac) fail("CMAC fetch");
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac.get()));
  const char* name = key.size() == 32   ? "AES-256-CBC"
                     : key.size() == 24 ? "AES-192-CBC"
                                        : "AES-128-CBC";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(name), 0),
      OSSL_PARAM_construct_end()};
  Bytes out(16);
  std::size_t size = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out.data(), &size, out.size()) != 1) {
    fail("CMAC");
  }
  out.resize(size);
  return out;
}

Bytes deriveKey(ByteView secret, SmCipher cipher, KdfCounter counter) {
  Bytes input(secret.begin(), secret.end());
  input.insert(input.end(), {0, 0, 0, static_cast<std::uint8_t>(counter)});
  const bool longKey = cipher == SmCipher::Aes192 || cipher == SmCipher::Aes256;
  Bytes hash = digest(longKey ? "SHA256" : "SHA1", input);
  OPENSSL_cleanse(input.data(), input.size());
  hash.resize(keySize(cipher));
  return hash;
}

bool sameBytes(ByteView a, ByteView b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace onestop::simulator::cccd
