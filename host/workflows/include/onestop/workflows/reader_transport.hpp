#pragma once
// The emrtd library talks to a card through emrtd::CardTransport; the plugin host hands out
// plugins::ReaderConnection. This adapter joins the two, so protocol code never sees plugins.
#include <cstddef>
#include <memory>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/plugins/reader_connection.hpp"

namespace onestop::workflows {

class ReaderTransport final : public emrtd::CardTransport {
 public:
  // Reads the reader's features once; a reader that cannot report them is treated as a
  // short-APDU reader (261 bytes), the one size every ISO 7816 reader carries.
  explicit ReaderTransport(std::shared_ptr<plugins::ReaderConnection> connection);

  Result<emrtd::Bytes> transmit(const emrtd::Bytes& command) override;
  [[nodiscard]] std::size_t maxApduSize() const override { return maxApduSize_; }
  [[nodiscard]] bool extendedLength() const override { return extendedLength_; }

  // Commands sent so far (the benchmark times this transport bare and still counts APDUs).
  [[nodiscard]] std::size_t commandCount() const { return commandCount_; }

 private:
  std::shared_ptr<plugins::ReaderConnection> connection_;
  std::size_t maxApduSize_ = 261;
  bool extendedLength_ = false;
  std::size_t commandCount_ = 0;
};

}  // namespace onestop::workflows
