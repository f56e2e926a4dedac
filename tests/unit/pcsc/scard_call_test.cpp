#include "scard_call.hpp"

#include <gtest/gtest.h>

namespace onestop::pcsc {
namespace {

TEST(ScardCall, MapsPcscCodesToPluginStatuses) {
  EXPECT_EQ(toStatus(SCARD_S_SUCCESS), ONESTOP_OK);
  EXPECT_EQ(toStatus(SCARD_W_REMOVED_CARD), ONESTOP_E_CARD_REMOVED);
  EXPECT_EQ(toStatus(SCARD_E_NO_SMARTCARD), ONESTOP_E_NO_CARD);
  EXPECT_EQ(toStatus(SCARD_E_UNKNOWN_READER), ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(toStatus(SCARD_E_READER_UNAVAILABLE), ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(toStatus(SCARD_E_SHARING_VIOLATION), ONESTOP_E_DEVICE_BUSY);
  EXPECT_EQ(toStatus(SCARD_E_TIMEOUT), ONESTOP_E_TIMEOUT);
  EXPECT_EQ(toStatus(SCARD_E_NO_SERVICE), ONESTOP_E_IO);
  EXPECT_EQ(toStatus(SCARD_F_COMM_ERROR), ONESTOP_E_IO);
}

TEST(ScardCall, TreatsAStoppedOrUnreachablePcscdAsServiceLost) {
  EXPECT_TRUE((ScardResult{SCARD_E_NO_SERVICE, ONESTOP_E_IO}).serviceLost());
  EXPECT_TRUE((ScardResult{SCARD_E_SERVICE_STOPPED, ONESTOP_E_IO}).serviceLost());
  EXPECT_FALSE((ScardResult{SCARD_E_TIMEOUT, ONESTOP_E_TIMEOUT}).serviceLost());
  EXPECT_FALSE((ScardResult{SCARD_W_REMOVED_CARD, ONESTOP_E_CARD_REMOVED}).serviceLost());
}

}  // namespace
}  // namespace onestop::pcsc
