// Get-Printer-Attributes answers (built with libcups's own ipp_t functions) → capabilities.
#include "queue_attributes.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace onestop::cups {
namespace {

using Ipp = std::unique_ptr<ipp_t, void (*)(ipp_t*)>;

Ipp answer() {
  return {ippNew(), ippDelete};
}

void addSides(ipp_t* ipp, std::initializer_list<const char*> sides) {
  ippAddStrings(ipp, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "sides-supported",
                static_cast<int>(sides.size()), nullptr, sides.begin());
}

TEST(QueueAttributes, ReadsEveryAttributeThePluginUses) {
  auto ipp = answer();
  ippAddString(ipp.get(), IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-info", nullptr, "Quầy 1");
  ippAddInteger(ipp.get(), IPP_TAG_PRINTER, IPP_TAG_ENUM, "printer-state", IPP_PSTATE_PROCESSING);
  ippAddBoolean(ipp.get(), IPP_TAG_PRINTER, "printer-is-accepting-jobs", 0);
  ippAddBoolean(ipp.get(), IPP_TAG_PRINTER, "color-supported", 1);
  addSides(ipp.get(), {"one-sided", "two-sided-long-edge", "two-sided-short-edge"});
  ippAddRange(ipp.get(), IPP_TAG_PRINTER, "copies-supported", 1, 9999);

  const QueueAttributes q = parseQueueAttributes(ipp.get());

  EXPECT_EQ(q.info, "Quầy 1");
  EXPECT_EQ(q.state, IPP_PSTATE_PROCESSING);
  EXPECT_FALSE(q.acceptingJobs);
  EXPECT_EQ(q.colorSupported, true);
  EXPECT_EQ(q.sides.size(), 3u);
  EXPECT_EQ(q.copiesUpper, 9999);
}

TEST(QueueAttributes, MapsToCapabilitiesWithCopiesCappedAt99) {
  auto ipp = answer();
  ippAddBoolean(ipp.get(), IPP_TAG_PRINTER, "color-supported", 1);
  addSides(ipp.get(), {"one-sided", "two-sided-long-edge"});
  ippAddRange(ipp.get(), IPP_TAG_PRINTER, "copies-supported", 1, 9999);
  onestop_printer_caps caps{};

  fillCapabilities(parseQueueAttributes(ipp.get()), caps);

  EXPECT_EQ(caps.color, 1);
  EXPECT_EQ(caps.duplex, 1);
  EXPECT_EQ(caps.max_copies, kMaxCopies);
}

TEST(QueueAttributes, AQueueThatSaysNothingIsMonoSimplexSingleCopy) {
  auto ipp = answer();
  onestop_printer_caps caps{};

  const QueueAttributes q = parseQueueAttributes(ipp.get());
  fillCapabilities(q, caps);

  EXPECT_EQ(caps.color, 0);
  EXPECT_EQ(caps.duplex, 0);
  EXPECT_EQ(caps.max_copies, 1u);
  EXPECT_TRUE(q.acceptingJobs);
  EXPECT_FALSE(refusesWork(q));
}

TEST(QueueAttributes, ShortEdgeOnlyIsNotTheDuplexTheHostAsksFor) {
  auto ipp = answer();
  addSides(ipp.get(), {"one-sided", "two-sided-short-edge"});
  ippAddRange(ipp.get(), IPP_TAG_PRINTER, "copies-supported", 1, 5);
  onestop_printer_caps caps{};

  fillCapabilities(parseQueueAttributes(ipp.get()), caps);

  EXPECT_EQ(caps.duplex, 0);
  EXPECT_EQ(caps.max_copies, 5u);
}

TEST(QueueAttributes, StoppedOrRejectingQueuesRefuseWork) {
  QueueAttributes stopped;
  stopped.state = IPP_PSTATE_STOPPED;
  QueueAttributes rejecting;
  rejecting.acceptingJobs = false;
  QueueAttributes busy;
  busy.state = IPP_PSTATE_PROCESSING;

  EXPECT_TRUE(refusesWork(stopped));
  EXPECT_TRUE(refusesWork(rejecting));
  EXPECT_FALSE(refusesWork(busy));
}

}  // namespace
}  // namespace onestop::cups
