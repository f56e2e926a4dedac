#include "onestop/emrtd/digest.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace onestop::emrtd {

Result<Bytes> digest(std::string_view algorithm, ByteView data) {
  const std::string name(algorithm);
  std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, name.c_str(), nullptr),
                                                     &EVP_MD_free);
  if (!md) return Error(Reason::NotSupported, "digest algorithm " + name + " not available");
  Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md.get())));
  unsigned int written = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &written, md.get(), nullptr) != 1) {
    return Error(Reason::Internal, "digest " + name + " failed");
  }
  out.resize(written);
  return out;
}

namespace {

Bytes mustDigest(const char* name, ByteView data) {
  auto out = digest(name, data);
  if (!out) throw std::runtime_error(out.error().detail());  // built-in digests cannot be missing
  return std::move(out).value();
}

}  // namespace

Bytes sha1(ByteView data) {
  return mustDigest("SHA1", data);
}
Bytes sha256(ByteView data) {
  return mustDigest("SHA256", data);
}

}  // namespace onestop::emrtd
