#pragma once

// Test support: the chip side of ICAO 9303-11 secure messaging around a FakeCard file system,
// so that SecureChannel + LdsReader can read large files end to end (short and extended
// length, odd INS). Built on the library's symmetric primitives; the secure-messaging layout
// itself is checked against the ICAO and third-party vectors in secure_messaging_test.cpp.

#include <cstddef>

#include "fake_file_card.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"

namespace onestop::emrtd::testing {

class SmChip final : public CardTransport {
 public:
  SmChip(ApduChannel& files, CipherAlgorithm algorithm, Bytes kEnc, Bytes kMac, Bytes ssc,
         std::size_t maxApduSize, bool extendedLength)
      : files_(files),
        algorithm_(algorithm),
        kEnc_(std::move(kEnc)),
        kMac_(std::move(kMac)),
        ssc_(std::move(ssc)),
        maxApduSize_(maxApduSize),
        extendedLength_(extendedLength) {}

  Result<Bytes> transmit(const Bytes& command) override;
  [[nodiscard]] std::size_t maxApduSize() const override { return maxApduSize_; }
  [[nodiscard]] bool extendedLength() const override { return extendedLength_; }
  [[nodiscard]] std::size_t largestResponse() const { return largestResponse_; }

 private:
  void increment();
  Bytes mac(ByteView data) const;
  Bytes iv() const;
  Bytes encrypt(ByteView plain) const;
  Bytes decrypt(ByteView cryptogram) const;

  ApduChannel& files_;  // a FakeCard, or any chip-side handler of plain commands
  CipherAlgorithm algorithm_;
  Bytes kEnc_;
  Bytes kMac_;
  Bytes ssc_;
  std::size_t maxApduSize_;
  bool extendedLength_;
  std::size_t largestResponse_ = 0;
};

}  // namespace onestop::emrtd::testing
