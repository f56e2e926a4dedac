#include "onestop/plugins/status_mapping.hpp"

#include <gtest/gtest.h>

#include <ostream>

namespace onestop::plugins {
namespace {

struct Row {
  onestop_status status;
  Reason reason;
  friend void PrintTo(const Row& r, std::ostream* os) {
    *os << statusName(r.status) << " -> " << reasonName(r.reason);
  }
};

class StatusMapping : public ::testing::TestWithParam<Row> {};

TEST_P(StatusMapping, MapsEachPluginStatusToItsReason) {
  EXPECT_EQ(reasonForStatus(GetParam().status), GetParam().reason) << statusName(GetParam().status);
}

INSTANTIATE_TEST_SUITE_P(
    Table, StatusMapping,
    ::testing::Values(
        Row{ONESTOP_E_NO_CARD, Reason::NoCard}, Row{ONESTOP_E_CARD_REMOVED, Reason::CardRemoved},
        Row{ONESTOP_E_NO_DEVICE, Reason::DeviceNotFound},
        Row{ONESTOP_E_DEVICE_BUSY, Reason::DeviceBusy}, Row{ONESTOP_E_TIMEOUT, Reason::Timeout},
        Row{ONESTOP_E_CANCELLED, Reason::Cancelled}, Row{ONESTOP_E_JAMMED, Reason::ScannerJammed},
        Row{ONESTOP_E_COVER_OPEN, Reason::CoverOpen},
        Row{ONESTOP_E_PRINTER_STOPPED, Reason::PrinterStopped},
        Row{ONESTOP_E_NO_DOCUMENTS, Reason::NoDocuments},
        Row{ONESTOP_E_NOT_SUPPORTED, Reason::NotSupported},
        Row{ONESTOP_E_INVALID_ARGUMENT, Reason::ValidationFailed},
        Row{ONESTOP_E_IO, Reason::IoError}, Row{ONESTOP_E_VENDOR_BASE, Reason::IoError},
        Row{ONESTOP_E_VENDOR_BASE + 0x42, Reason::IoError},
        Row{ONESTOP_E_INTERNAL, Reason::PluginFailed},
        Row{ONESTOP_E_BUFFER_TOO_SMALL, Reason::PluginFailed},
        Row{ONESTOP_E_NO_MORE_PAGES, Reason::PluginFailed}, Row{57, Reason::PluginFailed},
        Row{-1, Reason::PluginFailed}));

TEST(StatusName, NamesKnownAndVendorCodes) {
  EXPECT_EQ(statusName(ONESTOP_E_NO_CARD), "ONESTOP_E_NO_CARD");
  EXPECT_EQ(statusName(ONESTOP_E_VENDOR_BASE + 0x12), "ONESTOP_E_VENDOR+0x12");
  EXPECT_EQ(statusName(57), "status 57");
}

TEST(StatusError, CarriesReasonOperationDeviceAndStatus) {
  const Error e = statusError(ONESTOP_E_CARD_REMOVED, "reader.transmit", "simulator/reader-0");

  EXPECT_EQ(e.reason(), Reason::CardRemoved);
  EXPECT_EQ(e.detail(), "reader.transmit on simulator/reader-0: ONESTOP_E_CARD_REMOVED");
}

}  // namespace
}  // namespace onestop::plugins
