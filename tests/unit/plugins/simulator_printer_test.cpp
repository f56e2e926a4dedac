// The simulator plugin's virtual printer, through PluginHost.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "simulator_support.hpp"

namespace onestop::plugins {
namespace {

constexpr const char* kPrinter = "simulator/printer-0";

std::vector<std::uint8_t> bytes(const std::string& text) {
  return {text.begin(), text.end()};
}

// The simulator's job goes PENDING → PRINTING → COMPLETED over 200 ms, like a real queue.
PrintJobState finalState(Printer& printer, const std::string& job) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  auto state = printer.state(job);
  while (state.ok() && (*state == PrintJobState::Pending || *state == PrintJobState::Printing) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    state = printer.state(job);
  }
  return state.ok() ? *state : PrintJobState::Failed;
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SimulatorPrinter, WritesTheSubmittedPdfAndReportsItCompleted) {
  testing::SimulatorHost sim;
  auto printer = sim.host().printer(kPrinter);
  ASSERT_TRUE(printer.ok());
  const std::string pdf = "%PDF-1.7\n% a test document\n%%EOF\n";

  auto job = (*printer)->submit(bytes(pdf), PrintOptions{});
  ASSERT_TRUE(job.ok()) << job.error().detail();
  auto state = (*printer)->state(*job);

  ASSERT_TRUE(state.ok());
  EXPECT_EQ(*state, PrintJobState::Pending);
  EXPECT_EQ(finalState(**printer, *job), PrintJobState::Completed);
  EXPECT_EQ(readFile(sim.printDir() / (*job + ".pdf")), pdf);
}

TEST(SimulatorPrinter, RefusesADocumentThatIsNotAPdf) {
  testing::SimulatorHost sim;

  auto job = (*sim.host().printer(kPrinter))->submit(bytes("GIF89a..."), PrintOptions{});

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::ValidationFailed);
  EXPECT_TRUE(std::filesystem::is_empty(sim.printDir()));
}

TEST(SimulatorPrinter, GivesEachJobItsOwnFile) {
  testing::SimulatorHost sim;
  auto printer = *sim.host().printer(kPrinter);

  auto first = printer->submit(bytes("%PDF-1 one"), PrintOptions{});
  auto second = printer->submit(bytes("%PDF-1 two"), PrintOptions{});

  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_EQ(readFile(sim.printDir() / (*second + ".pdf")), "%PDF-1 two");
}

TEST(SimulatorPrinter, AnswersValidationFailedForAnUnknownJob) {
  testing::SimulatorHost sim;

  auto state = (*sim.host().printer(kPrinter))->state("job-404");

  EXPECT_EQ(state.error().reason(), Reason::ValidationFailed);
}

TEST(SimulatorPrinter, KeepsAFinishedJobCompletedWhenCancelled) {
  testing::SimulatorHost sim;
  auto printer = *sim.host().printer(kPrinter);
  auto job = printer->submit(bytes("%PDF-1.4"), PrintOptions{});
  ASSERT_TRUE(job.ok());
  ASSERT_EQ(finalState(*printer, *job), PrintJobState::Completed);

  EXPECT_TRUE(printer->cancel(*job).ok());
  EXPECT_EQ(*printer->state(*job), PrintJobState::Completed);
}

TEST(SimulatorPrinter, ReportsCapabilities) {
  testing::SimulatorHost sim;

  auto caps = (*sim.host().printer(kPrinter))->capabilities();

  ASSERT_TRUE(caps.ok());
  EXPECT_TRUE(caps->duplex);
  EXPECT_EQ(caps->maxCopies, 99u);
}

}  // namespace
}  // namespace onestop::plugins
