#include "onestop/workflows/reader_access.hpp"

#include <algorithm>

#include "onestop/plugins/plugin_host.hpp"
#include "onestop/workflows/reader_transport.hpp"

namespace onestop::workflows {

std::vector<plugins::DeviceSnapshot> PluginReaderAccess::readers() const {
  std::vector<plugins::DeviceSnapshot> out;
  for (auto& device : host_.devices()) {
    if (device.kind == plugins::DeviceKind::Reader) out.push_back(std::move(device));
  }
  return out;
}

Result<std::unique_ptr<emrtd::CardTransport>> PluginReaderAccess::connect(
    const std::string& readerId) {
  auto connection = host_.connectReader(readerId);
  if (!connection) return connection.error();
  return std::unique_ptr<emrtd::CardTransport>(
      std::make_unique<ReaderTransport>(std::move(connection).value()));
}

Result<plugins::DeviceSnapshot> chooseReader(const std::vector<plugins::DeviceSnapshot>& readers,
                                             const std::optional<std::string>& requested) {
  if (requested && !requested->empty()) {
    const auto it = std::find_if(readers.begin(), readers.end(),
                                 [&](const auto& reader) { return reader.id == *requested; });
    if (it == readers.end()) return Error(Reason::DeviceNotFound, "no reader " + *requested);
    return *it;
  }
  if (readers.empty()) return Error(Reason::NoReader, "no card reader is connected");
  if (readers.size() == 1) return readers.front();
  std::vector<const plugins::DeviceSnapshot*> withCard;
  for (const auto& reader : readers) {
    if (reader.cardPresent) withCard.push_back(&reader);
  }
  if (withCard.size() == 1) return *withCard.front();
  std::string ids;
  for (const auto& reader : readers) {
    if (withCard.empty() || reader.cardPresent) ids += (ids.empty() ? "" : ", ") + reader.id;
  }
  return Error(withCard.empty() ? Reason::NoCard : Reason::ReaderAmbiguous,
               (withCard.empty() ? "no card on any of the readers: " : "choose a reader: ") + ids);
}

}  // namespace onestop::workflows
