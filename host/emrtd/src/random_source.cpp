#include "onestop/emrtd/random_source.hpp"

#include <openssl/rand.h>

#include <climits>
#include <string>

namespace onestop::emrtd {

Result<Bytes> OpenSslRandomSource::generate(std::size_t count) {
  if (count > INT_MAX) return Error(Reason::Internal, "random: request too large");
  Bytes out(count);
  if (count != 0 && RAND_priv_bytes(out.data(), static_cast<int>(count)) != 1) {
    return Error(Reason::Internal, "random: RAND_priv_bytes failed");
  }
  return out;
}

Result<Bytes> FixedRandomSource::generate(std::size_t count) {
  if (count > remaining()) {
    return Error(Reason::Internal, "random: fixed source has " + std::to_string(remaining()) +
                                       " bytes left, " + std::to_string(count) + " asked");
  }
  const auto begin = bytes_.begin() + static_cast<std::ptrdiff_t>(used_);
  used_ += count;
  return Bytes(begin, begin + static_cast<std::ptrdiff_t>(count));
}

}  // namespace onestop::emrtd
