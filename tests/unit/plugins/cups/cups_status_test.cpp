// IPP statuses and job states → the plugin ABI's statuses and print states.
#include "cups_status.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>

#include "cups_client.hpp"

namespace onestop::cups {
namespace {

// "client-error-not-found" → "client_error_not_found": a valid test name.
std::string testName(std::string text) {
  for (char& c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return text;
}

struct StatusRow {
  ipp_status_t ipp;
  onestop_status expected;
};
void PrintTo(const StatusRow& row, std::ostream* out) {
  *out << ippErrorString(row.ipp);
}

class IppStatusMapping : public ::testing::TestWithParam<StatusRow> {};

TEST_P(IppStatusMapping, GivesTheTypedStatus) {
  EXPECT_EQ(statusForIpp(GetParam().ipp), GetParam().expected) << ippErrorString(GetParam().ipp);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, IppStatusMapping,
    ::testing::Values(StatusRow{IPP_STATUS_OK, ONESTOP_OK},
                      StatusRow{IPP_STATUS_OK_IGNORED_OR_SUBSTITUTED, ONESTOP_OK},
                      StatusRow{IPP_STATUS_OK_CONFLICTING, ONESTOP_OK},
                      StatusRow{IPP_STATUS_ERROR_NOT_FOUND, ONESTOP_E_NO_DEVICE},
                      StatusRow{IPP_STATUS_ERROR_GONE, ONESTOP_E_NO_DEVICE},
                      StatusRow{IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS, ONESTOP_E_PRINTER_STOPPED},
                      StatusRow{IPP_STATUS_ERROR_BUSY, ONESTOP_E_DEVICE_BUSY},
                      StatusRow{IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED,
                                ONESTOP_E_INVALID_ARGUMENT},
                      StatusRow{IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES, ONESTOP_E_INVALID_ARGUMENT},
                      StatusRow{IPP_STATUS_ERROR_TIMEOUT, ONESTOP_E_TIMEOUT},
                      StatusRow{IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, ONESTOP_E_IO},
                      StatusRow{IPP_STATUS_ERROR_FORBIDDEN, ONESTOP_E_IO},
                      StatusRow{IPP_STATUS_ERROR_INTERNAL, ONESTOP_E_IO},
                      StatusRow{IPP_STATUS_ERROR_NOT_POSSIBLE, ONESTOP_E_IO}),
    [](const auto& row) { return testName(ippErrorString(row.param.ipp)); });

struct StateRow {
  ipp_jstate_t ipp;
  onestop_print_state expected;
  bool final;
};
void PrintTo(const StateRow& row, std::ostream* out) {
  *out << ippEnumString("job-state", row.ipp);
}

class JobStateMapping : public ::testing::TestWithParam<StateRow> {};

TEST_P(JobStateMapping, GivesThePrintState) {
  const auto mapped = printStateForJobState(GetParam().ipp);
  ASSERT_TRUE(mapped.has_value());
  EXPECT_EQ(*mapped, GetParam().expected);
  EXPECT_EQ(isFinalJobState(GetParam().ipp), GetParam().final);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, JobStateMapping,
    ::testing::Values(StateRow{IPP_JSTATE_PENDING, ONESTOP_PRINT_PENDING, false},
                      StateRow{IPP_JSTATE_HELD, ONESTOP_PRINT_PENDING, false},
                      StateRow{IPP_JSTATE_PROCESSING, ONESTOP_PRINT_PRINTING, false},
                      StateRow{IPP_JSTATE_STOPPED, ONESTOP_PRINT_PRINTING, false},
                      StateRow{IPP_JSTATE_CANCELED, ONESTOP_PRINT_CANCELLED, true},
                      StateRow{IPP_JSTATE_ABORTED, ONESTOP_PRINT_FAILED, true},
                      StateRow{IPP_JSTATE_COMPLETED, ONESTOP_PRINT_COMPLETED, true}),
    [](const auto& row) { return testName(ippEnumString("job-state", row.param.ipp)); });

TEST(JobStateMapping, HasNoStateForAnUnknownValue) {
  EXPECT_FALSE(printStateForJobState(0).has_value());
  EXPECT_FALSE(printStateForJobState(10).has_value());
}

TEST(QueueName, FollowsCupsRules) {
  EXPECT_TRUE(validQueueName("onestop-pdf"));
  EXPECT_TRUE(validQueueName("HP_LaserJet_M404@quay-1"));
  EXPECT_TRUE(validQueueName(std::string(127, 'q')));
  EXPECT_FALSE(validQueueName(""));
  EXPECT_FALSE(validQueueName(std::string(128, 'q')));
  for (const char* bad : {"two words", "a/b", "a\\b", "a?b", "a'b", "a\"b", "a#b", "tab\there"}) {
    EXPECT_FALSE(validQueueName(bad)) << bad;
  }
}

}  // namespace
}  // namespace onestop::cups
