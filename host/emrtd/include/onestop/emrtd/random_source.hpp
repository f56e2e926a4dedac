#pragma once

#include <cstddef>
#include <utility>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// Where BAC and PACE take their nonces and ephemeral keys from, injected so that a recorded
// conversation (style 6.7, `rng` lines) replays byte for byte.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual Result<Bytes> generate(std::size_t count) = 0;
};

// Production: OpenSSL's CSPRNG (RAND_priv_bytes).
class OpenSslRandomSource final : public RandomSource {
 public:
  Result<Bytes> generate(std::size_t count) override;
};

// Tests: hands out the given bytes in order; asking for more than is left is Reason::Internal.
class FixedRandomSource final : public RandomSource {
 public:
  explicit FixedRandomSource(Bytes bytes) : bytes_(std::move(bytes)) {}
  Result<Bytes> generate(std::size_t count) override;
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - used_; }

 private:
  Bytes bytes_;
  std::size_t used_ = 0;
};

}  // namespace onestop::emrtd
