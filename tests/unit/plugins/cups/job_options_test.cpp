// The host's print options → IPP job attributes, and job titles.
#include "job_options.hpp"

#include <gtest/gtest.h>

#include <map>

namespace onestop::cups {
namespace {

QueueAttributes colourDuplexQueue() {
  QueueAttributes q;
  q.colorSupported = true;
  q.sides = {"one-sided", "two-sided-long-edge"};
  q.copiesUpper = 9999;
  return q;
}

std::map<std::string, std::string> asMap(const JobAttributes& attributes) {
  return {attributes.begin(), attributes.end()};
}

onestop_status statusOf(const sdk::PrintOptions& options, const QueueAttributes& queue) {
  try {
    (void)jobAttributes(options, queue);
    return ONESTOP_OK;
  } catch (const sdk::StatusError& e) {
    return e.status();
  }
}

TEST(JobAttributes, DefaultsToOneOneSidedA4CopyInMonochrome) {
  const auto a = asMap(jobAttributes({}, colourDuplexQueue()));

  EXPECT_EQ(a.at("copies"), "1");
  EXPECT_EQ(a.at("sides"), "one-sided");
  EXPECT_EQ(a.at("media"), "iso_a4_210x297mm");
  EXPECT_EQ(a.at("print-color-mode"), "monochrome");
}

TEST(JobAttributes, PassesCopiesDuplexAndColour) {
  sdk::PrintOptions options;
  options.copies = 3;
  options.duplex = true;
  options.color = true;

  const auto a = asMap(jobAttributes(options, colourDuplexQueue()));

  EXPECT_EQ(a.at("copies"), "3");
  EXPECT_EQ(a.at("sides"), "two-sided-long-edge");
  EXPECT_EQ(a.at("print-color-mode"), "color");
}

TEST(JobAttributes, ZeroCopiesMeansOne) {
  sdk::PrintOptions options;
  options.copies = 0;

  EXPECT_EQ(asMap(jobAttributes(options, colourDuplexQueue())).at("copies"), "1");
}

TEST(JobAttributes, RefusesMoreCopiesThanThePluginOrTheQueueAllows) {
  sdk::PrintOptions options;
  options.copies = 99;
  EXPECT_EQ(statusOf(options, colourDuplexQueue()), ONESTOP_OK);
  options.copies = 100;
  EXPECT_EQ(statusOf(options, colourDuplexQueue()), ONESTOP_E_INVALID_ARGUMENT);
  QueueAttributes small = colourDuplexQueue();
  small.copiesUpper = 2;
  options.copies = 3;
  EXPECT_EQ(statusOf(options, small), ONESTOP_E_INVALID_ARGUMENT);
}

TEST(JobAttributes, DuplexOnASimplexQueueIsNotSupported) {
  QueueAttributes simplex = colourDuplexQueue();
  simplex.sides = {"one-sided"};
  sdk::PrintOptions options;
  options.duplex = true;

  EXPECT_EQ(statusOf(options, simplex), ONESTOP_E_NOT_SUPPORTED);
}

TEST(JobAttributes, SendsNoColourModeToAMonochromeQueue) {
  QueueAttributes mono = colourDuplexQueue();
  mono.colorSupported = false;
  sdk::PrintOptions options;
  options.color = true;

  EXPECT_EQ(asMap(jobAttributes(options, mono)).count("print-color-mode"), 0u);
}

TEST(JobTitle, IsTheHostsTitleOrADefault) {
  EXPECT_EQ(jobTitle("HS-2026-000123"), "HS-2026-000123");
  EXPECT_EQ(jobTitle(""), kDefaultTitle);
}

TEST(JobTitle, ReplacesControlCharacters) {
  EXPECT_EQ(jobTitle("a\nb\tc\x7f"), "a b c ");
}

TEST(JobTitle, IsCutOnACharacterBoundary) {
  // 254 ASCII bytes, then "ệ" (three bytes, E1 BB 87) across the 255-byte limit: not split.
  const std::string title = std::string(254, 'x') + "ệ" + "tail";

  const std::string cut = jobTitle(title);

  EXPECT_LE(cut.size(), kMaxTitleBytes);
  EXPECT_EQ(cut, std::string(254, 'x'));
}

}  // namespace
}  // namespace onestop::cups
