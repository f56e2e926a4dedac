#include "onestop/workflows/reader_transport.hpp"

#include <algorithm>
#include <utility>

namespace onestop::workflows {

namespace {
constexpr std::size_t kShortApduSize = 261;
}

ReaderTransport::ReaderTransport(std::shared_ptr<plugins::ReaderConnection> connection)
    : connection_(std::move(connection)) {
  if (auto features = connection_->features()) {
    // The smaller of the two directions bounds both the command and the response a read uses.
    const std::size_t both = std::min(features->maxCommandApdu, features->maxResponseApdu);
    maxApduSize_ = std::max(both, kShortApduSize);
    extendedLength_ = features->extendedLength;
  }
}

Result<emrtd::Bytes> ReaderTransport::transmit(const emrtd::Bytes& command) {
  ++commandCount_;
  auto response = connection_->transmit(command);
  if (!response) return response.error();
  return emrtd::Bytes(response->begin(), response->end());
}

}  // namespace onestop::workflows
