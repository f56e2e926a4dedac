#include "queue_attributes.hpp"

#include <algorithm>

namespace onestop::cups {

QueueAttributes parseQueueAttributes(ipp_t* response) {
  QueueAttributes q;
  if (response == nullptr) return q;
  if (ipp_attribute_t* a = ippFindAttribute(response, "printer-info", IPP_TAG_TEXT)) {
    const char* text = ippGetString(a, 0, nullptr);
    q.info = text != nullptr ? text : "";
  }
  if (ipp_attribute_t* a = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM)) {
    q.state = ippGetInteger(a, 0);
  }
  if (ipp_attribute_t* a =
          ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
    q.acceptingJobs = ippGetBoolean(a, 0) != 0;
  }
  if (ipp_attribute_t* a = ippFindAttribute(response, "color-supported", IPP_TAG_BOOLEAN)) {
    q.colorSupported = ippGetBoolean(a, 0) != 0;
  }
  if (ipp_attribute_t* a = ippFindAttribute(response, "sides-supported", IPP_TAG_KEYWORD)) {
    for (int i = 0; i < ippGetCount(a); ++i) {
      const char* side = ippGetString(a, i, nullptr);
      if (side != nullptr) q.sides.emplace_back(side);
    }
  }
  if (ipp_attribute_t* a = ippFindAttribute(response, "copies-supported", IPP_TAG_RANGE)) {
    int upper = 0;
    (void)ippGetRange(a, 0, &upper);
    q.copiesUpper = upper;
  } else if (ipp_attribute_t* n = ippFindAttribute(response, "copies-supported", IPP_TAG_INTEGER)) {
    q.copiesUpper = ippGetInteger(n, 0);
  }
  return q;
}

void fillCapabilities(const QueueAttributes& queue, onestop_printer_caps& out) {
  out.color = queue.colorSupported.value_or(false) ? 1 : 0;
  out.duplex =
      std::find(queue.sides.begin(), queue.sides.end(), "two-sided-long-edge") != queue.sides.end()
          ? 1
          : 0;
  const int upper = queue.copiesUpper.value_or(1);
  out.max_copies = static_cast<std::uint32_t>(std::clamp(upper, 1, static_cast<int>(kMaxCopies)));
}

bool refusesWork(const QueueAttributes& queue) {
  return queue.state == IPP_PSTATE_STOPPED || !queue.acceptingJobs;
}

}  // namespace onestop::cups
