#include "onestop/cccd/calendar_date.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using testing::date;

TEST(CalendarDate, ParsesSlashDate) {
  auto parsed = parseSlashDate("15/06/1995");

  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(*parsed, date(1995, 6, 15));
}

TEST(CalendarDate, ParsesCompactDate) {
  auto parsed = parseCompactDate("02071958");

  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(*parsed, date(1958, 7, 2));
}

TEST(CalendarDate, RejectsSlashDateWithWrongShape) {
  for (const char* text : {"5/6/1995", "15-06-1995", "15/06/95", "15/06/1995 ", "", "aa/bb/cccc"}) {
    auto parsed = parseSlashDate(text);

    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  }
}

TEST(CalendarDate, RejectsDayThatDoesNotExist) {
  EXPECT_FALSE(parseSlashDate("31/04/2000").ok());
  EXPECT_FALSE(parseSlashDate("29/02/2001").ok());
  EXPECT_FALSE(parseCompactDate("00012000").ok());
  EXPECT_FALSE(parseCompactDate("01132000").ok());
  EXPECT_TRUE(parseSlashDate("29/02/2000").ok());
}

TEST(CalendarDate, ErrorDetailDoesNotRepeatTheText) {
  auto parsed = parseCompactDate("31041987");

  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().detail().find("31041987"), std::string::npos);
}

TEST(CalendarDate, FormatsSlashAndMrzForms) {
  EXPECT_EQ(toSlashDate(date(1995, 6, 5)), "05/06/1995");
  EXPECT_EQ(toYymmdd(date(1995, 6, 5)), "950605");
  EXPECT_EQ(toYymmdd(date(2003, 12, 31)), "031231");
}

TEST(CalendarDate, CountsCompletedYears) {
  const Date birth = date(1995, 6, 15);

  EXPECT_EQ(completedYears(birth, date(2021, 6, 14)), 25);
  EXPECT_EQ(completedYears(birth, date(2021, 6, 15)), 26);
  EXPECT_EQ(completedYears(birth, date(1995, 6, 15)), 0);
}

TEST(CalendarDate, AddsYearsKeepingDayAndMonth) {
  EXPECT_EQ(addYears(date(1995, 6, 15), 40), date(2035, 6, 15));
}

TEST(CalendarDate, AddsYearsTurningLeapDayIntoFebruary28) {
  EXPECT_EQ(addYears(date(2000, 2, 29), 25), date(2025, 2, 28));
  EXPECT_EQ(addYears(date(2000, 2, 29), 40), date(2040, 2, 29));
}

}  // namespace
}  // namespace onestop::cccd
