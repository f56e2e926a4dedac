#include "job_options.hpp"

namespace onestop::cups {

JobAttributes jobAttributes(const sdk::PrintOptions& options, const QueueAttributes& queue) {
  onestop_printer_caps caps{};
  fillCapabilities(queue, caps);
  const std::uint32_t copies = options.copies == 0 ? 1 : options.copies;
  if (copies > caps.max_copies) {
    throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "copies " + std::to_string(copies) +
                                                           " is more than this printer's " +
                                                           std::to_string(caps.max_copies));
  }
  if (options.duplex && caps.duplex == 0) {
    throw sdk::StatusError(ONESTOP_E_NOT_SUPPORTED, "this printer cannot print two-sided");
  }
  JobAttributes attributes{{"copies", std::to_string(copies)},
                           {"sides", options.duplex ? "two-sided-long-edge" : "one-sided"},
                           {"media", kMediaA4}};
  if (caps.color != 0) {
    attributes.emplace_back("print-color-mode", options.color ? "color" : "monochrome");
  }
  return attributes;
}

std::string jobTitle(const std::string& title) {
  if (title.empty()) return kDefaultTitle;
  std::string out;
  out.reserve(std::min(title.size(), kMaxTitleBytes));
  for (const char c : title) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7f ? ' ' : c);
  }
  if (out.size() > kMaxTitleBytes) {
    std::size_t cut = kMaxTitleBytes;
    // Step back over continuation bytes so that no character is cut in half.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace onestop::cups
