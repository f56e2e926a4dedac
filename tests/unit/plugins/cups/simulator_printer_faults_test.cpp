// The simulator's virtual printer: jobs that go PENDING → PRINTING → COMPLETED over time, cancel,
// and the faults the setPrinterFault control command sets.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "control_commands.hpp"
#include "simulator_devices.hpp"
#include "virtual_printer.hpp"

namespace onestop::simulator {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const std::vector<std::uint8_t> kPdf = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n'};

class VirtualPrinterFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("onestop-sim-printer-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    devices_.printer = std::make_unique<VirtualPrinter>("printer-0", folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  VirtualPrinter& printer() { return *devices_.printer; }
  onestop_status control(const json& request, json* answer = nullptr) {
    std::string response;
    const onestop_status s = runControlCommand(devices_, request.dump(), response);
    if (answer != nullptr) *answer = json::parse(response);
    return s;
  }
  std::string submitOk() {
    std::string id;
    EXPECT_EQ(printer().submit(kPdf, id), ONESTOP_OK);
    return id;
  }
  onestop_print_state stateOf(const std::string& id) {
    onestop_print_state state{};
    EXPECT_EQ(printer().jobState(id, state), ONESTOP_OK);
    return state;
  }
  // Every distinct state the job passes through, polled until it is final or 3 s passed.
  std::vector<onestop_print_state> watch(const std::string& id) {
    std::vector<onestop_print_state> seen;
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto s = stateOf(id);
      if (seen.empty() || seen.back() != s) seen.push_back(s);
      if (s != ONESTOP_PRINT_PENDING && s != ONESTOP_PRINT_PRINTING) break;
      std::this_thread::sleep_for(5ms);
    }
    return seen;
  }

  std::filesystem::path folder_;
  SimulatorDevices devices_;
};

TEST_F(VirtualPrinterFaults, AJobGoesPendingPrintingCompletedInAboutTwoHundredMilliseconds) {
  const auto start = std::chrono::steady_clock::now();
  const std::string id = submitOk();

  const auto seen = watch(id);

  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(seen, (std::vector<onestop_print_state>{ONESTOP_PRINT_PENDING, ONESTOP_PRINT_PRINTING,
                                                    ONESTOP_PRINT_COMPLETED}));
  EXPECT_GE(took, 200ms);
  EXPECT_LT(took, 1500ms);
  EXPECT_TRUE(std::filesystem::exists(folder_ / (id + ".pdf")));
}

TEST_F(VirtualPrinterFaults, CancelWhilePendingEndsCancelledAndStaysSo) {
  const std::string id = submitOk();

  EXPECT_EQ(printer().cancel(id), ONESTOP_OK);

  EXPECT_EQ(stateOf(id), ONESTOP_PRINT_CANCELLED);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(stateOf(id), ONESTOP_PRINT_CANCELLED);
}

TEST_F(VirtualPrinterFaults, CancelAfterCompletionLeavesItCompleted) {
  const std::string id = submitOk();
  ASSERT_EQ(watch(id).back(), ONESTOP_PRINT_COMPLETED);

  EXPECT_EQ(printer().cancel(id), ONESTOP_OK);

  EXPECT_EQ(stateOf(id), ONESTOP_PRINT_COMPLETED);
}

TEST_F(VirtualPrinterFaults, StoppedRefusesNewJobsUntilCleared) {
  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", "stopped"}}), ONESTOP_OK);
  std::string id;

  EXPECT_EQ(printer().submit(kPdf, id), ONESTOP_E_PRINTER_STOPPED);
  onestop_printer_caps caps{};
  EXPECT_EQ(printer().capabilities(caps), ONESTOP_OK);

  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", nullptr}}), ONESTOP_OK);
  EXPECT_EQ(printer().submit(kPdf, id), ONESTOP_OK);
}

TEST_F(VirtualPrinterFaults, PrinterFaultIsAnotherNameAndNoneClearsLikeNull) {
  json answer;
  ASSERT_EQ(control({{"command", "printerFault"}, {"fault", "stopped"}}, &answer), ONESTOP_OK);
  EXPECT_EQ(answer.at("fault"), "stopped");
  EXPECT_EQ(printer().fault(), VirtualPrinter::Fault::Stopped);

  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", "none"}}, &answer), ONESTOP_OK);

  EXPECT_TRUE(answer.at("fault").is_null());
  EXPECT_EQ(printer().fault(), VirtualPrinter::Fault::None);
}

TEST_F(VirtualPrinterFaults, MissingMakesEveryCallNoDevice) {
  const std::string earlier = submitOk();
  ASSERT_EQ(
      control({{"command", "setPrinterFault"}, {"printer", "printer-0"}, {"fault", "missing"}}),
      ONESTOP_OK);
  std::string id;
  onestop_print_state state{};
  onestop_printer_caps caps{};

  EXPECT_EQ(printer().submit(kPdf, id), ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(printer().jobState(earlier, state), ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(printer().cancel(earlier), ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(printer().capabilities(caps), ONESTOP_E_NO_DEVICE);
}

TEST_F(VirtualPrinterFaults, JobFailedAcceptsTheJobThenReportsItFailedWithoutOutput) {
  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", "jobFailed"}}), ONESTOP_OK);

  const std::string id = submitOk();

  const auto seen = watch(id);
  EXPECT_EQ(seen.front(), ONESTOP_PRINT_PENDING);
  EXPECT_EQ(seen.back(), ONESTOP_PRINT_FAILED);
  EXPECT_FALSE(std::filesystem::exists(folder_ / (id + ".pdf")));
}

TEST_F(VirtualPrinterFaults, StatusShowsTheFault) {
  json answer;
  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", "jobFailed"}}, &answer), ONESTOP_OK);
  EXPECT_EQ(answer, (json{{"printer", "printer-0"}, {"fault", "jobFailed"}}));

  ASSERT_EQ(control({{"command", "status"}}, &answer), ONESTOP_OK);
  EXPECT_EQ(answer.at("printerFault"), "jobFailed");
  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", nullptr}}), ONESTOP_OK);
  ASSERT_EQ(control({{"command", "status"}}, &answer), ONESTOP_OK);
  EXPECT_TRUE(answer.at("printerFault").is_null());
}

TEST_F(VirtualPrinterFaults, RefusesUnknownFaultsAndPrinters) {
  json answer;
  EXPECT_EQ(control({{"command", "setPrinterFault"}, {"fault", "onFire"}}, &answer),
            ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_TRUE(answer.contains("error"));
  EXPECT_EQ(control({{"command", "setPrinterFault"}, {"fault", 3}}), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(control({{"command", "setPrinterFault"}}), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(
      control({{"command", "setPrinterFault"}, {"printer", "printer-9"}, {"fault", "stopped"}}),
      ONESTOP_E_NO_DEVICE);
  EXPECT_EQ(printer().fault(), VirtualPrinter::Fault::None);
}

TEST_F(VirtualPrinterFaults, ADocumentThatIsNotAPdfIsRefusedEvenUnderAFault) {
  ASSERT_EQ(control({{"command", "setPrinterFault"}, {"fault", "stopped"}}), ONESTOP_OK);
  const std::vector<std::uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a'};
  std::string id;

  EXPECT_EQ(printer().submit(gif, id), ONESTOP_E_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace onestop::simulator
