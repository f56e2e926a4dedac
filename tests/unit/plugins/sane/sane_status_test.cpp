// SANE statuses → the plugin ABI's typed statuses, and their names for the log.
#include <gtest/gtest.h>

#include "sane_status.hpp"

namespace onestop::sane {
namespace {

TEST(SaneStatus, DeviceFaultsKeepTheirOwnCodes) {
  EXPECT_EQ(statusForSane(SANE_STATUS_GOOD), ONESTOP_OK);
  EXPECT_EQ(statusForSane(SANE_STATUS_JAMMED), ONESTOP_E_JAMMED);
  EXPECT_EQ(statusForSane(SANE_STATUS_COVER_OPEN), ONESTOP_E_COVER_OPEN);
  EXPECT_EQ(statusForSane(SANE_STATUS_DEVICE_BUSY), ONESTOP_E_DEVICE_BUSY);
  EXPECT_EQ(statusForSane(SANE_STATUS_CANCELLED), ONESTOP_E_CANCELLED);
}

TEST(SaneStatus, NoDocsIsAnEmptyFeederFirstAndTheEndOfTheJobLater) {
  EXPECT_EQ(statusForSane(SANE_STATUS_NO_DOCS, ScanPoint::BeforeFirstPage), ONESTOP_E_NO_DOCUMENTS);
  EXPECT_EQ(statusForSane(SANE_STATUS_NO_DOCS, ScanPoint::AfterFirstPage), ONESTOP_E_NO_MORE_PAGES);
}

TEST(SaneStatus, EverythingElseIsAnIoError) {
  for (SANE_Status s :
       {SANE_STATUS_IO_ERROR, SANE_STATUS_NO_MEM, SANE_STATUS_ACCESS_DENIED, SANE_STATUS_INVAL,
        SANE_STATUS_UNSUPPORTED, SANE_STATUS_EOF, static_cast<SANE_Status>(14)}) {
    EXPECT_EQ(statusForSane(s), ONESTOP_E_IO) << saneStatusName(s);
    EXPECT_EQ(statusForSane(s, ScanPoint::AfterFirstPage), ONESTOP_E_IO) << saneStatusName(s);
  }
}

TEST(SaneStatus, NamesAreTheSaneConstants) {
  EXPECT_EQ(saneStatusName(SANE_STATUS_JAMMED), "SANE_STATUS_JAMMED");
  EXPECT_EQ(saneStatusName(SANE_STATUS_ACCESS_DENIED), "SANE_STATUS_ACCESS_DENIED");
  EXPECT_EQ(saneStatusName(static_cast<SANE_Status>(14)), "SANE_STATUS(14)");
}

}  // namespace
}  // namespace onestop::sane
